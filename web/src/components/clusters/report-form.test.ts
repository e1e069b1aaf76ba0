import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { emptyAnnualReportContent, REQUIRED_REPORT_ITEMS } from '../../../../domain/annual-report.ts';
import zh from '../../i18n/clusters.zh-CN.ts';
import { getAtPath } from '../declaration/content-patch.ts';
import { NARRATIVE_PATHS, REPORT_FIGURE_SECTIONS, reportFieldId, reportMissingText } from './report-form.ts';

const formPaths = [...REPORT_FIGURE_SECTIONS.flatMap((s) => s.fields.map((f) => f.path)), ...NARRATIVE_PATHS];

describe('annual report form', () => {
  it('has a field for every required item (or the negative-list declaration) and every path exists', () => {
    const content = emptyAnnualReportContent();
    for (const path of formPaths) expect(getAtPath(content, path), path).not.toBeUndefined();
    const missing = REQUIRED_REPORT_ITEMS.map((i) => i.path).filter(
      (p) => !formPaths.includes(p) && p !== 'noSeriousIncidents',
    );
    expect(missing).toEqual([]);
  });

  it('has a label for every field in the dictionary', () => {
    for (const path of formPaths) expect(getAtPath(zh.cl.report.f, path), path).toEqual(expect.any(String));
  });

  it('names fields and missing items', () => {
    expect(reportFieldId('enterprises.total')).toBe('report-enterprises-total');
    const t = ((key: string, o?: { label?: string }) =>
      key === 'cl.report.f.output'
        ? 'Output'
        : key === 'cl.report.missingItem'
          ? `${o?.label} missing`
          : key) as unknown as TFunction;
    expect(reportMissingText({ path: 'output', message: '集群产值未填写' }, t)).toBe('Output missing');
    expect(reportMissingText({ path: 'smeOutput', message: '中小企业产值不能大于集群产值' }, t)).toBe(
      '中小企业产值不能大于集群产值',
    );
  });
});
