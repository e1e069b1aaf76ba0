import { createHash } from 'node:crypto';
import { and, inArray, sql } from 'drizzle-orm';
import {
  type ImportResultDto,
  importedValidity,
  type ListNoticeFacts,
  planRow,
  type RowPlan,
  type UnresolvedRow,
} from '../../../domain/cluster-import.ts';
import { campaigns, clusters, divisions, industries, notices } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { renderClusterCertificate } from './certificate-pdf.ts';
import { readImportFile } from './import-file.ts';
import { canPrintCertificate } from './policy.ts';
import { findCluster, fullPlaceName } from './repo.ts';

/** At most this many data rows per file: a published list has about 100 a year. */
export const MAX_IMPORT_ROWS = 10_000;

/** What the system records about each batch's list notice: its number and, when known, its date. */
async function listNoticeFacts(tx: Executor, years: number[]): Promise<Map<number, ListNoticeFacts>> {
  const facts = new Map<number, ListNoticeFacts>();
  if (years.length === 0) return facts;
  const found = await tx
    .select({
      year: campaigns.year,
      listNoticeNo: campaigns.listNoticeNo,
      unitDeadline: campaigns.unitDeadline,
      // The identification notice of that number, if the ministry has recorded it.
      listNoticeDate: sql<string | null>`(SELECT min(n.published_on)::text FROM ${notices} n
        WHERE n.kind = 'identification' AND n.notice_no = ${campaigns.listNoticeNo})`,
    })
    .from(campaigns)
    .where(inArray(campaigns.year, years));
  for (const f of found) facts.set(f.year, f);
  return facts;
}

/**
 * Imports a published list of identified clusters (the columns of reference/clusters-known.csv), as CSV or
 * as the first worksheet of an XLSX workbook (told apart by content). Rows whose
 * county does not resolve to exactly one county-level division are reported, not imported; a cluster
 * already stored with the same name and year is left as it is, so importing a file twice changes nothing.
 * One transaction, with the audit entry; concurrent imports queue on an advisory lock.
 */
export async function importClusters(
  deps: Deps,
  caller: Caller,
  bytes: Buffer,
  info: RequestInfo,
): Promise<ImportResultDto> {
  const { format, encoding, parsed } = await readImportFile(bytes);
  if (!parsed.ok) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The file lacks the columns ${parsed.missingColumns.join(', ')} (header row first)`,
      parsed.missingColumns.map((c) => ({ path: `columns.${c}`, message: 'required column' })),
    );
  }
  if (parsed.rows.length === 0) throw new AppError('VALIDATION_FAILED', 'The file has no data rows');
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('VALIDATION_FAILED', `At most ${MAX_IMPORT_ROWS} rows per file`);
  }

  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727017030)`);
    const divisionList = await tx
      .select({
        code: divisions.code,
        name: divisions.name,
        level: divisions.level,
        unitCode: divisions.unitCode,
      })
      .from(divisions)
      .where(inArray(divisions.level, ['county', 'zone']));
    const wantsIndustries = parsed.rows.some((r) => r.industryCode !== '');
    const industryCodes = new Set(
      wantsIndustries ? (await tx.select({ code: industries.code }).from(industries)).map((i) => i.code) : [],
    );

    const unresolved: UnresolvedRow[] = [];
    const planned: Extract<RowPlan, { ok: true }>[] = [];
    const firstRowOf = new Map<string, number>();
    for (const r of parsed.rows) {
      const plan = planRow(r, divisionList, industryCodes);
      if (!plan.ok) {
        unresolved.push(plan.unresolved);
        continue;
      }
      const key = `${plan.year}|${plan.name}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        unresolved.push({
          row: r.row,
          code: 'DUPLICATE_ROW',
          reason: `Repeats row ${first} (same name and year)`,
        });
        continue;
      }
      firstRowOf.set(key, r.row);
      planned.push(plan);
    }

    const existing = planned.length
      ? await tx
          .select({
            id: clusters.id,
            name: clusters.name,
            year: clusters.campaignYear,
            divisionCode: clusters.divisionCode,
          })
          .from(clusters)
          .where(
            and(
              inArray(clusters.name, [...new Set(planned.map((p) => p.name))]),
              inArray(clusters.campaignYear, [...new Set(planned.map((p) => p.year))]),
            ),
          )
      : [];
    const existingByKey = new Map(existing.map((e) => [`${e.year}|${e.name}`, e]));
    const facts = await listNoticeFacts(tx, [...new Set(planned.map((p) => p.year))]);

    const alreadyPresent: ImportResultDto['alreadyPresent'] = [];
    const items: ImportResultDto['items'] = [];
    for (const p of planned) {
      const same = existingByKey.get(`${p.year}|${p.name}`);
      if (same && same.divisionCode === p.divisionCode) {
        alreadyPresent.push({ row: p.row, id: same.id, name: p.name, year: p.year });
        continue;
      }
      if (same) {
        unresolved.push({
          row: p.row,
          code: 'NAME_TAKEN',
          reason: `A ${p.year} cluster of this name is already stored in another county (${same.divisionCode})`,
        });
        continue;
      }
      const f = facts.get(p.year) ?? { listNoticeNo: null, listNoticeDate: null, unitDeadline: null };
      const validity = importedValidity(p.year, f, p.publishedOn);
      const [created] = await tx
        .insert(clusters)
        .values({
          name: p.name,
          campaignYear: p.year,
          divisionCode: p.divisionCode,
          unitCode: p.unitCode,
          leadingIndustry: p.leadingIndustry,
          industryCode: p.industryCode,
          noticeNo: f.listNoticeNo,
          validFrom: validity.validFrom,
          validTo: validity.validTo,
        })
        .returning({ id: clusters.id });
      items.push({
        row: p.row,
        id: created!.id,
        name: p.name,
        year: p.year,
        divisionCode: p.divisionCode,
        countyName: p.countyName,
        unitCode: p.unitCode,
        noticeNo: f.listNoticeNo,
        validFrom: validity.validFrom,
        validTo: validity.validTo,
        validityBasis: validity.basis,
      });
    }
    unresolved.sort((a, b) => a.row - b.row);

    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'clusters.imported',
      entityType: 'clusters',
      entityId: `import:${createHash('sha256').update(bytes).digest('hex')}`,
      after: {
        format,
        rows: parsed.rows.length,
        imported: items.map((i) => ({ id: i.id, name: i.name, year: i.year, divisionCode: i.divisionCode })),
        alreadyPresent: alreadyPresent.length,
        unresolved: unresolved.map((u) => ({ row: u.row, code: u.code })),
      },
    });
    return {
      rows: parsed.rows.length,
      format,
      encoding,
      imported: items.length,
      items,
      alreadyPresent,
      unresolved,
    };
  });
}

/** The certificate of a cluster in the caller's scope (404 otherwise); a revoked one has none. */
export async function clusterCertificate(deps: Deps, caller: Caller, id: string) {
  const found = await findCluster(deps.db, caller, id);
  if (!canPrintCertificate(found.c)) {
    throw new AppError('CONFLICT', 'The identification of this cluster was revoked: no certificate');
  }
  const doc = renderClusterCertificate({
    id: found.c.id,
    name: found.c.name,
    year: found.c.campaignYear,
    placeName: await fullPlaceName(deps.db, found.c.divisionCode),
    divisionCode: found.c.divisionCode,
    unitName: found.unitName,
    leadingIndustry: found.c.leadingIndustry,
    subSector: found.c.subSector,
    noticeNo: found.c.noticeNo,
    validFrom: found.c.validFrom,
    validTo: found.c.validTo,
    extended: found.c.status === 'extended',
    demo: deps.config.demo,
    generatedAt: deps.clock.now(),
  });
  return { doc, filename: `${found.c.name}认定证书.pdf` };
}
