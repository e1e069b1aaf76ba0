// The recommending unit's endpoints: acceptance (single and bulk), the preliminary review checklist, the
// dashboard, the ranked recommendation list and the audit trail. Item keys, statuses and the quota rules
// come from domain/; this file only adds the envelopes the server wraps around them.
import type { AutoCheck, ReviewItemKey } from '../../../domain/review.ts';
import type { StandardsOverall } from '../../../domain/standards.ts';
import type { DeclarationStatus } from '../../../domain/workflow.ts';
import { http, type Query } from './client.ts';
import type { Declaration, DeclarationSummary } from './declarations.ts';
import type { Page } from './types.ts';

/** The unit's steps on one declaration; `return` and `reject` need written reasons (TRANSITIONS). */
export type UnitAction = 'accept' | 'return' | 'reject';
export const UNIT_ACTIONS: readonly UnitAction[] = ['accept', 'return', 'reject'];

export interface ReviewItem {
  key: ReviewItemKey;
  zh: string;
  en: string;
  auto: AutoCheck | null;
  ok: boolean | null;
  note: string;
}

export type ReviewResult = 'pass' | 'fail';

export interface Review {
  declarationId: string;
  items: ReviewItem[];
  result: ReviewResult | null;
  notes: string;
  version: number;
  reviewedAt: string | null;
  reviewedBy: { id: string; displayName: string } | null;
}

export interface ReviewInput {
  checklist: Partial<Record<ReviewItemKey, { ok: boolean | null; note: string }>>;
  result: ReviewResult | null;
  notes: string;
}

export interface BulkResult {
  id: string;
  ok: boolean;
  status: DeclarationStatus | null;
  error: { code: string; message: string; details: unknown[] } | null;
}

export interface UnitDashboard {
  unitCode: string;
  unitName: string;
  campaignYear: number;
  byStatus: Partial<Record<DeclarationStatus, number>>;
  quota: number;
  used: number;
  countyDeadline: string | null;
  unitDeadline: string | null;
}

export interface RecommendationEntry {
  rank: number;
  declarationId: string;
  clusterName: string;
  divisionCode: string;
  countyName: string;
  standardsOverall: StandardsOverall;
  westernRelaxation: { justification: string } | null;
}

export interface RecommendationList {
  unitCode: string;
  unitName: string;
  campaignYear: number;
  quota: number;
  used: number;
  unitDeadline: string | null;
  items: RecommendationEntry[];
}

export interface RecommendationInput {
  declarationId: string;
  rank: number;
  westernRelaxationJustification?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: string | null; name: string | null; role: string | null; scope?: string | null };
  action: string;
  before: unknown;
  after: unknown;
}

const V1 = '/api/v1';
const decl = (id: string) => `${V1}/declarations/${encodeURIComponent(id)}`;
const unit = (code: string) => `${V1}/units/${encodeURIComponent(code)}`;

export const reviewUrls = {
  summaryXlsx: (unitCode: string, year: number) => `${unit(unitCode)}/recommendations/${year}.xlsx`,
  letterPdf: (unitCode: string, year: number) => `${unit(unitCode)}/recommendations/${year}.pdf`,
};

/** Every page of a declarations query (the server caps a page at 500), up to `max` items. */
async function listAll(query: Query, signal?: AbortSignal, max = 2000): Promise<DeclarationSummary[]> {
  const items: DeclarationSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<DeclarationSummary> = await http.get(
      `${V1}/declarations`,
      { ...query, limit: 200, cursor },
      signal,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items;
}

export const reviewApi = {
  listAll,
  /**
   * `expectedStatus`: the status the official decided on; if a colleague acted meanwhile the server answers
   * 409 instead of silently replacing that decision.
   */
  action: (id: string, action: UnitAction, comment?: string, expectedStatus?: string) =>
    http.post<Declaration>(`${decl(id)}/actions/${action}`, {
      ...(comment ? { comment } : {}),
      ...(expectedStatus ? { expectedStatus } : {}),
    }),
  bulk: (action: UnitAction, ids: string[], comment?: string) =>
    http.post<{ results: BulkResult[] }>(
      `${V1}/declarations/bulk-actions/${action}`,
      comment ? { ids, comment } : { ids },
    ),
  review: (id: string, signal?: AbortSignal) => http.get<Review>(`${decl(id)}/review`, undefined, signal),
  /** Saves the checklist made against `version` (0 the first time); 409 VERSION_CONFLICT when stale. */
  saveReview: (id: string, version: number, body: ReviewInput) =>
    http.put<Review>(`${decl(id)}/review`, body, { 'if-match': String(version) }),
  dashboard: (unitCode: string, year: number, signal?: AbortSignal) =>
    http.get<UnitDashboard>(`${unit(unitCode)}/dashboard/${year}`, undefined, signal),
  recommendations: (unitCode: string, year: number, signal?: AbortSignal) =>
    http.get<RecommendationList>(`${unit(unitCode)}/recommendations/${year}`, undefined, signal),
  saveRecommendations: (unitCode: string, year: number, items: RecommendationInput[]) =>
    http.put<RecommendationList>(`${unit(unitCode)}/recommendations/${year}`, { items }),
  audit: (declarationId: string, signal?: AbortSignal) =>
    http.get<{ items: AuditEntry[]; nextCursor: string | null }>(
      `${V1}/audit`,
      { entity: `declaration:${declarationId}`, limit: 200 },
      signal,
    ),
};
