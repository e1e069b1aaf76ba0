import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { UNITS } from '../../../domain/units.ts';
import type { RawSql } from '../../platform/db.ts';
import { projectPath } from '../../platform/paths.ts';
import { parseCsv } from './csv.ts';

type Source = { name: string; text: string };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function readSource(name: string, ...file: string[]): Promise<Source> {
  return { name, text: await fs.readFile(projectPath(...file), 'utf8') };
}

/** Loads a reference table when its source changed since the last load; returns the rows written. */
async function loadIfChanged(raw: RawSql, source: Source, load: () => Promise<number>): Promise<number> {
  const checksum = sha256(source.text);
  const [known] = await raw.query<{ checksum: string }>(
    'SELECT checksum FROM reference_versions WHERE name = $1',
    [source.name],
  );
  if (known?.checksum === checksum) return 0;
  const rows = await load();
  await raw.query(
    `INSERT INTO reference_versions (name, checksum, rows) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, rows = excluded.rows, loaded_at = now()`,
    [source.name, checksum, rows],
  );
  return rows;
}

/**
 * Loads the 37 units, GB/T 2260 divisions, GB/T 4754 industries and the seeded campaigns.
 * Idempotent: rows are upserted, and unchanged sources are skipped by checksum.
 */
export async function loadReferenceData(raw: RawSql): Promise<Record<string, number>> {
  const units: Source = { name: 'units', text: JSON.stringify(UNITS) };
  const divisions = await readSource('divisions', 'reference', 'divisions.csv');
  const industries = await readSource('industries', 'reference', 'industries.csv');
  const campaigns = await readSource('campaigns', 'reference', 'campaigns.json');
  const counts: Record<string, number> = {};

  counts.units = await loadIfChanged(raw, units, async () => {
    const rows = UNITS.map((u, i) => ({ ...u, sortOrder: i + 1 }));
    await raw.query(
      `INSERT INTO units (code, name, name_en, kind, region, province_code, sort_order)
       SELECT code, name, "nameEn", kind, region, "provinceCode", "sortOrder"
       FROM json_to_recordset($1::json) AS x(code text, name text, "nameEn" text, kind text, region text,
                                             "provinceCode" text, "sortOrder" int)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, kind = excluded.kind,
         region = excluded.region, province_code = excluded.province_code, sort_order = excluded.sort_order`,
      [JSON.stringify(rows)],
    );
    return rows.length;
  });

  counts.divisions = await loadIfChanged(raw, divisions, async () => {
    const rows = parseCsv(divisions.text).map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      parentCode: r.parent_code || null,
      unitCode: r.unit_code || null,
    }));
    await raw.query(
      `INSERT INTO divisions (code, name, level, parent_code, unit_code)
       SELECT code, name, level, "parentCode", "unitCode"
       FROM json_to_recordset($1::json) AS x(code text, name text, level text, "parentCode" text, "unitCode" text)
       ORDER BY code
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level,
         parent_code = excluded.parent_code, unit_code = excluded.unit_code`,
      [JSON.stringify(rows)],
    );
    return rows.length;
  });

  counts.industries = await loadIfChanged(raw, industries, async () => {
    const rows = parseCsv(industries.text).map((r, i) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      parentCode: r.parent || null,
      sortOrder: i + 1,
    }));
    await raw.query(
      `INSERT INTO industries (code, name, level, parent_code, sort_order)
       SELECT code, name, level, "parentCode", "sortOrder"
       FROM json_to_recordset($1::json) AS x(code text, name text, level text, "parentCode" text, "sortOrder" int)
       ORDER BY "sortOrder"
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level,
         parent_code = excluded.parent_code, sort_order = excluded.sort_order`,
      [JSON.stringify(rows)],
    );
    return rows.length;
  });

  // Campaigns become the ministry's editable data once seeded: a new seed never overwrites edits.
  counts.campaigns = await loadIfChanged(raw, campaigns, async () => {
    const rows: unknown[] = JSON.parse(campaigns.text);
    const inserted = await raw.query(
      `INSERT INTO campaigns (year, notice_no, notice_date, status, opens_at, county_deadline, unit_deadline,
         quotas, standards_version, form_version, annual_report_due, rules, list_notice_no, identified_count)
       SELECT year, "noticeNo", "noticeDate", status, "opensAt", "countyDeadline", "unitDeadline", quotas,
         "standardsVersion", "formVersion", "annualReportDue", coalesce(rules, '{}'::jsonb), "listNoticeNo",
         "identifiedCount"
       FROM jsonb_to_recordset($1::jsonb) AS x(year int, "noticeNo" text, "noticeDate" date, status text,
         "opensAt" date, "countyDeadline" date, "unitDeadline" date, quotas jsonb, "standardsVersion" text,
         "formVersion" text, "annualReportDue" text, rules jsonb, "listNoticeNo" text, "identifiedCount" int)
       ON CONFLICT (year) DO NOTHING
       RETURNING year`,
      [JSON.stringify(rows)],
    );
    return inserted.length;
  });
  return counts;
}
