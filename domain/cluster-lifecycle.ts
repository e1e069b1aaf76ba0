/**
 * The life of an identified cluster after identification, as pure rules: its status as shown (a validity
 * that has ended shows as expired without anyone storing it), re-review (复核) — the county's form, the
 * unit's verification with a reason for every item it does not pass, the ministry's decision to extend by
 * three years or revoke — revocation and its reasons, major-change reports (变更报备), and which actions
 * each party may take.
 */
import { validityPeriod } from './panels.ts';
import type { Role } from './roles.ts';

export const CLUSTER_LEVELS = ['national', 'provincial'] as const;
export type ClusterLevel = (typeof CLUSTER_LEVELS)[number];

/** Stored statuses; `expired` is never stored (see `effectiveStatus`). */
export const STORED_CLUSTER_STATUSES = ['valid', 'extended', 'revoked'] as const;
export type StoredClusterStatus = (typeof STORED_CLUSTER_STATUSES)[number];
export const EFFECTIVE_CLUSTER_STATUSES = ['valid', 'extended', 'revoked', 'expired'] as const;
export type EffectiveClusterStatus = (typeof EFFECTIVE_CLUSTER_STATUSES)[number];

/**
 * The status as shown on `today`: valid or extended whose last valid day has passed is expired. Computed,
 * not stored, so it is right on every day without a job having run.
 */
export function effectiveStatus(
  c: { status: string; validTo: string },
  today: string,
): EffectiveClusterStatus {
  if (c.status === 'revoked') return 'revoked';
  if (c.validTo < today) return 'expired';
  return c.status === 'extended' ? 'extended' : 'valid';
}

/** The day after an ISO date. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Days from `from` to `to` (ISO dates). */
export const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Validity after passing re-review: three more years from the day after the current last day. */
export const extendedValidTo = (validTo: string) => validityPeriod(nextDay(validTo)).validTo;

/** A cluster is listed for re-review when its validity ends within this many days (or has ended). */
export const RE_REVIEW_WINDOW_DAYS = 365;

/** Whether a cluster is due for re-review on `today`: not revoked and its validity ends within the window. */
export const dueForReReview = (c: { status: string; validTo: string }, today: string) =>
  c.status !== 'revoked' && daysFrom(today, c.validTo) <= RE_REVIEW_WINDOW_DAYS;

// --- revocation ------------------------------------------------------------------------------------------------

/** The grounds for revocation in the Interim Measures, and one for anything else the ministry states. */
export const REVOCATION_REASONS = [
  'serious_incident',
  'unreported_change',
  're_review_failed',
  're_review_missing',
  'other',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export const REVOCATION_REASON_LABELS: Record<RevocationReason, { zh: string; en: string }> = {
  serious_incident: {
    zh: '集群内企业发生重大安全、质量、环境污染等事故或严重失信行为',
    en: 'Serious incident',
  },
  unreported_change: {
    zh: '主导产业、空间范围或运营主体发生重大变化未及时报备',
    en: 'Major change not reported',
  },
  re_review_failed: { zh: '复核未通过', en: 'Re-review failed' },
  re_review_missing: { zh: '有效期届满未申请复核', en: 'No re-review at expiry' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * Whether a cluster lapses on `today`: its validity has ended and no re-review was filed before it did (a
 * draft is not filed). Such a cluster is revoked for `re_review_missing`.
 */
export function lapsesWithoutReReview(
  c: { status: string; validTo: string },
  reReview: { status: ReReviewStatus; submittedAt: string | null } | null,
  today: string,
): boolean {
  if (c.status === 'revoked' || c.validTo >= today) return false;
  return !reReview || reReview.status === 'draft' || reReview.submittedAt === null;
}

// --- re-review -------------------------------------------------------------------------------------------------

export const RE_REVIEW_STATUSES = ['draft', 'submitted', 'returned', 'verified', 'decided'] as const;
export type ReReviewStatus = (typeof RE_REVIEW_STATUSES)[number];

export const RE_REVIEW_ACTIONS = ['edit', 'submit', 'return', 'verify', 'decide'] as const;
export type ReReviewAction = (typeof RE_REVIEW_ACTIONS)[number];

export const RE_REVIEW_TRANSITIONS: Record<
  Exclude<ReReviewAction, 'edit'>,
  { from: readonly ReReviewStatus[]; to: ReReviewStatus; roles: readonly Role[] }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['county'] },
  return: { from: ['submitted'], to: 'returned', roles: ['unit'] },
  verify: { from: ['submitted'], to: 'verified', roles: ['unit'] },
  decide: { from: ['verified'], to: 'decided', roles: ['ministry'] },
};

/**
 * Who takes a re-review step: as the table says, except that the unit, which identified a provincial
 * cluster, also decides its re-review (one tier down, the unit stands where the ministry stands).
 */
export function reReviewRoles(action: Exclude<ReReviewAction, 'edit'>, level: ClusterLevel): readonly Role[] {
  if (action === 'decide' && level === 'provincial') return ['unit'];
  return RE_REVIEW_TRANSITIONS[action].roles;
}

/** The actions on a re-review now, for a caller whose scope includes its cluster. */
export function reReviewActions(role: Role, status: ReReviewStatus, level: ClusterLevel): ReReviewAction[] {
  const actions: ReReviewAction[] = [];
  if (role === 'county' && (status === 'draft' || status === 'returned')) actions.push('edit');
  for (const [action, t] of Object.entries(RE_REVIEW_TRANSITIONS)) {
    const a = action as Exclude<ReReviewAction, 'edit'>;
    if (reReviewRoles(a, level).includes(role) && t.from.includes(status)) actions.push(a);
  }
  return actions;
}

/** Who revokes: the unit for a provincial cluster it identified, the ministry for a national one. */
export const revokerRole = (level: ClusterLevel): Role => (level === 'provincial' ? 'unit' : 'ministry');

export type VerificationItem = { code: string; result: 'pass' | 'fail'; reason: string };
export type Problem = { path: string; message: string };

/**
 * The unit's verification: every item it does not pass needs a reason, and a verdict of "not passed" needs
 * at least one failed item or an overall comment. A verdict of "passed" with a failed item is contradictory.
 */
export function verificationProblems(v: {
  passed: boolean;
  items: readonly VerificationItem[];
  comment: string;
}): Problem[] {
  const problems: Problem[] = [];
  v.items.forEach((item, i) => {
    if (item.result === 'fail' && item.reason.trim() === '')
      problems.push({ path: `items[${i}].reason`, message: `未通过的项目须说明理由（${item.code}）` });
  });
  const failed = v.items.filter((i) => i.result === 'fail');
  if (v.passed && failed.length > 0)
    problems.push({ path: 'passed', message: '存在未通过的项目，不能认定复核通过' });
  if (!v.passed && failed.length === 0 && v.comment.trim() === '')
    problems.push({ path: 'comment', message: '复核不通过须说明理由' });
  return problems;
}

export const RE_REVIEW_DECISIONS = ['extend', 'revoke'] as const;
export type ReReviewDecision = (typeof RE_REVIEW_DECISIONS)[number];

/** The ministry's decision: a reason is required whenever it departs from the unit's verdict. */
export function decisionProblems(
  unitPassed: boolean,
  d: { decision: ReReviewDecision; reason: string },
): Problem[] {
  const departs = (d.decision === 'extend') !== unitPassed;
  if (departs && d.reason.trim() === '')
    return [
      {
        path: 'reason',
        message:
          d.decision === 'extend'
            ? '推荐单位复核未通过，延续认定须说明理由'
            : '推荐单位复核通过，撤销须说明理由',
      },
    ];
  return [];
}

// --- change reports ----------------------------------------------------------------------------------------------

export const CHANGE_KINDS = ['leading_industry', 'spatial_boundary', 'operating_body', 'other'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_LABELS: Record<ChangeKind, { zh: string; en: string }> = {
  leading_industry: { zh: '主导产业', en: 'Leading industry' },
  spatial_boundary: { zh: '空间范围', en: 'Spatial boundary' },
  operating_body: { zh: '运营主体', en: 'Operating body' },
  other: { zh: '其他重大变化', en: 'Other major change' },
};

export const CHANGE_STATUSES = ['reported', 'acknowledged', 'under_review', 'closed'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];
export const CHANGE_ACTIONS = ['add_file', 'acknowledge', 'open_review', 'close'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export const CHANGE_TRANSITIONS: Record<
  Exclude<ChangeAction, 'add_file'>,
  { from: readonly ChangeStatus[]; to: ChangeStatus; roles: readonly Role[] }
> = {
  acknowledge: { from: ['reported'], to: 'acknowledged', roles: ['ministry'] },
  open_review: { from: ['reported'], to: 'under_review', roles: ['ministry'] },
  close: { from: ['under_review'], to: 'closed', roles: ['ministry'] },
};

/** The field of the cluster record a change of this kind replaces (kind `other` changes no recorded field). */
export const CHANGE_RECORD_FIELDS = {
  leading_industry: 'leadingIndustry',
  spatial_boundary: 'spatialBoundary',
  operating_body: 'operatingBody',
  other: null,
} as const satisfies Record<ChangeKind, string | null>;
export type ClusterRecordField = NonNullable<(typeof CHANGE_RECORD_FIELDS)[ChangeKind]>;

/**
 * What accepting a change report does to the cluster record: the reported new value replaces the field of its
 * kind. Accepting means the ministry acknowledges the report, or closes its review confirming the change
 * (`confirmed`). Null when nothing changes: kind `other`, no new value stated, the value already recorded, or
 * a review closed without confirming.
 */
export function recordChangeOf(
  report: { kind: ChangeKind; afterValue: string },
  action: Exclude<ChangeAction, 'add_file'>,
  current: Record<ClusterRecordField, string | null>,
  confirmed = false,
): { field: ClusterRecordField; before: string | null; after: string } | null {
  const field = CHANGE_RECORD_FIELDS[report.kind];
  const after = report.afterValue.trim();
  if (field === null || after === '') return null;
  if (action === 'open_review' || (action === 'close' && !confirmed)) return null;
  const before = current[field];
  if (before === after) return null;
  return { field, before, after };
}

export function changeReportActions(role: Role, status: ChangeStatus): ChangeAction[] {
  const actions: ChangeAction[] = [];
  if (role === 'county' && status === 'reported') actions.push('add_file');
  for (const [action, t] of Object.entries(CHANGE_TRANSITIONS)) {
    if (t.roles.includes(role) && t.from.includes(status)) actions.push(action as ChangeAction);
  }
  return actions;
}

// --- the cluster itself ------------------------------------------------------------------------------------------

export const CLUSTER_ACTIONS = [
  'download_certificate',
  'edit_plan',
  'record_support',
  'report_change',
  'start_re_review',
  'revoke',
] as const;
export type ClusterAction = (typeof CLUSTER_ACTIONS)[number];

/** What the caller may do with a cluster it can see, on `today`. */
export function clusterActions(
  role: Role,
  c: { status: string; validTo: string; level: string },
  today: string,
): ClusterAction[] {
  const shown = effectiveStatus(c, today);
  if (shown === 'revoked') return [];
  const actions: ClusterAction[] = ['download_certificate'];
  if (role === 'county' || role === 'unit') actions.push('edit_plan');
  if (role === 'unit' || role === 'ministry') actions.push('record_support');
  if (role === 'county') actions.push('report_change');
  if (role === 'county' && dueForReReview(c, today)) actions.push('start_re_review');
  // A provincial cluster is revoked by the unit that identified it, a national one by the ministry.
  if (role === revokerRole(c.level as ClusterLevel) || role === 'admin') actions.push('revoke');
  return actions;
}

/** History entries of a cluster (cluster_events.kind). */
export const CLUSTER_EVENT_KINDS = [
  'identified',
  'imported',
  'annual_report_submitted',
  'annual_report_returned',
  'annual_report_forwarded',
  'plan_updated',
  'support_recorded',
  'change_reported',
  'change_acknowledged',
  'change_review_opened',
  'change_closed',
  'record_changed',
  're_review_submitted',
  're_review_returned',
  're_review_verified',
  'extended',
  'revoked',
] as const;
export type ClusterEventKind = (typeof CLUSTER_EVENT_KINDS)[number];
