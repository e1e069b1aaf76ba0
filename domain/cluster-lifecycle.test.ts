import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  emptyAnnualReportContent,
  isOverdue,
  missingReportItems,
  reportDueOn,
  reportYears,
} from './annual-report.ts';
import {
  clusterActions,
  decisionProblems,
  effectiveStatus,
  extendedValidTo,
  lapsesWithoutReReview,
  recordChangeOf,
  reReviewActions,
  verificationProblems,
} from './cluster-lifecycle.ts';
import { planProgress } from './cluster-plan.ts';

const rules = [
  { year: 2022, annualReportDue: '04-30' },
  { year: 2023, annualReportDue: '04-30' },
  { year: 2024, annualReportDue: '03-31' },
];

describe('annual reports', () => {
  it('are due under the campaign of the filing year', () => {
    assert.equal(reportDueOn(2022, rules), '2023-04-30');
    assert.equal(reportDueOn(2023, rules), '2024-03-31');
    assert.equal(reportDueOn(2030, rules), '2031-03-31');
    assert.equal(reportDueOn(2020, []), '2021-03-31');
  });
  it('are owed for each year ending inside the validity, once it has ended', () => {
    const c = { validFrom: '2023-01-15', validTo: '2026-01-14' };
    assert.deepEqual(reportYears(c, '2026-06-01'), [2023, 2024, 2025]);
    assert.deepEqual(reportYears(c, '2025-01-01'), [2023, 2024]);
    assert.deepEqual(reportYears({ ...c, revokedOn: '2024-06-01' }, '2026-06-01'), [2023]);
    assert.deepEqual(
      reportYears({ validFrom: '2023-11-15', validTo: '2026-11-14' }, '2030-01-01'),
      [2023, 2024, 2025],
    );
  });
  it('are overdue after the due day unless filed', () => {
    assert.equal(isOverdue('returned', '2025-03-31', '2025-04-01'), true);
    assert.equal(isOverdue('submitted', '2025-03-31', '2025-04-01'), false);
    assert.equal(isOverdue('draft', '2025-03-31', '2025-03-31'), false);
  });
  it('list every missing item and inconsistent figure', () => {
    const c = { ...emptyAnnualReportContent(), output: 10, smeOutput: 12, noSeriousIncidents: false };
    const paths = missingReportItems(c).map((m) => m.path);
    assert.ok(paths.includes('narratives.summary'));
    assert.ok(paths.includes('smeOutput'));
    assert.ok(paths.includes('incidentDescription'));
    assert.ok(!paths.includes('output'));
  });
});

describe('cluster lifecycle', () => {
  it('shows expired when the last valid day has passed', () => {
    assert.equal(effectiveStatus({ status: 'valid', validTo: '2026-01-14' }, '2026-01-14'), 'valid');
    assert.equal(effectiveStatus({ status: 'extended', validTo: '2026-01-14' }, '2026-01-15'), 'expired');
    assert.equal(effectiveStatus({ status: 'revoked', validTo: '2030-01-14' }, '2026-01-15'), 'revoked');
  });
  it('extends by three years from the day after', () => {
    assert.equal(extendedValidTo('2026-01-14'), '2029-01-14');
    assert.equal(extendedValidTo('2027-02-27'), '2030-02-27');
  });
  it('lapses without a filed re-review at expiry', () => {
    const c = { status: 'valid', validTo: '2026-01-14' };
    assert.equal(lapsesWithoutReReview(c, null, '2026-01-14'), false);
    assert.equal(lapsesWithoutReReview(c, null, '2026-01-15'), true);
    assert.equal(lapsesWithoutReReview(c, { status: 'draft', submittedAt: null }, '2026-01-15'), true);
    assert.equal(lapsesWithoutReReview(c, { status: 'verified', submittedAt: 'x' }, '2026-01-15'), false);
  });
  it('needs a reason for every failed item and for a decision against the unit', () => {
    assert.equal(
      verificationProblems({ passed: false, items: [{ code: 'a', result: 'fail', reason: '' }], comment: '' })
        .length,
      1,
    );
    assert.equal(
      verificationProblems({ passed: true, items: [{ code: 'a', result: 'fail', reason: 'x' }], comment: '' })
        .length,
      1,
    );
    assert.equal(verificationProblems({ passed: false, items: [], comment: '' }).length, 1);
    assert.equal(verificationProblems({ passed: false, items: [], comment: '现场核查不符' }).length, 0);
    assert.equal(decisionProblems(false, { decision: 'extend', reason: '' }).length, 1);
    assert.equal(decisionProblems(true, { decision: 'extend', reason: '' }).length, 0);
    assert.equal(decisionProblems(true, { decision: 'revoke', reason: '' }).length, 1);
  });
  it('gives each party its actions', () => {
    assert.deepEqual(reReviewActions('unit', 'verified', 'national'), []);
    assert.deepEqual(reReviewActions('unit', 'verified', 'provincial'), ['decide']);
    assert.deepEqual(reReviewActions('ministry', 'verified', 'national'), ['decide']);
    assert.deepEqual(reReviewActions('county', 'returned', 'national'), ['edit', 'submit']);
    const c = { status: 'valid', validTo: '2026-01-14', level: 'national' };
    assert.ok(clusterActions('county', c, '2025-06-01').includes('start_re_review'));
    assert.ok(!clusterActions('county', c, '2024-06-01').includes('start_re_review'));
    assert.ok(clusterActions('ministry', c, '2024-06-01').includes('revoke'));
    assert.ok(!clusterActions('unit', c, '2024-06-01').includes('revoke'));
  });
  it('computes plan progress from filed reports only', () => {
    const p = planProgress(
      [
        { indicator: 'output', year: 2024, value: 100 },
        { indicator: 'output', year: 2025, value: 100 },
        { indicator: 'output', year: 2026, value: 100 },
      ],
      [
        { year: 2024, status: 'forwarded', content: { output: 120 } },
        { year: 2025, status: 'draft', content: { output: 130 } },
      ],
      '2026-03-01',
    );
    assert.deepEqual(
      p.map((x) => [x.state, x.percent]),
      [
        ['achieved', 120],
        ['no_report', null],
        ['future', null],
      ],
    );
  });
});

describe('accepting a change report', () => {
  const current = { leadingIndustry: '模具', operatingBody: null, spatialBoundary: null };
  it('replaces the field of its kind when acknowledged, or when a review confirms it', () => {
    assert.deepEqual(
      recordChangeOf({ kind: 'leading_industry', afterValue: ' 精密模具 ' }, 'acknowledge', current),
      {
        field: 'leadingIndustry',
        before: '模具',
        after: '精密模具',
      },
    );
    assert.deepEqual(recordChangeOf({ kind: 'operating_body', afterValue: '协会' }, 'close', current, true), {
      field: 'operatingBody',
      before: null,
      after: '协会',
    });
  });
  it('changes nothing for other changes, empty or same values, a review opened or closed unconfirmed', () => {
    assert.equal(recordChangeOf({ kind: 'other', afterValue: 'x' }, 'acknowledge', current), null);
    assert.equal(recordChangeOf({ kind: 'spatial_boundary', afterValue: ' ' }, 'acknowledge', current), null);
    assert.equal(
      recordChangeOf({ kind: 'leading_industry', afterValue: '模具' }, 'acknowledge', current),
      null,
    );
    assert.equal(recordChangeOf({ kind: 'leading_industry', afterValue: 'x' }, 'open_review', current), null);
    assert.equal(recordChangeOf({ kind: 'leading_industry', afterValue: 'x' }, 'close', current), null);
  });
});
