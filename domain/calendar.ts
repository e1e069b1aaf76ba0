/**
 * Working days on the official Chinese calendar: weekends and public holidays off, adjusted working
 * weekends (调休) on. The holiday data comes from outside (the server loads `chinese-days`); this file only
 * counts, so it is the same in the browser and on the server.
 */
export type HolidayCalendar = {
  /** Public holidays, 'YYYY-MM-DD'. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休), 'YYYY-MM-DD'. */
  adjustedWorkdays: ReadonlySet<string>;
  /** The last year whose official holiday arrangement the data contains. */
  lastKnownYear: number;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' as a calendar date (UTC midnight); null for anything that is not a real date. */
export function parseIsoDate(value: string): Date | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value ? d : null;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function isWorkingDay(date: string, cal: HolidayCalendar): boolean {
  if (cal.adjustedWorkdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const day = parseIsoDate(date)?.getUTCDay();
  return day !== undefined && day !== 0 && day !== 6;
}

export type WorkingDaysResult = {
  from: string;
  days: number;
  endsOn: string;
  /** True when the period runs past the published holiday data: counted with weekends only beyond it. */
  provisional: boolean;
};

/**
 * The N-th working day counting `from` itself when it is a working day (so a 5-working-day 公示 starting
 * on a Monday without holidays ends that Friday). `days` must be ≥ 1.
 */
export function addWorkingDays(from: string, days: number, cal: HolidayCalendar): WorkingDaysResult {
  const start = parseIsoDate(from);
  if (!start) throw new RangeError(`not a date: ${from}`);
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer: ${days}`);
  const d = new Date(start);
  let counted = 0;
  for (;;) {
    if (isWorkingDay(iso(d), cal)) counted++;
    if (counted === days) break;
    d.setUTCDate(d.getUTCDate() + 1);
  }
  const endsOn = iso(d);
  return { from, days, endsOn, provisional: d.getUTCFullYear() > cal.lastKnownYear };
}
