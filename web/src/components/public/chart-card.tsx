import { BarChartOutlined, TableOutlined } from '@ant-design/icons';
import { Card, Empty, Radio, Table } from 'antd';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, useLanguage } from '../../i18n/index.ts';
import { EChart, type EChartsOption } from './echart.tsx';

export interface ChartRow {
  key: string;
  label: string;
  count: number;
  /** The language of the label when it differs from the page's (a Chinese name on the English page). */
  lang?: string;
}

const BLUE = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#15803d', '#0369a1', '#a16207'];

function chartOption(kind: 'bar' | 'hbar' | 'pie', rows: ChartRow[], seriesName: string): EChartsOption {
  const tooltip = { trigger: kind === 'pie' ? 'item' : 'axis', confine: true } as const;
  if (kind === 'pie')
    return {
      color: BLUE,
      tooltip,
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          name: seriesName,
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}: {c}' },
          data: rows.map((r) => ({ name: r.label, value: r.count })),
        },
      ],
    };
  const categories = rows.map((r) => r.label);
  const values = rows.map((r) => r.count);
  const category = {
    type: 'category',
    data: categories,
    axisLabel: { interval: 0, hideOverlap: true },
  } as const;
  const value = { type: 'value', minInterval: 1 } as const;
  return {
    color: BLUE,
    tooltip,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: kind === 'hbar' ? value : category,
    yAxis: kind === 'hbar' ? { ...category, inverse: true } : value,
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: values,
        barMaxWidth: 36,
        label: { show: true, position: kind === 'hbar' ? 'right' : 'top' },
      },
    ],
  };
}

/** A chart with a switch to a table of the same numbers (the table is the accessible view). */
export function ChartCard({
  title,
  kind,
  rows,
  labelHeader,
  height,
}: {
  title: string;
  kind: 'bar' | 'hbar' | 'pie';
  rows: ChartRow[];
  labelHeader: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  const seriesName = t('portal.stats.clusters');
  const option = useMemo(() => chartOption(kind, rows, seriesName), [kind, rows, seriesName]);
  const total = rows.reduce((n, r) => n + r.count, 0);

  return (
    <Card
      title={
        <h2 id={headingId} className="card-heading">
          {title}
        </h2>
      }
      extra={
        <Radio.Group
          optionType="button"
          size="small"
          value={view}
          onChange={(e) => setView(e.target.value)}
          aria-label={t('portal.stats.viewFor', { title })}
          options={[
            {
              value: 'chart',
              label: (
                <>
                  <BarChartOutlined aria-hidden="true" /> {t('portal.stats.chart')}
                </>
              ),
            },
            {
              value: 'table',
              label: (
                <>
                  <TableOutlined aria-hidden="true" /> {t('portal.stats.table')}
                </>
              ),
            },
          ]}
        />
      }
    >
      {rows.length === 0 ? (
        <Empty description={t('portal.stats.empty')} />
      ) : view === 'chart' ? (
        <EChart
          option={option}
          className="portal-chart"
          style={height ? { height } : undefined}
          label={t('portal.stats.chartLabel', {
            title,
            summary: rows
              .slice(0, 12)
              .map((r) => `${r.label} ${r.count}`)
              .join(lang === 'en' ? ', ' : '，'),
          })}
        />
      ) : (
        <Table<ChartRow>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          aria-labelledby={headingId}
          columns={[
            {
              title: labelHeader,
              dataIndex: 'label',
              render: (label: string, r) => <span lang={r.lang}>{label}</span>,
            },
            {
              title: t('portal.stats.clusters'),
              dataIndex: 'count',
              align: 'right',
              render: (n: number) => formatNumber(n, lang),
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('portal.stats.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {formatNumber(total, lang)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
    </Card>
  );
}
