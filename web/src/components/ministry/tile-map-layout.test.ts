import { describe, expect, it } from 'vitest';
import { UNITS } from '../../../../domain/units.ts';
import {
  fillLevel,
  shortUnitName,
  TILE_COLS,
  TILE_LAYOUT,
  TILE_ROWS,
  tilesInReadingOrder,
} from './tile-map-layout.ts';

describe('tile map layout', () => {
  it('places every one of the 37 units, each in its own cell inside the grid', () => {
    expect(Object.keys(TILE_LAYOUT).sort()).toEqual(UNITS.map((u) => u.code).sort());
    const cells = new Set(Object.values(TILE_LAYOUT).map((p) => `${p.row}:${p.col}`));
    expect(cells.size).toBe(37);
    for (const p of Object.values(TILE_LAYOUT)) {
      expect(p.row).toBeGreaterThanOrEqual(0);
      expect(p.row).toBeLessThan(TILE_ROWS);
      expect(p.col).toBeGreaterThanOrEqual(0);
      expect(p.col).toBeLessThan(TILE_COLS);
    }
  });

  it('keeps rough geography: north above south, west left of east, cities beside their province', () => {
    const at = (code: string) => TILE_LAYOUT[code]!;
    expect(at('230000').row).toBeLessThan(at('460000').row); // 黑龙江 above 海南
    expect(at('650000').col).toBeLessThan(at('310000').col); // 新疆 west of 上海
    for (const u of UNITS.filter((x) => x.kind !== 'provincial')) {
      const city = at(u.code);
      const province = at(u.provinceCode);
      expect(Math.abs(city.row - province.row) + Math.abs(city.col - province.col)).toBeLessThanOrEqual(2);
    }
  });

  it('shortens names for the tiles', () => {
    expect(shortUnitName('浙江省')).toBe('浙江');
    expect(shortUnitName('宁波市')).toBe('宁波');
    expect(shortUnitName('广西壮族自治区')).toBe('广西');
    expect(shortUnitName('新疆维吾尔自治区')).toBe('新疆');
    expect(shortUnitName('内蒙古自治区')).toBe('内蒙古');
    expect(shortUnitName('新疆生产建设兵团')).toBe('兵团');
  });

  it('colours by recommended against quota', () => {
    expect(fillLevel(0, 8)).toBe('none');
    expect(fillLevel(3, 8)).toBe('partial');
    expect(fillLevel(8, 8)).toBe('full');
    expect(fillLevel(9, 8)).toBe('over');
  });

  it('orders tiles row by row for the keyboard, unknown units last', () => {
    const order = tilesInReadingOrder([{ code: '460000' }, { code: 'x' }, { code: '230000' }]);
    expect(order.map((t) => t.code)).toEqual(['230000', '460000', 'x']);
    expect(order[2]!.row).toBe(TILE_ROWS);
  });
});
