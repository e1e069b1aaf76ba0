import { Alert, Button, Empty, Result, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Assignment } from '../api/expert.ts';
import { useAssignments } from '../api/expert-queries.ts';
import { useSession } from '../api/queries.ts';
import { PhaseTag } from '../components/ministry/phase-tag.tsx';
import { errorText } from '../components/ministry/query-error.tsx';
import { PageLoading } from '../components/page-loading.tsx';

/** 评审任务: the declarations this expert is assigned to score. */
export default function ExpertTasksPage() {
  const { t } = useTranslation();
  const role = useSession().data?.user.role;
  const query = useAssignments(role === 'expert');

  if (role !== 'expert')
    return <Result status="403" title={<h1 className="result-title">{t('expert.forbidden')}</h1>} />;
  if (query.isPending) return <PageLoading />;

  return (
    <section aria-labelledby="expert-title" className="page">
      <Typography.Title level={1} id="expert-title" className="page-title">
        {t('expert.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('expert.intro')}</Typography.Paragraph>
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          message={t('errors.loadFailed', { message: errorText(query.error) })}
          action={<Button onClick={() => void query.refetch()}>{t('errors.retry')}</Button>}
        />
      ) : (
        <Table<Assignment>
          rowKey="assignmentId"
          dataSource={query.data.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('expert.empty')} /> }}
          columns={[
            {
              key: 'cluster',
              title: t('expert.cols.cluster'),
              render: (_, a) => (
                <Link to={`/expert/${encodeURIComponent(a.assignmentId)}`}>
                  {a.clusterName || t('review.untitled')}
                </Link>
              ),
            },
            { key: 'county', title: t('expert.cols.county'), dataIndex: 'countyName' },
            { key: 'year', title: t('expert.cols.year'), dataIndex: 'campaignYear' },
            {
              key: 'panel',
              title: t('expertPanel.cols.panel'),
              render: (_, a) =>
                a.panelName ? (
                  <span className="nowrap">
                    {a.panelName} {a.phase && <PhaseTag phase={a.phase} />}
                  </span>
                ) : (
                  t('expertPanel.unitLevel')
                ),
            },
            {
              key: 'status',
              title: t('expert.cols.status'),
              render: (_, a) =>
                a.scored ? (
                  <Tag color="green">{t('expert.scoredTotal', { total: a.total ?? '—' })}</Tag>
                ) : (
                  <Tag>{t('expert.notScored')}</Tag>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}
