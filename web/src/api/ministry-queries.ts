import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { Query } from './client.ts';
import { clustersApi, ministryApi, notificationsApi, publicApi } from './ministry.ts';

export const ministryKeys = {
  all: ['ministry'] as const,
  overview: (year: number) => ['ministry', 'overview', year] as const,
  experts: ['ministry', 'experts'] as const,
  panels: (year: number) => ['ministry', 'panels', year] as const,
  panel: (id: string) => ['ministry', 'panel', id] as const,
  results: (year: number) => ['ministry', 'results', year] as const,
  publicity: (year: number) => ['ministry', 'publicity', year] as const,
  objections: (year: number) => ['ministry', 'objections', year] as const,
  clusters: (query: Query) => ['clusters', query] as const,
  notifications: ['notifications'] as const,
  publicPublicity: ['public', 'publicity'] as const,
};

/** After any change in the national review: every ministry view and the cluster lists may have moved. */
export function invalidateMinistryViews(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ministryKeys.all });
  void queryClient.invalidateQueries({ queryKey: ['clusters'] });
}

export function useOverview(year: number | undefined) {
  return useQuery({
    queryKey: ministryKeys.overview(year ?? 0),
    queryFn: ({ signal }) => ministryApi.overview(year ?? 0, signal),
    enabled: year !== undefined,
    staleTime: 0,
  });
}

export function useMinistryExperts() {
  return useQuery({
    queryKey: ministryKeys.experts,
    queryFn: ({ signal }) => ministryApi.experts(signal),
    staleTime: 60_000,
  });
}

export function usePanels(year: number | undefined) {
  return useQuery({
    queryKey: ministryKeys.panels(year ?? 0),
    queryFn: ({ signal }) => ministryApi.panels(year ?? 0, signal),
    enabled: year !== undefined,
    staleTime: 0,
  });
}

export function usePanel(id: string) {
  return useQuery({
    queryKey: ministryKeys.panel(id),
    queryFn: ({ signal }) => ministryApi.panel(id, signal),
    staleTime: 0,
  });
}

export function useResults(year: number | undefined) {
  return useQuery({
    queryKey: ministryKeys.results(year ?? 0),
    queryFn: ({ signal }) => ministryApi.results(year ?? 0, signal),
    enabled: year !== undefined,
    staleTime: 0,
  });
}

export function usePublicity(year: number | undefined) {
  return useQuery({
    queryKey: ministryKeys.publicity(year ?? 0),
    queryFn: ({ signal }) => ministryApi.publicity(year ?? 0, signal),
    enabled: year !== undefined,
    staleTime: 0,
  });
}

export function useObjections(year: number | undefined) {
  return useQuery({
    queryKey: ministryKeys.objections(year ?? 0),
    queryFn: ({ signal }) => ministryApi.objections(year ?? 0, signal),
    enabled: year !== undefined,
    staleTime: 0,
  });
}

export function useClusters(query: Query) {
  return useQuery({
    queryKey: ministryKeys.clusters(query),
    queryFn: ({ signal }) => clustersApi.list(query, signal),
    staleTime: 0,
  });
}

/** The caller's notifications, polled each minute while the page is open. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: ministryKeys.notifications,
    queryFn: ({ signal }) => notificationsApi.list(signal),
    enabled,
    staleTime: 30_000,
    refetchInterval: 60_000,
    retry: false,
  });
}

export function usePublicPublicity() {
  return useQuery({
    queryKey: ministryKeys.publicPublicity,
    queryFn: ({ signal }) => publicApi.publicity(signal),
    staleTime: 0,
  });
}
