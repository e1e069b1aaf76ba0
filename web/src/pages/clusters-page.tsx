import { Input, Result, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CLUSTER_LEVELS, EFFECTIVE_CLUSTER_STATUSES } from '../../../domain/cluster-lifecycle.ts';
import type { ClusterDetail } from '../api/clusters.ts';
import { useClusterList } from '../api/clusters-queries.ts';
import { useServerToday, useSession, useUnits } from '../api/queries.ts';
import { ClusterStatusTag, LevelTag } from '../components/clusters/status-tags.tsx';
import { QueryError } from '../components/ministry/query-error.tsx';
import { FilterField } from '../components/reference/filter-field.tsx';
import { formatDate } from '../components/review/review-format.ts';
import { useLanguage } from '../i18n/index.ts';
import '../components/clusters/clusters.css';

const FIRST_YEAR = 2022;
const FILTERS = ['q', 'level', 'year', 'status', 'unitCode'] as const;

/** 已认定集群: the clusters in the caller's scope with filters; each opens its own page. */
export default function ClustersPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const role = useSession().data?.user.role;
  const [params, setParams] = useSearchParams();
  const get = (k: (typeof FILTERS)[number]) => params.get(k) ?? undefined;
  const query = {
    q: get('q'),
    level: get('level'),
    year: get('year'),
    status: get('status'),
    unitCode: role === 'ministry' ? get('unitCode') : undefined,
    limit: 200,
  };
  const clusters = useClusterList(query);
  const units = useUnits();
  const today = useServerToday();
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const set = (k: (typeof FILTERS)[number], v: string | number | undefined | null) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        if (v === undefined || v === null || v === '') out.delete(k);
        else out.set(k, String(v));
        return out;
      },
      { replace: true },
    );

  if (role !== 'county' && role !== 'unit' && role !== 'ministry')
    return <Result status="403" title={<h1 className="result-title">{t('cl.forbidden')}</h1>} />;

  return (
    <section aria-labelledby="clusters-title" className="page cluster-page">
      <Typography.Title level={1} id="clusters-title" className="page-title">
        {t('cl.list.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(`cl.list.intro.${role}`)}</Typography.Paragraph>
      <div className="filter-bar">
        <FilterField id="clusters-q" label={t('cl.list.search')}>
          <Input.Search
            id="clusters-q"
            allowClear
            defaultValue={query.q}
            placeholder={t('cl.list.searchPlaceholder')}
            onSearch={(v) => set('q', v.trim())}
            className="filter-search"
          />
        </FilterField>
        <FilterField id="clusters-level" label={t('cl.list.level')}>
          <Select<string>
            id="clusters-level"
            className="filter-select"
            allowClear
            placeholder={t('cl.list.allLevels')}
            value={query.level}
            onChange={(v) => set('level', v)}
            options={CLUSTER_LEVELS.map((l) => ({ value: l, label: t(`cl.level.${l}`) }))}
          />
        </FilterField>
        <FilterField id="clusters-year" label={t('cl.list.year')}>
          <Select<string>
            id="clusters-year"
            className="filter-select"
            allowClear
            placeholder={t('cl.list.allYears')}
            value={query.year}
            onChange={(v) => set('year', v)}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
        </FilterField>
        <FilterField id="clusters-status" label={t('cl.list.status')}>
          <Select<string>
            id="clusters-status"
            className="filter-select"
            allowClear
            placeholder={t('cl.list.allStatuses')}
            value={query.status}
            onChange={(v) => set('status', v)}
            options={EFFECTIVE_CLUSTER_STATUSES.map((s) => ({ value: s, label: t(`cl.status.${s}`) }))}
          />
        </FilterField>
        {role === 'ministry' && (
          <FilterField id="clusters-unit" label={t('cl.list.unit')}>
            <Select<string>
              id="clusters-unit"
              className="filter-select-wide"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('cl.list.allUnits')}
              value={query.unitCode}
              onChange={(v) => set('unitCode', v)}
              options={(units.data?.items ?? []).map((u) => ({ value: u.code, label: u.name }))}
            />
          </FilterField>
        )}
        {clusters.data && (
          <span className="filter-summary">{t('cl.list.total', { count: clusters.data.total })}</span>
        )}
      </div>
      {clusters.isError ? (
        <QueryError error={clusters.error} retry={() => void clusters.refetch()} />
      ) : (
        <Table<ClusterDetail>
          rowKey="id"
          loading={clusters.isPending}
          dataSource={clusters.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('cl.list.empty') }}
          columns={[
            {
              key: 'name',
              title: t('cl.list.cols.name'),
              render: (_, c) => (
                <div>
                  <Link to={`/clusters/${c.id}`}>
                    <strong>{c.name}</strong>
                  </Link>
                  <span className="small-note block">
                    {c.leadingIndustry}
                    {c.subSector ? ` · ${c.subSector}` : ''}
                  </span>
                </div>
              ),
            },
            { key: 'level', title: t('cl.list.cols.level'), render: (_, c) => <LevelTag level={c.level} /> },
            { key: 'year', title: t('cl.list.cols.year'), dataIndex: 'year' },
            {
              key: 'place',
              title: t('cl.list.cols.place'),
              render: (_, c) => (
                <span className="nowrap">
                  {c.countyName} · {c.unitName}
                </span>
              ),
            },
            {
              key: 'valid',
              title: t('cl.list.cols.validity'),
              render: (_, c) => (
                <span className="nowrap">
                  {t('cl.validity', { from: formatDate(c.validFrom, lang), to: formatDate(c.validTo, lang) })}
                </span>
              ),
            },
            {
              key: 'status',
              title: t('cl.list.cols.status'),
              render: (_, c) => (
                <span className="nowrap">
                  <ClusterStatusTag status={c.status} />
                  {c.reReviewDue && c.status !== 'revoked' && (
                    <Tag color="orange">{t('cl.list.reReviewDue')}</Tag>
                  )}
                </span>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
