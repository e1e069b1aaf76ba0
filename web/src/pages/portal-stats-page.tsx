import { Alert, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CLUSTER_LEVELS } from '../../../domain/cluster-lifecycle.ts';
import { usePublicStats } from '../api/public-queries.ts';
import { ChartCard, type ChartRow } from '../components/public/chart-card.tsx';
import { regionLabel, sectionLabel, unitLabel, zhOnPage } from '../components/public/labels.ts';
import { usePageTitle } from '../components/public/page-title.ts';
import type { RegistryFilter } from '../components/public/registry-filter.ts';
import { formatNumber, useLanguage } from '../i18n/index.ts';

/** Statistics of the identified clusters by batch, region, unit and industry section; each with a table. */
export default function PortalStatsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [params, setParams] = useSearchParams();
  const level = params.get('level');
  const filter: RegistryFilter = level === 'national' || level === 'provincial' ? { level } : {};
  const stats = usePublicStats(filter);
  usePageTitle(t('portal.stats.title'));
  const s = stats.data;

  const byYear = useMemo<ChartRow[]>(
    () =>
      [...(s?.byYear ?? [])]
        .sort((a, b) => a.year - b.year)
        .map((y) => ({
          key: String(y.year),
          label: t('portal.registry.batch', { year: y.year }),
          count: y.count,
        })),
    [s, t],
  );
  const byRegion = useMemo<ChartRow[]>(
    () =>
      (s?.byRegion ?? []).map((r) => ({ key: r.region, label: regionLabel(r.region, lang), count: r.count })),
    [s, lang],
  );
  const byUnit = useMemo<ChartRow[]>(
    () =>
      (s?.byUnit ?? [])
        .filter((u) => u.count > 0)
        .sort((a, b) => b.count - a.count)
        .map((u) => ({ key: u.code, label: unitLabel(u.code, lang, u.name), count: u.count })),
    [s, lang],
  );
  const bySection = useMemo<ChartRow[]>(
    () =>
      (s?.bySection ?? []).map((x) =>
        x.code === 'unknown'
          ? { key: x.code, label: t('portal.stats.unknownSection'), count: x.count }
          : {
              key: x.code,
              label: `${x.code} ${sectionLabel(x.code, lang, x.name)}`,
              count: x.count,
              lang: sectionLabel(x.code, lang, '') ? undefined : zhOnPage(lang),
            },
      ),
    [s, lang, t],
  );

  return (
    <div className="portal-page">
      <Typography.Title level={1} className="page-title">
        {t('portal.stats.title')}
      </Typography.Title>
      <Typography.Paragraph className="portal-intro">{t('portal.stats.intro')}</Typography.Paragraph>
      <search className="portal-filters" aria-label={t('portal.stats.filters')}>
        <div className="filter-field">
          <label htmlFor="stats-level">{t('portal.registry.level')}</label>
          <Select
            id="stats-level"
            allowClear
            placeholder={t('portal.registry.any')}
            value={filter.level}
            onChange={(v?: string) => setParams(v ? { level: v } : {}, { replace: true })}
            options={CLUSTER_LEVELS.map((l) => ({ value: l, label: t(`portal.levels.${l}`) }))}
          />
        </div>
      </search>
      {stats.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('errors.loadFailed', { message: stats.error.message })}
        />
      )}
      {s && (
        <p className="portal-muted" style={{ margin: 0 }}>
          {t('portal.stats.summary', { total: formatNumber(s.total, lang) })}
        </p>
      )}
      <div className="portal-grid">
        <ChartCard
          title={t('portal.stats.byYear')}
          kind="bar"
          rows={byYear}
          labelHeader={t('portal.stats.colYear')}
        />
        <ChartCard
          title={t('portal.stats.byRegion')}
          kind="pie"
          rows={byRegion}
          labelHeader={t('portal.stats.colRegion')}
        />
      </div>
      <ChartCard
        title={t('portal.stats.byUnit')}
        kind="hbar"
        rows={byUnit}
        labelHeader={t('portal.stats.colUnit')}
        height={Math.max(240, byUnit.length * 26 + 40)}
      />
      <ChartCard
        title={t('portal.stats.bySection')}
        kind="bar"
        rows={bySection}
        labelHeader={t('portal.stats.colSection')}
      />
    </div>
  );
}
