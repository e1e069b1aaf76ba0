import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { RegistryFilter } from '../components/public/registry-filter.ts';
import { ApiError } from './client.ts';
import { type PublicClusterDetail, portalApi } from './public.ts';

// The registry changes a few times a year and the server caches it for a minute (with an ETag the browser
// revalidates cheaply), so a minute here too: moving between portal pages asks nothing again.
const PUBLIC_STALE_MS = 60_000;

export const portalKeys = {
  registry: (filter: RegistryFilter) => ['public', 'registry', filter] as const,
  stats: (filter: RegistryFilter) => ['public', 'stats', filter] as const,
  cluster: (id: string) => ['public', 'cluster', id] as const,
  notices: (kind: string | undefined, limit: number, publisher: string | undefined) =>
    ['public', 'notices', kind ?? 'all', publisher ?? 'all', limit] as const,
  notice: (id: string) => ['public', 'notice', id] as const,
};

/** The registry rows for a filter; the previous rows stay while a new filter loads. */
export function usePublicRegistry(filter: RegistryFilter) {
  return useQuery({
    queryKey: portalKeys.registry(filter),
    queryFn: ({ signal }) => portalApi.registry(filter, signal),
    staleTime: PUBLIC_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

export function usePublicStats(filter: RegistryFilter = {}) {
  return useQuery({
    queryKey: portalKeys.stats(filter),
    queryFn: ({ signal }) => portalApi.stats(filter, signal),
    staleTime: PUBLIC_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

/**
 * One cluster: from GET /api/v1/public/clusters/:id when the server has it, otherwise (404 from a server
 * without that route) the cluster's row of the whole registry. Null when the registry has no such cluster.
 */
export function usePublicCluster(id: string) {
  return useQuery({
    queryKey: portalKeys.cluster(id),
    queryFn: async ({ signal }): Promise<PublicClusterDetail | null> => {
      try {
        return await portalApi.cluster(id, signal);
      } catch (err) {
        if (!(err instanceof ApiError && (err.status === 404 || err.status === 400))) throw err;
        const all = await portalApi.registry({}, signal);
        return all.items.find((c) => c.id === id) ?? null;
      }
    },
    staleTime: PUBLIC_STALE_MS,
    retry: false,
  });
}

/** Published notices, newest first, page by page (cursor); `publisher` is a unit code or 'ministry'. */
export function usePublicNotices(kind: string | undefined, limit = 20, publisher?: string) {
  return useInfiniteQuery({
    queryKey: portalKeys.notices(kind, limit, publisher),
    queryFn: ({ pageParam, signal }) =>
      portalApi.notices(
        { kind, limit, unitCode: publisher, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: PUBLIC_STALE_MS,
  });
}

export function usePublicNotice(id: string) {
  return useQuery({
    queryKey: portalKeys.notice(id),
    queryFn: ({ signal }) => portalApi.notice(id, signal),
    staleTime: PUBLIC_STALE_MS,
  });
}
