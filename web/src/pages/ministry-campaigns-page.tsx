import { EditOutlined, NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Empty, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDto } from '../../../domain/campaigns.ts';
import { useCampaigns } from '../api/declaration-queries.ts';
import { ministryApi, type Notice } from '../api/ministry.ts';
import { useServerToday } from '../api/queries.ts';
import { CampaignFormDrawer } from '../components/ministry/campaign-form-drawer.tsx';
import { MinistryOnly } from '../components/ministry/ministry-guard.tsx';
import { errorText, QueryError } from '../components/ministry/query-error.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { formatDate } from '../components/review/review-format.ts';
import { useLanguage } from '../i18n/index.ts';
import '../components/ministry/ministry.css';

/** The ministry's screen, the admin's too: the campaign routes accept both. */
export default function MinistryCampaignsPage() {
  return (
    <MinistryOnly roles={['ministry', 'admin']}>
      <Campaigns />
    </MinistryOnly>
  );
}

const STATUS_COLORS = { draft: 'default', open: 'green', closed: 'default' } as const;

/** 批次管理: every campaign, create and edit, and publishing its recommendation notice. */
function Campaigns() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const campaigns = useCampaigns();
  const today = useServerToday();
  const [editing, setEditing] = useState<{ campaign: CampaignDto | null } | null>(null);
  const [noticeFor, setNoticeFor] = useState<CampaignDto | null>(null);
  if (campaigns.isPending) return <PageLoading />;
  const items = (campaigns.data?.items ?? []) as CampaignDto[];
  const nextYear = Math.max(Number(today.slice(0, 4)), ...items.map((c) => c.year + 1));

  return (
    <section aria-labelledby="campaigns-title" className="page ministry-page">
      <div className="page-head">
        <Typography.Title level={1} id="campaigns-title" className="page-title">
          {t('ministry.campaigns.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ campaign: null })}>
          {t('ministry.campaigns.new')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('ministry.campaigns.intro')}</Typography.Paragraph>
      {campaigns.isError && <QueryError error={campaigns.error} retry={() => void campaigns.refetch()} />}
      <Table<CampaignDto>
        rowKey="year"
        dataSource={[...items].sort((a, b) => b.year - a.year)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('ministry.noCampaign')} /> }}
        columns={[
          {
            key: 'year',
            title: t('ministry.campaigns.fields.year'),
            render: (_, c) => (
              <Space size={4}>
                <strong>{c.year}</strong>
                {c.demo && <Tag color="gold">{t('ministry.campaigns.demo')}</Tag>}
              </Space>
            ),
          },
          { key: 'notice', title: t('ministry.campaigns.fields.noticeNo'), dataIndex: 'noticeNo' },
          {
            key: 'status',
            title: t('ministry.campaigns.fields.status'),
            render: (_, c) => (
              <Tag color={STATUS_COLORS[c.status]}>{t(`review.campaignStatus.${c.status}`)}</Tag>
            ),
          },
          {
            key: 'dates',
            title: t('ministry.campaigns.dates'),
            render: (_, c) => (
              <span className="nowrap">
                {formatDate(c.opensAt, lang)} → {formatDate(c.unitDeadline, lang)}
              </span>
            ),
          },
          {
            key: 'quotas',
            title: <abbr title={t('ministry.campaigns.quotas')}>{t('ministry.campaigns.quotasShort')}</abbr>,
            render: (_, c) => `${c.quotas.provincial} / ${c.quotas.separate_plan_city} / ${c.quotas.xpcc}`,
          },
          {
            key: 'std',
            title: t('ministry.campaigns.fields.standardsVersion'),
            dataIndex: 'standardsVersion',
          },
          {
            key: 'actions',
            title: t('ministry.campaigns.actions'),
            render: (_, c) => (
              <Space wrap>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ campaign: c })}
                  aria-label={t('ministry.campaigns.editOne', { year: c.year })}
                >
                  {t('ministry.campaigns.edit')}
                </Button>
                <Button
                  size="small"
                  icon={<NotificationOutlined />}
                  onClick={() => setNoticeFor(c)}
                  aria-label={t('ministry.campaigns.publishOne', { year: c.year })}
                >
                  {t('ministry.campaigns.publish')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">{t('ministry.campaigns.quotasNote')}</Typography.Text>
      <CampaignFormDrawer
        key={editing ? (editing.campaign?.year ?? 'new') : 'closed'}
        open={editing !== null}
        campaign={editing?.campaign ?? null}
        nextYear={nextYear}
        onClose={() => setEditing(null)}
      />
      <PublishNoticeModal
        key={noticeFor?.year ?? 'none'}
        campaign={noticeFor}
        onClose={() => setNoticeFor(null)}
      />
    </section>
  );
}

/** Publishes the campaign's recommendation notice (kind 'recommendation') to the public notices. */
function PublishNoticeModal({ campaign, onClose }: { campaign: CampaignDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useServerToday();
  // Remounted per campaign (key), so the defaults come from it without a reset on opening.
  const [title, setTitle] = useState(
    campaign ? t('ministry.notice.defaultTitle', { year: campaign.year }) : '',
  );
  const [noticeNo, setNoticeNo] = useState(campaign?.noticeNo ?? '');
  const [publishedOn, setPublishedOn] = useState<string>(campaign?.noticeDate ?? today);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Notice | null>(null);

  const publish = async () => {
    if (!campaign) return;
    if (!title.trim()) {
      setError(t('ministry.notice.titleRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const notice = await ministryApi.createNotice({
        kind: 'recommendation',
        campaignYear: campaign.year,
        noticeNo: noticeNo.trim() || null,
        title: title.trim(),
        body,
        publishedOn,
      });
      setDone(notice);
      void message.success(t('ministry.notice.published'));
    } catch (err) {
      setError(t('ministry.notice.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={campaign !== null}
      title={campaign ? t('ministry.notice.title', { year: campaign.year }) : ''}
      onCancel={onClose}
      okText={done ? t('ministry.close') : t('ministry.notice.publish')}
      onOk={() => (done ? onClose() : void publish())}
      okButtonProps={{ loading: busy }}
      cancelText={t('ministry.cancel')}
      destroyOnHidden
    >
      {done ? (
        <Alert
          type="success"
          showIcon
          message={t('ministry.notice.done', { title: done.title, date: done.publishedOn })}
        />
      ) : (
        <div className="mstack">
          <div>
            <label htmlFor="notice-title" className="stat-label">
              {t('ministry.notice.fields.title')}
            </label>
            <Input
              id="notice-title"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="notice-no" className="stat-label">
              {t('ministry.notice.fields.noticeNo')}
            </label>
            <Input
              id="notice-no"
              value={noticeNo}
              maxLength={100}
              onChange={(e) => setNoticeNo(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="notice-date" className="stat-label">
              {t('ministry.notice.fields.publishedOn')}
            </label>
            <DatePicker
              id="notice-date"
              className="full-width"
              allowClear={false}
              value={dayjs(publishedOn)}
              onChange={(d) => d && setPublishedOn(d.format('YYYY-MM-DD'))}
            />
          </div>
          <div>
            <label htmlFor="notice-body" className="stat-label">
              {t('ministry.notice.fields.body')}
            </label>
            <Input.TextArea
              id="notice-body"
              rows={6}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          </div>
          {error && <Alert type="error" showIcon role="alert" message={error} />}
        </div>
      )}
    </Modal>
  );
}
