import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../../domain/campaigns.ts';
import { campaignSchema } from '../../../../domain/campaigns.ts';
import {
  campaignPatch,
  campaignToValues,
  fieldErrorsOf,
  fieldPath,
  newCampaignValues,
  valuesToCampaign,
} from './campaign-form.ts';

const c2023: Campaign = {
  year: 2023,
  noticeNo: '工信厅企业函〔2023〕44号',
  noticeDate: '2023-03-09',
  status: 'closed',
  opensAt: '2023-03-09',
  countyDeadline: null,
  unitDeadline: '2023-07-31',
  quotas: { provincial: 6, separate_plan_city: 2, xpcc: 2 },
  standardsVersion: '2022',
  formVersion: '2022',
  annualReportDue: '04-30',
  rules: { onePerSubSector: false, scoringAggregation: 'trimmed_mean' },
  listNoticeNo: '工信部企业函〔2023〕283号',
  identifiedCount: 100,
};

describe('campaign form', () => {
  it('round-trips a campaign through the form values', () => {
    const back = valuesToCampaign(campaignToValues(c2023));
    expect(back).toEqual(c2023);
  });

  it('keeps a city tier through the form, and an emptied one is removed', () => {
    const withTier: Campaign = {
      ...c2023,
      rules: { ...c2023.rules, cityTier: [{ unitCode: '510000', perCity: 2 }] },
    };
    const v = campaignToValues(withTier);
    expect(valuesToCampaign(v)).toEqual(withTier);
    v.rules.cityTier = [];
    expect(valuesToCampaign(v).rules.cityTier).toBeUndefined();
  });

  it('a new campaign, once named, is a valid body with default weights left out', () => {
    const v = newCampaignValues(2026);
    v.noticeNo = '工信厅企业函〔2026〕1号';
    const body = valuesToCampaign(v);
    expect(campaignSchema.safeParse(body).success).toBe(true);
    expect(body.rules.scoringWeights).toBeUndefined();
    expect(body.listNoticeNo).toBeNull();
  });

  it('sends custom weights and trims text', () => {
    const v = campaignToValues(c2023);
    v.rules.customWeights = true;
    v.rules.scoringWeights = [20, 20, 10, 10, 10, 10, 10, 10];
    v.noticeNo = '  工信厅企业函〔2023〕44号 ';
    v.listNoticeNo = '  ';
    const body = valuesToCampaign(v);
    expect(body.rules.scoringWeights).toEqual([20, 20, 10, 10, 10, 10, 10, 10]);
    expect(body.noticeNo).toBe('工信厅企业函〔2023〕44号');
    expect(body.listNoticeNo).toBeNull();
  });

  it('patch leaves out the year', () => {
    expect('year' in campaignPatch(c2023)).toBe(false);
  });

  it('places server errors on fields', () => {
    expect(fieldPath('rules.scoringWeights[2]')).toEqual(['rules', 'scoringWeights', 2]);
    const e = fieldErrorsOf([
      { path: 'quotas.xpcc', message: 'quota must be a positive integer, got 0' },
      { path: 'rules.scoringWeights', message: 'weights must add up to 100' },
      { path: 'rules.scoringWeights.3', message: 'too small' },
      { path: 'unitDeadline', message: 'before' },
      { path: 'whatever', message: 'odd' },
      { message: 'no path' },
    ]);
    expect(e.fields).toEqual([
      { name: ['quotas', 'xpcc'], errors: ['quota must be a positive integer, got 0'] },
      { name: ['rules', 'scoringWeights'], errors: ['weights must add up to 100', '4: too small'] },
      { name: ['unitDeadline'], errors: ['before'] },
    ]);
    expect(e.general).toEqual(['whatever: odd', 'no path']);
  });
});
