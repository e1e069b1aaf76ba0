import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankingProblems, recommendationEligibility } from './recommendation.ts';
import type { StandardsItem, StandardsResult } from './standards.ts';

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
const result = (...items: StandardsItem[]): StandardsResult => ({
  standardsVersion: '2022',
  overall: items.some((i) => i.result === 'fail') ? 'fail' : 'pass',
  items,
});

describe('recommendation eligibility', () => {
  const passing = result(
    item('output_each_year', 'pass'),
    item('land_area', 'warn'),
    item('negative_list', 'pass'),
  );
  const failingOutput = result(item('output_each_year', 'fail'), item('negative_list', 'pass'));
  it('lets any unit recommend a declaration that meets the standards (warnings do not count)', () => {
    assert.deepEqual(recommendationEligibility(passing, 'east', null), { ok: true, relaxed: false });
  });
  it('refuses a failing declaration outside the west, whatever is written', () => {
    assert.deepEqual(recommendationEligibility(failingOutput, 'east', 'please'), {
      ok: false,
      reason: 'fails_standards',
      failedItems: ['output_each_year'],
    });
    assert.equal(recommendationEligibility(failingOutput, 'northeast', 'x').ok, false);
  });
  it('lets a western unit recommend it only with a written justification', () => {
    assert.equal(recommendationEligibility(failingOutput, 'west', '  ').ok, false);
    assert.deepEqual(recommendationEligibility(failingOutput, 'west', '民族地区特色产业'), {
      ok: true,
      relaxed: true,
      failedItems: ['output_each_year'],
    });
  });
  it('never relaxes the negative list, and treats missing figures as failing', () => {
    const incident = result(item('negative_list', 'fail'));
    assert.equal(recommendationEligibility(incident, 'west', 'justified').ok, false);
    const missing = result(item('output_growth', 'missing'), item('negative_list', 'pass'));
    assert.equal(recommendationEligibility(missing, 'east', null).ok, false);
  });
});

describe('ranking problems', () => {
  it('accepts 1..n and refuses gaps, repeats and duplicates', () => {
    assert.deepEqual(
      rankingProblems([
        { declarationId: 'a', rank: 2 },
        { declarationId: 'b', rank: 1 },
      ]),
      [],
    );
    assert.equal(
      rankingProblems([
        { declarationId: 'a', rank: 1 },
        { declarationId: 'b', rank: 3 },
      ]).length,
      1,
    );
    assert.equal(
      rankingProblems([
        { declarationId: 'a', rank: 1 },
        { declarationId: 'a', rank: 2 },
      ]).length,
      1,
    );
    assert.deepEqual(rankingProblems([]), []);
  });
});
