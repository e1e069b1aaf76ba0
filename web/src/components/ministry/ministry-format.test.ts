import { describe, expect, it } from 'vitest';
import { DECLARATION_STATUSES } from '../../../../domain/workflow.ts';
import type { IntakeItem } from '../../api/ministry.ts';
import {
  blockerLines,
  currentShortlist,
  defaultPublishedOn,
  filterNational,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  NO_NATIONAL_FILTERS,
  nextDay,
} from './ministry-format.ts';

const item = (over: Partial<IntakeItem>): IntakeItem => ({
  declarationId: 'd1',
  clusterName: '慈溪市家电产业集群',
  status: 'recommended',
  unitCode: '330200',
  unitName: '宁波市',
  region: 'east',
  divisionCode: '330282',
  countyName: '慈溪市',
  rank: 1,
  recommendedAt: null,
  leadingIndustry: { name: '家电', industryCode: '385', subSector: '小家电' },
  sectionCode: 'C',
  standardsOverall: 'pass',
  failedItems: [],
  westernRelaxation: null,
  duplicateOf: [],
  panelId: null,
  finalScore: null,
  ...over,
});

describe('national intake filters', () => {
  const items = [
    item({}),
    item({
      declarationId: 'd2',
      unitCode: '650000',
      region: 'west',
      standardsOverall: 'fail',
      duplicateOf: ['d3'],
    }),
    item({ declarationId: 'd3', sectionCode: 'A', clusterName: '某地茶产业集群', duplicateOf: ['d2'] }),
  ];
  it('filters by unit, region, standards, section, duplicates and text', () => {
    const ids = (f: Partial<typeof NO_NATIONAL_FILTERS>) =>
      filterNational(items, { ...NO_NATIONAL_FILTERS, ...f }).map((i) => i.declarationId);
    expect(ids({})).toEqual(['d1', 'd2', 'd3']);
    expect(ids({ unit: '650000' })).toEqual(['d2']);
    expect(ids({ region: 'east' })).toEqual(['d1', 'd3']);
    expect(ids({ standards: 'fail' })).toEqual(['d2']);
    expect(ids({ section: 'A' })).toEqual(['d3']);
    expect(ids({ duplicatesOnly: true })).toEqual(['d2', 'd3']);
    expect(ids({ q: '茶' })).toEqual(['d3']);
  });

  it('round-trips through the address', () => {
    const f = {
      ...NO_NATIONAL_FILTERS,
      unit: '330200',
      duplicatesOnly: true,
      status: 'recommended' as const,
    };
    const p = filtersToParams(f, new URLSearchParams('year=2025'));
    expect(p.get('year')).toBe('2025');
    expect(filtersFromParams(p, DECLARATION_STATUSES)).toEqual(f);
    expect(hasFilters(f)).toBe(true);
    expect(hasFilters(NO_NATIONAL_FILTERS)).toBe(false);
    expect(filtersFromParams(new URLSearchParams('status=bogus'), DECLARATION_STATUSES).status).toBeNull();
  });
});

describe('blocked phase', () => {
  it('says what is pending in one line each', () => {
    expect(
      blockerLines([
        'a',
        { message: 'm' },
        { path: 'declarationIds[0]', message: '余姚: 公示 runs until 2026-03-09' },
        { clusterName: 'X', message: 'm3' },
        { path: 'only-path' },
        3,
      ]),
    ).toEqual(['a', 'm', '余姚: 公示 runs until 2026-03-09', 'X: m3', 'only-path', '3']);
  });
});

describe('identification date', () => {
  it('is the day after the last 公示 when that is not over yet, else today', () => {
    expect(defaultPublishedOn('2026-03-01', ['2026-03-09', '2026-02-01'])).toBe('2026-03-10');
    expect(defaultPublishedOn('2026-03-01', ['2026-02-28'])).toBe('2026-03-01');
    expect(defaultPublishedOn('2026-03-01', [])).toBe('2026-03-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
  });
});

describe('shortlist', () => {
  it('starts from the declarations already shortlisted or beyond', () => {
    expect(
      currentShortlist([
        { declarationId: 'a', status: 'recommended' },
        { declarationId: 'b', status: 'shortlisted' },
        { declarationId: 'c', status: 'publicized' },
      ]),
    ).toEqual(['b', 'c']);
  });
});
