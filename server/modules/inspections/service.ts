import type { Readable } from 'node:stream';
import { and, asc, desc, eq, gte, inArray, lte, ne, type SQL, sql } from 'drizzle-orm';
import {
  type InspectionCheckKey,
  type InspectionStatus,
  inspectionEditable,
  signOffProblems,
} from '../../../domain/inspection.ts';
import {
  clusters,
  declarations,
  divisions,
  inspectionFiles,
  inspections,
  reReviews,
} from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';
import { storeUpload } from '../../platform/uploads.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { assertNotRevoked, clusterInScope } from '../clusters/lifecycle-repo.ts';
import { findDeclaration } from '../declarations/repo.ts';

type Row = typeof inspections.$inferSelect;
export type TeamMember = { name: string; role: string; affiliation: string };
export type Checklist = Partial<Record<InspectionCheckKey, { ok: boolean | null; finding: string }>>;

/** Units see and manage their own inspections; the ministry and admins read all; others get 404. */
function visible(caller: Caller): SQL {
  if (caller.role === 'ministry' || caller.role === 'admin') return sql`true`;
  if (caller.role === 'unit' && caller.unitCode) return eq(inspections.unitCode, caller.unitCode);
  return sql`false`;
}

async function findInspection(db: Executor, caller: Caller, id: string, lock = false): Promise<Row> {
  const q = db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), visible(caller)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('No such inspection');
  return row;
}

export async function presentInspection(db: Executor, row: Row) {
  const files = await db
    .select()
    .from(inspectionFiles)
    .where(eq(inspectionFiles.inspectionId, row.id))
    .orderBy(asc(inspectionFiles.createdAt));
  // The subject: the declaration, or for a re-review inspection the identified cluster.
  const [subject] = row.declarationId
    ? await db
        .select({
          name: declarations.clusterName,
          divisionCode: declarations.divisionCode,
          countyName: divisions.name,
        })
        .from(declarations)
        .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
        .where(eq(declarations.id, row.declarationId))
    : row.clusterId
      ? await db
          .select({ name: clusters.name, divisionCode: clusters.divisionCode, countyName: divisions.name })
          .from(clusters)
          .innerJoin(divisions, eq(divisions.code, clusters.divisionCode))
          .where(eq(clusters.id, row.clusterId))
      : [];
  return {
    id: row.id,
    campaignYear: row.campaignYear,
    unitCode: row.unitCode,
    declarationId: row.declarationId,
    clusterId: row.clusterId,
    reReviewId: row.reReviewId,
    clusterName: subject?.name ?? null,
    divisionCode: subject?.divisionCode ?? null,
    countyName: subject?.countyName ?? null,
    purpose: row.purpose as 'declaration' | 're_review',
    status: row.status as InspectionStatus,
    plannedOn: row.plannedOn,
    place: row.place,
    team: row.team as TeamMember[],
    checklist: row.checklist as Checklist,
    verdict: row.verdict as 'pass' | 'fail' | 'follow_up' | null,
    notes: row.notes,
    version: row.version,
    signedOffAt: row.signedOffAt?.toISOString() ?? null,
    files: files.map((f) => ({
      id: f.id,
      filename: f.filename,
      size: f.size,
      sha256: f.sha256,
      contentType: f.contentType,
      uploadedAt: f.createdAt.toISOString(),
    })),
  };
}

export async function listInspections(
  { db }: Deps,
  caller: Caller,
  f: {
    unitCode?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    declarationId?: string | undefined;
    clusterId?: string | undefined;
    status?: InspectionStatus[] | undefined;
    purpose?: 'declaration' | 're_review' | undefined;
  },
) {
  const conds: SQL[] = [visible(caller)];
  if (f.clusterId) conds.push(eq(inspections.clusterId, f.clusterId));
  if (f.status?.length) conds.push(inArray(inspections.status, f.status));
  if (f.purpose) conds.push(eq(inspections.purpose, f.purpose));
  if (f.unitCode) conds.push(eq(inspections.unitCode, f.unitCode));
  if (f.from) conds.push(gte(inspections.plannedOn, f.from));
  if (f.to) conds.push(lte(inspections.plannedOn, f.to));
  if (f.declarationId) conds.push(eq(inspections.declarationId, f.declarationId));
  const found = await db
    .select()
    .from(inspections)
    .where(and(...conds))
    .orderBy(asc(inspections.plannedOn))
    .limit(500);
  return Promise.all(found.map((r) => presentInspection(db, r)));
}

export async function getInspection({ db }: Deps, caller: Caller, id: string) {
  return presentInspection(db, await findInspection(db, caller, id));
}

/**
 * A unit plans an inspection of one of its declarations, or (purpose re_review) of one of its identified
 * clusters: linked to the cluster's re-review in progress when there is one, so it can also be planned
 * before the county files the Re-review Form. Out of scope → 404.
 */
export async function planInspection(
  { db }: Deps,
  caller: Caller,
  input: {
    declarationId?: string | undefined;
    clusterId?: string | undefined;
    plannedOn: string;
    place: string;
    team: TeamMember[];
    purpose: 'declaration' | 're_review';
  },
  info: RequestInfo,
) {
  if (caller.role !== 'unit') throw forbidden('Units plan their inspections');
  return db.transaction(async (tx) => {
    const plan = {
      status: 'planned',
      plannedOn: input.plannedOn,
      place: input.place,
      team: input.team,
      checklist: {},
      createdBy: caller.id,
    };
    let values: typeof inspections.$inferInsert;
    let audited: { entityType: string; entityId: string };
    if (input.clusterId) {
      const { c } = await clusterInScope(tx, caller, input.clusterId, true);
      assertNotRevoked(c);
      const [open] = await tx
        .select({ id: reReviews.id })
        .from(reReviews)
        .where(and(eq(reReviews.clusterId, c.id), ne(reReviews.status, 'decided')))
        .orderBy(desc(reReviews.periodEnd))
        .limit(1);
      values = {
        ...plan,
        campaignYear: c.campaignYear,
        unitCode: c.unitCode,
        clusterId: c.id,
        reReviewId: open?.id ?? null,
        purpose: 're_review',
      };
      audited = { entityType: 'cluster', entityId: c.id };
    } else if (input.declarationId) {
      const d = await findDeclaration(tx, caller, input.declarationId);
      values = {
        ...plan,
        campaignYear: d.campaignYear,
        unitCode: d.unitCode,
        declarationId: d.id,
        purpose: input.purpose,
      };
      audited = { entityType: 'declaration', entityId: d.id };
    } else {
      throw new AppError('VALIDATION_FAILED', 'Name the declaration or the cluster to inspect', [
        { path: 'declarationId', message: 'declarationId or clusterId required' },
      ]);
    }
    const [row] = await tx.insert(inspections).values(values).returning();
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'inspection.planned',
      ...audited,
      after: {
        inspectionId: row!.id,
        purpose: values.purpose,
        plannedOn: input.plannedOn,
        place: input.place,
      },
    });
    return presentInspection(tx, row!);
  });
}

/** Records plan changes and findings (If-Match on the version); a signed-off inspection is final. */
export async function updateInspection(
  { db }: Deps,
  caller: Caller,
  id: string,
  patch: {
    plannedOn?: string | undefined;
    place?: string | undefined;
    team?: TeamMember[] | undefined;
    checklist?: Checklist | undefined;
    verdict?: 'pass' | 'fail' | 'follow_up' | null | undefined;
    notes?: string | undefined;
    status?: 'planned' | 'done' | 'cancelled' | undefined;
  },
  expectedVersion: number,
  info: RequestInfo,
) {
  if (caller.role !== 'unit') throw forbidden('Units record their inspections');
  return db.transaction(async (tx) => {
    const row = await findInspection(tx, caller, id, true);
    if (!inspectionEditable(row.status as InspectionStatus))
      throw new AppError('INVALID_TRANSITION', `The inspection is ${row.status}`);
    if (row.version !== expectedVersion) {
      throw new AppError('VERSION_CONFLICT', 'Someone else saved this inspection meanwhile', [
        { message: 'stale version', currentVersion: row.version, current: await presentInspection(tx, row) },
      ]);
    }
    const set: Partial<typeof inspections.$inferInsert> = { version: row.version + 1, updatedAt: new Date() };
    for (const k of ['plannedOn', 'place', 'team', 'notes', 'verdict', 'status'] as const)
      if (patch[k] !== undefined) (set as Record<string, unknown>)[k] = patch[k];
    if (patch.checklist) set.checklist = { ...(row.checklist as Checklist), ...patch.checklist };
    const [updated] = await tx.update(inspections).set(set).where(eq(inspections.id, id)).returning();
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'inspection.updated',
      entityType: 'inspection',
      entityId: id,
      after: patch,
    });
    return presentInspection(tx, updated!);
  });
}

/** Sign-off: every checklist item has a finding and there is a verdict; afterwards the record is final. */
export async function signOffInspection({ db }: Deps, caller: Caller, id: string, info: RequestInfo) {
  if (caller.role !== 'unit') throw forbidden('Units sign off their inspections');
  return db.transaction(async (tx) => {
    const row = await findInspection(tx, caller, id, true);
    if (!inspectionEditable(row.status as InspectionStatus))
      throw new AppError('INVALID_TRANSITION', `The inspection is ${row.status}`);
    const problems = signOffProblems(row.verdict, row.checklist as Checklist);
    if (problems.length)
      throw new AppError(
        'VALIDATION_FAILED',
        'Record a finding for every item and a verdict first',
        problems,
      );
    const [updated] = await tx
      .update(inspections)
      .set({
        status: 'signed_off',
        signedOffBy: caller.id,
        signedOffAt: new Date(),
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(inspections.id, id))
      .returning();
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'inspection.signed_off',
      entityType: 'inspection',
      entityId: id,
      after: { verdict: row.verdict },
    });
    return presentInspection(tx, updated!);
  });
}

export async function addInspectionFile(
  deps: Deps,
  caller: Caller,
  id: string,
  upload: { filename: string | undefined; stream: Readable },
  info: RequestInfo,
) {
  if (caller.role !== 'unit') throw forbidden('Units add inspection files');
  const row = await findInspection(deps.db, caller, id);
  if (!inspectionEditable(row.status as InspectionStatus))
    throw new AppError('INVALID_TRANSITION', `The inspection is ${row.status}`);
  return storeUpload(deps, upload, (file) =>
    deps.db.transaction(async (tx) => {
      const locked = await findInspection(tx, caller, id, true);
      if (!inspectionEditable(locked.status as InspectionStatus))
        throw new AppError('INVALID_TRANSITION', `The inspection is ${locked.status}`);
      const [f] = await tx
        .insert(inspectionFiles)
        .values({
          inspectionId: id,
          filename: file.filename,
          storageKey: file.key,
          size: file.size,
          sha256: file.sha256,
          contentType: file.type.mime,
          createdBy: caller.id,
        })
        .returning();
      await writeAudit(tx, actorFromCaller(caller, info), {
        action: 'inspection.file_added',
        entityType: 'inspection',
        entityId: id,
        after: { fileId: f!.id, filename: file.filename, sha256: file.sha256 },
      });
      return {
        id: f!.id,
        filename: f!.filename,
        size: f!.size,
        sha256: f!.sha256,
        contentType: f!.contentType,
        uploadedAt: f!.createdAt.toISOString(),
      };
    }),
  );
}

export async function openInspectionFile({ db, storage }: Deps, caller: Caller, id: string, fileId: string) {
  await findInspection(db, caller, id);
  const [f] = await db
    .select()
    .from(inspectionFiles)
    .where(and(eq(inspectionFiles.id, fileId), eq(inspectionFiles.inspectionId, id)));
  if (!f) throw notFound('No such file');
  return { file: f, stream: storage.open(f.storageKey) };
}
