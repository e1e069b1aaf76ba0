import { Card, Empty, Segmented, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrends } from '../../api/clusters-queries.ts';
import { formatNumber, useLanguage } from '../../i18n/index.ts';
import { QueryError } from '../ministry/query-error.tsx';
import { trendOption, trendSeries } from './chart-options.ts';
import { EChart } from './echart.tsx';

const DEFAULT_KEYS = ['output', 'smeOutput', 'leadingIndustryOutput'];

/** A cluster's figures over the years from its annual reports: a line chart, or the same numbers as a table. */
export function TrendsCard({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const trends = useTrends(clusterId);
  const [keys, setKeys] = useState<string[]>(DEFAULT_KEYS);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const option = useMemo(
    () => (trends.data ? trendOption(trends.data, keys, lang) : null),
    [trends.data, keys, lang],
  );
  const series = useMemo(
    () => (trends.data ? trendSeries(trends.data, keys, lang) : null),
    [trends.data, keys, lang],
  );

  return (
    <Card
      size="small"
      title={t('cl.report.trends')}
      className="report-card"
      extra={
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { value: 'chart', label: t('cl.chartView') },
            { value: 'table', label: t('cl.tableView') },
          ]}
        />
      }
    >
      {trends.isError ? (
        <QueryError error={trends.error} retry={() => void trends.refetch()} />
      ) : !trends.data || trends.data.years.length === 0 ? (
        <Empty description={t('cl.report.noTrends')} />
      ) : (
        <>
          <Select
            mode="multiple"
            aria-label={t('cl.report.trendFigure')}
            className="trend-select"
            value={keys}
            onChange={setKeys}
            options={trends.data.figures.map((f) => ({ value: f.key, label: lang === 'en' ? f.en : f.zh }))}
          />
          {view === 'chart' && option ? (
            <EChart option={option} label={t('cl.report.trends')} />
          ) : (
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={series?.series ?? []}
              columns={[
                { key: 'name', title: t('cl.report.trendFigure'), dataIndex: 'name' },
                ...(series?.years ?? []).map((y, i) => ({
                  key: y,
                  title: y,
                  align: 'right' as const,
                  render: (_: unknown, s: { values: (number | null)[] }) => formatNumber(s.values[i], lang),
                })),
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
