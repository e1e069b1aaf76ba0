import type { Role } from '../../../domain/roles.ts';
import type { ClusterRow } from './repo.ts';

/** Who may do what with clusters, before the record scope (a county its own, a unit its unit's) applies. */
export const CLUSTER_ACCESS = {
  read: ['county', 'unit', 'ministry', 'admin'],
  import: ['ministry', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

/** Whether a certificate may be printed: not for a revoked identification. */
export const canPrintCertificate = (c: Pick<ClusterRow, 'status'>) => c.status !== 'revoked';

/** The caller's actions on a cluster it can see (scope was applied by the query that found it). */
export function clusterActions(c: Pick<ClusterRow, 'status'>): string[] {
  return canPrintCertificate(c) ? ['download_certificate'] : [];
}
