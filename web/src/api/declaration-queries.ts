import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeclarationContent } from '../../../domain/declaration-form.ts';
import { type Declaration, declarationsApi } from './declarations.ts';

export const declarationKeys = {
  campaigns: ['campaigns'] as const,
  lists: ['declarations', 'list'] as const,
  list: (query: Record<string, unknown>) => ['declarations', 'list', query] as const,
  one: (id: string) => ['declarations', 'one', id] as const,
  history: (id: string) => ['declarations', 'history', id] as const,
  diff: (id: string, from: number, to: number) => ['declarations', 'diff', id, from, to] as const,
  standards: (id: string, version: number) => ['declarations', 'standards', id, version] as const,
};

export function useCampaigns() {
  return useQuery({
    queryKey: declarationKeys.campaigns,
    queryFn: ({ signal }) => declarationsApi.campaigns(signal),
    staleTime: 5 * 60_000,
  });
}

/** The caller's declarations (a county sees its own), all pages up to 200. */
export function useDeclarationList() {
  return useQuery({
    queryKey: declarationKeys.list({ limit: 200 }),
    queryFn: ({ signal }) => declarationsApi.list({ limit: 200 }, signal),
    staleTime: 0,
  });
}

/** One declaration, always fetched fresh on opening (the editor keeps its own state after that). */
export function useDeclaration(id: string) {
  return useQuery({
    queryKey: declarationKeys.one(id),
    queryFn: ({ signal }) => declarationsApi.get(id, signal),
    staleTime: 0,
    gcTime: 0,
    refetchOnMount: 'always',
  });
}

export function useCreateDeclaration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { campaignYear: number } & Partial<DeclarationContent>) =>
      declarationsApi.create(body),
    onSuccess: (decl: Declaration) => {
      queryClient.setQueryData(declarationKeys.one(decl.id), decl);
      void queryClient.invalidateQueries({ queryKey: declarationKeys.lists });
    },
  });
}

export function useDeclarationHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: declarationKeys.history(id),
    queryFn: ({ signal }) => declarationsApi.history(id, signal),
    enabled,
    staleTime: 0,
  });
}

export function useVersionDiff(id: string, range: { from: number; to: number } | null) {
  return useQuery({
    queryKey: declarationKeys.diff(id, range?.from ?? 0, range?.to ?? 0),
    queryFn: ({ signal }) => declarationsApi.diff(id, range?.from ?? 0, range?.to ?? 0, signal),
    enabled: range !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The server's standards check of the saved version (authoritative after save). */
export function useServerStandards(id: string, version: number) {
  return useQuery({
    queryKey: declarationKeys.standards(id, version),
    queryFn: ({ signal }) => declarationsApi.standards(id, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
