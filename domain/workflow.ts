/**
 * The declaration workflow as a table: which action moves a declaration from which statuses to which,
 * and who may take it. Services guard transitions with it; presenters derive `allowedActions` from it.
 */
import type { Role } from './roles.ts';

export const DECLARATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'withdrawn',
  'accepted',
  'rejected',
  'recommended',
  'shortlisted',
  'publicized',
  'identified',
  'not_identified',
] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

export const STATUS_LABELS: Record<DeclarationStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '退回修改', en: 'Returned for revision' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  recommended: { zh: '已推荐', en: 'Recommended' },
  shortlisted: { zh: '入围', en: 'Shortlisted' },
  publicized: { zh: '公示中', en: 'In public announcement' },
  identified: { zh: '已认定', en: 'Identified' },
  not_identified: { zh: '未认定', en: 'Not identified' },
};

/** Statuses in which the county may change the content and the evidence. */
export const EDITABLE_STATUSES: readonly DeclarationStatus[] = ['draft', 'returned', 'withdrawn'];

export type Transition = {
  from: readonly DeclarationStatus[];
  to: DeclarationStatus;
  roles: readonly Role[];
  /** The reasons must be written down (the county sees them). */
  requiresComment?: boolean;
};

/**
 * Steps taken one declaration at a time. Recommending is not here: it happens through the unit's ranked
 * list, which moves declarations between `accepted` and `recommended` as a whole, under the quota.
 */
export const TRANSITIONS = {
  submit: { from: ['draft', 'returned', 'withdrawn'], to: 'submitted', roles: ['county'] },
  withdraw: { from: ['submitted'], to: 'withdrawn', roles: ['county'] },
  accept: { from: ['submitted'], to: 'accepted', roles: ['unit'] },
  return: { from: ['submitted', 'accepted'], to: 'returned', roles: ['unit'], requiresComment: true },
  reject: { from: ['submitted', 'accepted'], to: 'rejected', roles: ['unit'], requiresComment: true },
} as const satisfies Record<string, Transition>;

/** Statuses a unit may put on its recommendation list (they then become `recommended`). */
export const RECOMMENDABLE_STATUSES: readonly DeclarationStatus[] = ['accepted', 'recommended'];

export type WorkflowAction = keyof typeof TRANSITIONS;
export const WORKFLOW_ACTIONS = Object.keys(TRANSITIONS) as WorkflowAction[];

export function canTransition(action: WorkflowAction, status: DeclarationStatus, role: Role): boolean {
  const t: Transition = TRANSITIONS[action];
  return t.from.includes(status) && t.roles.includes(role);
}

export const isEditable = (status: DeclarationStatus) => EDITABLE_STATUSES.includes(status);

/**
 * What the caller may do now with a declaration it can see. Content actions belong to the county that
 * owns it; reading the PDF and the evidence to everyone who can see the declaration.
 */
export function allowedDeclarationActions(status: DeclarationStatus, role: Role): string[] {
  const actions: string[] = ['download_pdf'];
  if (role === 'county' && isEditable(status)) actions.push('edit', 'upload', 'delete_attachment');
  for (const a of WORKFLOW_ACTIONS) if (canTransition(a, status, role)) actions.push(a);
  return actions;
}

/**
 * One formatter for the process: creating an Intl.DateTimeFormat costs tens of microseconds and native (ICU)
 * memory, and this runs on every public registry request (16 % of a cached read's CPU when built per call).
 */
const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date 'YYYY-MM-DD' it is now in China (deadlines are Beijing dates, inclusive). */
export function chinaDate(now: Date): string {
  return CHINA_DATE.format(now);
}

/** Whether an inclusive Beijing-date deadline has passed at `now`; no deadline never passes. */
export function deadlinePassed(deadline: string | null, now: Date): boolean {
  return deadline !== null && chinaDate(now) > deadline;
}
