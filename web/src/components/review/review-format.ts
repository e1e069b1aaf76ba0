// Pure helpers for the unit's screens: deadlines as dates and days left, the intake table's filters, which
// selected rows a bulk action applies to, the checklist as the server wants it, and audit entries in short.
import type { StandardsOverall } from '../../../../domain/standards.ts';
import { DECLARATION_STATUSES, type DeclarationStatus } from '../../../../domain/workflow.ts';
import type { DeclarationSummary } from '../../api/declarations.ts';
import type { AuditEntry, Review, ReviewInput, UnitAction } from '../../api/review.ts';
import type { Language } from '../../i18n/languages.ts';

const DAY_MS = 86_400_000;

/** Whole days from `today` to an inclusive deadline (both 'YYYY-MM-DD'): 0 on the last day, < 0 after it. */
export function daysLeft(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** A 'YYYY-MM-DD' date in the interface language: “2027年1月28日” / “Jan 28, 2027”. */
export function formatDate(date: string | null | undefined, lang: Language): string {
  if (!date) return '—';
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) return date;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'zh-CN', {
    year: 'numeric',
    month: lang === 'en' ? 'short' : 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(ms));
}

/**
 * A row of the intake table: the summary, plus what the full declaration adds once loaded. (The list rows
 * now carry `leadingIndustry` and `standardsOverall` themselves; this still fills them per row.)
 */
export interface IntakeRow extends Omit<DeclarationSummary, 'leadingIndustry' | 'standardsOverall'> {
  industry: string | null;
  standardsOverall: StandardsOverall | null;
}

export interface IntakeFilters {
  status: DeclarationStatus | null;
  divisionCode: string | null;
  industry: string;
  standards: StandardsOverall | null;
}

export const NO_FILTERS: IntakeFilters = { status: null, divisionCode: null, industry: '', standards: null };

/** The rows that match every filter set; the industry text matches the leading industry or the name. */
export function filterIntake(rows: readonly IntakeRow[], f: IntakeFilters): IntakeRow[] {
  const text = f.industry.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (f.status === null || r.status === f.status) &&
      (f.divisionCode === null || r.divisionCode === f.divisionCode) &&
      (f.standards === null || r.standardsOverall === f.standards) &&
      (!text ||
        (r.industry ?? '').toLowerCase().includes(text) ||
        (r.clusterName ?? '').toLowerCase().includes(text)),
  );
}

/** The counties present in the rows, by name, for the county filter. */
export function countiesOf(rows: readonly { divisionCode: string; divisionName: string }[]) {
  const byCode = new Map(rows.map((r) => [r.divisionCode, r.divisionName]));
  return [...byCode.entries()]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Of the selected rows, those the action applies to now (by the server's `allowedActions`). */
export function applicableIds(
  rows: readonly { id: string; allowedActions: readonly string[] }[],
  selected: readonly string[],
  action: UnitAction,
): string[] {
  const chosen = new Set(selected);
  return rows.filter((r) => chosen.has(r.id) && r.allowedActions.includes(action)).map((r) => r.id);
}

/** Order of the statistic cards: the unit's work first; other statuses follow when they occur. */
export const DASHBOARD_STATUSES: readonly DeclarationStatus[] = [
  'submitted',
  'accepted',
  'recommended',
  'returned',
  'rejected',
  'withdrawn',
];

/** The statuses to show as cards: the usual ones always, any other only when it has declarations. */
export function dashboardStatuses(byStatus: Partial<Record<DeclarationStatus, number>>): DeclarationStatus[] {
  const extra = DECLARATION_STATUSES.filter(
    (s) => !DASHBOARD_STATUSES.includes(s) && s !== 'draft' && (byStatus[s] ?? 0) > 0,
  );
  return [...DASHBOARD_STATUSES, ...extra];
}

/** The body of a review PUT from what the server returned (or the form holds). */
export function reviewInputOf(review: Pick<Review, 'items' | 'result' | 'notes'>): ReviewInput {
  const checklist: ReviewInput['checklist'] = {};
  for (const item of review.items) checklist[item.key] = { ok: item.ok, note: item.note };
  return { checklist, result: review.result, notes: review.notes };
}

/** Whether the reviewer's form differs from the saved review (notes compared trimmed, as the server stores them). */
export function reviewChanged(saved: Review, form: Pick<Review, 'items' | 'result' | 'notes'>): boolean {
  if (saved.result !== form.result || saved.notes.trim() !== form.notes.trim()) return true;
  return saved.items.some((s) => {
    const f = form.items.find((i) => i.key === s.key);
    return !f || f.ok !== s.ok || f.note.trim() !== s.note.trim();
  });
}

/** What an audit entry changed, in short. */
export interface AuditSummary {
  fromStatus: DeclarationStatus | null;
  toStatus: DeclarationStatus | null;
  comment: string | null;
  filename: string | null;
  result: string | null;
  version: number | null;
}

const isStatus = (v: unknown): v is DeclarationStatus =>
  typeof v === 'string' && (DECLARATION_STATUSES as readonly string[]).includes(v);
const field = (obj: unknown, key: string): unknown =>
  typeof obj === 'object' && obj !== null && !Array.isArray(obj)
    ? (obj as Record<string, unknown>)[key]
    : undefined;

export function auditSummary(entry: Pick<AuditEntry, 'before' | 'after'>): AuditSummary {
  const from = field(entry.before, 'status');
  const to = field(entry.after, 'status');
  const comment = field(entry.after, 'comment') ?? field(entry.after, 'notes');
  const filename = field(entry.after, 'filename') ?? field(entry.before, 'filename');
  const result = field(entry.after, 'result');
  const version = field(entry.after, 'version');
  return {
    fromStatus: isStatus(from) ? from : null,
    toStatus: isStatus(to) ? to : null,
    comment: typeof comment === 'string' && comment.trim() ? comment : null,
    filename: typeof filename === 'string' ? filename : null,
    result: typeof result === 'string' ? result : null,
    version: typeof version === 'number' ? version : null,
  };
}

/**
 * The campaign a unit works in: the requested year when it exists, else the open campaign (the latest, if
 * several are open), else the latest campaign.
 */
export function pickCampaignYear(
  campaigns: readonly { year: number; status: string }[],
  requested: number | null,
): number | undefined {
  if (requested !== null && campaigns.some((c) => c.year === requested)) return requested;
  const byYearDesc = [...campaigns].sort((a, b) => b.year - a.year);
  return (byYearDesc.find((c) => c.status === 'open') ?? byYearDesc[0])?.year;
}
