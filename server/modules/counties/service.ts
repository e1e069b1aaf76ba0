import { and, eq, sql } from 'drizzle-orm';
import { COUNTY_PROFILE_ACTIONS, divisionScopeOf, roleMay } from '../../../domain/roles.ts';
import { countyProfiles, divisions } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { scopeCondition } from '../../platform/scope.ts';
import type { Executor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';

export type ProfileFields = {
  authorityName: string;
  address: string;
  postalCode: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
};

export type CountyProfile = ProfileFields & {
  divisionCode: string;
  divisionName: string;
  unitCode: string;
  version: number;
  updatedAt: string | null;
  allowedActions: string[];
};

const EMPTY: ProfileFields = {
  authorityName: '',
  address: '',
  postalCode: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
};

/** The county in the caller's scope, or 404 — out of scope looks exactly like nonexistent. */
async function countyInScope(db: Executor, caller: Caller, code: string) {
  const [county] = await db
    .select()
    .from(divisions)
    .where(
      and(
        eq(divisions.code, code),
        eq(divisions.level, 'county'),
        scopeCondition(divisionScopeOf(caller), { division: divisions.code, unit: divisions.unitCode }),
      ),
    );
  if (!county?.unitCode) throw notFound('No such county');
  return { ...county, unitCode: county.unitCode };
}

function allowedActions(caller: Caller): string[] {
  return (['read', 'update'] as const).filter((a) => roleMay(COUNTY_PROFILE_ACTIONS, a, caller.role));
}

async function readProfile(
  db: Executor,
  county: { code: string; name: string; unitCode: string },
  caller: Caller,
): Promise<CountyProfile> {
  const [p] = await db.select().from(countyProfiles).where(eq(countyProfiles.divisionCode, county.code));
  const fields: ProfileFields = p
    ? {
        authorityName: p.authorityName,
        address: p.address,
        postalCode: p.postalCode,
        contactName: p.contactName,
        contactPhone: p.contactPhone,
        contactEmail: p.contactEmail,
      }
    : EMPTY;
  return {
    divisionCode: county.code,
    divisionName: county.name,
    unitCode: county.unitCode,
    ...fields,
    version: p?.version ?? 0,
    updatedAt: p ? p.updatedAt.toISOString() : null,
    allowedActions: allowedActions(caller),
  };
}

export async function getCountyProfile(db: Db, caller: Caller, code: string): Promise<CountyProfile> {
  if (!roleMay(COUNTY_PROFILE_ACTIONS, 'read', caller.role)) throw notFound('No such county');
  return readProfile(db, await countyInScope(db, caller, code), caller);
}

/**
 * Replaces the county authority's contact details. `expectedVersion` is the If-Match value: a stale
 * edit gets 409 VERSION_CONFLICT with the current profile, so nobody overwrites a colleague unseen.
 */
export async function updateCountyProfile(
  db: Db,
  caller: Caller,
  code: string,
  fields: ProfileFields,
  expectedVersion: number,
  info: RequestInfo,
): Promise<CountyProfile> {
  return db.transaction(async (tx) => {
    const county = await countyInScope(tx, caller, code);
    if (!roleMay(COUNTY_PROFILE_ACTIONS, 'update', caller.role))
      throw forbidden('Only the county itself may edit its profile');
    const before = await readProfile(tx, county, caller);
    if (before.version !== expectedVersion) {
      throw new AppError('VERSION_CONFLICT', 'Someone else changed this profile; reload and merge', [
        { message: 'current version differs', currentVersion: before.version, current: before },
      ]);
    }
    await tx
      .insert(countyProfiles)
      .values({
        divisionCode: county.code,
        unitCode: county.unitCode,
        ...fields,
        version: 1,
        updatedBy: caller.id,
      })
      .onConflictDoUpdate({
        target: countyProfiles.divisionCode,
        set: {
          ...fields,
          version: sql`${countyProfiles.version} + 1`,
          updatedAt: sql`now()`,
          updatedBy: caller.id,
        },
      });
    const after = await readProfile(tx, county, caller);
    const { allowedActions: _a, ...beforeData } = before;
    const { allowedActions: _b, ...afterData } = after;
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'county_profile.updated',
      entityType: 'county',
      entityId: county.code,
      before: beforeData,
      after: afterData,
    });
    return after;
  });
}
