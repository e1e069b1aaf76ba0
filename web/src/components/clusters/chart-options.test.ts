import { describe, expect, it } from 'vitest';
import type { ReportCompletion, Trends } from '../../api/clusters.ts';
import { completionOption, trendOption, trendSeries } from './chart-options.ts';

const trends = {
  clusterId: 'c',
  figures: [
    { key: 'output', zh: '集群产值', en: 'Cluster output', unit: '亿元' },
    { key: 'outputGrowth', zh: '产值增速', en: 'Output growth', unit: '%' },
  ],
  years: [
    { year: 2025, status: 'submitted', values: { output: 209.8, outputGrowth: 12.5 } },
    { year: 2024, status: 'forwarded', values: { output: 186.5, outputGrowth: null } },
  ],
} as unknown as Trends;

describe('trend chart', () => {
  it('orders years ascending and keeps gaps as null', () => {
    const s = trendSeries(trends, ['output', 'outputGrowth', 'unknown'], 'zh-CN');
    expect(s.years).toEqual(['2024', '2025']);
    expect(s.series.map((x) => [x.name, x.values])).toEqual([
      ['集群产值 (亿元)', [186.5, 209.8]],
      ['产值增速 (%)', [null, 12.5]],
    ]);
  });

  it('puts percentages on a second axis', () => {
    const o = trendOption(trends, ['output', 'outputGrowth'], 'en') as {
      yAxis: unknown[];
      series: { yAxisIndex: number; name: string }[];
    };
    expect(o.yAxis).toHaveLength(2);
    expect(o.series.map((s) => [s.name, s.yAxisIndex])).toEqual([
      ['Cluster output (亿元)', 0],
      ['Output growth (%)', 1],
    ]);
  });
});

describe('completion chart', () => {
  it('sorts units by completion, lowest first', () => {
    const c = {
      year: 2025,
      dueOn: '2026-03-31',
      units: [
        { unitCode: '1', unitName: 'A', completionPercent: 100 },
        { unitCode: '2', unitName: 'B', completionPercent: 33.333 },
      ],
    } as unknown as ReportCompletion;
    const o = completionOption(c, 'x') as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(o.yAxis.data).toEqual(['B', 'A']);
    expect(o.series[0]?.data).toEqual([33.3, 100]);
  });
});
