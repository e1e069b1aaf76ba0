import type { Readable } from 'node:stream';
import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  type DeclarationContent,
  declarationContentSchema,
  EVIDENCE_CATEGORY_KEYS,
  emptyDeclarationContent,
  indicatorYears,
  mergePatch,
  missingItems,
} from '../../../domain/declaration-form.ts';
import { diffJson } from '../../../domain/diff.ts';
import {
  canTransition,
  type DeclarationStatus,
  deadlinePassed,
  isEditable,
  TRANSITIONS,
  type WorkflowAction,
} from '../../../domain/workflow.ts';
import { attachments, declarations, declarationVersions } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';
import { storeUpload } from '../../platform/uploads.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { findCampaign } from '../campaigns/repo.ts';
import { assertCityPutForward } from '../city-tier/service.ts';
import { notifyDeclarationStep } from '../notifications/events.ts';
import { type DeclarationDto, presentAttachment, presentDeclaration } from './presenter.ts';
import {
  type DeclarationRow,
  displayNameOf,
  findDeclaration,
  latestUnitDecision,
  liveAttachments,
  placeNames,
  recordEvent,
} from './repo.ts';

/** Validates content with the form schema; every problem is a detail with its path. */
function parseContent(value: unknown): DeclarationContent {
  const parsed = declarationContentSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'VALIDATION_FAILED',
    'Some fields are not valid',
    parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  );
}

const formatPath = (parts: readonly PropertyKey[]) =>
  parts.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );

/** Content keys the client may send; everything else in a body (id, status, …) is ignored. */
const CONTENT_KEYS = Object.keys(declarationContentSchema.shape);
const pickContent = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => CONTENT_KEYS.includes(k)));

/** The indicator years always follow the campaign, whatever a client sends. */
function withCampaignYears(c: DeclarationContent, campaignYear: number): DeclarationContent {
  return { ...c, indicators: { ...c.indicators, years: indicatorYears(campaignYear) } };
}

export async function loadDeclaration(
  db: Executor,
  caller: Caller,
  row: DeclarationRow,
): Promise<DeclarationDto> {
  const [names, files, updatedByName, unitDecision] = await Promise.all([
    placeNames(db, row.divisionCode, row.unitCode),
    liveAttachments(db, row.id),
    displayNameOf(db, row.updatedBy),
    row.status === 'returned' || row.status === 'rejected' ? latestUnitDecision(db, row.id) : null,
  ]);
  return presentDeclaration(row, { ...names, attachments: files, updatedByName, caller, unitDecision });
}

export async function getDeclaration({ db }: Deps, caller: Caller, id: string): Promise<DeclarationDto> {
  return loadDeclaration(db, caller, await findDeclaration(db, caller, id));
}

function assertCounty(caller: Caller, what: string): void {
  if (caller.role !== 'county') throw forbidden(`Only the county itself may ${what}`);
}

async function openCampaign(db: Executor, year: number, now = new Date()) {
  const campaign = await findCampaign(db, year);
  if (!campaign)
    throw new AppError('VALIDATION_FAILED', `No campaign for ${year}`, [
      { path: 'campaignYear', message: 'unknown campaign' },
    ]);
  if (campaign.status !== 'open')
    throw new AppError('INVALID_TRANSITION', `The ${year} campaign is not open for declarations`);
  if (deadlinePassed(campaign.countyDeadline, now)) {
    throw new AppError(
      'DEADLINE_PASSED',
      `The county deadline of the ${year} campaign (${campaign.countyDeadline}) has passed`,
      [{ path: 'campaignYear', message: 'deadline passed', deadline: campaign.countyDeadline }],
    );
  }
  return campaign;
}

/** A county starts a declaration in an open campaign; the county comes from the caller, never the body. */
export async function createDeclaration(
  { db }: Deps,
  caller: Caller,
  body: { campaignYear: number } & Record<string, unknown>,
  info: RequestInfo,
): Promise<DeclarationDto> {
  assertCounty(caller, 'declare');
  const campaign = await openCampaign(db, body.campaignYear);
  const content = withCampaignYears(
    parseContent(mergePatch(emptyDeclarationContent(), pickContent(body))),
    campaign.year,
  );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(declarations)
      .values({
        campaignYear: campaign.year,
        divisionCode: caller.divisionCode!,
        unitCode: caller.unitCode!,
        formVersion: campaign.formVersion,
        standardsVersion: campaign.standardsVersion,
        status: 'draft',
        content,
        clusterName: content.clusterName ?? '',
        createdBy: caller.id,
        updatedBy: caller.id,
      })
      .returning();
    await recordEvent(tx, {
      declarationId: row!.id,
      action: 'created',
      fromStatus: null,
      toStatus: 'draft',
      version: 1,
      caller,
    });
    // The audit entry comes last: its chain lock is held until commit, so nothing else may wait inside it.
    const dto = await loadDeclaration(tx, caller, row!);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'declaration.created',
      entityType: 'declaration',
      entityId: row!.id,
      after: { campaignYear: campaign.year, clusterName: content.clusterName },
    });
    return dto;
  });
}

/**
 * Applies a merge patch to an editable declaration. `expectedVersion` is the If-Match value: a stale
 * edit gets 409 VERSION_CONFLICT carrying the current declaration, so the client can merge.
 */
export async function updateDeclaration(
  { db }: Deps,
  caller: Caller,
  id: string,
  patch: Record<string, unknown>,
  expectedVersion: number,
  info: RequestInfo,
): Promise<DeclarationDto> {
  return db.transaction(async (tx) => {
    const row = await findDeclaration(tx, caller, id, true);
    assertCounty(caller, 'edit its declaration');
    if (!isEditable(row.status as DeclarationStatus)) {
      throw new AppError('INVALID_TRANSITION', `A declaration in status ${row.status} cannot be edited`);
    }
    if (row.version !== expectedVersion) {
      throw new AppError(
        'VERSION_CONFLICT',
        'Someone else saved this declaration meanwhile; merge their changes',
        [
          {
            message: 'stale version',
            currentVersion: row.version,
            current: await loadDeclaration(tx, caller, row),
          },
        ],
      );
    }
    const before = row.content as DeclarationContent;
    const after = withCampaignYears(parseContent(mergePatch(before, pickContent(patch))), row.campaignYear);
    const changes = diffJson(before, after);
    if (changes.length === 0) return loadDeclaration(tx, caller, row);
    const [updated] = await tx
      .update(declarations)
      .set({
        content: after,
        clusterName: after.clusterName ?? '',
        version: row.version + 1,
        updatedBy: caller.id,
        updatedAt: sql`now()`,
      })
      .where(eq(declarations.id, row.id))
      .returning();
    await recordEvent(tx, {
      declarationId: row.id,
      action: 'edited',
      fromStatus: row.status,
      toStatus: row.status,
      version: updated!.version,
      caller,
    });
    const dto = await loadDeclaration(tx, caller, updated!);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'declaration.edited',
      entityType: 'declaration',
      entityId: row.id,
      // Long narratives would bloat the log: the diff keeps paths and at most 200 characters a side.
      after: { version: updated!.version, changes: changes.slice(0, 100).map(clip) },
    });
    return dto;
  });
}

const clip = (c: { path: string; before: unknown; after: unknown }) => ({
  path: c.path,
  before: typeof c.before === 'string' && c.before.length > 200 ? `${c.before.slice(0, 200)}…` : c.before,
  after: typeof c.after === 'string' && c.after.length > 200 ? `${c.after.slice(0, 200)}…` : c.after,
});

/** A workflow step: guards the transition, checks the campaign and completeness for `submit`, snapshots. */
export async function actOnDeclaration(
  { db }: Deps,
  caller: Caller,
  id: string,
  action: WorkflowAction,
  comment: string | null,
  info: RequestInfo,
  /** The status the caller saw: another official's decision in between makes this one a 409. */
  expectedStatus?: DeclarationStatus,
): Promise<DeclarationDto> {
  return db.transaction(async (tx) => {
    const row = await findDeclaration(tx, caller, id, true);
    const status = row.status as DeclarationStatus;
    const transition = TRANSITIONS[action];
    if (!(transition.roles as readonly string[]).includes(caller.role))
      throw forbidden(`Your role may not ${action} a declaration`);
    if (expectedStatus !== undefined && status !== expectedStatus) {
      throw new AppError(
        'INVALID_TRANSITION',
        `The declaration is ${status} now, not ${expectedStatus}: someone acted on it meanwhile`,
        [{ path: 'expectedStatus', message: 'stale', currentStatus: status }],
      );
    }
    if (!canTransition(action, status, caller.role)) {
      throw new AppError('INVALID_TRANSITION', `Cannot ${action} a declaration in status ${status}`);
    }
    if ('requiresComment' in transition && transition.requiresComment && !comment?.trim()) {
      throw new AppError('VALIDATION_FAILED', `Write the reasons to ${action} (the county sees them)`, [
        { path: 'comment', message: 'required' },
      ]);
    }
    const patch: Partial<typeof declarations.$inferInsert> = {
      status: transition.to,
      updatedBy: caller.id,
      updatedAt: sql`now()` as unknown as Date,
    };
    // A unit with a city tier accepts only what the county's city put forward (domain/city-tier.ts).
    if (action === 'accept') await assertCityPutForward(tx, row);
    if (action === 'submit') {
      await openCampaign(tx, row.campaignYear);
      const files = await liveAttachments(tx, row.id);
      const missing = missingItems(
        row.content as DeclarationContent,
        files.map((f) => f.category),
      );
      if (missing.length) {
        throw new AppError(
          'VALIDATION_FAILED',
          `${missing.length} required item(s) missing`,
          missing.map((m) => ({ ...m })),
        );
      }
      await tx
        .insert(declarationVersions)
        .values({
          declarationId: row.id,
          version: row.version,
          status: transition.to,
          content: row.content,
          attachments: files.map(presentAttachment),
          createdBy: caller.id,
        })
        .onConflictDoNothing();
      patch.submittedVersion = row.version;
      patch.submittedAt = sql`now()` as unknown as Date;
    }
    const [updated] = await tx.update(declarations).set(patch).where(eq(declarations.id, row.id)).returning();
    await recordEvent(tx, {
      declarationId: row.id,
      action,
      fromStatus: status,
      toStatus: transition.to,
      version: row.version,
      caller,
      comment,
    });
    await notifyDeclarationStep(tx, action, updated!, comment);
    const dto = await loadDeclaration(tx, caller, updated!);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: `declaration.${action}`,
      entityType: 'declaration',
      entityId: row.id,
      before: { status },
      after: { status: transition.to, version: row.version, comment },
    });
    return dto;
  });
}

/** Checks, before any byte is read, that the caller may add evidence to this declaration now. */
export async function assertCanUpload({ db }: Deps, caller: Caller, id: string): Promise<void> {
  const row = await findDeclaration(db, caller, id);
  assertCounty(caller, 'add evidence');
  if (!isEditable(row.status as DeclarationStatus)) {
    throw new AppError('INVALID_TRANSITION', `Evidence cannot be changed in status ${row.status}`);
  }
}

/**
 * Stores one evidence file: streamed to a temporary file (hashed on the way, size-limited), recognised by
 * its bytes, then committed and recorded in one transaction. Any failure leaves neither file nor record.
 */
export async function addAttachment(
  deps: Deps,
  caller: Caller,
  id: string,
  upload: { category: string | undefined; filename: string | undefined; stream: Readable },
  info: RequestInfo,
) {
  const { db } = deps;
  const category = upload.category;
  if (!category || !(EVIDENCE_CATEGORY_KEYS as readonly string[]).includes(category)) {
    upload.stream.resume();
    throw new AppError(
      'VALIDATION_FAILED',
      "category must be one of the form's evidence categories (send it before the file)",
      [{ path: 'category', message: `one of ${EVIDENCE_CATEGORY_KEYS.join(', ')}` }],
    );
  }
  return storeUpload(deps, upload, (file) =>
    db.transaction(async (tx) => {
      const row = await findDeclaration(tx, caller, id, true);
      if (!isEditable(row.status as DeclarationStatus)) {
        throw new AppError('INVALID_TRANSITION', `Evidence cannot be changed in status ${row.status}`);
      }
      const [a] = await tx
        .insert(attachments)
        .values({
          declarationId: id,
          category,
          filename: file.filename,
          storageKey: file.key,
          size: file.size,
          sha256: file.sha256,
          contentType: file.type.mime,
          createdBy: caller.id,
        })
        .returning();
      await recordEvent(tx, {
        declarationId: id,
        action: 'attachment_added',
        fromStatus: row.status,
        toStatus: row.status,
        version: row.version,
        caller,
        comment: file.filename,
      });
      await writeAudit(tx, actorFromCaller(caller, info), {
        action: 'attachment.added',
        entityType: 'declaration',
        entityId: id,
        after: {
          attachmentId: a!.id,
          category,
          filename: file.filename,
          size: file.size,
          sha256: file.sha256,
        },
      });
      return presentAttachment({ ...a!, uploadedByName: caller.displayName });
    }),
  );
}

/** Whether a submitted snapshot of the declaration lists the attachment (then its file must stay). */
async function inSubmittedVersion(
  db: Executor,
  declarationId: string,
  attachmentId: string,
): Promise<boolean> {
  const [kept] = await db
    .select({ v: declarationVersions.version })
    .from(declarationVersions)
    .where(
      and(
        eq(declarationVersions.declarationId, declarationId),
        sql`${declarationVersions.attachments} @> ${JSON.stringify([{ id: attachmentId }])}::jsonb`,
      ),
    )
    .limit(1);
  return kept !== undefined;
}

async function findAttachment(db: Executor, declarationId: string, attachmentId: string) {
  const [a] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.declarationId, declarationId)));
  return a ?? null;
}

/** Streams an evidence file back, byte-identical; the read is audited (evidence is sensitive). */
export async function openAttachment(
  { db, storage }: Deps,
  caller: Caller,
  id: string,
  attachmentId: string,
  info: RequestInfo,
) {
  await findDeclaration(db, caller, id);
  const a = await findAttachment(db, id, attachmentId);
  if (!a) throw notFound('No such attachment');
  if (a.deletedAt) {
    // A file removed from the draft stays readable only as part of a submitted version.
    if (!(await inSubmittedVersion(db, id, a.id))) throw notFound('No such attachment');
  }
  await db.transaction(async (tx) => {
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'attachment.downloaded',
      entityType: 'declaration',
      entityId: id,
      after: { attachmentId: a.id, filename: a.filename },
    });
  });
  return { attachment: a, stream: storage.open(a.storageKey) };
}

export async function removeAttachment(
  { db, storage }: Deps,
  caller: Caller,
  id: string,
  attachmentId: string,
  info: RequestInfo,
) {
  const removedKey = await db.transaction(async (tx) => {
    const row = await findDeclaration(tx, caller, id, true);
    assertCounty(caller, 'remove evidence');
    if (!isEditable(row.status as DeclarationStatus)) {
      throw new AppError('INVALID_TRANSITION', `Evidence cannot be changed in status ${row.status}`);
    }
    const [a] = await tx
      .update(attachments)
      .set({ deletedAt: sql`now()` })
      .where(
        and(
          eq(attachments.id, attachmentId),
          eq(attachments.declarationId, id),
          isNull(attachments.deletedAt),
        ),
      )
      .returning();
    if (!a) throw notFound('No such attachment');
    await recordEvent(tx, {
      declarationId: id,
      action: 'attachment_removed',
      fromStatus: row.status,
      toStatus: row.status,
      version: row.version,
      caller,
      comment: a.filename,
    });
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'attachment.removed',
      entityType: 'declaration',
      entityId: id,
      before: { attachmentId: a.id, filename: a.filename },
    });
    return (await inSubmittedVersion(tx, id, a.id)) ? null : a.storageKey;
  });
  // After commit: a file no submitted version refers to goes; a crash here leaves an orphan for the cleanup job.
  if (removedKey) await storage.remove(removedKey).catch(() => undefined);
}
