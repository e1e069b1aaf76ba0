import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AnnualReportSummary, ClusterDetail } from '../../api/clusters.ts';
import { useAnnualReport, useClusterReports } from '../../api/clusters-queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../declaration/format.ts';
import { QueryError } from '../ministry/query-error.tsx';
import { PageLoading } from '../page-loading.tsx';
import { formatDate } from '../review/review-format.ts';
import { ReportEditor } from './report-editor.tsx';
import { ReportStatusTag } from './status-tags.tsx';
import { TrendsCard } from './trends-card.tsx';

/** The years a cluster owes reports on, the chosen year's report, and the trends. */
export function ReportsTab({ cluster }: { cluster: ClusterDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const reports = useClusterReports(cluster.id);
  const [params, setParams] = useSearchParams();
  const items = reports.data?.items ?? [];
  const chosen = Number.parseInt(params.get('year') ?? '', 10);
  const year =
    items.find((r) => r.year === chosen)?.year ??
    items.find((r) => r.allowedActions.length > 0)?.year ??
    items[0]?.year;
  const select = (y: number) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        out.set('year', String(y));
        return out;
      },
      { replace: true },
    );

  return (
    <div className="cluster-tab">
      <Typography.Paragraph type="secondary">{t('cl.report.intro')}</Typography.Paragraph>
      {reports.isError ? (
        <QueryError error={reports.error} retry={() => void reports.refetch()} />
      ) : (
        <Card size="small" title={t('cl.report.years')} className="report-card">
          <Table<AnnualReportSummary>
            size="small"
            rowKey="year"
            loading={reports.isPending}
            dataSource={items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowClassName={(r) => (r.year === year ? 'row-selected' : '')}
            locale={{ emptyText: <Empty description={t('cl.report.noYears')} /> }}
            columns={[
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
                render: (_, r) => (
                  <span className="nowrap">
                    {formatDateTime(r.submittedAt)} {r.submittedLate && <Tag>{t('cl.report.late')}</Tag>}
                  </span>
                ),
              },
              {
                key: 'open',
                title: '',
                render: (_, r) => (
                  <Button
                    size="small"
                    type={r.year === year ? 'primary' : 'default'}
                    onClick={() => select(r.year)}
                    aria-label={`${t('cl.report.open')} ${t('cl.report.yearLabel', { year: r.year })}`}
                  >
                    {t('cl.report.open')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
      {year !== undefined && <ReportLoader key={year} clusterId={cluster.id} year={year} />}
      <TrendsCard clusterId={cluster.id} />
    </div>
  );
}

function ReportLoader({ clusterId, year }: { clusterId: string; year: number }) {
  const report = useAnnualReport(clusterId, year);
  if (report.isPending) return <PageLoading />;
  if (report.isError) return <QueryError error={report.error} retry={() => void report.refetch()} />;
  return <ReportEditor initial={report.data} clusterId={clusterId} />;
}
