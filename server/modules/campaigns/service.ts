import { eq, sql } from 'drizzle-orm';
import { type Campaign, validateCampaign } from '../../../domain/campaigns.ts';
import { campaigns } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { campaignColumns, findCampaign, presentCampaign } from './repo.ts';

function assertValid(c: Campaign): void {
  const issues = validateCampaign(c);
  if (issues.length)
    throw new AppError(
      'VALIDATION_FAILED',
      'The campaign settings are inconsistent',
      issues.map((i) => ({ path: i.path, message: i.message, messageZh: i.messageZh })),
    );
}

export async function createCampaign({ db }: Deps, caller: Caller, input: Campaign, info: RequestInfo) {
  assertValid(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(campaigns).values(campaignColumns(input)).onConflictDoNothing().returning();
    if (!row) throw new AppError('CONFLICT', `A campaign for ${input.year} already exists`);
    const created = presentCampaign(row);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'campaign.created',
      entityType: 'campaign',
      entityId: String(input.year),
      after: created,
    });
    return created;
  });
}

export async function updateCampaign(
  { db }: Deps,
  caller: Caller,
  year: number,
  patch: Partial<Omit<Campaign, 'year'>>,
  info: RequestInfo,
) {
  return db.transaction(async (tx) => {
    const before = await findCampaign(tx, year);
    if (!before) throw notFound('No campaign for that year');
    const after: Campaign = { ...before, ...patch, year };
    assertValid(after);
    const [row] = await tx
      .update(campaigns)
      .set({ ...campaignColumns(after), updatedAt: sql`now()` })
      .where(eq(campaigns.year, year))
      .returning();
    const updated = presentCampaign(row!);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'campaign.updated',
      entityType: 'campaign',
      entityId: String(year),
      before,
      after: updated,
    });
    return updated;
  });
}
