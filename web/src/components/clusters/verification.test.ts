import { describe, expect, it } from 'vitest';
import type { ReReview } from '../../api/clusters.ts';
import { initialRows, PLAN_ITEM, verifyBodyOf, verifyProblems } from './verification.ts';

const item = (code: string, result: string) => ({
  area: 1,
  code,
  value: 1,
  threshold: 1,
  operator: '>=',
  result,
  message: '',
});
const r = {
  standards: {
    overall: 'fail',
    items: [item('output_each_year', 'pass'), item('output_growth', 'fail'), item('land_area', 'warn')],
  },
  planCheck: [{ indicator: 'output', year: 2025, value: 100, actual: 90, state: 'not_achieved' }],
} as unknown as ReReview;
const noInspection = { enabled: false, date: null, team: '', findings: '' };

describe('re-review verification', () => {
  it('starts from the automatic check and the plan targets', () => {
    expect(initialRows(r).map((x) => [x.code, x.result])).toEqual([
      ['output_each_year', 'pass'],
      ['output_growth', 'fail'],
      ['land_area', 'pass'],
      [PLAN_ITEM, 'fail'],
    ]);
    expect(initialRows({ standards: null, planCheck: [] })).toEqual([]);
  });

  it('needs a reason for every failed item and refuses "passed" with a failed item', () => {
    const rows = initialRows(r);
    const body = verifyBodyOf(rows, true, '', noInspection);
    const paths = verifyProblems(body, noInspection).map((p) => p.path);
    expect(paths).toEqual(['items[1].reason', 'items[3].reason', 'passed']);
    const fixed = rows.map((x) => (x.result === 'fail' ? { ...x, reason: ' 未达标 ' } : x));
    const failedBody = verifyBodyOf(fixed, false, '', noInspection);
    expect(verifyProblems(failedBody, noInspection)).toEqual([]);
    expect(failedBody.items?.[1]?.reason).toBe('未达标');
  });

  it('sends the inspection only when made, and needs its date', () => {
    const rows = initialRows({ standards: null, planCheck: [] });
    const made = { enabled: true, date: '2025-06-02', team: ' 张三 ', findings: '属实' };
    expect(verifyBodyOf(rows, true, '', made).inspection).toEqual({
      date: '2025-06-02',
      team: '张三',
      findings: '属实',
    });
    expect(
      verifyProblems(verifyBodyOf(rows, true, '', { ...made, date: null }), { ...made, date: null }),
    ).toEqual([{ path: 'inspection.date', message: 'required' }]);
  });
});
