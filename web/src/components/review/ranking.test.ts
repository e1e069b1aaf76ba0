import { describe, expect, it } from 'vitest';
import type { StandardsItem, StandardsResult } from '../../../../domain/standards.ts';
import {
  addCheck,
  entriesOf,
  errorsByEntry,
  missingJustifications,
  moveItem,
  type RankedEntry,
  relaxationNeed,
  sameRanking,
  toPayload,
} from './ranking.ts';

const item = (code: string, result: StandardsItem['result']): StandardsItem => ({
  area: code === 'negative_list' ? 0 : 1,
  code,
  value: null,
  threshold: null,
  operator: '>=',
  unit: null,
  result,
  message: '',
  messageEn: '',
});
const standards = (...items: StandardsItem[]): StandardsResult => ({
  standardsVersion: '2022',
  overall: items.every((i) => i.result === 'pass') ? 'pass' : 'fail',
  items,
});
const passing = standards(item('output_each_year', 'pass'), item('negative_list', 'pass'));
const failing = standards(item('output_each_year', 'fail'), item('negative_list', 'pass'));
const incomplete = standards(item('output_growth', 'missing'), item('negative_list', 'pass'));
const negative = standards(item('output_each_year', 'pass'), item('negative_list', 'fail'));

const entry = (id: string, justification = ''): RankedEntry => ({
  declarationId: id,
  clusterName: `集群 ${id}`,
  countyName: '县',
  justification,
});

describe('moveItem', () => {
  it('moves up, down and to the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 2)).toEqual(['a', 'c', 'b']);
  });

  it('clamps out-of-range targets and leaves the input alone', () => {
    const list = ['a', 'b'];
    expect(moveItem(list, 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(list, 1, 5)).toEqual(['a', 'b']);
    expect(moveItem(list, 0, 5)).toEqual(['b', 'a']);
    expect(list).toEqual(['a', 'b']);
    expect(moveItem([], 0, 1)).toEqual([]);
  });
});

describe('entriesOf and sameRanking', () => {
  it('orders the server list by rank and keeps justifications', () => {
    const list = entriesOf({
      unitCode: '650000',
      unitName: '新疆',
      campaignYear: 2026,
      quota: 8,
      used: 2,
      unitDeadline: null,
      items: [
        {
          rank: 2,
          declarationId: 'b',
          clusterName: 'B',
          divisionCode: '650102',
          countyName: '天山区',
          standardsOverall: 'fail',
          westernRelaxation: { justification: '理由' },
        },
        {
          rank: 1,
          declarationId: 'a',
          clusterName: 'A',
          divisionCode: '650103',
          countyName: '沙依巴克区',
          standardsOverall: 'pass',
          westernRelaxation: null,
        },
      ],
    });
    expect(list.map((e) => [e.declarationId, e.justification])).toEqual([
      ['a', ''],
      ['b', '理由'],
    ]);
  });

  it('compares order and trimmed justifications', () => {
    expect(sameRanking([entry('a'), entry('b')], [entry('a'), entry('b')])).toBe(true);
    expect(sameRanking([entry('a'), entry('b')], [entry('b'), entry('a')])).toBe(false);
    expect(sameRanking([entry('a')], [entry('a'), entry('b')])).toBe(false);
    expect(sameRanking([entry('a', ' x ')], [entry('a', 'x')])).toBe(true);
    expect(sameRanking([entry('a', 'x')], [entry('a', 'y')])).toBe(false);
  });
});

describe('toPayload', () => {
  it('ranks in list order and sends a trimmed justification only where one is needed', () => {
    const needs = (id: string) => id === 'b';
    expect(toPayload([entry('a', 'not needed'), entry('b', '  西部理由 '), entry('c')], needs)).toEqual([
      { declarationId: 'a', rank: 1 },
      { declarationId: 'b', rank: 2, westernRelaxationJustification: '西部理由' },
      { declarationId: 'c', rank: 3 },
    ]);
  });

  it('lists entries still lacking a required justification', () => {
    const needs = (id: string) => id !== 'a';
    expect(missingJustifications([entry('a'), entry('b', ' '), entry('c', 'ok')], needs)).toEqual(['b']);
  });
});

describe('addCheck (eligibility as the page shows it)', () => {
  it('adds a passing declaration while the quota has room', () => {
    expect(addCheck(passing, 'east', 0, 2)).toEqual({
      addable: true,
      needsJustification: false,
      failedItems: [],
    });
  });

  it('blocks over quota', () => {
    expect(addCheck(passing, 'east', 2, 2)).toEqual({ addable: false, reason: 'quota', failedItems: [] });
  });

  it('refuses a failing declaration outside the west, naming the items, even with room', () => {
    expect(addCheck(failing, 'east', 0, 2)).toEqual({
      addable: false,
      reason: 'fails_standards',
      failedItems: ['output_each_year'],
    });
    expect(addCheck(incomplete, 'central', 0, 2)).toMatchObject({
      addable: false,
      reason: 'fails_standards',
      failedItems: ['output_growth'],
    });
  });

  it('lets a western unit add a failing declaration with a justification to write', () => {
    expect(addCheck(failing, 'west', 0, 2)).toEqual({
      addable: true,
      needsJustification: true,
      failedItems: ['output_each_year'],
    });
    expect(addCheck(failing, 'west', 2, 2)).toMatchObject({ addable: false, reason: 'quota' });
  });

  it('never relaxes the negative list', () => {
    expect(addCheck(negative, 'west', 0, 2)).toEqual({
      addable: false,
      reason: 'negative_list',
      failedItems: ['negative_list'],
    });
  });

  it('waits for the standards before allowing anything', () => {
    expect(addCheck(null, 'east', 0, 2)).toMatchObject({ addable: false, reason: 'loading' });
  });

  it('says which listed entries need a justification', () => {
    expect(relaxationNeed(failing, 'west')).toEqual({ needed: true, failedItems: ['output_each_year'] });
    expect(relaxationNeed(passing, 'west')).toEqual({ needed: false, failedItems: [] });
    expect(relaxationNeed(failing, 'east')).toEqual({ needed: false, failedItems: [] });
    expect(relaxationNeed(undefined, 'west')).toEqual({ needed: false, failedItems: [] });
  });
});

describe('errorsByEntry', () => {
  it('maps items[i] paths back to the declarations sent', () => {
    const sent = [
      { declarationId: 'a', rank: 1 },
      { declarationId: 'b', rank: 2 },
    ];
    const errors = errorsByEntry(
      [
        { path: 'items[1]', message: 'justification_required', failedItems: ['output_growth'] },
        { path: 'items[0].declarationId', message: 'status submitted: accept it first' },
        { path: 'items', message: 'ranks must be 1, 2, …' },
        { path: 'items[7]', message: 'out of range' },
        'junk',
      ],
      sent,
    );
    expect([...errors.keys()]).toEqual(['b', 'a']);
    expect(errors.get('b')).toEqual([{ message: 'justification_required', failedItems: ['output_growth'] }]);
    expect(errors.get('a')).toEqual([{ message: 'status submitted: accept it first', failedItems: [] }]);
  });
});
