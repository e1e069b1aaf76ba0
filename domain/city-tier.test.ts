import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Campaign, validateCampaign, validCampaignSchema } from './campaigns.ts';
import {
  acceptanceGate,
  cityCodeOf,
  cityDivisionCode,
  cityTierIssues,
  cityTierOf,
  isCityCode,
  needsCityStep,
} from './city-tier.ts';

const sichuan = { unitCode: '510000', perCity: 2 };

describe('city tier', () => {
  it('groups counties by the first four digits of their code', () => {
    assert.equal(cityCodeOf('510104'), '5101');
    assert.equal(cityDivisionCode('5101'), '510100');
    assert.ok(isCityCode('5101'));
    assert.ok(!isCityCode('5100'));
    assert.ok(!isCityCode('51010'));
  });
  it('finds a unit’s tier in the campaign rules, or none', () => {
    assert.deepEqual(cityTierOf({ cityTier: [sichuan] }, '510000'), sichuan);
    assert.equal(cityTierOf({ cityTier: [sichuan] }, '330200'), null);
    assert.equal(cityTierOf({}, '510000'), null);
    assert.equal(cityTierOf(null, '510000'), null);
  });
  it('accepts a province with a positive number per city', () => {
    assert.deepEqual(cityTierIssues([sichuan, { unitCode: '370000', perCity: 1 }]), []);
  });
  it('refuses, field by field in both languages, what cannot have cities or a limit', () => {
    const issues = cityTierIssues([
      { unitCode: '999999', perCity: 1 },
      { unitCode: '330200', perCity: 2 },
      { unitCode: '500000', perCity: 2 },
      { unitCode: '510000', perCity: 0 },
      { unitCode: '510000', perCity: 2 },
    ]);
    assert.deepEqual(
      issues.map((i) => i.path),
      [
        'rules.cityTier.0.unitCode',
        'rules.cityTier.1.unitCode',
        'rules.cityTier.2.unitCode',
        'rules.cityTier.3.perCity',
        'rules.cityTier.4.unitCode',
      ],
    );
    for (const i of issues) {
      assert.ok(i.message.length > 0);
      assert.match(i.messageZh, /[\u4e00-\u9fff]/);
    }
    assert.match(issues[1]!.messageZh, /宁波市/);
    assert.match(issues[4]!.message, /twice/);
  });
  it('applies only to counties under a real city of a unit with a tier', () => {
    assert.ok(needsCityStep(sichuan, { name: '成都市' }));
    assert.ok(!needsCityStep(null, { name: '成都市' }));
    assert.ok(!needsCityStep(sichuan, { name: '省直辖县级行政区划' }));
    assert.ok(!needsCityStep(sichuan, null));
  });
  it('lets the unit accept only what the city put forward', () => {
    const base = { tier: sichuan, divisionCode: '510104', prefecture: { name: '成都市' } };
    assert.deepEqual(acceptanceGate({ ...base, putForwardByCity: true }), { ok: true });
    const refused = acceptanceGate({ ...base, putForwardByCity: false });
    assert.equal(refused.ok, false);
    if (!refused.ok) {
      assert.equal(refused.reason, 'city_not_put_forward');
      assert.equal(refused.cityCode, '5101');
      assert.match(refused.messageZh, /成都市未推荐/);
      assert.match(refused.message, /成都市 has not put this declaration forward/);
    }
    assert.deepEqual(acceptanceGate({ ...base, tier: null, putForwardByCity: false }), { ok: true });
  });
});

describe('city tier in the campaign', () => {
  const campaign: Campaign = {
    year: 2026,
    noticeNo: '演示通知（非正式）〔2026〕DEMO',
    noticeDate: '2026-01-02',
    status: 'open',
    opensAt: '2026-01-02',
    countyDeadline: '2026-03-01',
    unitDeadline: '2026-04-01',
    quotas: { provincial: 8, separate_plan_city: 2, xpcc: 2 },
    standardsVersion: '2022',
    formVersion: '2022',
    annualReportDue: '03-31',
    rules: { onePerSubSector: false, cityTier: [sichuan] },
    listNoticeNo: null,
    identifiedCount: null,
  };
  it('is campaign data that validates', () => {
    assert.deepEqual(validateCampaign(campaign), []);
    assert.deepEqual(validCampaignSchema.parse(campaign).rules.cityTier, [sichuan]);
  });
  it('reports a bad entry at its own path', () => {
    const bad = {
      ...campaign,
      rules: { ...campaign.rules, cityTier: [{ unitCode: '510000', perCity: -1 }] },
    };
    assert.deepEqual(
      validateCampaign(bad).map((i) => [i.path, i.messageZh]),
      [['rules.cityTier.0.perCity', '每市推荐名额须为正整数（当前为-1）']],
    );
    const parsed = validCampaignSchema.safeParse(bad);
    assert.equal(parsed.success, false);
    assert.deepEqual(parsed.error?.issues[0]?.path, ['rules', 'cityTier', '0', 'perCity']);
    const shape = validCampaignSchema.safeParse({ ...campaign, rules: { cityTier: [{ unitCode: 510000 }] } });
    assert.equal(shape.success, false);
  });
});
