/**
 * The 37 recommending units (推荐单位) of the SME characteristic industrial cluster programme: the 31
 * provincial-level divisions, the 5 cities under separate state planning (计划单列市) and the Xinjiang
 * Production and Construction Corps (新疆生产建设兵团). Source: the programme spec (domain.md, "Recommending
 * units" and "Regions"); this file is the source of truth for units (reference/README.md points here).
 */

/** The kinds of recommending unit; also the keys of a campaign's quotas. */
export const UNIT_KIND_KEYS = ['provincial', 'separate_plan_city', 'xpcc'] as const;
export type UnitKind = (typeof UNIT_KIND_KEYS)[number];

/** The four regions of the National Bureau of Statistics split, as MIIT uses them. */
export const REGION_KEYS = ['east', 'central', 'west', 'northeast'] as const;
export type Region = (typeof REGION_KEYS)[number];

export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const REGIONS: Readonly<Record<Region, Label>> = {
  east: { zh: '东部地区', en: 'Eastern region' },
  central: { zh: '中部地区', en: 'Central region' },
  west: { zh: '西部地区', en: 'Western region' },
  northeast: { zh: '东北地区', en: 'Northeastern region' },
};

export const UNIT_KINDS: Readonly<Record<UnitKind, Label>> = {
  provincial: { zh: '省、自治区、直辖市', en: 'Province, autonomous region or municipality' },
  separate_plan_city: { zh: '计划单列市', en: 'City with separate state planning' },
  xpcc: { zh: '新疆生产建设兵团', en: 'Xinjiang Production and Construction Corps' },
};

export interface Unit {
  /** GB/T 2260 six-digit code of the province or city; XPCC uses '660000' (it has no GB/T 2260 code). */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: UnitKind;
  readonly region: Region;
  /** The province the unit lies in (its own code for provincial units; XPCC → '650000'). */
  readonly provinceCode: string;
}

const p = (code: string, name: string, nameEn: string, region: Region): Unit => ({
  code,
  name,
  nameEn,
  kind: 'provincial',
  region,
  provinceCode: code,
});

const city = (code: string, name: string, nameEn: string, region: Region, provinceCode: string): Unit => ({
  code,
  name,
  nameEn,
  kind: 'separate_plan_city',
  region,
  provinceCode,
});

/**
 * All 37 units: the 31 provincial units in code order, then the 5 separate-plan cities in code order, then
 * XPCC. Provincial names are the official names as in the NBS division code tables.
 */
export const UNITS: readonly Unit[] = Object.freeze([
  p('110000', '北京市', 'Beijing', 'east'),
  p('120000', '天津市', 'Tianjin', 'east'),
  p('130000', '河北省', 'Hebei', 'east'),
  p('140000', '山西省', 'Shanxi', 'central'),
  p('150000', '内蒙古自治区', 'Inner Mongolia', 'west'),
  p('210000', '辽宁省', 'Liaoning', 'northeast'),
  p('220000', '吉林省', 'Jilin', 'northeast'),
  p('230000', '黑龙江省', 'Heilongjiang', 'northeast'),
  p('310000', '上海市', 'Shanghai', 'east'),
  p('320000', '江苏省', 'Jiangsu', 'east'),
  p('330000', '浙江省', 'Zhejiang', 'east'),
  p('340000', '安徽省', 'Anhui', 'central'),
  p('350000', '福建省', 'Fujian', 'east'),
  p('360000', '江西省', 'Jiangxi', 'central'),
  p('370000', '山东省', 'Shandong', 'east'),
  p('410000', '河南省', 'Henan', 'central'),
  p('420000', '湖北省', 'Hubei', 'central'),
  p('430000', '湖南省', 'Hunan', 'central'),
  p('440000', '广东省', 'Guangdong', 'east'),
  p('450000', '广西壮族自治区', 'Guangxi', 'west'),
  p('460000', '海南省', 'Hainan', 'east'),
  p('500000', '重庆市', 'Chongqing', 'west'),
  p('510000', '四川省', 'Sichuan', 'west'),
  p('520000', '贵州省', 'Guizhou', 'west'),
  p('530000', '云南省', 'Yunnan', 'west'),
  p('540000', '西藏自治区', 'Xizang', 'west'),
  p('610000', '陕西省', 'Shaanxi', 'west'),
  p('620000', '甘肃省', 'Gansu', 'west'),
  p('630000', '青海省', 'Qinghai', 'west'),
  p('640000', '宁夏回族自治区', 'Ningxia', 'west'),
  p('650000', '新疆维吾尔自治区', 'Xinjiang', 'west'),
  city('210200', '大连市', 'Dalian', 'northeast', '210000'),
  city('330200', '宁波市', 'Ningbo', 'east', '330000'),
  city('350200', '厦门市', 'Xiamen', 'east', '350000'),
  city('370200', '青岛市', 'Qingdao', 'east', '370000'),
  city('440300', '深圳市', 'Shenzhen', 'east', '440000'),
  {
    code: '660000',
    name: '新疆生产建设兵团',
    nameEn: 'Xinjiang Production and Construction Corps',
    kind: 'xpcc',
    region: 'west',
    provinceCode: '650000',
  },
]);

/** The XPCC unit's code. XPCC 师市 carry Xinjiang codes under 659xxx. */
export const XPCC_UNIT_CODE = '660000';

const unitsByCode: ReadonlyMap<string, Unit> = new Map(UNITS.map((u) => [u.code, u]));

/** Two-digit prefixes of the 31 provincial-level divisions. */
const provincePrefixes: ReadonlySet<string> = new Set(
  UNITS.filter((u) => u.kind === 'provincial').map((u) => u.code.slice(0, 2)),
);

/** Four-digit prefecture prefix → unit code, for the units that are not whole provinces. */
const prefectureUnitCodes: ReadonlyMap<string, string> = new Map([
  ...UNITS.filter((u) => u.kind === 'separate_plan_city').map((u): [string, string] => [
    u.code.slice(0, 4),
    u.code,
  ]),
  // 6590 自治区直辖县级行政区划 holds exactly the XPCC 师市 (659001 石河子 …).
  ['6590', XPCC_UNIT_CODE],
]);

/** The unit with this code, or undefined. */
export function findUnit(code: string): Unit | undefined {
  return unitsByCode.get(code);
}

/** The region of the unit with this code, or undefined when no unit has it. */
export function regionOfUnit(code: string): Region | undefined {
  return unitsByCode.get(code)?.region;
}

/**
 * The recommending unit a six-digit GB/T 2260 code (county, zone, prefecture or province) belongs to:
 * 2102xx → 210200, 3702xx → 370200, 3302xx → 330200, 3502xx → 350200, 4403xx → 440300, 659xxx → 660000,
 * otherwise the province 'XX0000'. The XPCC unit code '660000' maps to itself. Null when the code is not
 * six digits or its first two digits are not a province.
 */
export function unitCodeForDivision(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return null;
  if (code === XPCC_UNIT_CODE) return XPCC_UNIT_CODE;
  const provincePrefix = code.slice(0, 2);
  if (!provincePrefixes.has(provincePrefix)) return null;
  return prefectureUnitCodes.get(code.slice(0, 4)) ?? `${provincePrefix}0000`;
}
