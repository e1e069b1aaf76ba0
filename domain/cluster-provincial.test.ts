import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { provincialIdentifyProblems, provincialRoundActions } from './cluster-provincial.ts';

const period = { startsOn: '2026-03-02', endsOn: '2026-03-06' };
const pick = {
  path: 'declarations[0]',
  clusterName: '甲集群',
  inPublicity: true,
  upheldObjections: 0,
  openObjections: 0,
};

describe('a provincial round one tier down', () => {
  it('offers experts and 公示 until publicized, then identification only after the 公示 ends', () => {
    assert.deepEqual(provincialRoundActions(true, 'open', null, '2026-03-01'), [
      'assign_experts',
      'publicize',
      'identify',
    ]);
    assert.deepEqual(provincialRoundActions(true, 'open', period, '2026-03-06'), []);
    assert.deepEqual(provincialRoundActions(true, 'open', period, '2026-03-07'), ['identify']);
    assert.deepEqual(provincialRoundActions(false, 'open', null, '2026-03-07'), []);
    assert.deepEqual(provincialRoundActions(true, 'closed', period, '2026-03-07'), []);
  });

  it('identifies declarations only after a 公示 they were on, without upheld or open objections', () => {
    assert.deepEqual(provincialIdentifyProblems(period, '2026-03-09', '2026-03-09', [pick]), []);
    assert.deepEqual(provincialIdentifyProblems(null, '2026-03-09', '2026-03-09', []), [], 'entries only');
    assert.equal(provincialIdentifyProblems(null, '2026-03-09', '2026-03-09', [pick]).length, 1);
    assert.deepEqual(
      provincialIdentifyProblems(period, '2026-03-06', '2026-03-06', [pick]).map((p) => p.path),
      ['declarations', 'publishedOn'],
    );
    const problems = provincialIdentifyProblems(period, '2026-03-09', '2026-03-09', [
      { ...pick, inPublicity: false },
      { ...pick, path: 'declarations[1]', upheldObjections: 1 },
      { ...pick, path: 'declarations[2]', openObjections: 2 },
    ]);
    assert.deepEqual(
      problems.map((p) => p.path),
      ['declarations[0]', 'declarations[1]', 'declarations[2]'],
    );
  });
});
