import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { Query } from './client.ts';
import { clusterApi } from './clusters.ts';

export const clusterKeys = {
  all: ['clusters'] as const,
  list: (query: Query) => ['clusters', query] as const,
  one: (id: string) => ['clusters', 'one', id] as const,
  part: (id: string, part: string, ...rest: (string | number)[]) =>
    ['clusters', 'one', id, part, ...rest] as const,
  reportQueue: (query: Query) => ['annual-reports', 'queue', query] as const,
  completion: (year: number) => ['annual-reports', 'completion', year] as const,
  totals: ['annual-reports', 'totals'] as const,
  supportTotals: (groupBy: string) => ['policy-support', 'totals', groupBy] as const,
  reReviewsDue: ['re-reviews', 'due'] as const,
  provincial: (unit: string) => ['provincial', unit] as const,
  candidates: (unit: string, year: number) => ['provincial', unit, 'candidates', year] as const,
};

/** After any change to a cluster: its own views, the lists and the overviews may all have moved. */
export function invalidateClusterViews(queryClient: QueryClient, id?: string): void {
  void queryClient.invalidateQueries({ queryKey: id ? clusterKeys.one(id) : clusterKeys.all });
  if (id) void queryClient.invalidateQueries({ queryKey: clusterKeys.all, exact: false });
  void queryClient.invalidateQueries({ queryKey: ['annual-reports'] });
  void queryClient.invalidateQueries({ queryKey: ['policy-support'] });
  void queryClient.invalidateQueries({ queryKey: ['re-reviews'] });
  void queryClient.invalidateQueries({ queryKey: ['provincial'] });
}

export function useClusterList(query: Query) {
  return useQuery({
    queryKey: clusterKeys.list(query),
    queryFn: ({ signal }) => clusterApi.list(query, signal),
    staleTime: 0,
  });
}

export function useCluster(id: string) {
  return useQuery({
    queryKey: clusterKeys.one(id),
    queryFn: ({ signal }) => clusterApi.get(id, signal),
    staleTime: 0,
  });
}

export function useClusterHistory(id: string) {
  return useQuery({
    queryKey: clusterKeys.part(id, 'history'),
    queryFn: ({ signal }) => clusterApi.history(id, signal),
    staleTime: 0,
  });
}

/** The revocation of a revoked cluster (the query stays off while the cluster is not revoked). */
export function useRevocation(id: string, revoked: boolean) {
  return useQuery({
    queryKey: clusterKeys.part(id, 'revocation'),
    queryFn: ({ signal }) => clusterApi.revocation(id, signal),
    enabled: revoked,
    staleTime: 0,
  });
}

export function useClusterReports(id: string) {
  return useQuery({
    queryKey: clusterKeys.part(id, 'reports'),
    queryFn: ({ signal }) => clusterApi.reports(id, signal),
    staleTime: 0,
  });
}

export function useAnnualReport(id: string, year: number | undefined) {
  return useQuery({
    queryKey: clusterKeys.part(id, 'report', year ?? 0),
    queryFn: ({ signal }) => clusterApi.report(id, year ?? 0, signal),
    enabled: year !== undefined,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useTrends(id: string) {
  return useQuery({
    queryKey: clusterKeys.part(id, 'trends'),
    queryFn: ({ signal }) => clusterApi.trends(id, signal),
    staleTime: 0,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: clusterKeys.part(id, 'plan'),
    queryFn: ({ signal }) => clusterApi.plan(id, signal),
    staleTime: 0,
  });
}

export function useSupport(id: string) {
  return useQuery({
    queryKey: clusterKeys.part(id, 'support'),
    queryFn: ({ signal }) => clusterApi.support(id, signal),
    staleTime: 0,
  });
}

export function useChangeReports(id: string) {
  return useQuery({
    queryKey: clusterKeys.part(id, 'changes'),
    queryFn: ({ signal }) => clusterApi.changeReports(id, signal),
    staleTime: 0,
  });
}

/** The cluster's latest re-review; `data` is null when it never had one (404). */
export function useReReview(id: string) {
  return useQuery({
    queryKey: clusterKeys.part(id, 're-review'),
    queryFn: async ({ signal }) => {
      try {
        return await clusterApi.reReview(id, signal);
      } catch (err) {
        if (err && typeof err === 'object' && 'status' in err && err.status === 404) return null;
        throw err;
      }
    },
    staleTime: 0,
  });
}

export function useReportQueue(query: Query) {
  return useQuery({
    queryKey: clusterKeys.reportQueue(query),
    queryFn: ({ signal }) => clusterApi.reportQueue(query, signal),
    staleTime: 0,
  });
}

export function useCompletion(year: number) {
  return useQuery({
    queryKey: clusterKeys.completion(year),
    queryFn: ({ signal }) => clusterApi.completion(year, signal),
    staleTime: 0,
  });
}

export function useReportTotals() {
  return useQuery({
    queryKey: clusterKeys.totals,
    queryFn: ({ signal }) => clusterApi.totals(signal),
    staleTime: 0,
  });
}

export function useSupportTotals(groupBy: 'unit' | 'cluster') {
  return useQuery({
    queryKey: clusterKeys.supportTotals(groupBy),
    queryFn: ({ signal }) => clusterApi.supportTotals(groupBy, signal),
    staleTime: 0,
  });
}

export function useReReviewsDue() {
  return useQuery({
    queryKey: clusterKeys.reReviewsDue,
    queryFn: ({ signal }) => clusterApi.reReviewsDue(signal),
    staleTime: 0,
  });
}

export function useProvincialRounds(unitCode: string | undefined) {
  return useQuery({
    queryKey: clusterKeys.provincial(unitCode ?? ''),
    queryFn: ({ signal }) => clusterApi.provincialRounds(unitCode ?? '', signal),
    enabled: Boolean(unitCode),
    staleTime: 0,
  });
}

export function useProvincialCandidates(unitCode: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: clusterKeys.candidates(unitCode ?? '', year ?? 0),
    queryFn: ({ signal }) => clusterApi.provincialCandidates(unitCode ?? '', year ?? 0, signal),
    enabled: Boolean(unitCode) && year !== undefined,
    staleTime: 0,
  });
}

export function useProvincialScores(unitCode: string, year: number) {
  return useQuery({
    queryKey: ['provincial', unitCode, 'scores', year],
    queryFn: ({ signal }) => clusterApi.provincialScores(unitCode, year, signal),
    staleTime: 0,
  });
}

/** The objections to a round's 公示 (off until the round has one). */
export function useProvincialObjections(unitCode: string, year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['provincial', unitCode, 'objections', year],
    queryFn: ({ signal }) => clusterApi.provincialObjections(unitCode, year, signal),
    enabled,
    staleTime: 0,
  });
}

/** The provincial 公示 periods the public sees. */
export function usePublicProvincialPublicity() {
  return useQuery({
    queryKey: ['provincial', 'public-publicity'],
    queryFn: ({ signal }) => clusterApi.publicProvincialPublicity(signal),
    staleTime: 0,
  });
}
