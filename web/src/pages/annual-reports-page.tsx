import { Card, Empty, InputNumber, Result, Segmented, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { REPORT_FIGURES, REPORT_STATUSES, SUMMABLE_FIGURES } from '../../../domain/annual-report.ts';
import type { AnnualReportSummary, ReportCompletion } from '../api/clusters.ts';
import { useCompletion, useReportQueue, useReportTotals } from '../api/clusters-queries.ts';
import { useServerToday, useSession } from '../api/queries.ts';
import { completionOption } from '../components/clusters/chart-options.ts';
import { EChart } from '../components/clusters/echart.tsx';
import { ReportStatusTag } from '../components/clusters/status-tags.tsx';
import { formatDateTime } from '../components/declaration/format.ts';
import { QueryError } from '../components/ministry/query-error.tsx';
import { FilterField } from '../components/reference/filter-field.tsx';
import { formatDate } from '../components/review/review-format.ts';
import { formatNumber, formatPercent, useLanguage } from '../i18n/index.ts';
import '../components/clusters/clusters.css';

const TOTAL_KEYS = [
  'output',
  'smeOutput',
  'enterprises',
  'specializedSme',
  'rdSpending',
  'exportValue',
] as const;

/** 年度发展情况: the report queue (county, unit), completion per unit (unit, ministry) and totals per year. */
export default function AnnualReportsPage() {
  const { t } = useTranslation();
  const role = useSession().data?.user.role;
  const [params, setParams] = useSearchParams();
  if (role !== 'county' && role !== 'unit' && role !== 'ministry')
    return <Result status="403" title={<h1 className="result-title">{t('cl.forbidden')}</h1>} />;
  const tabs =
    role === 'county'
      ? ['queue', 'totals']
      : role === 'unit'
        ? ['queue', 'completion', 'totals']
        : ['completion', 'totals', 'queue'];
  const tab = tabs.find((x) => x === params.get('tab')) ?? tabs[0];
  return (
    <section aria-labelledby="reports-title" className="page cluster-page">
      <Typography.Title level={1} id="reports-title" className="page-title">
        {t('cl.reports.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(`cl.reports.intro.${role}`)}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={tabs.map((k) => ({
          key: k,
          label: t(`cl.reports.tabs.${k as 'queue'}`),
          children:
            k === 'queue' ? (
              <QueueTab defaultStatus={role === 'unit' ? 'submitted' : undefined} />
            ) : k === 'completion' ? (
              <CompletionTab />
            ) : (
              <TotalsTab />
            ),
        }))}
      />
    </section>
  );
}

function QueueTab({ defaultStatus }: { defaultStatus?: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [year, setYear] = useState<number | undefined>();
  const [status, setStatus] = useState<string | undefined>(defaultStatus);
  const queue = useReportQueue({ year, status, limit: 500 });
  return (
    <div className="cluster-tab">
      <div className="filter-bar">
        <FilterField id="queue-year" label={t('cl.reports.figureYear')}>
          <InputNumber<number>
            id="queue-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => setYear(v ?? undefined)}
            placeholder={t('cl.reports.allYears')}
          />
        </FilterField>
        <FilterField id="queue-status" label={t('cl.reports.status')}>
          <Select<string>
            id="queue-status"
            className="filter-select"
            allowClear
            placeholder={t('cl.reports.allStatuses')}
            value={status}
            onChange={setStatus}
            options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`cl.reportStatus.${s}`) }))}
          />
        </FilterField>
        {queue.data && (
          <span className="filter-summary">{t('cl.list.total', { count: queue.data.total })}</span>
        )}
      </div>
      {queue.isError ? (
        <QueryError error={queue.error} retry={() => void queue.refetch()} />
      ) : (
        <Table<AnnualReportSummary>
          size="small"
          rowKey={(r) => `${r.clusterId}-${r.year}`}
          loading={queue.isPending}
          dataSource={queue.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('cl.reports.empty')} /> }}
          columns={[
            {
              key: 'cluster',
              title: t('cl.reports.cols.cluster'),
              render: (_, r) => (
                <Link to={`/clusters/${r.clusterId}?tab=reports&year=${r.year}`}>{r.clusterName}</Link>
              ),
            },
            { key: 'year', title: t('cl.reports.cols.year'), dataIndex: 'year' },
            {
              key: 'due',
              title: t('cl.reports.cols.due'),
              render: (_, r) => (
                <span className="nowrap">
                  {formatDate(r.dueOn, lang)} {r.overdue && <Tag color="red">{t('cl.report.overdue')}</Tag>}
                </span>
              ),
            },
            {
              key: 'status',
              title: t('cl.reports.cols.status'),
              render: (_, r) => <ReportStatusTag status={r.status} />,
            },
            {
              key: 'submitted',
              title: t('cl.reports.cols.submittedAt'),
              render: (_, r) => formatDateTime(r.submittedAt),
            },
            {
              key: 'go',
              title: '',
              render: (_, r) =>
                r.allowedActions.includes('forward') || r.allowedActions.includes('edit') ? (
                  <Link to={`/clusters/${r.clusterId}?tab=reports&year=${r.year}`}>
                    {t('cl.reports.review')}
                  </Link>
                ) : null,
            },
          ]}
        />
      )}
    </div>
  );
}

function CompletionTab() {
  const { t } = useTranslation();
  const today = useServerToday();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear - 1);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const completion = useCompletion(year);
  const option = useMemo(
    () => (completion.data ? completionOption(completion.data, t('cl.reports.cols.completion')) : null),
    [completion.data, t],
  );
  const lang = useLanguage();
  return (
    <div className="cluster-tab">
      <div className="filter-bar">
        <FilterField id="completion-year" label={t('cl.reports.figureYear')}>
          <InputNumber<number>
            id="completion-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
        </FilterField>
        {completion.data && (
          <span className="filter-summary">
            {t('cl.report.due', { date: formatDate(completion.data.dueOn, lang) })}
          </span>
        )}
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { value: 'chart', label: t('cl.chartView') },
            { value: 'table', label: t('cl.tableView') },
          ]}
        />
      </div>
      {completion.isError ? (
        <QueryError error={completion.error} retry={() => void completion.refetch()} />
      ) : completion.data && completion.data.units.length === 0 ? (
        <Empty description={t('cl.reports.empty')} />
      ) : view === 'chart' && option && completion.data ? (
        <Card size="small" title={t('cl.reports.completionChart')}>
          <EChart
            option={option}
            label={t('cl.reports.completionChart')}
            height={Math.max(160, completion.data.units.length * 28 + 40)}
          />
        </Card>
      ) : (
        <Table<ReportCompletion['units'][number]>
          size="small"
          rowKey="unitCode"
          loading={completion.isPending}
          dataSource={completion.data?.units ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'unit', title: t('cl.reports.cols.unit'), dataIndex: 'unitName' },
            ...(
              ['expected', 'notStarted', 'draft', 'submitted', 'returned', 'forwarded', 'overdue'] as const
            ).map((k) => ({
              key: k,
              title: t(`cl.reports.cols.${k}`),
              dataIndex: k,
              align: 'right' as const,
            })),
            {
              key: 'completion',
              title: t('cl.reports.cols.completion'),
              align: 'right' as const,
              render: (_: unknown, u: ReportCompletion['units'][number]) =>
                formatPercent(u.completionPercent, lang),
            },
          ]}
        />
      )}
    </div>
  );
}

function TotalsTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const totals = useReportTotals();
  const figure = (k: string) => REPORT_FIGURES.find((f) => f.key === k);
  if (totals.isError) return <QueryError error={totals.error} retry={() => void totals.refetch()} />;
  return (
    <Card size="small" title={t('cl.reports.totals')}>
      <Table
        size="small"
        rowKey="year"
        loading={totals.isPending}
        dataSource={totals.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('cl.reports.empty')} /> }}
        columns={[
          { key: 'year', title: t('cl.reports.cols.year'), dataIndex: 'year' },
          { key: 'reports', title: t('cl.reports.cols.reports'), dataIndex: 'reports', align: 'right' },
          ...TOTAL_KEYS.filter((k) => SUMMABLE_FIGURES.includes(k)).map((k) => {
            const f = figure(k);
            return {
              key: k,
              title: f ? `${lang === 'en' ? f.en : f.zh} (${f.unit})` : k,
              align: 'right' as const,
              render: (_: unknown, row: { sums: Record<string, number> }) => formatNumber(row.sums[k], lang),
            };
          }),
          {
            key: 'growth',
            title: t('cl.reports.cols.averageGrowth'),
            align: 'right',
            render: (_, row) => formatPercent(row.averageGrowth, lang),
          },
        ]}
      />
    </Card>
  );
}
