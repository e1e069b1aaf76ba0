import { describe, expect, it } from 'vitest';
import type { Review } from '../../api/review.ts';
import {
  applicableIds,
  auditSummary,
  countiesOf,
  dashboardStatuses,
  daysLeft,
  filterIntake,
  formatDate,
  type IntakeRow,
  NO_FILTERS,
  pickCampaignYear,
  reviewChanged,
  reviewInputOf,
} from './review-format.ts';

const row = (over: Partial<IntakeRow>): IntakeRow => ({
  id: 'x',
  campaignYear: 2026,
  clusterName: '浙江省宁波市余姚市模具产业集群',
  status: 'submitted',
  version: 2,
  divisionCode: '330281',
  divisionName: '余姚市',
  unitCode: '330200',
  unitName: '宁波市',
  updatedAt: '2026-01-01T00:00:00Z',
  submittedAt: '2026-01-01T00:00:00Z',
  completeness: 100,
  allowedActions: ['download_pdf', 'accept', 'return', 'reject'],
  industry: '模具',
  standardsOverall: 'pass',
  ...over,
});

describe('deadlines', () => {
  it('counts whole days to an inclusive deadline', () => {
    expect(daysLeft('2027-01-28', '2027-01-01')).toBe(27);
    expect(daysLeft('2027-01-28', '2027-01-28')).toBe(0);
    expect(daysLeft('2027-01-28', '2027-01-29')).toBe(-1);
    expect(daysLeft('2024-03-01', '2024-02-28')).toBe(2);
  });

  it('formats dates per language without shifting the day', () => {
    expect(formatDate('2027-01-28', 'zh-CN')).toBe('2027年1月28日');
    expect(formatDate('2027-01-28', 'en')).toBe('Jan 28, 2027');
    expect(formatDate(null, 'en')).toBe('—');
  });
});

describe('intake filters', () => {
  const rows = [
    row({ id: 'a' }),
    row({
      id: 'b',
      status: 'accepted',
      divisionCode: '330282',
      divisionName: '慈溪市',
      clusterName: '慈溪市家电产业集群',
      industry: '家用电器',
      standardsOverall: 'fail',
    }),
    row({ id: 'c', industry: null, standardsOverall: null, clusterName: '北仑区压铸模具产业集群' }),
  ];

  it('keeps everything without filters', () => {
    expect(filterIntake(rows, NO_FILTERS).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('filters by status, county, standards and industry text (industry or name)', () => {
    expect(filterIntake(rows, { ...NO_FILTERS, status: 'accepted' }).map((r) => r.id)).toEqual(['b']);
    expect(filterIntake(rows, { ...NO_FILTERS, divisionCode: '330281' }).map((r) => r.id)).toEqual([
      'a',
      'c',
    ]);
    expect(filterIntake(rows, { ...NO_FILTERS, standards: 'fail' }).map((r) => r.id)).toEqual(['b']);
    expect(filterIntake(rows, { ...NO_FILTERS, industry: ' 模具 ' }).map((r) => r.id)).toEqual(['a', 'c']);
    expect(filterIntake(rows, { ...NO_FILTERS, industry: '家用' }).map((r) => r.id)).toEqual(['b']);
  });

  it('lists the counties present, once each', () => {
    expect(countiesOf(rows)).toEqual([
      { code: '330282', name: '慈溪市' },
      { code: '330281', name: '余姚市' },
    ]);
  });
});

describe('bulk actions', () => {
  it('applies only to selected rows whose status allows the action', () => {
    const rows = [
      row({ id: 'a' }),
      row({ id: 'b', status: 'accepted', allowedActions: ['download_pdf', 'return', 'reject'] }),
      row({ id: 'c' }),
    ];
    expect(applicableIds(rows, ['a', 'b'], 'accept')).toEqual(['a']);
    expect(applicableIds(rows, ['a', 'b'], 'return')).toEqual(['a', 'b']);
    expect(applicableIds(rows, [], 'reject')).toEqual([]);
  });
});

describe('dashboard statuses', () => {
  it('always shows the usual cards and adds others that occur', () => {
    expect(dashboardStatuses({})).toEqual([
      'submitted',
      'accepted',
      'recommended',
      'returned',
      'rejected',
      'withdrawn',
    ]);
    expect(dashboardStatuses({ shortlisted: 1, draft: 3 }).at(-1)).toBe('shortlisted');
  });
});

describe('campaign choice', () => {
  const campaigns = [
    { year: 2024, status: 'closed' },
    { year: 2026, status: 'open' },
    { year: 2027, status: 'draft' },
  ];
  it('takes the requested year, else the open one, else the latest', () => {
    expect(pickCampaignYear(campaigns, 2024)).toBe(2024);
    expect(pickCampaignYear(campaigns, 1999)).toBe(2026);
    expect(pickCampaignYear(campaigns, null)).toBe(2026);
    expect(
      pickCampaignYear(
        [
          { year: 2023, status: 'closed' },
          { year: 2024, status: 'closed' },
        ],
        null,
      ),
    ).toBe(2024);
    expect(pickCampaignYear([], null)).toBeUndefined();
  });
});

describe('review checklist', () => {
  const saved: Review = {
    declarationId: 'd',
    items: [
      { key: 'completeness', zh: '', en: '', auto: { result: 'pass', detail: '' }, ok: true, note: '' },
      { key: 'authenticity', zh: '', en: '', auto: null, ok: null, note: '' },
    ],
    result: null,
    notes: '',
    version: 1,
    reviewedAt: null,
    reviewedBy: null,
  };

  it('builds the PUT body', () => {
    expect(reviewInputOf(saved)).toEqual({
      checklist: { completeness: { ok: true, note: '' }, authenticity: { ok: null, note: '' } },
      result: null,
      notes: '',
    });
  });

  it('notices changes, ignoring surrounding spaces', () => {
    expect(reviewChanged(saved, saved)).toBe(false);
    expect(reviewChanged(saved, { ...saved, notes: '  ' })).toBe(false);
    expect(reviewChanged(saved, { ...saved, result: 'pass' })).toBe(true);
    const items = saved.items.map((i) => (i.key === 'authenticity' ? { ...i, ok: false } : i));
    expect(reviewChanged(saved, { ...saved, items })).toBe(true);
  });
});

describe('audit entries in short', () => {
  it('reads status changes, comments, files and results', () => {
    expect(
      auditSummary({
        before: { status: 'submitted' },
        after: { status: 'returned', comment: '补充', version: 2 },
      }),
    ).toEqual({
      fromStatus: 'submitted',
      toStatus: 'returned',
      comment: '补充',
      filename: null,
      result: null,
      version: 2,
    });
    expect(auditSummary({ before: null, after: { attachmentId: '1', filename: 'a.pdf' } }).filename).toBe(
      'a.pdf',
    );
    expect(auditSummary({ before: { result: null }, after: { result: 'pass', notes: '' } })).toMatchObject({
      result: 'pass',
      comment: null,
      toStatus: null,
    });
    expect(auditSummary({ before: 'x', after: [1] }).toStatus).toBeNull();
  });
});
