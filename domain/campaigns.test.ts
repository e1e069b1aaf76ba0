import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type Campaign, campaignSchema, validateCampaign, validCampaignSchema } from './campaigns.ts';

const raw: unknown = JSON.parse(
  readFileSync(new URL('../reference/campaigns.json', import.meta.url), 'utf8'),
);

const campaign2023: Campaign = {
  year: 2023,
  noticeNo: '工信厅企业函〔2023〕44号',
  noticeDate: '2023-03-09',
  status: 'closed',
  opensAt: null,
  countyDeadline: null,
  unitDeadline: '2023-07-31',
  quotas: { provincial: 6, separate_plan_city: 2, xpcc: 2 },
  standardsVersion: '2022',
  formVersion: '2022',
  annualReportDue: '04-30',
  rules: { onePerSubSector: false },
  listNoticeNo: '工信部企业函〔2023〕283号',
  identifiedCount: 100,
};

describe('reference/campaigns.json', () => {
  const campaigns = campaignSchema.array().parse(raw);

  it('parses without dropping fields and passes validation', () => {
    assert.deepEqual(campaigns, raw);
    for (const c of campaigns) assert.deepEqual(validateCampaign(c), [], String(c.year));
  });

  it('holds the 2022–2025 campaigns from the spec', () => {
    assert.deepEqual(
      campaigns.map((c) => c.year),
      [2022, 2023, 2024, 2025],
    );
    assert.deepEqual(
      campaigns.map((c) => [c.quotas.provincial, c.quotas.separate_plan_city, c.quotas.xpcc]),
      [
        [5, 3, 3],
        [6, 2, 2],
        [8, 2, 2],
        [8, 2, 2],
      ],
    );
    assert.deepEqual(
      campaigns.map((c) => c.rules.onePerSubSector),
      [true, false, false, false],
    );
    assert.deepEqual(
      campaigns.map((c) => c.annualReportDue),
      ['04-30', '04-30', '03-31', '03-31'],
    );
    assert.deepEqual(campaigns[1], campaign2023);
  });
});

describe('validateCampaign', () => {
  it('rejects quotas that are not positive integers', () => {
    const issues = validateCampaign({
      ...campaign2023,
      quotas: { provincial: 0, separate_plan_city: 2.5, xpcc: -1 },
    });
    assert.deepEqual(
      issues.map((i) => i.path),
      ['quotas.provincial', 'quotas.separate_plan_city', 'quotas.xpcc'],
    );
  });

  it('rejects dates out of order, skipping missing ones', () => {
    const issues = validateCampaign({
      ...campaign2023,
      opensAt: '2023-03-20',
      countyDeadline: '2023-08-15',
    });
    assert.deepEqual(
      issues.map((i) => i.path),
      ['unitDeadline'],
    );
    assert.deepEqual(validateCampaign({ ...campaign2023, opensAt: '2023-03-01' }), [
      {
        path: 'opensAt',
        message: 'opensAt 2023-03-01 is before noticeDate 2023-03-09',
        messageZh: '2023-03-01 早于前一日期 2023-03-09（通知日期）',
      },
    ]);
    assert.deepEqual(
      validateCampaign({ ...campaign2023, opensAt: '2023-03-09', countyDeadline: '2023-07-31' }),
      [],
    );
  });

  it('rejects a notice from another year', () => {
    const issues = validateCampaign({
      ...campaign2023,
      noticeNo: '工信厅企业函〔2022〕44号',
      noticeDate: '2022-12-30',
    });
    assert.deepEqual(
      issues.map((i) => i.path),
      ['noticeNo', 'noticeDate'],
    );
  });
});

describe('campaign schemas', () => {
  it('rejects malformed shapes', () => {
    assert.equal(campaignSchema.safeParse({ ...campaign2023, unitDeadline: '2023-02-30' }).success, false);
    assert.equal(campaignSchema.safeParse({ ...campaign2023, annualReportDue: '13-01' }).success, false);
    assert.equal(campaignSchema.safeParse({ ...campaign2023, status: 'archived' }).success, false);
    assert.equal(
      campaignSchema.safeParse({ ...campaign2023, quotas: { provincial: 6, separate_plan_city: 2 } }).success,
      false,
    );
  });

  it('validCampaignSchema reports business issues with their paths', () => {
    const result = validCampaignSchema.safeParse({
      ...campaign2023,
      quotas: { ...campaign2023.quotas, xpcc: 0 },
    });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((i) => i.path),
      [['quotas', 'xpcc']],
    );
    assert.equal(validCampaignSchema.safeParse(campaign2023).success, true);
  });
});
