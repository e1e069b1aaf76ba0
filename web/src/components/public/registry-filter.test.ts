import { describe, expect, it } from 'vitest';
import { filterFromSearch, filterToSearch, hasFilter, registryUrl, withFilter } from './registry-filter.ts';

const parse = (qs: string) => filterFromSearch(new URLSearchParams(qs));

describe('registry filter ↔ query string', () => {
  it('reads every filter the API knows', () => {
    expect(
      parse('year=2023&level=national&unitCode=330200&region=east&industry=c&status=expired&q=%20袜业%20'),
    ).toEqual({
      year: 2023,
      level: 'national',
      unitCode: '330200',
      region: 'east',
      industry: 'C',
      status: 'expired',
      q: '袜业',
    });
  });

  it('drops values the API would refuse instead of sending them', () => {
    expect(
      parse('year=23&level=county&unitCode=999999&region=south&industry=Z9&status=draft&q=%20%20&page=3'),
    ).toEqual({});
    expect(parse('year=1999')).toEqual({});
    expect(parse('industry=1763')).toEqual({ industry: '1763' });
  });

  it('writes only the keys set, in a fixed order, and round-trips', () => {
    const filter = { q: '模具', unitCode: '330200', year: 2024 };
    expect(filterToSearch(filter).toString()).toBe('year=2024&unitCode=330200&q=%E6%A8%A1%E5%85%B7');
    expect(filterFromSearch(filterToSearch(filter))).toEqual(filter);
    expect(filterToSearch({}).toString()).toBe('');
  });

  it('changes and clears one key', () => {
    const f = withFilter({ year: 2024 }, 'region', 'west');
    expect(f).toEqual({ year: 2024, region: 'west' });
    expect(withFilter(f, 'year', undefined)).toEqual({ region: 'west' });
    expect(withFilter(f, 'region', '')).toEqual({ year: 2024 });
    expect(hasFilter({})).toBe(false);
    expect(hasFilter(f)).toBe(true);
  });

  it('gives the downloads the same filters as the page', () => {
    const f = { year: 2024, unitCode: '110000' };
    expect(registryUrl(f, 'json')).toBe('/api/v1/public/clusters?year=2024&unitCode=110000');
    expect(registryUrl(f, 'csv')).toBe('/api/v1/public/clusters.csv?year=2024&unitCode=110000');
    expect(registryUrl({}, 'xlsx')).toBe('/api/v1/public/clusters.xlsx');
  });
});
