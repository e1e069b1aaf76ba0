import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregateScores, DEFAULT_WEIGHTS, weightedTotal, weightProblems } from './scoring.ts';

describe('scoring', () => {
  it('weights add up to 100 over eight areas', () => {
    assert.deepEqual(weightProblems(DEFAULT_WEIGHTS), []);
    assert.deepEqual(weightProblems([50, 40]), ['eight weights, one per area', 'weights must add up to 100']);
    assert.ok(weightProblems([110, -10, 0, 0, 0, 0, 0, 0]).includes('weights must not be negative'));
  });
  it('computes a weighted total', () => {
    assert.equal(weightedTotal([100, 100, 100, 100, 100, 100, 100, 100], DEFAULT_WEIGHTS), 100);
    assert.equal(weightedTotal([80, 60, 0, 0, 0, 0, 0, 0], DEFAULT_WEIGHTS), 29);
  });
  it('drops the highest and lowest only with three or more experts', () => {
    assert.deepEqual(aggregateScores([90, 70, 80, 60], 'trimmed_mean'), {
      value: 75,
      method: 'trimmed_mean',
      used: [70, 80],
      dropped: [60, 90],
    });
    assert.deepEqual(aggregateScores([90, 70], 'trimmed_mean'), {
      value: 80,
      method: 'trimmed_mean',
      used: [70, 90],
      dropped: [],
    });
    assert.equal(aggregateScores([90, 70, 80], 'mean').value, 80);
    assert.equal(aggregateScores([], 'mean').value, null);
  });
});
