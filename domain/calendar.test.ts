import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addWorkingDays, type HolidayCalendar, isWorkingDay, parseIsoDate } from './calendar.ts';

// The 2025 National Day / Mid-Autumn arrangement: 1–8 October off, Sunday 28 September and Saturday
// 11 October worked (调休).
const cal: HolidayCalendar = {
  holidays: new Set([
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ]),
  adjustedWorkdays: new Set(['2025-09-28', '2025-10-11']),
  lastKnownYear: 2025,
};

describe('working days', () => {
  it('treats weekends as off, holidays as off, and 调休 weekends as on', () => {
    assert.equal(isWorkingDay('2025-09-26', cal), true); // Friday
    assert.equal(isWorkingDay('2025-09-27', cal), false); // Saturday
    assert.equal(isWorkingDay('2025-09-28', cal), true); // Sunday, worked
    assert.equal(isWorkingDay('2025-10-01', cal), false); // holiday on a Wednesday
    assert.equal(isWorkingDay('2025-10-11', cal), true); // Saturday, worked
  });
  it('counts the start day when it is a working day', () => {
    assert.equal(addWorkingDays('2025-09-15', 5, cal).endsOn, '2025-09-19'); // Mon → Fri
    assert.equal(addWorkingDays('2025-09-15', 1, cal).endsOn, '2025-09-15');
  });
  it('skips a weekend start to the next working day', () => {
    assert.equal(addWorkingDays('2025-09-20', 1, cal).endsOn, '2025-09-22');
  });
  it('runs across the National Day holiday and its 调休 days', () => {
    // 26 Fri, 28 Sun (worked), 29 Mon, 30 Tue, then 1–8 off, 9 Thu → the 5th working day.
    assert.deepEqual(addWorkingDays('2025-09-26', 5, cal), {
      from: '2025-09-26',
      days: 5,
      endsOn: '2025-10-09',
      provisional: false,
    });
    // …and 10 Fri, 11 Sat (worked).
    assert.equal(addWorkingDays('2025-09-26', 7, cal).endsOn, '2025-10-11');
  });
  it('flags a period that runs past the published holiday data', () => {
    const r = addWorkingDays('2025-12-29', 5, cal);
    assert.equal(r.endsOn, '2026-01-02');
    assert.equal(r.provisional, true);
  });
  it('rejects impossible input', () => {
    assert.equal(parseIsoDate('2025-02-30'), null);
    assert.throws(() => addWorkingDays('2025-02-30', 5, cal), RangeError);
    assert.throws(() => addWorkingDays('2025-02-03', 0, cal), RangeError);
  });
});
