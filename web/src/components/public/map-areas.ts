// The map of China shows province-level areas, the registry counts recommending units. A separate-plan city
// (宁波 …) and XPCC are folded into the province they lie in for the colour of the map, and listed on their own
// in the table beside it. Matching goes by GB/T 2260 code: the map file names provinces briefly (“新疆”),
// our units by their full names (“新疆维吾尔自治区”).
import { UNITS, type Unit } from '../../../../domain/units.ts';

/**
 * The map file's feature names by province code (web/src/assets/maps/china.json, ECharts 4.9.0). A test
 * checks this table against the file, so a replaced map cannot silently drop a province.
 */
export const MAP_NAME_BY_CODE: Readonly<Record<string, string>> = {
  '110000': '北京',
  '120000': '天津',
  '130000': '河北',
  '140000': '山西',
  '150000': '内蒙古',
  '210000': '辽宁',
  '220000': '吉林',
  '230000': '黑龙江',
  '310000': '上海',
  '320000': '江苏',
  '330000': '浙江',
  '340000': '安徽',
  '350000': '福建',
  '360000': '江西',
  '370000': '山东',
  '410000': '河南',
  '420000': '湖北',
  '430000': '湖南',
  '440000': '广东',
  '450000': '广西',
  '460000': '海南',
  '500000': '重庆',
  '510000': '四川',
  '520000': '贵州',
  '530000': '云南',
  '540000': '西藏',
  '610000': '陕西',
  '620000': '甘肃',
  '630000': '青海',
  '640000': '宁夏',
  '650000': '新疆',
  // On the map, with no recommending unit of the programme.
  '710000': '台湾',
  '810000': '香港',
  '820000': '澳门',
};

/** English names of the map areas that have no unit (the others take their unit's English name). */
const EN_NAME_WITHOUT_UNIT: Readonly<Record<string, string>> = {
  '710000': 'Taiwan',
  '810000': 'Hong Kong',
  '820000': 'Macao',
};

const codeByMapName: ReadonlyMap<string, string> = new Map(
  Object.entries(MAP_NAME_BY_CODE).map(([code, name]) => [name, code]),
);

/** The province code of a map feature's name, or undefined for a name the table does not know. */
export const provinceCodeOfMapName = (name: string): string | undefined => codeByMapName.get(name);

/** The recommending units inside a province: the province's own unit first, then cities, then XPCC. */
export function unitsInProvince(provinceCode: string): Unit[] {
  return UNITS.filter((u) => u.provinceCode === provinceCode);
}

export interface MapArea {
  /** GB/T 2260 code of the province-level area. */
  code: string;
  /** The name in the map file (what ECharts matches data on). */
  mapName: string;
  /** Clusters of all units in the area. */
  count: number;
  /** The units in the area with their own counts (empty for 香港, 澳门, 台湾). */
  units: { unit: Unit; count: number }[];
}

/**
 * The map's areas with the clusters of every unit inside them, from per-unit counts (the statistics'
 * byUnit). Units the counts do not mention count 0.
 */
export function mapAreas(byUnit: readonly { code: string; count: number }[]): MapArea[] {
  const counts = new Map(byUnit.map((u) => [u.code, u.count]));
  return Object.entries(MAP_NAME_BY_CODE).map(([code, mapName]) => {
    const units = unitsInProvince(code).map((unit) => ({ unit, count: counts.get(unit.code) ?? 0 }));
    return { code, mapName, count: units.reduce((n, u) => n + u.count, 0), units };
  });
}

/** The name to show for a map area: its unit's name in the language (or the map's own for areas without one). */
export function areaLabel(code: string, lang: 'zh-CN' | 'en'): string {
  const own = UNITS.find((u) => u.code === code);
  if (lang === 'en') return own?.nameEn ?? EN_NAME_WITHOUT_UNIT[code] ?? code;
  return own?.name ?? MAP_NAME_BY_CODE[code] ?? code;
}

/**
 * Where a click on an area leads: straight to the registry of its one unit with clusters (or of the
 * province's own unit when none has any), or a choice when several units inside it have clusters.
 * Null for areas without a unit.
 */
export function clickTarget(area: MapArea): { unitCode: string } | { choose: MapArea['units'] } | null {
  if (area.units.length === 0) return null;
  const withClusters = area.units.filter((u) => u.count > 0);
  if (withClusters.length > 1) return { choose: withClusters };
  const only = withClusters[0] ?? area.units[0];
  return only ? { unitCode: only.unit.code } : null;
}
