// The unit's verification of a re-review as pure data: one row per item of the automatic standards check
// (plus the plan targets when the plan has any), defaulting to what the check found, and the body the server
// takes. The rules on reasons are the domain's (verificationProblems), not repeated here.
import {
  type Problem,
  type VerificationItem,
  verificationProblems,
} from '../../../../domain/cluster-lifecycle.ts';
import type { ReReview, VerifyBody } from '../../api/clusters.ts';

export const PLAN_ITEM = 'plan_targets';

export type VerificationRow = VerificationItem & { auto: string | null };

/** The rows to decide: each standards item (failed by the check → fail), then the plan targets. */
export function initialRows(r: Pick<ReReview, 'standards' | 'planCheck'>): VerificationRow[] {
  const rows: VerificationRow[] = (r.standards?.items ?? []).map((i) => ({
    code: i.code,
    result: i.result === 'fail' ? 'fail' : 'pass',
    reason: '',
    auto: i.result,
  }));
  if (r.planCheck.length > 0) {
    const missed = r.planCheck.some((p) => p.state === 'not_achieved');
    rows.push({
      code: PLAN_ITEM,
      result: missed ? 'fail' : 'pass',
      reason: '',
      auto: missed ? 'fail' : 'pass',
    });
  }
  return rows;
}

export type InspectionInput = { enabled: boolean; date: string | null; team: string; findings: string };

/** The verify request for the rows, verdict, comment and inspection. */
export function verifyBodyOf(
  rows: readonly VerificationRow[],
  passed: boolean,
  comment: string,
  inspection: InspectionInput,
): VerifyBody {
  return {
    passed,
    items: rows.map(({ code, result, reason }) => ({ code, result, reason: reason.trim() })),
    comment: comment.trim(),
    inspection:
      inspection.enabled && inspection.date
        ? { date: inspection.date, team: inspection.team.trim(), findings: inspection.findings.trim() }
        : null,
  };
}

/** What keeps the verification from being sent: the domain's problems, plus an inspection without a date. */
export function verifyProblems(body: VerifyBody, inspection: InspectionInput): Problem[] {
  const items = (body.items ?? []).map((i) => ({ ...i, reason: i.reason ?? '' }));
  const problems = verificationProblems({ passed: body.passed, items, comment: body.comment ?? '' });
  if (inspection.enabled && !inspection.date) problems.push({ path: 'inspection.date', message: 'required' });
  return problems;
}
