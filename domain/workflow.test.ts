import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffJson } from './diff.ts';
import { allowedDeclarationActions, canTransition, chinaDate, deadlinePassed } from './workflow.ts';

describe('declaration workflow', () => {
  it('lets the county submit drafts, returned and withdrawn declarations, and withdraw submitted ones', () => {
    assert.equal(canTransition('submit', 'draft', 'county'), true);
    assert.equal(canTransition('submit', 'returned', 'county'), true);
    assert.equal(canTransition('submit', 'submitted', 'county'), false);
    assert.equal(canTransition('submit', 'draft', 'unit'), false);
    assert.equal(canTransition('withdraw', 'submitted', 'county'), true);
    assert.equal(canTransition('withdraw', 'accepted', 'county'), false, 'not once the unit has acted');
    assert.equal(canTransition('accept', 'submitted', 'unit'), true);
    assert.equal(canTransition('accept', 'draft', 'unit'), false, 'a unit never sees drafts move');
    assert.equal(canTransition('return', 'recommended', 'unit'), false, 'take it off the list first');
  });
  it('derives allowed actions per status and role', () => {
    assert.deepEqual(allowedDeclarationActions('draft', 'county'), [
      'download_pdf',
      'edit',
      'upload',
      'delete_attachment',
      'submit',
    ]);
    assert.deepEqual(allowedDeclarationActions('submitted', 'county'), ['download_pdf', 'withdraw']);
    assert.deepEqual(allowedDeclarationActions('draft', 'unit'), ['download_pdf']);
    assert.deepEqual(allowedDeclarationActions('submitted', 'unit'), [
      'download_pdf',
      'accept',
      'return',
      'reject',
    ]);
    assert.deepEqual(allowedDeclarationActions('accepted', 'unit'), ['download_pdf', 'return', 'reject']);
  });
});

describe('deadlines in Beijing time', () => {
  it('is inclusive of the deadline day in China', () => {
    // 2023-07-31 23:30 in Beijing is 15:30 UTC.
    assert.equal(chinaDate(new Date('2023-07-31T15:30:00Z')), '2023-07-31');
    assert.equal(deadlinePassed('2023-07-31', new Date('2023-07-31T15:30:00Z')), false);
    // 00:10 on 1 August in Beijing is still 31 July in UTC.
    assert.equal(deadlinePassed('2023-07-31', new Date('2023-07-31T16:10:00Z')), true);
    assert.equal(deadlinePassed(null, new Date()), false);
  });
});

describe('diffJson', () => {
  it('lists changed leaves with paths', () => {
    assert.deepEqual(diffJson({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3] }, d: 'x' }), [
      { path: 'b.c[1]', before: 2, after: 3 },
      { path: 'd', before: null, after: 'x' },
    ]);
    assert.deepEqual(diffJson({ a: [1] }, { a: [1] }), []);
  });
});
