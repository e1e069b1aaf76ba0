// The optional city tier (市级预推荐): a city's candidates and ranked list, and the unit's view of what each
// city put forward. The rules live in domain/city-tier.ts.
import { useQuery } from '@tanstack/react-query';
import type { StandardsOverall } from '../../../domain/standards.ts';
import { http } from './client.ts';

export interface CityHeader {
  cityCode: string;
  cityName: string;
  unitCode: string;
  unitName: string;
  campaignYear: number;
  /** Whether the unit has a city tier in this campaign. */
  configured: boolean;
  /** How many each city may put forward (0 when not configured). */
  perCity: number;
}

export interface CityCandidate {
  declarationId: string;
  clusterName: string;
  divisionCode: string;
  countyName: string;
  status: string;
  standardsOverall: StandardsOverall;
  cityRank: number | null;
}

export interface CityListItem {
  rank: number;
  declarationId: string;
  clusterName: string;
  divisionCode: string;
  countyName: string;
  status: string;
}

export interface UnitCityRecommendations {
  unitCode: string;
  campaignYear: number;
  configured: boolean;
  perCity: number;
  items: { declarationId: string; cityCode: string; cityName: string; rank: number }[];
}

const V1 = '/api/v1';
const city = (code: string, part: string, year: number) =>
  `${V1}/cities/${encodeURIComponent(code)}/${part}/${year}`;

export const cityTierApi = {
  candidates: (code: string, year: number, signal?: AbortSignal) =>
    http.get<CityHeader & { items: CityCandidate[] }>(city(code, 'declarations', year), undefined, signal),
  list: (code: string, year: number, signal?: AbortSignal) =>
    http.get<CityHeader & { used: number; items: CityListItem[] }>(
      city(code, 'recommendations', year),
      undefined,
      signal,
    ),
  save: (code: string, year: number, items: { declarationId: string; rank: number }[]) =>
    http.put<CityHeader & { used: number; items: CityListItem[] }>(city(code, 'recommendations', year), {
      items,
    }),
  ofUnit: (unitCode: string, year: number, signal?: AbortSignal) =>
    http.get<UnitCityRecommendations>(
      `${V1}/units/${encodeURIComponent(unitCode)}/city-recommendations/${year}`,
      undefined,
      signal,
    ),
};

/** Under ['review', …]: a unit's action (accept) refreshes them with the other review views. */
export const cityTierKeys = {
  candidates: (code: string, year: number) => ['review', 'city', code, 'candidates', year] as const,
  list: (code: string, year: number) => ['review', 'city', code, 'list', year] as const,
  ofUnit: (unitCode: string, year: number) => ['review', 'city-of-unit', unitCode, year] as const,
};

export function useCityCandidates(code: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: cityTierKeys.candidates(code ?? '', year ?? 0),
    queryFn: ({ signal }) => cityTierApi.candidates(code ?? '', year ?? 0, signal),
    enabled: Boolean(code && year),
    staleTime: 0,
  });
}

export function useCityList(code: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: cityTierKeys.list(code ?? '', year ?? 0),
    queryFn: ({ signal }) => cityTierApi.list(code ?? '', year ?? 0, signal),
    enabled: Boolean(code && year),
    staleTime: 0,
  });
}

export function useUnitCityRecommendations(unitCode: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: cityTierKeys.ofUnit(unitCode ?? '', year ?? 0),
    queryFn: ({ signal }) => cityTierApi.ofUnit(unitCode ?? '', year ?? 0, signal),
    enabled: Boolean(unitCode && year),
    staleTime: 0,
  });
}
