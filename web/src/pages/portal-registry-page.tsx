import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Pagination, Select, Spin, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CLUSTER_LEVELS, EFFECTIVE_CLUSTER_STATUSES } from '../../../domain/cluster-lifecycle.ts';
import { REGION_KEYS, UNITS } from '../../../domain/units.ts';
import type { PublicCluster } from '../api/public.ts';
import { usePublicRegistry, usePublicStats } from '../api/public-queries.ts';
import {
  INDUSTRY_SECTIONS,
  regionLabel,
  sectionLabel,
  unitLabel,
  zhOnPage,
} from '../components/public/labels.ts';
import { usePageTitle } from '../components/public/page-title.ts';
import { ClusterStatusTag } from '../components/public/portal-bits.tsx';
import {
  filterFromSearch,
  filterToSearch,
  hasFilter,
  type RegistryFilter,
  registryUrl,
  withFilter,
} from '../components/public/registry-filter.ts';
import { formatDate } from '../components/review/review-format.ts';
import { NARROW_SCREEN, useMediaQuery } from '../components/use-media-query.ts';
import { formatNumber, useLanguage } from '../i18n/index.ts';

/** The registry of identified clusters for everyone: filters in the URL, downloads with the same filters. */
export default function PortalRegistryPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(params), [params]);
  const registry = usePublicRegistry(filter);
  const years = usePublicStats().data?.byYear.map((y) => y.year) ?? [];
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  usePageTitle(t('portal.registry.title'));

  const update = (next: RegistryFilter) => {
    setPage(1);
    setParams(filterToSearch(next), { replace: true });
  };
  const set = <K extends keyof RegistryFilter>(key: K, value: RegistryFilter[K] | undefined) =>
    update(withFilter(filter, key, value));

  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => setText(filter.q ?? ''), [filter.q]);

  const items = registry.data?.items ?? [];
  const zh = zhOnPage(lang);
  const narrow = useMediaQuery(NARROW_SCREEN);

  return (
    <div className="portal-page">
      <Typography.Title level={1} className="page-title">
        {t('portal.registry.title')}
      </Typography.Title>
      <Typography.Paragraph className="portal-intro">{t('portal.registry.intro')}</Typography.Paragraph>

      <Card>
        <search className="portal-filters" aria-label={t('portal.registry.filters')}>
          <div className="filter-field">
            <label htmlFor="registry-year">{t('portal.registry.year')}</label>
            <Select
              id="registry-year"
              allowClear
              placeholder={t('portal.registry.any')}
              value={filter.year}
              onChange={(v?: number) => set('year', v)}
              options={years.map((y) => ({ value: y, label: t('portal.registry.batch', { year: y }) }))}
            />
          </div>
          <div className="filter-field">
            <label htmlFor="registry-level">{t('portal.registry.level')}</label>
            <Select
              id="registry-level"
              allowClear
              placeholder={t('portal.registry.any')}
              value={filter.level}
              onChange={(v?: RegistryFilter['level']) => set('level', v)}
              options={CLUSTER_LEVELS.map((l) => ({ value: l, label: t(`portal.levels.${l}`) }))}
            />
          </div>
          <div className="filter-field">
            <label htmlFor="registry-unit">{t('portal.registry.unit')}</label>
            <Select
              id="registry-unit"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('portal.registry.any')}
              value={filter.unitCode}
              onChange={(v?: string) => set('unitCode', v)}
              options={UNITS.map((u) => ({ value: u.code, label: lang === 'en' ? u.nameEn : u.name }))}
            />
          </div>
          <div className="filter-field">
            <label htmlFor="registry-region">{t('portal.registry.region')}</label>
            <Select
              id="registry-region"
              allowClear
              placeholder={t('portal.registry.any')}
              value={filter.region}
              onChange={(v?: RegistryFilter['region']) => set('region', v)}
              options={REGION_KEYS.map((r) => ({ value: r, label: regionLabel(r, lang) }))}
            />
          </div>
          <div className="filter-field">
            <label htmlFor="registry-industry">{t('portal.registry.industry')}</label>
            <Select
              id="registry-industry"
              allowClear
              showSearch
              optionFilterProp="label"
              popupMatchSelectWidth={false}
              placeholder={t('portal.registry.any')}
              value={filter.industry}
              onChange={(v?: string) => set('industry', v)}
              options={[
                ...INDUSTRY_SECTIONS.map((s) => ({
                  value: s.code,
                  label: `${s.code} ${sectionLabel(s.code, lang)}`,
                })),
                ...(filter.industry && filter.industry.length > 1
                  ? [{ value: filter.industry, label: filter.industry }]
                  : []),
              ]}
            />
          </div>
          <div className="filter-field">
            <label htmlFor="registry-status">{t('portal.registry.status')}</label>
            <Select
              id="registry-status"
              allowClear
              placeholder={t('portal.registry.any')}
              value={filter.status}
              onChange={(v?: RegistryFilter['status']) => set('status', v)}
              options={EFFECTIVE_CLUSTER_STATUSES.map((s) => ({ value: s, label: t(`portal.status.${s}`) }))}
            />
          </div>
          <div className="filter-field filter-wide">
            <label htmlFor="registry-q">{t('portal.registry.q')}</label>
            <Input.Search
              id="registry-q"
              value={text}
              maxLength={100}
              allowClear
              placeholder={t('portal.registry.qPlaceholder')}
              enterButton={t('portal.registry.search')}
              onChange={(e) => {
                setText(e.target.value);
                if (e.target.value === '' && filter.q) set('q', undefined);
              }}
              onSearch={(v) => set('q', v.trim() || undefined)}
            />
          </div>
          {hasFilter(filter) && (
            <div className="filter-field">
              <Button onClick={() => update({})}>{t('portal.registry.clear')}</Button>
            </div>
          )}
        </search>
      </Card>

      <div className="portal-toolbar">
        <p className="portal-muted" aria-live="polite" style={{ margin: 0 }}>
          {registry.isPending
            ? t('app.loading')
            : t('portal.registry.count', { total: formatNumber(registry.data?.total ?? 0, lang) })}
        </p>
        <div className="portal-toolbar-actions">
          <Button href={registryUrl(filter, 'csv')} download icon={<DownloadOutlined aria-hidden="true" />}>
            {t('portal.registry.csv')}
          </Button>
          <Button href={registryUrl(filter, 'xlsx')} download icon={<FileExcelOutlined aria-hidden="true" />}>
            {t('portal.registry.xlsx')}
          </Button>
          <Button type="link" href={registryUrl(filter, 'json')} target="_blank">
            {t('portal.registry.json')}
          </Button>
        </div>
      </div>

      {registry.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('errors.loadFailed', { message: registry.error.message })}
          action={<Button onClick={() => void registry.refetch()}>{t('errors.retry')}</Button>}
        />
      )}

      {narrow ? (
        <RegistryList
          items={items}
          loading={registry.isFetching}
          page={page}
          pageSize={pageSize}
          onPage={setPage}
        />
      ) : (
        <Card>
          <Table<PublicCluster>
            rowKey="id"
            className="registry-table"
            loading={registry.isFetching}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('portal.registry.empty') }}
            pagination={{
              current: page,
              pageSize,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              hideOnSinglePage: items.length <= 20,
              onChange: (p, size) => {
                setPage(size === pageSize ? p : 1);
                setPageSize(size);
              },
            }}
            columns={[
              {
                title: t('portal.registry.cols.name'),
                dataIndex: 'name',
                render: (name: string, c) => (
                  <Link to={`/portal/clusters/${c.id}`} lang={zh} className="registry-name">
                    {name}
                  </Link>
                ),
              },
              {
                title: t('portal.registry.cols.year'),
                dataIndex: 'year',
                render: (year: number, c) => (
                  <>
                    {year}
                    <br />
                    <span className="portal-muted">{t(`portal.levels.${c.level}`)}</span>
                  </>
                ),
              },
              {
                title: t('portal.registry.cols.unit'),
                dataIndex: 'unitCode',
                render: (code: string, c) => unitLabel(code, lang, c.unitName),
              },
              {
                title: t('portal.registry.cols.county'),
                dataIndex: 'countyName',
                render: (v: string) => <span lang={zh}>{v}</span>,
              },
              {
                title: t('portal.registry.cols.industry'),
                dataIndex: 'leadingIndustry',
                render: (v: string) => <span lang={zh}>{v}</span>,
              },
              {
                title: t('portal.registry.cols.status'),
                dataIndex: 'status',
                render: (s: PublicCluster['status']) => <ClusterStatusTag status={s} />,
              },
              {
                title: t('portal.registry.cols.validity'),
                key: 'validity',
                render: (_: unknown, c) =>
                  t('portal.registry.validity', {
                    from: formatDate(c.validFrom, lang),
                    to: formatDate(c.validTo, lang),
                  }),
              },
            ]}
          />
        </Card>
      )}
      <p className="portal-muted">
        {t('portal.registry.openData')} <Link to="/portal/data">{t('portal.nav.data')}</Link>
      </p>
    </div>
  );
}

/** The registry on a phone: one card-like entry per cluster instead of a wide table. */
function RegistryList({
  items,
  loading,
  page,
  pageSize,
  onPage,
}: {
  items: PublicCluster[];
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zh = zhOnPage(lang);
  const shown = items.slice((page - 1) * pageSize, page * pageSize);
  return (
    <Spin spinning={loading}>
      {items.length === 0 ? (
        <Card>
          <p className="portal-muted">{t('portal.registry.empty')}</p>
        </Card>
      ) : (
        <ul className="registry-list">
          {shown.map((c) => (
            <li key={c.id} data-row-key={c.id}>
              <Link to={`/portal/clusters/${c.id}`} lang={zh} className="registry-name">
                {c.name}
              </Link>
              <div className="notice-meta">
                {t('portal.registry.batch', { year: c.year })} · {t(`portal.levels.${c.level}`)} ·{' '}
                {unitLabel(c.unitCode, lang, c.unitName)} · <span lang={zh}>{c.countyName}</span>
              </div>
              <div className="notice-meta">
                <span lang={zh}>{c.leadingIndustry}</span> · <ClusterStatusTag status={c.status} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {items.length > pageSize && (
        <Pagination
          simple
          align="center"
          current={page}
          pageSize={pageSize}
          total={items.length}
          onChange={onPage}
          style={{ marginTop: 12 }}
        />
      )}
    </Spin>
  );
}
