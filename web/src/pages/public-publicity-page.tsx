import { ArrowLeftOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Result,
  Select,
  Spin,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { usePublicProvincialPublicity } from '../api/clusters-queries.ts';
import { type ObjectionReceipt, publicApi } from '../api/ministry.ts';
import { usePublicPublicity } from '../api/ministry-queries.ts';
import { ProvincialPublicityCard } from '../components/clusters/provincial-publicity.tsx';
import { formatDateTime } from '../components/declaration/format.ts';
import { PublicityCard } from '../components/ministry/publicity-list.tsx';
import { QueryError } from '../components/ministry/query-error.tsx';
import { PublicShell } from '../components/public-shell.tsx';
import { formatDate } from '../components/review/review-format.ts';
import { useLanguage } from '../i18n/index.ts';
import '../components/ministry/ministry.css';

interface ObjectionValues {
  declarationId: string;
  realName: string;
  contact: string;
  reason: string;
  files: UploadFile[];
}

const MAX_FILE_MB = 20;

/** 公示 for everyone, without signing in: the lists on announcement and, while open, the objection form. */
export default function PublicPublicityPage() {
  const { t } = useTranslation();
  const periods = usePublicPublicity();
  // Units' provincial 公示 take objections through the same form.
  const provincial = usePublicProvincialPublicity();
  const open = [...(periods.data?.items ?? []), ...(provincial.data?.items ?? [])].filter((p) => p.open);

  return (
    <PublicShell>
      <div className="public-page">
        <Link to="/login" className="back-link">
          <ArrowLeftOutlined aria-hidden="true" /> {t('publicity.toLogin')}
        </Link>
        <Typography.Title level={1} className="page-title">
          {t('publicity.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('publicity.intro')}</Typography.Paragraph>
        {periods.isError && <QueryError error={periods.error} retry={() => void periods.refetch()} />}
        {periods.isPending ? (
          <Spin />
        ) : (periods.data?.items.length ?? 0) + (provincial.data?.items.length ?? 0) === 0 ? (
          <Card>
            <Empty description={t('publicity.none')} />
          </Card>
        ) : (
          periods.data?.items.map((p) => <PublicityCard key={p.id} period={p} showCounts={false} />)
        )}
        {provincial.data?.items.map((p) => (
          <ProvincialPublicityCard key={p.id} period={p} />
        ))}
        {open.length > 0 && <ObjectionForm periods={open} />}
      </div>
    </PublicShell>
  );
}

function ObjectionForm({
  periods,
}: {
  periods: { endsOn: string; items: { declarationId: string; clusterName: string; countyName: string }[] }[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form] = Form.useForm<ObjectionValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ObjectionReceipt | null>(null);
  const options = periods.flatMap((p) =>
    p.items.map((i) => ({ value: i.declarationId, label: `${i.clusterName}（${i.countyName}）` })),
  );
  const lastDay =
    periods
      .map((p) => p.endsOn)
      .sort()
      .at(-1) ?? null;

  const submit = async (v: ObjectionValues) => {
    setBusy(true);
    setError(null);
    try {
      const file = v.files?.[0]?.originFileObj ?? null;
      setReceipt(
        await publicApi.object({
          declarationId: v.declarationId,
          realName: v.realName.trim(),
          contact: v.contact.trim(),
          reason: v.reason.trim(),
          file,
        }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.code === 'DEADLINE_PASSED') setError(t('publicity.form.deadline'));
      else if (err instanceof ApiError && err.status === 413)
        setError(t('publicity.form.tooLarge', { mb: MAX_FILE_MB }));
      else if (err instanceof ApiError && err.status === 415) setError(t('publicity.form.fileType'));
      else if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
        const known = ['declarationId', 'realName', 'contact', 'reason'];
        const fields = err.details
          .map((d) => d as { path?: string; message?: string })
          .filter((d) => d.path && known.includes(d.path))
          .map((d) => ({ name: d.path as keyof ObjectionValues, errors: [d.message ?? ''] }));
        form.setFields(fields);
        setError(t('publicity.form.invalid', { message: err.message }));
      } else
        setError(t('publicity.form.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  if (receipt)
    return (
      <Card>
        <Result
          status="success"
          title={<h2 className="result-title">{t('publicity.form.receivedTitle')}</h2>}
          subTitle={t('publicity.form.received', {
            name: receipt.clusterName,
            at: formatDateTime(receipt.receivedAt),
            id: receipt.id,
          })}
          extra={
            <Button
              onClick={() => {
                form.resetFields();
                setReceipt(null);
              }}
            >
              {t('publicity.form.another')}
            </Button>
          }
        />
      </Card>
    );

  return (
    <Card title={<h2 className="card-heading">{t('publicity.form.title')}</h2>}>
      <Typography.Paragraph type="secondary">
        {t('publicity.form.intro', { date: formatDate(lastDay, lang) })}
      </Typography.Paragraph>
      <Form<ObjectionValues>
        form={form}
        layout="vertical"
        name="objection"
        onFinish={(v) => void submit(v)}
        onValuesChange={() => error && setError(null)}
        requiredMark
      >
        <Form.Item
          name="declarationId"
          label={t('publicity.form.cluster')}
          rules={[{ required: true, message: t('publicity.form.clusterRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={options}
            placeholder={t('publicity.form.clusterPlaceholder')}
          />
        </Form.Item>
        <div className="form-grid">
          <Form.Item
            name="realName"
            label={t('publicity.form.realName')}
            rules={[{ required: true, whitespace: true, message: t('publicity.form.realNameRequired') }]}
          >
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t('publicity.form.contact')}
            extra={t('publicity.form.contactHint')}
            rules={[{ required: true, whitespace: true, message: t('publicity.form.contactRequired') }]}
          >
            <Input maxLength={100} autoComplete="tel" />
          </Form.Item>
        </div>
        <Form.Item
          name="reason"
          label={t('publicity.form.reason')}
          rules={[{ required: true, whitespace: true, message: t('publicity.form.reasonRequired') }]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item
          name="files"
          label={t('publicity.form.evidence')}
          extra={t('publicity.form.evidenceHint', { mb: MAX_FILE_MB })}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
          rules={[
            {
              validator: (_, files?: UploadFile[]) =>
                (files?.[0]?.size ?? 0) > MAX_FILE_MB * 1024 * 1024
                  ? Promise.reject(new Error(t('publicity.form.tooLarge', { mb: MAX_FILE_MB })))
                  : Promise.resolve(),
            },
          ]}
        >
          <Upload beforeUpload={() => false} maxCount={1} accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.zip">
            <Button icon={<UploadOutlined />}>{t('publicity.form.choose')}</Button>
          </Upload>
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('publicity.form.privacy')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon role="alert" message={error} className="form-error" />}
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={busy}>
          {t('publicity.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
