import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  provincialCampaignBody,
  provincialCampaignDto,
  provincialIdentifyBody,
} from '../../../domain/cluster-contract.ts';
import { provincialIdentifyProblems, provincialRoundActions } from '../../../domain/cluster-provincial.ts';
import {
  type DeclarationContent,
  emptyDeclarationContent,
  mergePatch,
} from '../../../domain/declaration-form.ts';
import { validityPeriod } from '../../../domain/panels.ts';
import { evaluateStandards, isStandardsVersion } from '../../../domain/standards.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import { clusters, declarations, divisions, provincialCampaigns } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { clusterInScope } from '../clusters/lifecycle-repo.ts';
import { presentClusterDetail } from '../clusters/presenter.ts';
import {
  assertUnitScope,
  CANDIDATE_STATUSES,
  publicityFacts,
  publicityOf,
  publicityState,
  roundOf,
  scoreSheets,
} from './pipeline.ts';

type Row = typeof provincialCampaigns.$inferSelect;

async function present(
  db: Executor,
  r: Row,
  caller: Caller,
  today: string,
): Promise<z.infer<typeof provincialCampaignDto>> {
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(clusters)
    .where(eq(clusters.provincialCampaignId, r.id));
  const own = caller.role === 'unit' && caller.unitCode === r.unitCode;
  const p = await publicityOf(db, r.id);
  return {
    id: r.id,
    unitCode: r.unitCode,
    year: r.year,
    title: r.title,
    standardsVersion: r.standardsVersion,
    status: r.status as 'open' | 'closed',
    noticeNo: r.noticeNo,
    publishedOn: r.publishedOn,
    clusters: Number(n?.n ?? 0),
    publicity: p ? publicityState(p, today) : null,
    allowedActions: provincialRoundActions(own, r.status as 'open' | 'closed', p, today),
  };
}

export async function listRounds(deps: Deps, caller: Caller, unitCode: string) {
  assertUnitScope(caller, unitCode, false);
  const found = await deps.db
    .select()
    .from(provincialCampaigns)
    .where(eq(provincialCampaigns.unitCode, unitCode))
    .orderBy(asc(provincialCampaigns.year));
  return {
    items: await Promise.all(found.map((r) => present(deps.db, r, caller, chinaDate(deps.clock.now())))),
  };
}

/** A unit opens its own identification round with its standards version (data in domain/standards.ts). */
export async function createRound(
  deps: Deps,
  caller: Caller,
  unitCode: string,
  body: z.infer<typeof provincialCampaignBody>,
  info: RequestInfo,
) {
  assertUnitScope(caller, unitCode, true);
  if (!isStandardsVersion(body.standardsVersion))
    throw new AppError('VALIDATION_FAILED', 'Unknown standards version', [
      { path: 'standardsVersion', message: `unknown: ${body.standardsVersion}` },
    ]);
  return deps.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(provincialCampaigns)
      .values({ unitCode, ...body, createdBy: caller.id, createdAt: deps.clock.now() })
      .onConflictDoNothing()
      .returning();
    if (!r) throw new AppError('CONFLICT', `The unit already has a ${body.year} round`);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'provincial_campaign.created',
      entityType: 'provincial_campaign',
      entityId: r.id,
      after: { unitCode, ...body },
    });
    return present(tx, r, caller, chinaDate(deps.clock.now()));
  });
}

/** The unit's accepted declarations, each checked against the round's (provincial) standards version. */
export async function candidates(deps: Deps, caller: Caller, unitCode: string, year: number) {
  assertUnitScope(caller, unitCode, false);
  const r = await roundOf(deps.db, unitCode, year);
  const found = await deps.db
    .select()
    .from(declarations)
    .where(and(eq(declarations.unitCode, unitCode), inArray(declarations.status, CANDIDATE_STATUSES)))
    .orderBy(asc(declarations.campaignYear), asc(declarations.clusterName));
  const taken = new Set(
    (
      await deps.db
        .select({ id: clusters.sourceDeclarationId })
        .from(clusters)
        .where(eq(clusters.level, 'provincial'))
    ).map((c) => c.id),
  );
  const sheets = new Map((await scoreSheets(deps.db, r.id)).map((x) => [x.declarationId, x]));
  const p = await publicityOf(deps.db, r.id);
  const facts = await publicityFacts(
    deps.db,
    p?.id ?? null,
    found.map((d) => d.id),
  );
  return {
    items: found.map((d) => {
      const sheet = sheets.get(d.id);
      const std = evaluateStandards(
        mergePatch(emptyDeclarationContent(), d.content) as DeclarationContent,
        r.standardsVersion,
      );
      return {
        declarationId: d.id,
        clusterName: d.clusterName,
        divisionCode: d.divisionCode,
        campaignYear: d.campaignYear,
        status: d.status,
        standards: { overall: std.overall, items: std.items },
        alreadyProvincial: taken.has(d.id),
        experts: sheet?.experts.filter((e) => e.status !== 'conflict').length ?? 0,
        scored: sheet?.experts.filter((e) => e.status === 'scored').length ?? 0,
        aggregate: sheet?.aggregate ?? null,
        inPublicity: facts.listed.has(d.id),
      };
    }),
  };
}

/**
 * The unit identifies its provincial-level clusters: from its accepted declarations (a failed provincial
 * check needs a written justification) and/or entered directly (identified outside the system), valid three
 * years from publication; the round is then closed. They show in the registry as provincial.
 */
export async function identifyProvincial(
  deps: Deps,
  caller: Caller,
  unitCode: string,
  year: number,
  body: z.infer<typeof provincialIdentifyBody>,
  info: RequestInfo,
) {
  assertUnitScope(caller, unitCode, true);
  if (body.declarations.length + body.entries.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Name at least one cluster', [
      { path: 'declarations', message: 'empty' },
    ]);
  const today = chinaDate(deps.clock.now());
  return deps.db.transaction(async (tx) => {
    const r = await roundOf(tx, unitCode, year, true);
    if (r.status !== 'open')
      throw new AppError('INVALID_TRANSITION', `The ${year} round is already identified`);
    const { validFrom, validTo } = validityPeriod(body.publishedOn);
    const problems: { path: string; message: string }[] = [];
    const values: (typeof clusters.$inferInsert)[] = [];
    const decls = body.declarations.length
      ? await tx
          .select()
          .from(declarations)
          .where(
            inArray(
              declarations.id,
              body.declarations.map((d) => d.declarationId),
            ),
          )
      : [];
    body.declarations.forEach((pick, i) => {
      const d = decls.find((x) => x.id === pick.declarationId);
      const path = `declarations[${i}]`;
      if (!d || d.unitCode !== unitCode || !CANDIDATE_STATUSES.includes(d.status)) {
        problems.push({ path, message: 'not an accepted declaration of this unit' });
        return;
      }
      const content = mergePatch(emptyDeclarationContent(), d.content) as DeclarationContent;
      const std = evaluateStandards(content, r.standardsVersion);
      if (std.overall !== 'pass' && pick.justification.trim() === '')
        problems.push({
          path: `${path}.justification`,
          message: `${d.clusterName}: the provincial check is ${std.overall}; a justification is required`,
        });
      values.push({
        name: d.clusterName,
        campaignYear: year,
        divisionCode: d.divisionCode,
        unitCode,
        leadingIndustry: content.leadingIndustry.name ?? '',
        industryCode: content.leadingIndustry.industryCode,
        subSector: content.leadingIndustry.subSector,
        noticeNo: body.noticeNo,
        validFrom,
        validTo,
        level: 'provincial',
        provincialCampaignId: r.id,
        sourceDeclarationId: d.id,
      });
    });
    if (body.entries.length) {
      const found = await tx
        .select({ code: divisions.code, unitCode: divisions.unitCode, level: divisions.level })
        .from(divisions)
        .where(
          inArray(
            divisions.code,
            body.entries.map((e) => e.divisionCode),
          ),
        );
      body.entries.forEach((e, i) => {
        const dv = found.find((x) => x.code === e.divisionCode);
        if (!dv || dv.unitCode !== unitCode || (dv.level !== 'county' && dv.level !== 'zone')) {
          problems.push({
            path: `entries[${i}].divisionCode`,
            message: 'not a county-level division of this unit',
          });
          return;
        }
        values.push({
          name: e.name,
          campaignYear: year,
          divisionCode: e.divisionCode,
          unitCode,
          leadingIndustry: e.leadingIndustry,
          industryCode: e.industryCode,
          noticeNo: body.noticeNo,
          validFrom,
          validTo,
          level: 'provincial',
          provincialCampaignId: r.id,
        });
      });
    }
    // One tier down like the national list: declarations only after the round's 公示, objections resolved.
    const period = await publicityOf(tx, r.id);
    const facts = await publicityFacts(
      tx,
      period?.id ?? null,
      body.declarations.map((d) => d.declarationId),
    );
    const objectionsOf = (id: string, status: string) =>
      facts.counts.filter((c) => c.declarationId === id && c.status === status).reduce((n, c) => n + c.n, 0);
    problems.push(
      ...provincialIdentifyProblems(
        period,
        today,
        body.publishedOn,
        body.declarations.map((pick, i) => ({
          path: `declarations[${i}]`,
          clusterName: decls.find((x) => x.id === pick.declarationId)?.clusterName ?? pick.declarationId,
          inPublicity: facts.listed.has(pick.declarationId),
          upheldObjections: objectionsOf(pick.declarationId, 'upheld'),
          openObjections: objectionsOf(pick.declarationId, 'open'),
        })),
      ),
    );
    if (period && today <= period.endsOn && body.declarations.length === 0)
      problems.push({ path: 'entries', message: `公示期至 ${period.endsOn} 结束后方可认定` });
    const names = values.map((v) => v.name);
    if (new Set(names).size !== names.length)
      problems.push({ path: 'entries', message: 'two clusters of the same name' });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The list cannot be identified', problems);
    const created = await tx
      .insert(clusters)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: clusters.id });
    if (created.length !== values.length)
      throw new AppError('CONFLICT', `A provincial ${year} cluster of one of these names already exists`);
    const [closed] = await tx
      .update(provincialCampaigns)
      .set({ status: 'closed', noticeNo: body.noticeNo, publishedOn: body.publishedOn })
      .where(eq(provincialCampaigns.id, r.id))
      .returning();
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'provincial_campaign.identified',
      entityType: 'provincial_campaign',
      entityId: r.id,
      after: { noticeNo: body.noticeNo, publishedOn: body.publishedOn, clusters: created.map((c) => c.id) },
    });
    const out = [];
    for (const c of created)
      out.push(presentClusterDetail(await clusterInScope(tx, caller, c.id), caller.role, today));
    return { campaign: await present(tx, closed!, caller, today), clusters: out };
  });
}
