import { Empty, Result, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SUPPORT_KINDS } from '../../../domain/cluster-plan.ts';
import type { SupportTotals } from '../api/clusters.ts';
import { useSupportTotals } from '../api/clusters-queries.ts';
import { useSession } from '../api/queries.ts';
import { QueryError } from '../components/ministry/query-error.tsx';
import { formatMoneyYi, useLanguage } from '../i18n/index.ts';
import '../components/clusters/clusters.css';

type Row = SupportTotals['items'][number];

/** 政策支持汇总: support recorded per unit or per cluster, with the amounts by kind. */
export default function ClusterSupportPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const role = useSession().data?.user.role;
  const [groupBy, setGroupBy] = useState<'unit' | 'cluster'>(role === 'ministry' ? 'unit' : 'cluster');
  const totals = useSupportTotals(groupBy);
  if (role !== 'county' && role !== 'unit' && role !== 'ministry')
    return <Result status="403" title={<h1 className="result-title">{t('cl.forbidden')}</h1>} />;
  return (
    <section aria-labelledby="support-title" className="page cluster-page">
      <Typography.Title level={1} id="support-title" className="page-title">
        {t('cl.supportTotals.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('cl.supportTotals.intro')}</Typography.Paragraph>
      <Segmented
        className="action-bar"
        value={groupBy}
        onChange={(v) => setGroupBy(v as 'unit' | 'cluster')}
        options={[
          { value: 'unit', label: t('cl.supportTotals.byUnit') },
          { value: 'cluster', label: t('cl.supportTotals.byCluster') },
        ]}
      />
      {totals.isError ? (
        <QueryError error={totals.error} retry={() => void totals.refetch()} />
      ) : (
        <Table<Row>
          size="small"
          rowKey="code"
          loading={totals.isPending}
          dataSource={totals.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('cl.supportTotals.empty')} /> }}
          columns={[
            {
              key: 'name',
              title: t('cl.supportTotals.cols.name'),
              render: (_, r) =>
                groupBy === 'cluster' ? <Link to={`/clusters/${r.code}?tab=support`}>{r.name}</Link> : r.name,
            },
            { key: 'count', title: t('cl.supportTotals.cols.count'), dataIndex: 'count', align: 'right' },
            {
              key: 'amount',
              title: t('cl.supportTotals.cols.amount'),
              align: 'right',
              render: (_, r) => formatMoneyYi(r.amount, lang),
            },
            ...SUPPORT_KINDS.map((k) => ({
              key: k,
              title: t(`cl.support.kinds.${k}`),
              align: 'right' as const,
              render: (_: unknown, r: Row) => {
                const v = r.byKind[k];
                return v?.count ? `${v.count} · ${formatMoneyYi(v.amount, lang)}` : '—';
              },
            })),
          ]}
        />
      )}
    </section>
  );
}
