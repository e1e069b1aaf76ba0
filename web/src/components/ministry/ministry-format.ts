// Pure helpers for the ministry's screens: the national intake's filters (kept in the address), what a
// blocked phase change says is pending, and the 公示 period a list of periods is in today.
import type { StandardsOverall } from '../../../../domain/standards.ts';
import type { DeclarationStatus } from '../../../../domain/workflow.ts';
import type { IntakeItem } from '../../api/ministry.ts';

export interface NationalFilters {
  unit: string | null;
  region: string | null;
  section: string | null;
  status: DeclarationStatus | null;
  standards: StandardsOverall | null;
  duplicatesOnly: boolean;
  q: string;
}

export const NO_NATIONAL_FILTERS: NationalFilters = {
  unit: null,
  region: null,
  section: null,
  status: null,
  standards: null,
  duplicatesOnly: false,
  q: '',
};

/** The items matching every filter set; `q` matches the cluster's name, county or leading industry. */
export function filterNational(items: readonly IntakeItem[], f: NationalFilters): IntakeItem[] {
  const q = f.q.trim().toLowerCase();
  return items.filter(
    (i) =>
      (f.unit === null || i.unitCode === f.unit) &&
      (f.region === null || i.region === f.region) &&
      (f.section === null || i.sectionCode === f.section) &&
      (f.status === null || i.status === f.status) &&
      (f.standards === null || i.standardsOverall === f.standards) &&
      (!f.duplicatesOnly || i.duplicateOf.length > 0) &&
      (!q ||
        i.clusterName.toLowerCase().includes(q) ||
        i.countyName.toLowerCase().includes(q) ||
        (i.leadingIndustry.name ?? '').toLowerCase().includes(q)),
  );
}

export function hasFilters(f: NationalFilters): boolean {
  return (
    f.unit !== null ||
    f.region !== null ||
    f.section !== null ||
    f.status !== null ||
    f.standards !== null ||
    f.duplicatesOnly ||
    f.q.trim() !== ''
  );
}

/** The filters as address parameters (only those set), and back. */
export function filtersToParams(f: NationalFilters, into = new URLSearchParams()): URLSearchParams {
  const set = (k: string, v: string | null) => (v ? into.set(k, v) : into.delete(k));
  set('unit', f.unit);
  set('region', f.region);
  set('section', f.section);
  set('status', f.status);
  set('standards', f.standards);
  set('dup', f.duplicatesOnly ? '1' : null);
  set('q', f.q.trim() || null);
  return into;
}

export function filtersFromParams(
  p: URLSearchParams,
  statuses: readonly DeclarationStatus[],
): NationalFilters {
  const status = p.get('status');
  const standards = p.get('standards');
  return {
    unit: p.get('unit') || null,
    region: p.get('region') || null,
    section: p.get('section') || null,
    status: statuses.find((s) => s === status) ?? null,
    standards: (['pass', 'fail', 'incomplete'] as const).find((s) => s === standards) ?? null,
    duplicatesOnly: p.get('dup') === '1',
    q: p.get('q') ?? '',
  };
}

/**
 * One line per pending item of a 409's details, whatever their shape (string, {message}, {path,message}).
 * The server's messages name the cluster already; the path (an id or `declarationIds[2]`) is only shown
 * when there is no message.
 */
export function blockerLines(details: readonly unknown[], preferChinese = false): string[] {
  return details.map((d) => {
    if (typeof d === 'string') return d;
    if (typeof d === 'object' && d !== null) {
      const r = d as Record<string, unknown>;
      // The server words each blocker in both languages (messageZh beside message).
      const zh = preferChinese && typeof r.messageZh === 'string' ? r.messageZh : null;
      const msg = zh ?? (typeof r.message === 'string' ? r.message : null);
      const name = typeof r.clusterName === 'string' ? r.clusterName : null;
      const path = typeof r.path === 'string' ? r.path : null;
      if (msg && name && !msg.includes(name)) return `${name}: ${msg}`;
      if (msg) return msg;
      if (path) return path;
      return JSON.stringify(d);
    }
    return String(d);
  });
}

/** Name lookup for declaration ids (shortfalls, duplicates), falling back to the id's start. */
export function nameOf(byId: ReadonlyMap<string, { clusterName: string }>, id: string): string {
  return byId.get(id)?.clusterName ?? `${id.slice(0, 8)}…`;
}

/** The declarations ticked for the shortlist: those now `shortlisted` (or further), in result order. */
export function currentShortlist(items: readonly { declarationId: string; status: DeclarationStatus }[]) {
  const on: readonly DeclarationStatus[] = ['shortlisted', 'publicized', 'identified', 'not_identified'];
  return items.filter((i) => on.includes(i.status)).map((i) => i.declarationId);
}

/** The day after an ISO date ('YYYY-MM-DD'). */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A default publication date for identification: today, or the day after the last 公示 ends if later. */
export function defaultPublishedOn(today: string, periodEnds: readonly string[]): string {
  const last = [...periodEnds].sort().at(-1);
  return last && last >= today ? nextDay(last) : today;
}
