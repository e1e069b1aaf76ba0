// The tile-grid cartogram of the 37 recommending units: one square per unit, placed roughly where it lies
// (north at the top), the five separate-plan cities on the coast beside their province and XPCC beside
// Xinjiang. A static table, so the map needs no geometry and reads the same at every width.

export interface TilePosition {
  readonly row: number;
  readonly col: number;
}

/** Unit code → grid cell (0-based; 9 rows × 9 columns). */
export const TILE_LAYOUT: Readonly<Record<string, TilePosition>> = {
  '230000': { row: 0, col: 8 }, // 黑龙江
  '150000': { row: 1, col: 5 }, // 内蒙古
  '220000': { row: 1, col: 8 }, // 吉林
  '650000': { row: 2, col: 0 }, // 新疆
  '660000': { row: 2, col: 1 }, // 新疆生产建设兵团
  '110000': { row: 2, col: 6 }, // 北京
  '210000': { row: 2, col: 7 }, // 辽宁
  '210200': { row: 2, col: 8 }, // 大连
  '620000': { row: 3, col: 2 }, // 甘肃
  '640000': { row: 3, col: 3 }, // 宁夏
  '140000': { row: 3, col: 4 }, // 山西
  '130000': { row: 3, col: 5 }, // 河北
  '120000': { row: 3, col: 6 }, // 天津
  '540000': { row: 4, col: 0 }, // 西藏
  '630000': { row: 4, col: 1 }, // 青海
  '610000': { row: 4, col: 3 }, // 陕西
  '410000': { row: 4, col: 4 }, // 河南
  '370000': { row: 4, col: 5 }, // 山东
  '370200': { row: 4, col: 6 }, // 青岛
  '510000': { row: 5, col: 1 }, // 四川
  '500000': { row: 5, col: 2 }, // 重庆
  '420000': { row: 5, col: 3 }, // 湖北
  '340000': { row: 5, col: 4 }, // 安徽
  '320000': { row: 5, col: 5 }, // 江苏
  '310000': { row: 5, col: 6 }, // 上海
  '530000': { row: 6, col: 1 }, // 云南
  '520000': { row: 6, col: 2 }, // 贵州
  '430000': { row: 6, col: 3 }, // 湖南
  '360000': { row: 6, col: 4 }, // 江西
  '330000': { row: 6, col: 5 }, // 浙江
  '330200': { row: 6, col: 6 }, // 宁波
  '450000': { row: 7, col: 2 }, // 广西
  '440000': { row: 7, col: 3 }, // 广东
  '350000': { row: 7, col: 4 }, // 福建
  '350200': { row: 7, col: 5 }, // 厦门
  '460000': { row: 8, col: 2 }, // 海南
  '440300': { row: 8, col: 3 }, // 深圳
};

export const TILE_ROWS = 9;
export const TILE_COLS = 9;

/** A short label for a tile: the name without 省/市/自治区 and the like (新疆生产建设兵团 → 兵团). */
export function shortUnitName(name: string): string {
  if (name.includes('生产建设兵团')) return '兵团';
  const short = name.replace(/(壮族|回族|维吾尔)?自治区$/, '').replace(/[省市]$/, '');
  return short || name;
}

export const SHORT_EN: Readonly<Record<string, string>> = { '660000': 'XPCC' };

/** How far a unit has filled its quota, for the tile's colour. */
export type FillLevel = 'none' | 'partial' | 'full' | 'over';

export function fillLevel(recommended: number, quota: number): FillLevel {
  if (recommended <= 0) return 'none';
  if (recommended > quota) return 'over';
  return recommended === quota ? 'full' : 'partial';
}

/**
 * The units in reading order of the grid (row by row, left to right), so the keyboard's Tab order follows
 * what the eye sees. Units without a place in the table come last, in the order given.
 */
export function tilesInReadingOrder<T extends { code: string }>(units: readonly T[]): (T & TilePosition)[] {
  const placed: (T & TilePosition)[] = [];
  const unplaced: T[] = [];
  for (const u of units) {
    const pos = TILE_LAYOUT[u.code];
    if (pos) placed.push({ ...u, ...pos });
    else unplaced.push(u);
  }
  placed.sort((a, b) => a.row - b.row || a.col - b.col);
  // Unknown units get cells after the last row, so they still show.
  const extra = unplaced.map((u, i) => ({
    ...u,
    row: TILE_ROWS + Math.floor(i / TILE_COLS),
    col: i % TILE_COLS,
  }));
  return [...placed, ...extra];
}
