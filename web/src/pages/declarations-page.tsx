import { FileAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Progress, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Campaign } from '../../../domain/campaigns.ts';
import { useCampaigns, useCreateDeclaration, useDeclarationList } from '../api/declaration-queries.ts';
import type { DeclarationSummary } from '../api/declarations.ts';
import { formatDateTime } from '../components/declaration/format.ts';
import { DeclarationStatusTag } from '../components/declaration/status-tag.tsx';
import { PageLoading } from '../components/page-loading.tsx';

/** The open campaign counties declare in now (the latest, if several are open). */
function openCampaign(campaigns: readonly Campaign[] | undefined): Campaign | undefined {
  return [...(campaigns ?? [])].filter((c) => c.status === 'open').sort((a, b) => b.year - a.year)[0];
}

export default function DeclarationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const campaigns = useCampaigns();
  const list = useDeclarationList();
  const create = useCreateDeclaration();
  const campaign = openCampaign(campaigns.data?.items);

  const groups = useMemo(() => {
    const byYear = new Map<number, DeclarationSummary[]>();
    for (const d of list.data?.items ?? [])
      byYear.set(d.campaignYear, [...(byYear.get(d.campaignYear) ?? []), d]);
    return [...byYear.entries()].sort((a, b) => b[0] - a[0]);
  }, [list.data]);

  const onCreate = () => {
    if (!campaign) return;
    create.mutate(
      { campaignYear: campaign.year },
      {
        onSuccess: (decl) => void navigate(`/declarations/${encodeURIComponent(decl.id)}`),
        onError: (err) => void message.error(t('declarations.createFailed', { message: err.message })),
      },
    );
  };

  const columns: TableColumnsType<DeclarationSummary> = [
    {
      key: 'cluster',
      title: t('declarations.cluster'),
      render: (_, d) => (
        <Link to={`/declarations/${encodeURIComponent(d.id)}`}>
          {d.clusterName?.trim() || t('declarations.untitled')}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('declarations.status'),
      width: 130,
      render: (_, d) => <DeclarationStatusTag status={d.status} />,
    },
    {
      key: 'completeness',
      title: t('declarations.completeness'),
      width: 170,
      render: (_, d) => (
        <Progress
          percent={d.completeness}
          size="small"
          status={d.completeness === 100 ? 'success' : 'normal'}
          aria-label={`${t('declarations.completeness')} ${d.completeness}%`}
        />
      ),
    },
    {
      key: 'updatedAt',
      title: t('declarations.updatedAt'),
      width: 150,
      render: (_, d) => formatDateTime(d.updatedAt),
    },
    {
      key: 'submittedAt',
      title: t('declarations.submittedAt'),
      width: 150,
      render: (_, d) => formatDateTime(d.submittedAt),
    },
  ];

  const newButton = campaign && (
    <Button type="primary" icon={<FileAddOutlined />} loading={create.isPending} onClick={onCreate}>
      {t('declarations.new')}
    </Button>
  );

  return (
    <section aria-labelledby="declarations-title" className="page declarations-page">
      <div className="page-head">
        <Typography.Title level={1} id="declarations-title" className="page-title">
          {t('declarations.title')}
        </Typography.Title>
        {newButton}
      </div>
      <Typography.Paragraph type="secondary">{t('declarations.intro')}</Typography.Paragraph>

      {campaigns.isSuccess &&
        (campaign ? (
          <Alert
            className="campaign-alert"
            type="info"
            showIcon
            message={t('declarations.openCampaign', { year: campaign.year, noticeNo: campaign.noticeNo })}
            description={
              campaign.countyDeadline
                ? t('declarations.deadline', { date: campaign.countyDeadline })
                : t('declarations.noDeadline')
            }
          />
        ) : (
          <Alert
            className="campaign-alert"
            type="warning"
            showIcon
            message={t('declarations.noOpenCampaign')}
          />
        ))}
      {(list.isError || campaigns.isError) && (
        <Alert
          type="error"
          showIcon
          message={t('errors.loadFailed', { message: (list.error ?? campaigns.error)?.message ?? '' })}
          action={
            <Button
              onClick={() => {
                void list.refetch();
                void campaigns.refetch();
              }}
            >
              {t('errors.retry')}
            </Button>
          }
        />
      )}

      {list.isPending ? (
        <PageLoading />
      ) : groups.length === 0 && list.isSuccess ? (
        <Card>
          <Empty
            description={
              <>
                <Typography.Title level={2} className="empty-title">
                  {t('declarations.emptyTitle')}
                </Typography.Title>
                <Typography.Paragraph type="secondary">
                  {campaign ? t('declarations.emptyOpen') : t('declarations.emptyClosed')}
                </Typography.Paragraph>
              </>
            }
          >
            {newButton}
          </Empty>
        </Card>
      ) : (
        groups.map(([year, items]) => (
          <Card
            key={year}
            className="year-card"
            title={<h2 className="card-heading">{t('declarations.yearGroup', { year })}</h2>}
            extra={t('declarations.count', { count: items.length })}
          >
            <Table<DeclarationSummary>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={items}
              pagination={false}
              scroll={{ x: 720 }}
            />
          </Card>
        ))
      )}
    </section>
  );
}
