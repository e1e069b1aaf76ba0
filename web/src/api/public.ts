// The public portal's API: the registry of identified clusters, its statistics and published notices. No
// session needed. The registry and statistics shapes are written from the server's JSON (their schemas live
// in server code the web cannot import); enums come from domain/.
import type {
  ClusterLevel,
  EffectiveClusterStatus,
  RevocationReason,
} from '../../../domain/cluster-lifecycle.ts';
import type { NoticeDto } from '../../../domain/ministry-contract.ts';
import type { Region } from '../../../domain/units.ts';
import { type RegistryFilter, registryUrl } from '../components/public/registry-filter.ts';
import { http, type Query } from './client.ts';
import type { Page } from './types.ts';

/** One row of the public registry (GET /api/v1/public/clusters). */
export interface PublicCluster {
  id: string;
  name: string;
  /** The batch (campaign year). */
  year: number;
  divisionCode: string;
  countyName: string;
  unitCode: string;
  unitName: string;
  region: Region;
  leadingIndustry: string;
  industryCode?: string | null;
  noticeNo: string | null;
  validFrom: string;
  validTo: string;
  status: EffectiveClusterStatus;
  level: ClusterLevel;
  revokedOn: string | null;
  revocationReason: RevocationReason | null;
}

export interface PublicRegistry {
  items: PublicCluster[];
  total: number;
}

/** GET /api/v1/public/stats: every breakdown sums to `total`. */
export interface PublicStats {
  total: number;
  byYear: { year: number; count: number }[];
  byUnit: { code: string; name: string; region: Region; count: number }[];
  byRegion: { region: Region; name: string; count: number }[];
  /** GB/T 4754 section of the leading industry; code "unknown" when none is recorded. */
  bySection: { code: string; name: string; count: number }[];
}

/** One step of a cluster's public history (GET /api/v1/public/clusters/:id). */
export interface PublicClusterEvent {
  kind: 'identified' | 'imported' | 'extended' | 'revoked';
  onDate: string;
}

/** Annual figures the cluster's unit published (amounts in 亿元, growth in %). */
export interface PublicAnnualFigures {
  year: number;
  output: number | null;
  outputGrowth: number | null;
  smeOutput: number | null;
  leadingIndustryOutput: number | null;
  enterprises: number | null;
  smes: number | null;
  singleChampions: number | null;
  littleGiants: number | null;
  specializedSmes: number | null;
  validInventionPatents: number | null;
  rdSpending: number | null;
}

/**
 * The public detail of one cluster (GET /api/v1/public/clusters/:id). `history` and `figures` are optional so
 * that the registry row alone (the fallback against an older server) is one too.
 */
export interface PublicClusterDetail extends PublicCluster {
  history?: PublicClusterEvent[];
  figures?: PublicAnnualFigures[];
}

export type { NoticeAttachmentDto as NoticeAttachment } from '../../../domain/ministry-contract.ts';

/** A published notice (English title, publishing unit and attachments where given). */
export type PublicNotice = NoticeDto;

const V1 = '/api/v1/public';

/** The filter as API query parameters (the same names as the page URL). */
const asQuery = (filter: RegistryFilter): Query => ({ ...filter });

export const portalApi = {
  registry: (filter: RegistryFilter, signal?: AbortSignal) =>
    http.get<PublicRegistry>(registryUrl({}, 'json'), asQuery(filter), signal),
  stats: (filter: RegistryFilter, signal?: AbortSignal) =>
    http.get<PublicStats>(`${V1}/stats`, asQuery(filter), signal),
  cluster: (id: string, signal?: AbortSignal) =>
    http.get<PublicClusterDetail>(`${V1}/clusters/${encodeURIComponent(id)}`, undefined, signal),
  notices: (
    query: { kind?: string; limit?: number; cursor?: string; unitCode?: string },
    signal?: AbortSignal,
  ) => http.get<Page<PublicNotice>>(`${V1}/notices`, query, signal),
  notice: (id: string, signal?: AbortSignal) =>
    http.get<PublicNotice>(`${V1}/notices/${encodeURIComponent(id)}`, undefined, signal),
};

/** Where an attachment of a published notice downloads from. */
export const noticeAttachmentUrl = (noticeId: string, attachmentId: string) =>
  `${V1}/notices/${encodeURIComponent(noticeId)}/attachments/${encodeURIComponent(attachmentId)}`;
