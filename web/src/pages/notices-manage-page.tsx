import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NoticeDto } from '../../../domain/ministry-contract.ts';
import { usePublicNotices } from '../api/public-queries.ts';
import { useMeta, useSession } from '../api/queries.ts';
import { errorText } from '../components/ministry/query-error.tsx';
import { NoticeAttachments } from '../components/notices/notice-attachments.tsx';
import {
  invalidateNotices,
  kindsFor,
  type NoticeKind,
  noticesApi,
} from '../components/notices/notices-api.ts';
import { formatDate } from '../components/review/review-format.ts';
import { useLanguage } from '../i18n/index.ts';

interface FormValues {
  kind: NoticeKind;
  title: string;
  titleEn?: string;
  noticeNo?: string;
  campaignYear?: number | null;
  publishedOn: Dayjs;
  body?: string;
}

const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** 通知公告: the ministry (and each recommending unit, for its own notices) publishes notices with attachments. */
export default function NoticesManagePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const session = useSession().data;
  const today = useMeta().data?.today ?? dayjs().format('YYYY-MM-DD');
  const role = session?.user.role;
  const unit = session?.scope.unit ?? null;
  const publisher = role === 'unit' ? unit?.code : 'ministry';
  const allowed = role === 'ministry' || role === 'admin' || (role === 'unit' && !!unit);
  const notices = usePublicNotices(undefined, 50, publisher ?? 'ministry');
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  // Published here, kept so a notice dated after today (not yet in the public list) can get its attachments.
  const [created, setCreated] = useState<NoticeDto[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);

  if (!allowed)
    return <Result status="403" title={<h1 className="result-title">{t('notices.notAllowed')}</h1>} />;

  const kinds = kindsFor(role);
  const fetched = notices.data?.pages.flatMap((p) => p.items) ?? [];
  const fetchedIds = new Set(fetched.map((n) => n.id));
  const rows = [...created.filter((n) => !fetchedIds.has(n.id)), ...fetched];

  const submit = async (values: FormValues) => {
    setBusy(true);
    try {
      const notice = await noticesApi.create({
        kind: values.kind,
        title: values.title.trim(),
        titleEn: blankToNull(values.titleEn),
        noticeNo: blankToNull(values.noticeNo),
        campaignYear: values.campaignYear ?? null,
        publishedOn: values.publishedOn.format('YYYY-MM-DD'),
        body: values.body ?? '',
      });
      setCreated((list) => [notice, ...list]);
      setExpanded((keys) => [notice.id, ...keys]);
      invalidateNotices(queryClient);
      form.resetFields();
      message.success(t('notices.form.published'));
    } catch (err) {
      message.error(t('notices.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  const displayTitle = (n: NoticeDto) => (lang === 'en' && n.titleEn ? n.titleEn : n.title);

  return (
    <section aria-labelledby="notices-title" className="page notices-manage-page">
      <Typography.Title level={1} id="notices-title" className="page-title">
        {t('notices.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('notices.intro')}
        {role === 'unit' && unit ? (
          <> {t('notices.introUnit', { unit: lang === 'en' ? unit.nameEn : unit.name })}</>
        ) : null}
      </Typography.Paragraph>

      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('notices.form.title')}</h2>}
        size="small"
        style={{ marginBottom: 16 }}
      >
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ kind: kinds[0], publishedOn: dayjs(today) }}
          style={{ maxWidth: 760 }}
        >
          <Space wrap align="start" size="middle">
            {/* Always set (an initial value, no clear button): no required rule, whose aria-required antd
                would put on the Select's role-less wrapper (axe: aria-allowed-attr). */}
            <Form.Item name="kind" label={t('notices.form.kind')}>
              <Select
                style={{ minWidth: 180 }}
                options={kinds.map((k) => ({ value: k, label: t(`notices.kinds.${k}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="publishedOn"
              label={t('notices.form.publishedOn')}
              rules={[{ required: true, message: t('notices.form.publishedOnRequired') }]}
            >
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="campaignYear" label={t('notices.form.campaignYear')}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Space>
          <Form.Item dependencies={['publishedOn']} noStyle>
            {({ getFieldValue }) => {
              const d = getFieldValue('publishedOn') as Dayjs | undefined;
              return d && d.format('YYYY-MM-DD') > today ? (
                <Alert
                  type="info"
                  showIcon
                  message={t('notices.form.futureHint')}
                  style={{ marginBottom: 16 }}
                />
              ) : null;
            }}
          </Form.Item>
          <Form.Item
            name="title"
            label={t('notices.form.titleZh')}
            rules={[{ required: true, whitespace: true, message: t('notices.form.titleZhRequired') }]}
          >
            <Input maxLength={200} lang="zh-CN" />
          </Form.Item>
          <Form.Item name="titleEn" label={t('notices.form.titleEn')} extra={t('notices.form.titleEnHelp')}>
            <Input maxLength={300} lang="en" />
          </Form.Item>
          <Form.Item name="noticeNo" label={t('notices.form.noticeNo')}>
            <Input maxLength={100} placeholder={t('notices.form.noticeNoPlaceholder')} />
          </Form.Item>
          <Form.Item name="body" label={t('notices.form.body')}>
            <Input.TextArea rows={6} maxLength={50_000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('notices.form.submit')}
          </Button>
        </Form>
      </Card>

      <Card
        title={
          <h2 style={{ fontSize: 16, margin: 0 }}>
            {role === 'unit' ? t('notices.list.title') : t('notices.list.titleMinistry')}
          </h2>
        }
        size="small"
      >
        {notices.isError ? (
          <Alert type="error" showIcon message={t('notices.failed', { message: errorText(notices.error) })} />
        ) : null}
        <Table<NoticeDto>
          rowKey="id"
          size="small"
          loading={notices.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('notices.list.empty') }}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
            expandedRowRender: (n) => (
              <NoticeAttachments key={n.id} noticeId={n.id} initial={n.attachments} />
            ),
          }}
          columns={[
            {
              key: 'title',
              title: t('notices.list.columnTitle'),
              render: (_, n) => (
                <Space direction="vertical" size={0}>
                  <Link
                    to={`/portal/notices/${n.id}`}
                    aria-label={`${t('notices.list.view')}: ${displayTitle(n)}`}
                  >
                    {displayTitle(n)}
                  </Link>
                  {n.titleEn && lang !== 'en' ? (
                    <Typography.Text type="secondary" lang="en">
                      {n.titleEn}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            {
              key: 'kind',
              title: t('notices.list.columnKind'),
              render: (_, n) => <Tag bordered={false}>{t(`notices.kinds.${n.kind}`)}</Tag>,
            },
            { key: 'no', title: t('notices.list.columnNo'), render: (_, n) => n.noticeNo ?? '—' },
            {
              key: 'date',
              title: t('notices.list.columnDate'),
              render: (_, n) => (
                <Space size={4} wrap>
                  {formatDate(n.publishedOn, lang)}
                  {n.publishedOn > today ? <Tag color="orange">{t('notices.list.notYetPublic')}</Tag> : null}
                </Space>
              ),
            },
            {
              key: 'attachments',
              title: t('notices.list.columnAttachments'),
              render: (_, n) => n.attachments.length,
            },
          ]}
        />
        {notices.hasNextPage ? (
          <Button
            style={{ marginTop: 12 }}
            onClick={() => void notices.fetchNextPage()}
            loading={notices.isFetchingNextPage}
          >
            {t('notices.list.loadMore')}
          </Button>
        ) : null}
      </Card>
    </section>
  );
}
