import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  distributeToPanels,
  eligible,
  nextPhase,
  objectionsOpen,
  othersVisible,
  scoreSaveKind,
  staffDeclarations,
  subSectorDuplicates,
  subSectorKey,
  validityPeriod,
} from './panels.ts';

const pool = [
  { id: 'e1', unitCode: '330200' },
  { id: 'e2', unitCode: '330000' },
  { id: 'e3', unitCode: null },
  { id: 'e4', unitCode: null },
  { id: 'e5', unitCode: '510000' },
];
const d = (id: string, unitCode: string, assigned: string[] = [], excluded: string[] = []) => ({
  id,
  unitCode,
  assigned,
  excluded,
});

describe('phases', () => {
  it('move forward only and open the scores after the reveal', () => {
    assert.equal(nextPhase('scoring'), 'revealed');
    assert.equal(nextPhase('revealed'), 'final');
    assert.equal(nextPhase('final'), null);
    assert.equal(othersVisible('scoring'), false);
    assert.equal(othersVisible('revealed'), true);
  });
  it('make a changed score after the reveal a revision, and lock the final', () => {
    assert.equal(scoreSaveKind('scoring', true), 'free');
    assert.equal(scoreSaveKind('revealed', false), 'free');
    assert.equal(scoreSaveKind('revealed', true), 'revision');
    assert.equal(scoreSaveKind('final', false), 'locked');
  });
});

describe('staffing', () => {
  it('never picks an expert of the declaration’s own unit, a declared conflict or one already assigned', () => {
    assert.equal(eligible(pool[0]!, d('x', '330200')), false);
    assert.equal(eligible(pool[2]!, d('x', '330200', [], ['e3'])), false);
    assert.equal(eligible(pool[3]!, d('x', '330200', ['e4'])), false);
    assert.equal(eligible(pool[1]!, d('x', '330200')), true);
  });

  it('spreads the load evenly and deterministically', () => {
    const decls = ['a', 'b', 'c', 'd', 'e'].map((id) => d(id, '440300'));
    const r = staffDeclarations(decls, pool, 3);
    assert.equal(r.assignments.length, 15);
    const loads = new Map<string, number>();
    for (const a of r.assignments) loads.set(a.expertId, (loads.get(a.expertId) ?? 0) + 1);
    assert.deepEqual([...loads.values()], [3, 3, 3, 3, 3]);
    assert.deepEqual(staffDeclarations(decls, pool, 3), r);
  });

  it('staffs the most constrained declaration first and reports what it cannot fill', () => {
    // Only e1, e3, e4 can review a 330000 declaration that excluded e5: it goes first.
    const r = staffDeclarations([d('open', '440300'), d('tight', '330000', [], ['e5'])], pool, 3);
    assert.deepEqual(
      r.assignments.filter((a) => a.declarationId === 'tight').map((a) => a.expertId),
      ['e1', 'e3', 'e4'],
    );
    const short = staffDeclarations([d('x', '330200', ['e2'], ['e3', 'e4', 'e5'])], pool, 3);
    assert.deepEqual(short, { assignments: [], shortfalls: [{ declarationId: 'x', missing: 2 }] });
  });

  it('only tops up: a refill after a conflict adds one expert, taking the current load into account', () => {
    const r = staffDeclarations([d('x', '440300', ['e2', 'e3'], ['e1'])], pool, 3, new Map([['e4', 5]]));
    assert.deepEqual(r.assignments, [{ declarationId: 'x', expertId: 'e5' }]);
  });
});

describe('distribution over panels', () => {
  it('prefers a panel that can staff the declaration, then the emptier one', () => {
    const panels = [
      { id: 'P1', members: [pool[0]!, pool[1]!], declarations: 0, perDeclaration: 2 },
      { id: 'P2', members: [pool[2]!, pool[3]!, pool[4]!], declarations: 0, perDeclaration: 2 },
    ];
    const out = distributeToPanels(
      [
        { id: 'ningbo', unitCode: '330200' },
        { id: 'x1', unitCode: '440300' },
        { id: 'x2', unitCode: '440300' },
        { id: 'x3', unitCode: '440300' },
      ],
      panels,
    );
    assert.equal(out.get('ningbo'), 'P2', 'P1 has only one expert outside 宁波');
    assert.deepEqual([out.get('x1'), out.get('x2'), out.get('x3')], ['P1', 'P2', 'P1']);
  });
  it('leaves out a declaration no panel can review', () => {
    const out = distributeToPanels(
      [{ id: 'n', unitCode: '330200' }],
      [{ id: 'P', members: [pool[0]!], declarations: 0, perDeclaration: 1 }],
    );
    assert.equal(out.size, 0);
  });
});

describe('sub-sector duplicates', () => {
  it('match names ignoring spaces and case, else the industry code', () => {
    assert.equal(subSectorKey({ subSector: ' 精密 注塑模具 ', industryCode: '3525' }), 's:精密注塑模具');
    assert.equal(subSectorKey({ subSector: '', industryCode: '3525' }), 'c:3525');
    assert.equal(subSectorKey({ subSector: null, industryCode: null }), null);
    const dup = subSectorDuplicates([
      { id: 'a', subSector: '袜业' },
      { id: 'b', subSector: '袜 业' },
      { id: 'c', subSector: '模具' },
      { id: 'd', subSector: null, industryCode: null },
    ]);
    assert.deepEqual(Object.fromEntries(dup), { a: ['b'], b: ['a'] });
  });
});

describe('validity and objection window', () => {
  it('is three years from publication, to the day before the third anniversary', () => {
    assert.deepEqual(validityPeriod('2023-08-10'), { validFrom: '2023-08-10', validTo: '2026-08-09' });
    assert.deepEqual(validityPeriod('2024-02-29'), { validFrom: '2024-02-29', validTo: '2027-02-28' });
    assert.deepEqual(validityPeriod('2023-01-01'), { validFrom: '2023-01-01', validTo: '2025-12-31' });
  });
  it('accepts objections from the first to the last day inclusive', () => {
    const p = { startsOn: '2025-09-29', endsOn: '2025-10-11' };
    assert.equal(objectionsOpen('2025-09-28', p), false);
    assert.equal(objectionsOpen('2025-09-29', p), true);
    assert.equal(objectionsOpen('2025-10-11', p), true);
    assert.equal(objectionsOpen('2025-10-12', p), false);
  });
});
