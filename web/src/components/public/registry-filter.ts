// The public registry's filters and the URL: the page keeps them in its query string (so a filtered view
// can be bookmarked, shared and reached from the map), and the API and the downloads take the same names.
import {
  CLUSTER_LEVELS,
  type ClusterLevel,
  EFFECTIVE_CLUSTER_STATUSES,
  type EffectiveClusterStatus,
} from '../../../../domain/cluster-lifecycle.ts';
import { findUnit, REGION_KEYS, type Region } from '../../../../domain/units.ts';

export interface RegistryFilter {
  year?: number;
  level?: ClusterLevel;
  unitCode?: string;
  region?: Region;
  /** A GB/T 4754-2017 section letter (A–T) or a 2–4 digit code. */
  industry?: string;
  status?: EffectiveClusterStatus;
  q?: string;
}

/** The filter keys in the order they appear in URLs. */
export const FILTER_KEYS = ['year', 'level', 'unitCode', 'region', 'industry', 'status', 'q'] as const;

const includes = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

/**
 * The filter a query string asks for. Values the API would refuse (an unknown unit, a malformed year) are
 * dropped rather than sent, so a hand-edited or outdated link still shows the registry.
 */
export function filterFromSearch(params: URLSearchParams): RegistryFilter {
  const filter: RegistryFilter = {};
  const year = params.get('year');
  if (year && /^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100)
    filter.year = Number(year);
  const level = params.get('level');
  if (includes(CLUSTER_LEVELS, level)) filter.level = level;
  const unitCode = params.get('unitCode');
  if (unitCode && findUnit(unitCode)) filter.unitCode = unitCode;
  const region = params.get('region');
  if (includes(REGION_KEYS, region)) filter.region = region;
  const industry = params.get('industry')?.trim().toUpperCase();
  if (industry && /^([A-T]|\d{2,4})$/.test(industry)) filter.industry = industry;
  const status = params.get('status');
  if (includes(EFFECTIVE_CLUSTER_STATUSES, status)) filter.status = status;
  const q = params.get('q')?.trim();
  if (q) filter.q = q.slice(0, 100);
  return filter;
}

/** The query string for a filter: only the keys set, always in the same order (stable URLs and cache keys). */
export function filterToSearch(filter: RegistryFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  return params;
}

/** The filter with one key changed (undefined or '' clears it). */
export function withFilter<K extends keyof RegistryFilter>(
  filter: RegistryFilter,
  key: K,
  value: RegistryFilter[K] | '' | null | undefined,
): RegistryFilter {
  const next: RegistryFilter = { ...filter };
  if (value === undefined || value === null || value === '') delete next[key];
  else next[key] = value;
  return next;
}

/** Whether any filter is set. */
export const hasFilter = (filter: RegistryFilter): boolean => filterToSearch(filter).size > 0;

/** The registry's address in the given format with the same filters as the page. */
export function registryUrl(filter: RegistryFilter, format: 'json' | 'csv' | 'xlsx'): string {
  const base = format === 'json' ? '/api/v1/public/clusters' : `/api/v1/public/clusters.${format}`;
  const qs = filterToSearch(filter).toString();
  return qs ? `${base}?${qs}` : base;
}
