import type { Readable } from 'node:stream';
import { and, desc, eq } from 'drizzle-orm';
import { type AnnualReportContent, reportFigure } from '../../../domain/annual-report.ts';
import { type ReReviewDto, type ReReviewForm, reReviewFormSchema } from '../../../domain/cluster-contract.ts';
import {
  type ClusterLevel,
  decisionProblems,
  dueForReReview,
  extendedValidTo,
  RE_REVIEW_TRANSITIONS,
  type ReReviewAction,
  type ReReviewDecision,
  type ReReviewStatus,
  reReviewActions,
  reReviewRoles,
  type VerificationItem,
  verificationProblems,
} from '../../../domain/cluster-lifecycle.ts';
import { type CultivationPlanContent, planProgress } from '../../../domain/cluster-plan.ts';
import {
  type DeclarationContent,
  EVIDENCE_CATEGORY_KEYS,
  emptyDeclarationContent,
  indicatorYears,
  mergePatch,
  missingItems,
} from '../../../domain/declaration-form.ts';
import { evaluateStandards, isStandardsVersion } from '../../../domain/standards.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import {
  annualReports,
  campaigns,
  clusters,
  cultivationPlans,
  declarations,
  provincialCampaigns,
  reReviews,
} from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { notify } from '../notifications/service.ts';
import { addEvidence, filesOf } from './evidence.ts';
import {
  addClusterEvent,
  assertNotRevoked,
  assertVersion,
  type ClusterWithNames,
  clusterInScope,
  parseOr400,
} from './lifecycle-repo.ts';
import { revokeInTx } from './revocation-service.ts';

type Row = typeof reReviews.$inferSelect;
type Cluster = ClusterWithNames['c'];

/** The standards a cluster is re-reviewed against: its campaign's version (national) or its unit's round's. */
async function standardsVersionOf(db: Executor, c: Cluster): Promise<string> {
  if (c.provincialCampaignId) {
    const [p] = await db
      .select({ v: provincialCampaigns.standardsVersion })
      .from(provincialCampaigns)
      .where(eq(provincialCampaigns.id, c.provincialCampaignId));
    if (p) return p.v;
  }
  const [k] = await db
    .select({ v: campaigns.standardsVersion })
    .from(campaigns)
    .where(eq(campaigns.year, c.campaignYear));
  return k?.v ?? '2022';
}

/**
 * A new Re-review Form, filled from what the system knows: the declaration (national or provincial) the
 * cluster came from, the indicator years of the current year, and the figures of its annual reports.
 */
async function prefilledForm(db: Executor, c: Cluster, today: string): Promise<ReReviewForm> {
  const declarationId = c.declarationId ?? c.sourceDeclarationId;
  const [d] = declarationId
    ? await db
        .select({ content: declarations.content })
        .from(declarations)
        .where(eq(declarations.id, declarationId))
    : [];
  const base = mergePatch(emptyDeclarationContent(), d?.content ?? {}) as DeclarationContent;
  const years = indicatorYears(Number(today.slice(0, 4)));
  const reports = await db.select().from(annualReports).where(eq(annualReports.clusterId, c.id));
  const fig = (y: number, k: Parameters<typeof reportFigure>[1]) => {
    const r = reports.find((x) => x.year === y);
    return r ? reportFigure(r.content as AnnualReportContent, k) : null;
  };
  const latest = reports.filter((r) => years.includes(r.year)).sort((a, b) => b.year - a.year)[0];
  const lc = latest?.content as AnnualReportContent | undefined;
  const content: DeclarationContent = {
    ...base,
    clusterName: c.name,
    leadingIndustry: { ...base.leadingIndustry, name: c.leadingIndustry, industryCode: c.industryCode },
    indicators: {
      ...base.indicators,
      years,
      baseYearOutput: fig(years[0] - 1, 'output'),
      output: years.map((y) => fig(y, 'output')),
      smeOutput: years.map((y) => fig(y, 'smeOutput')),
      leadingIndustryOutput: years.map((y) => fig(y, 'leadingIndustryOutput')),
      smeRdSpending: years.map((y) => fig(y, 'rdSpending')),
      enterprises: lc ? { ...base.indicators.enterprises, ...lc.enterprises } : base.indicators.enterprises,
      validInventionPatents: lc?.validInventionPatents ?? base.indicators.validInventionPatents,
      industrialInternetPenetration:
        lc?.industrialInternetPenetration ?? base.indicators.industrialInternetPenetration,
    },
    integrityPledge: { noSeriousIncidents: false, materialsAuthentic: false },
  };
  return { content, planSelfAssessment: '', summary: '' };
}

/** What a submission of the form still lacks (evidence goes to the re-review's files, not form categories). */
function missingOf(form: ReReviewForm) {
  const missing = missingItems(form.content, EVIDENCE_CATEGORY_KEYS).map((m) => ({
    path: `content.${m.path}`,
    message: m.message,
  }));
  if (form.planSelfAssessment.trim() === '')
    missing.push({ path: 'planSelfAssessment', message: '请对照三年发展规划目标说明完成情况' });
  if (form.summary.trim() === '') missing.push({ path: 'summary', message: '请填写复核申请综述' });
  return missing;
}

async function planCheck(db: Executor, clusterId: string, today: string) {
  const [plan] = await db.select().from(cultivationPlans).where(eq(cultivationPlans.clusterId, clusterId));
  const targets = (plan?.content as CultivationPlanContent | undefined)?.targets ?? [];
  const reports = await db
    .select({ year: annualReports.year, status: annualReports.status, content: annualReports.content })
    .from(annualReports)
    .where(eq(annualReports.clusterId, clusterId));
  return planProgress(
    targets,
    reports.map((r) => ({ ...r, status: r.status as 'draft' })),
    today,
  ).map((p) => ({ indicator: p.indicator, year: p.year, value: p.value, actual: p.actual, state: p.state }));
}

async function present(
  db: Executor,
  c: Cluster,
  r: Row,
  caller: Caller,
  today: string,
): Promise<ReReviewDto> {
  const form = r.form as ReReviewForm;
  const live =
    r.standards ??
    (isStandardsVersion(r.standardsVersion) ? evaluateStandards(form.content, r.standardsVersion) : null);
  return {
    id: r.id,
    clusterId: c.id,
    clusterName: c.name,
    periodEnd: r.periodEnd,
    status: r.status as ReReviewStatus,
    form,
    version: r.version,
    standardsVersion: r.standardsVersion,
    standards: live as ReReviewDto['standards'],
    planCheck: await planCheck(db, c.id, today),
    missing: missingOf(form),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    returnReason: r.returnReason,
    verification:
      r.unitPassed === null || !r.verifiedAt
        ? null
        : {
            passed: r.unitPassed,
            items: (r.unitItems ?? []) as VerificationItem[],
            comment: r.unitComment ?? '',
            inspection: (r.inspection ?? null) as { date: string; team: string; findings: string } | null,
            verifiedAt: r.verifiedAt.toISOString(),
          },
    decision:
      r.decision && r.decidedAt
        ? {
            decision: r.decision as ReReviewDecision,
            reason: r.decisionReason ?? '',
            decidedAt: r.decidedAt.toISOString(),
            newValidTo: r.newValidTo,
          }
        : null,
    files: await filesOf(db, 're_review', r.id),
    allowedActions:
      c.status === 'revoked'
        ? []
        : reReviewActions(caller.role, r.status as ReReviewStatus, c.level as ClusterLevel),
  };
}

async function latest(db: Executor, clusterId: string, lock = false): Promise<Row | undefined> {
  const q = db
    .select()
    .from(reReviews)
    .where(eq(reReviews.clusterId, clusterId))
    .orderBy(desc(reReviews.periodEnd))
    .limit(1);
  const [r] = lock ? await q.for('update') : await q;
  return r;
}

/** The cluster's latest re-review (404 when it never had one). */
export async function getReReview(deps: Deps, caller: Caller, clusterId: string) {
  const today = chinaDate(deps.clock.now());
  const found = await clusterInScope(deps.db, caller, clusterId);
  const r = await latest(deps.db, clusterId);
  if (!r) throw notFound('No re-review for this cluster');
  return present(deps.db, found.c, r, caller, today);
}

/**
 * The county starts (first save) or edits the re-review of the current validity period: a JSON merge patch
 * of the form, while draft or returned. The cluster must be due (validity ending within a year, or ended).
 */
export async function saveReReview(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  patch: unknown,
  ifMatch: number | undefined,
  info: RequestInfo,
) {
  const today = chinaDate(deps.clock.now());
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await clusterInScope(tx, caller, clusterId, true);
    assertNotRevoked(found.c);
    let r = await latest(tx, clusterId, true);
    if (r && r.periodEnd !== found.c.validTo) r = undefined; // an earlier period's, already decided
    if (!r && !dueForReReview(found.c, today))
      throw new AppError(
        'INVALID_TRANSITION',
        `Re-review opens a year before the validity ends (${found.c.validTo})`,
      );
    const status = (r?.status ?? 'draft') as ReReviewStatus;
    if (!reReviewActions(caller.role, status, found.c.level as ClusterLevel).includes('edit'))
      throw new AppError('INVALID_TRANSITION', `A ${status} re-review cannot be edited`);
    assertVersion(ifMatch, r?.version ?? 0);
    const base = (r?.form as ReReviewForm | undefined) ?? (await prefilledForm(tx, found.c, today));
    const p = patch && typeof patch === 'object' ? patch : {};
    const form = parseOr400(reReviewFormSchema, mergePatch(base, p), 'form.');
    let saved: Row;
    if (r) {
      [saved] = (await tx
        .update(reReviews)
        .set({ form, version: r.version + 1, updatedAt: now })
        .where(eq(reReviews.id, r.id))
        .returning()) as [Row];
    } else {
      [saved] = (await tx
        .insert(reReviews)
        .values({
          clusterId,
          periodEnd: found.c.validTo,
          form,
          standardsVersion: await standardsVersionOf(tx, found.c),
          createdBy: caller.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning()) as [Row];
    }
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: r ? 're_review.saved' : 're_review.created',
      entityType: 're_review',
      entityId: saved.id,
      after: { clusterId, periodEnd: saved.periodEnd, version: saved.version },
    });
    return present(tx, found.c, saved, caller, today);
  });
}

export type ReReviewStep =
  | { action: 'submit' }
  | { action: 'return'; comment: string }
  | {
      action: 'verify';
      passed: boolean;
      items: VerificationItem[];
      comment: string;
      inspection: { date: string; team: string; findings: string } | null;
    }
  | { action: 'decide'; decision: ReReviewDecision; reason: string };

/** One step of the re-review: submit (county), return or verify (unit), decide (ministry; a unit for its provincial clusters). */
export async function actOnReReview(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  step: ReReviewStep,
  info: RequestInfo,
) {
  const today = chinaDate(deps.clock.now());
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await clusterInScope(tx, caller, clusterId, true);
    const c = found.c;
    assertNotRevoked(c);
    const level = c.level as ClusterLevel;
    if (!reReviewRoles(step.action, level).includes(caller.role))
      throw forbidden(`Only ${reReviewRoles(step.action, level).join(', ')} may ${step.action} a re-review`);
    const r = await latest(tx, clusterId, true);
    if (!r) throw notFound('No re-review for this cluster');
    const status = r.status as ReReviewStatus;
    const t = RE_REVIEW_TRANSITIONS[step.action];
    if (!t.from.includes(status))
      throw new AppError('INVALID_TRANSITION', `Cannot ${step.action} a re-review that is ${status}`);
    const form = r.form as ReReviewForm;
    const set: Partial<typeof reReviews.$inferInsert> = {
      status: t.to,
      version: r.version + 1,
      updatedAt: now,
    };
    let summary = '';
    const link = `/clusters/${clusterId}/re-review`;
    const notes: Parameters<typeof notify>[1][number][] = [];

    if (step.action === 'submit') {
      const missing = missingOf(form);
      if (missing.length)
        throw new AppError('VALIDATION_FAILED', `The form lacks ${missing.length} item(s)`, missing);
      set.standards = evaluateStandards(form.content, r.standardsVersion);
      set.submittedAt = now;
      set.returnReason = null;
      summary = '提交复核申请';
      notes.push({
        to: { unitCode: c.unitCode },
        kind: 're_review_submitted',
        title: `${c.name} 提交了复核申请`,
        link,
      });
    } else if (step.action === 'return') {
      if (step.comment.trim() === '')
        throw new AppError('VALIDATION_FAILED', 'Say what to revise', [
          { path: 'comment', message: 'required' },
        ]);
      set.returnReason = step.comment;
      summary = '复核申请退回修改';
      notes.push({
        to: { divisionCode: c.divisionCode },
        kind: 're_review_returned',
        title: `${c.name} 的复核申请被退回修改`,
        body: step.comment,
        link,
      });
    } else if (step.action === 'verify') {
      const problems = verificationProblems(step);
      if (problems.length)
        throw new AppError('VALIDATION_FAILED', 'The verification is incomplete', problems);
      Object.assign(set, {
        unitPassed: step.passed,
        unitItems: step.items,
        unitComment: step.comment,
        inspection: step.inspection,
        verifiedBy: caller.id,
        verifiedAt: now,
      });
      summary = step.passed ? '推荐单位复核通过' : '推荐单位复核未通过';
    } else {
      const problems = decisionProblems(r.unitPassed ?? false, step);
      if (problems.length) throw new AppError('VALIDATION_FAILED', 'A reason is required', problems);
      Object.assign(set, {
        decision: step.decision,
        decisionReason: step.reason,
        decidedBy: caller.id,
        decidedAt: now,
      });
      if (step.decision === 'extend') {
        const newValidTo = extendedValidTo(c.validTo);
        set.newValidTo = newValidTo;
        await tx
          .update(clusters)
          .set({ status: 'extended', validTo: newValidTo })
          .where(eq(clusters.id, c.id));
        await addClusterEvent(tx, {
          clusterId,
          kind: 'extended',
          onDate: today,
          caller,
          summary: `复核通过，有效期延续至${newValidTo}`,
          data: { fromValidTo: c.validTo, validTo: newValidTo, reason: step.reason },
          refId: r.id,
          at: now,
        });
        const message = {
          kind: 're_review_decided',
          title: `${c.name} 复核通过，认定有效期延续至${newValidTo}`,
          link,
        };
        notes.push(
          { to: { divisionCode: c.divisionCode }, ...message },
          { to: { unitCode: c.unitCode }, ...message },
        );
      }
    }
    const [saved] = (await tx.update(reReviews).set(set).where(eq(reReviews.id, r.id)).returning()) as [Row];
    if (step.action === 'decide' && step.decision === 'revoke') {
      await revokeInTx(tx, deps, caller, c, {
        reason: 're_review_failed',
        explanation: step.reason || r.unitComment || '复核未通过',
        effectiveOn: today,
        refId: r.id,
      });
    }
    if (step.action !== 'decide')
      await addClusterEvent(tx, {
        clusterId,
        kind:
          step.action === 'submit'
            ? 're_review_submitted'
            : step.action === 'return'
              ? 're_review_returned'
              : 're_review_verified',
        onDate: today,
        caller,
        summary,
        data:
          step.action === 'verify'
            ? { passed: step.passed }
            : step.action === 'return'
              ? { comment: step.comment }
              : {},
        refId: r.id,
        at: now,
      });
    await notify(tx, notes);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: `re_review.${step.action}`,
      entityType: 're_review',
      entityId: r.id,
      before: { status },
      after: { status: t.to, ...(step.action === 'submit' ? {} : { ...step, action: undefined }) },
    });
    const after = await clusterInScope(tx, caller, clusterId);
    return present(tx, after.c, saved, caller, today);
  });
}

/** Evidence for the re-review: the county's while draft or returned, the unit's (inspection) while submitted. */
export async function addReReviewFile(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  upload: { filename: string | undefined; stream: Readable },
  info: RequestInfo,
) {
  const found = await clusterInScope(deps.db, caller, clusterId);
  const r = await latest(deps.db, clusterId);
  if (!r) throw notFound('No re-review for this cluster');
  const open = (s: string) =>
    (caller.role === 'county' && (s === 'draft' || s === 'returned')) ||
    (caller.role === 'unit' && s === 'submitted');
  if (found.c.status === 'revoked' || !open(r.status))
    throw new AppError(
      'INVALID_TRANSITION',
      `No files can be added to a ${r.status} re-review by ${caller.role}`,
    );
  return addEvidence(deps, caller, clusterId, { kind: 're_review', id: r.id }, upload, info, async (tx) => {
    const [now] = await tx
      .select({ status: reReviews.status })
      .from(reReviews)
      .where(and(eq(reReviews.id, r.id)));
    if (!now || !open(now.status))
      throw new AppError('INVALID_TRANSITION', 'The re-review changed meanwhile');
  });
}

export type { ReReviewAction };
