import { type QueryClient, useQueries, useQuery } from '@tanstack/react-query';
import type { StandardsResult } from '../../../domain/standards.ts';
import { contentOf } from '../components/declaration/content-patch.ts';
import { evaluateLive } from '../components/declaration/standards-format.ts';
import { declarationKeys } from './declaration-queries.ts';
import { type Declaration, declarationsApi } from './declarations.ts';
import { reviewApi } from './review.ts';

export const reviewKeys = {
  all: ['review'] as const,
  intake: (year: number) => ['review', 'intake', year] as const,
  detail: (id: string) => ['review', 'detail', id] as const,
  review: (id: string) => ['review', 'checklist', id] as const,
  audit: (id: string) => ['review', 'audit', id] as const,
  dashboard: (unitCode: string, year: number) => ['review', 'dashboard', unitCode, year] as const,
  recommendations: (unitCode: string, year: number) => ['review', 'recommendations', unitCode, year] as const,
};

/** After an action or a saved ranking: every unit view and the declaration lists may have changed. */
export function invalidateReviewViews(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
  void queryClient.invalidateQueries({ queryKey: declarationKeys.lists });
}

export function useUnitDashboard(unitCode: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: reviewKeys.dashboard(unitCode ?? '', year ?? 0),
    queryFn: ({ signal }) => reviewApi.dashboard(unitCode ?? '', year ?? 0, signal),
    enabled: Boolean(unitCode && year),
    staleTime: 0,
  });
}

/** All declarations of the unit's counties in a campaign (a unit never sees drafts). */
export function useIntakeList(year: number | undefined) {
  return useQuery({
    queryKey: reviewKeys.intake(year ?? 0),
    queryFn: ({ signal }) => reviewApi.listAll({ campaignYear: year }, signal),
    enabled: year !== undefined,
    staleTime: 0,
  });
}

export interface DeclarationDetail {
  declaration: Declaration;
  /** The same pure check the server runs, on the saved content. */
  standards: StandardsResult | null;
}

/** The details by id and whether any is still loading (module-level, so useQueries can keep its result). */
function combineDetails(results: { data?: Declaration | undefined; isPending: boolean }[]) {
  const byId = new Map<string, DeclarationDetail>();
  for (const { data: d } of results) {
    if (d) byId.set(d.id, { declaration: d, standards: evaluateLive(contentOf(d), d.standardsVersion) });
  }
  return { byId: byId as ReadonlyMap<string, DeclarationDetail>, pending: results.some((r) => r.isPending) };
}

/**
 * The full declarations behind a list (the list rows carry neither the leading industry nor the standards
 * result), fetched in parallel and kept a minute. `byId` lacks those still loading.
 */
export function useDeclarationDetails(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: reviewKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => declarationsApi.get(id, signal),
      staleTime: 60_000,
    })),
    combine: combineDetails,
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: reviewKeys.review(id),
    queryFn: ({ signal }) => reviewApi.review(id, signal),
    staleTime: 0,
  });
}

export function useAudit(id: string, enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.audit(id),
    queryFn: ({ signal }) => reviewApi.audit(id, signal),
    enabled,
    staleTime: 0,
  });
}

export function useRecommendations(unitCode: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: reviewKeys.recommendations(unitCode ?? '', year ?? 0),
    queryFn: ({ signal }) => reviewApi.recommendations(unitCode ?? '', year ?? 0, signal),
    enabled: Boolean(unitCode && year),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
