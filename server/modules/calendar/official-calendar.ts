import { createRequire } from 'node:module';
import type { HolidayCalendar } from '../../../domain/calendar.ts';

type ChineseDaysData = { holidays: Record<string, string>; workdays: Record<string, string> };

let cached: HolidayCalendar | undefined;

/** The State Council's holiday arrangements as published in the `chinese-days` package (not hand-written). */
export function officialCalendar(): HolidayCalendar {
  if (cached) return cached;
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const holidays = new Set(Object.keys(data.holidays));
  const years = [...holidays].map((d) => Number(d.slice(0, 4)));
  cached = {
    holidays,
    adjustedWorkdays: new Set(Object.keys(data.workdays)),
    lastKnownYear: Math.max(...years),
  };
  return cached;
}
