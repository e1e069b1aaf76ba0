import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { chinaDate } from '../../../domain/workflow.ts';
import { api, type Query } from './client.ts';
import type { Page, Session } from './types.ts';

export const queryKeys = {
  meta: ['meta'] as const,
  session: ['auth', 'me'] as const,
  units: ['units'] as const,
};

/** Server metadata (name, version, demo mode, the server's today). Failure just means "not demo". */
export function useMeta() {
  return useQuery({
    queryKey: queryKeys.meta,
    queryFn: ({ signal }) => api.meta(signal),
    // Refreshed now and then: it carries the server's today, which a demo clock can move.
    staleTime: 5 * 60_000,
    retry: 1,
  });
}

/**
 * The Beijing date the server acts on (its clock may be shifted in a demo installation), falling back to
 * this browser's date until the metadata has loaded: date fields and countdowns start from it.
 */
export function useServerToday(): string {
  return useMeta().data?.today ?? chinaDate(new Date());
}

export function useIsDemo(): boolean {
  return useMeta().data?.demo === true;
}

/** The signed-in session; `data` is null when signed out. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => api.me(signal),
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { auth: true },
    mutationFn: ({ username, password }: { username: string; password: string }) =>
      api.login(username, password),
    onSuccess: (session: Session) => {
      queryClient.setQueryData(queryKeys.session, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { auth: true },
    mutationFn: () => api.logout(),
    onSettled: () => {
      // Drop everything the previous user could see, then mark the session as signed out.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'meta' });
      queryClient.setQueryData(queryKeys.session, null);
    },
  });
}

export function useUnits() {
  return useQuery({
    queryKey: queryKeys.units,
    queryFn: ({ signal }) => api.units(signal),
    staleTime: 60 * 60_000,
  });
}

/** One page of a cursor-paginated list; keeps showing the previous page while the next loads. */
export function usePagedList<T, Q extends Query>(
  key: string,
  query: Q,
  fetchPage: (query: Q, signal: AbortSignal) => Promise<Page<T>>,
) {
  return useQuery({
    queryKey: [key, query],
    queryFn: ({ signal }) => fetchPage(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}
