import { Button, Card, Empty, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DECLARATION_STATUSES } from '../../../domain/workflow.ts';
import type { IntakeItem } from '../api/ministry.ts';
import { useOverview } from '../api/ministry-queries.ts';
import { standardsItemName } from '../components/declaration/standards-format.ts';
import { DeclarationStatusTag, statusLabel } from '../components/declaration/status-tag.tsx';
import {
  filterNational,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  type NationalFilters,
  NO_NATIONAL_FILTERS,
  nameOf,
} from '../components/ministry/ministry-format.ts';
import { MinistryOnly } from '../components/ministry/ministry-guard.tsx';
import { MinistryNav } from '../components/ministry/ministry-nav.tsx';
import { QueryError } from '../components/ministry/query-error.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { FilterField } from '../components/reference/filter-field.tsx';
import { CampaignSelect } from '../components/review/campaign-select.tsx';
import { StandardsTag } from '../components/review/standards-tag.tsx';
import { useCampaignYear } from '../components/review/use-campaign-year.ts';
import { useLanguage } from '../i18n/index.ts';
import '../components/ministry/ministry.css';

export default function MinistryIntakePage() {
  return (
    <MinistryOnly>
      <NationalIntake />
    </MinistryOnly>
  );
}

/** 全国受理: every declaration that reached the ministry, with filters kept in the address. */
function NationalIntake() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { campaigns, items, year, setYear } = useCampaignYear();
  const overview = useOverview(year);
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params, DECLARATION_STATUSES);
  const setFilters = useCallback(
    (next: NationalFilters) =>
      setParams((p) => filtersToParams(next, new URLSearchParams(p)), { replace: true }),
    [setParams],
  );
  const set = (patch: Partial<NationalFilters>) => setFilters({ ...filters, ...patch });

  const data = overview.data;
  const all = data?.items ?? [];
  const shown = useMemo(() => filterNational(data?.items ?? [], filters), [data, filters]);
  const sectionNames = useMemo(() => new Map((data?.sections ?? []).map((s) => [s.code, s.name])), [data]);
  const byId = useMemo(() => new Map(all.map((i) => [i.declarationId, i])), [all]);
  const statuses = DECLARATION_STATUSES.filter((s) => all.some((i) => i.status === s));

  if (campaigns.isPending) return <PageLoading />;

  return (
    <section aria-labelledby="intake-title" className="page ministry-page">
      <div className="page-head">
        <Typography.Title level={1} id="intake-title" className="page-title">
          {t('ministry.intake.title')}
        </Typography.Title>
        <CampaignSelect campaigns={items} year={year} onChange={setYear} />
      </div>
      <Typography.Paragraph type="secondary">{t('ministry.intake.intro')}</Typography.Paragraph>
      {year !== undefined && <MinistryNav year={year} />}
      {overview.isError && <QueryError error={overview.error} retry={() => void overview.refetch()} />}
      {year === undefined && campaigns.isSuccess && (
        <Card>
          <Empty description={t('ministry.noCampaign')} />
        </Card>
      )}
      {data?.onePerSubSector && (
        <Typography.Text type="warning">{t('ministry.intake.onePerSubSector')}</Typography.Text>
      )}
      {data && (
        <Card size="small" title={<h2 className="card-heading">{t('ministry.intake.overview')}</h2>}>
          <div className="mstack">
            <div className="summary-row">
              <span className="stat-label">{t('ministry.cols.region')}</span>
              {data.regions.map((r) => (
                <Button
                  key={r.region}
                  size="small"
                  type={filters.region === r.region ? 'primary' : 'default'}
                  aria-pressed={filters.region === r.region}
                  onClick={() => set({ region: filters.region === r.region ? null : r.region })}
                >
                  {t('ministry.intake.regionCount', {
                    region: t(`regions.${r.region}`),
                    count: r.recommended,
                  })}
                </Button>
              ))}
            </div>
            <div className="summary-row">
              <span className="stat-label">{t('ministry.cols.section')}</span>
              {data.sections.map((x) => (
                <Button
                  key={x.code}
                  size="small"
                  type={filters.section === x.code ? 'primary' : 'default'}
                  aria-pressed={filters.section === x.code}
                  onClick={() => set({ section: filters.section === x.code ? null : x.code })}
                >
                  {x.code} {x.name} · {x.count}
                </Button>
              ))}
            </div>
          </div>
        </Card>
      )}
      {year !== undefined && (
        <Card>
          <div className="filter-bar">
            <FilterField id="f-unit" label={t('ministry.cols.unit')}>
              <Select
                id="f-unit"
                className="filter-select"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('ministry.intake.all')}
                value={filters.unit ?? undefined}
                onChange={(v?: string) => set({ unit: v ?? null })}
                options={(data?.units ?? []).map((u) => ({
                  value: u.code,
                  label: lang === 'en' ? u.nameEn : u.name,
                }))}
              />
            </FilterField>
            <FilterField id="f-region" label={t('ministry.cols.region')}>
              <Select
                id="f-region"
                className="filter-select"
                allowClear
                placeholder={t('ministry.intake.all')}
                value={filters.region ?? undefined}
                onChange={(v?: string) => set({ region: v ?? null })}
                options={(['east', 'central', 'west', 'northeast'] as const).map((r) => ({
                  value: r,
                  label: t(`regions.${r}`),
                }))}
              />
            </FilterField>
            <FilterField id="f-section" label={t('ministry.cols.section')}>
              <Select
                id="f-section"
                className="filter-select"
                allowClear
                placeholder={t('ministry.intake.all')}
                value={filters.section ?? undefined}
                onChange={(v?: string) => set({ section: v ?? null })}
                options={(data?.sections ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))}
              />
            </FilterField>
            <FilterField id="f-status" label={t('ministry.cols.status')}>
              <Select
                id="f-status"
                className="filter-select"
                allowClear
                placeholder={t('ministry.intake.all')}
                value={filters.status ?? undefined}
                onChange={(v) => set({ status: v ?? null })}
                options={statuses.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
              />
            </FilterField>
            <FilterField id="f-standards" label={t('ministry.cols.standards')}>
              <Select
                id="f-standards"
                className="filter-select"
                allowClear
                placeholder={t('ministry.intake.all')}
                value={filters.standards ?? undefined}
                onChange={(v) => set({ standards: v ?? null })}
                options={(['pass', 'fail', 'incomplete'] as const).map((s) => ({
                  value: s,
                  label: t(`side.overallResult.${s}`),
                }))}
              />
            </FilterField>
            <FilterField id="f-q" label={t('ministry.intake.search')}>
              <Input.Search
                id="f-q"
                allowClear
                defaultValue={filters.q}
                key={filters.q === '' ? 'empty' : 'q'}
                onSearch={(q) => set({ q })}
              />
            </FilterField>
            <div className="filter-field">
              <label htmlFor="f-dup">{t('ministry.intake.duplicatesOnly')}</label>
              <Switch
                id="f-dup"
                checked={filters.duplicatesOnly}
                onChange={(v) => set({ duplicatesOnly: v })}
              />
            </div>
            <span className="filter-summary" aria-live="polite">
              {t('ministry.intake.shown', { shown: shown.length, total: all.length })}
            </span>
            {hasFilters(filters) && (
              <Button onClick={() => setFilters(NO_NATIONAL_FILTERS)}>{t('ministry.intake.clear')}</Button>
            )}
          </div>
        </Card>
      )}
      {year !== undefined && (
        <Table<IntakeItem>
          rowKey="declarationId"
          loading={overview.isPending}
          dataSource={shown}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('ministry.intake.empty')} /> }}
          columns={[
            {
              key: 'cluster',
              title: t('ministry.cols.cluster'),
              sorter: (a, b) => a.clusterName.localeCompare(b.clusterName, 'zh-CN'),
              render: (_, i) => (
                <div>
                  <strong>{i.clusterName}</strong>
                  <div className="panel-decl-meta">
                    {i.countyName} · {i.leadingIndustry.name}
                    {i.leadingIndustry.subSector ? ` · ${i.leadingIndustry.subSector}` : ''}
                  </div>
                </div>
              ),
            },
            {
              key: 'unit',
              title: t('ministry.cols.unit'),
              sorter: (a, b) => a.unitCode.localeCompare(b.unitCode) || (a.rank ?? 99) - (b.rank ?? 99),
              render: (_, i) => (
                <span className="nowrap">
                  {i.unitName}
                  {i.rank !== null && (
                    <Typography.Text type="secondary">
                      {' '}
                      {t('ministry.intake.rank', { rank: i.rank })}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            { key: 'region', title: t('ministry.cols.region'), render: (_, i) => t(`regions.${i.region}`) },
            {
              key: 'section',
              title: t('ministry.cols.section'),
              render: (_, i) =>
                i.sectionCode ? (
                  <span className="nowrap">
                    {i.sectionCode} {sectionNames.get(i.sectionCode) ?? ''}
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              key: 'status',
              title: t('ministry.cols.status'),
              render: (_, i) => <DeclarationStatusTag status={i.status} />,
            },
            {
              key: 'standards',
              title: t('ministry.cols.standards'),
              render: (_, i) => (
                <div>
                  <StandardsTag overall={i.standardsOverall} />
                  {i.failedItems.length > 0 && (
                    <span className="failed-items">
                      {t('ministry.intake.failed', {
                        items: i.failedItems
                          .map((c) => standardsItemName(c, t, lang))
                          .join(lang === 'en' ? ', ' : '、'),
                      })}
                    </span>
                  )}
                  {i.westernRelaxation && (
                    <span className="relaxation-note">
                      {t('ministry.intake.relaxation', { text: i.westernRelaxation.justification })}
                    </span>
                  )}
                </div>
              ),
            },
            {
              key: 'dup',
              title: t('ministry.cols.duplicates'),
              render: (_, i) =>
                i.duplicateOf.length === 0 ? (
                  '—'
                ) : (
                  <div>
                    <Tag color="orange">
                      {t('ministry.intake.duplicate', { count: i.duplicateOf.length })}
                    </Tag>
                    <span className="revision-note">
                      {i.duplicateOf.map((id) => nameOf(byId, id)).join(lang === 'en' ? '; ' : '；')}
                    </span>
                  </div>
                ),
            },
            {
              key: 'panel',
              title: t('ministry.cols.panel'),
              render: (_, i) =>
                i.panelId ? (
                  <Link to={`/ministry/panels/${encodeURIComponent(i.panelId)}`}>
                    {t('ministry.intake.openPanel')}
                  </Link>
                ) : (
                  '—'
                ),
            },
            {
              key: 'score',
              title: t('ministry.cols.finalScore'),
              align: 'right',
              sorter: (a, b) => (a.finalScore ?? -1) - (b.finalScore ?? -1),
              render: (_, i) => (i.finalScore === null ? '—' : i.finalScore.toFixed(2)),
            },
          ]}
        />
      )}
      {shown.some((i) => i.duplicateOf.length > 0) && (
        <Typography.Text type="secondary">{t('ministry.intake.duplicateNote')}</Typography.Text>
      )}
    </section>
  );
}
