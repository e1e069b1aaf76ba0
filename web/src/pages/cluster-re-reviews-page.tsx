import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Result, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { revokerRole } from '../../../domain/cluster-lifecycle.ts';
import { clusterApi, type ReReviewDue } from '../api/clusters.ts';
import { invalidateClusterViews, useReReviewsDue } from '../api/clusters-queries.ts';
import { useSession } from '../api/queries.ts';
import { ClusterStatusTag, LevelTag, ReReviewStatusTag } from '../components/clusters/status-tags.tsx';
import { errorText, QueryError } from '../components/ministry/query-error.tsx';
import { formatDate } from '../components/review/review-format.ts';
import { useLanguage } from '../i18n/index.ts';
import '../components/clusters/clusters.css';

type Item = ReReviewDue['items'][number];

/** 复核与撤销: clusters due for re-review and those that lapsed without one (revoked here by who may). */
export default function ClusterReReviewsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const role = useSession().data?.user.role;
  const due = useReReviewsDue();
  if (role !== 'county' && role !== 'unit' && role !== 'ministry')
    return <Result status="403" title={<h1 className="result-title">{t('cl.forbidden')}</h1>} />;
  const items = due.data?.items ?? [];
  // The lapsed clusters this caller may revoke: the ministry national ones, a unit its provincial ones.
  const mine = items.filter((i) => i.lapsed && revokerRole(i.cluster.level) === role);

  const revoke = (ids?: string[]) =>
    modal.confirm({
      title: t('cl.reReviews.revokeLapsedConfirm', { count: ids?.length ?? mine.length }),
      okButtonProps: { danger: true },
      okText: t('cl.reReviews.revokeOne'),
      cancelText: t('cl.cancel'),
      onOk: async () => {
        try {
          const res = await clusterApi.revokeLapsed(ids);
          invalidateClusterViews(queryClient);
          message.success(t('cl.reReviews.revokedCount', { count: res.revoked.length }));
        } catch (err) {
          message.error(t('cl.failed', { message: errorText(err) }));
        }
      },
    });

  return (
    <section aria-labelledby="re-reviews-title" className="page cluster-page">
      <Typography.Title level={1} id="re-reviews-title" className="page-title">
        {t('cl.reReviews.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('cl.reReviews.intro')}</Typography.Paragraph>
      {mine.length > 0 && (
        <Button danger className="action-bar" onClick={() => revoke()}>
          {t('cl.reReviews.revokeLapsed', { count: mine.length })}
        </Button>
      )}
      {due.isError ? (
        <QueryError error={due.error} retry={() => void due.refetch()} />
      ) : (
        <Table<Item>
          rowKey={(i) => i.cluster.id}
          loading={due.isPending}
          dataSource={items}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('cl.reReviews.empty')} /> }}
          columns={[
            {
              key: 'cluster',
              title: t('cl.reReviews.cols.cluster'),
              render: (_, i) => (
                <div>
                  <Link to={`/clusters/${i.cluster.id}?tab=reReview`}>{i.cluster.name}</Link>{' '}
                  <LevelTag level={i.cluster.level} />
                </div>
              ),
            },
            { key: 'unit', title: t('cl.reReviews.cols.unit'), render: (_, i) => i.cluster.unitName },
            {
              key: 'validTo',
              title: t('cl.reReviews.cols.validTo'),
              render: (_, i) => (
                <span className="nowrap">
                  {formatDate(i.cluster.validTo, lang)} <ClusterStatusTag status={i.cluster.status} />
                </span>
              ),
            },
            {
              key: 'reReview',
              title: t('cl.reReviews.cols.reReview'),
              render: (_, i) => (
                <span className="nowrap">
                  {i.reReviewStatus ? (
                    <ReReviewStatusTag status={i.reReviewStatus} />
                  ) : (
                    <Tag>{t('cl.reReviews.notStarted')}</Tag>
                  )}
                  {i.lapsed && <Tag color="red">{t('cl.reReviews.lapsed')}</Tag>}
                </span>
              ),
            },
            {
              key: 'act',
              title: '',
              render: (_, i) =>
                i.lapsed && revokerRole(i.cluster.level) === role ? (
                  <Button size="small" danger onClick={() => revoke([i.cluster.id])}>
                    {t('cl.reReviews.revokeOne')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}
