import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANGE_KINDS, CHANGE_RECORD_FIELDS, type ChangeKind } from '../../../../domain/cluster-lifecycle.ts';
import { type ChangeReport, type ClusterDetail, clusterApi } from '../../api/clusters.ts';
import { invalidateClusterViews, useChangeReports } from '../../api/clusters-queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../declaration/format.ts';
import { errorText, QueryError } from '../ministry/query-error.tsx';
import { formatDate } from '../review/review-format.ts';
import { EvidenceFiles } from './evidence-files.tsx';
import { ChangeStatusTag } from './status-tags.tsx';

type ChangeAction = 'acknowledge' | 'open_review' | 'close';
const ACTION_LABEL: Record<ChangeAction, string> = {
  acknowledge: 'cl.changes.acknowledge',
  open_review: 'cl.changes.openReview',
  close: 'cl.changes.close',
};

/** Major-change reports (变更报备): the county reports with evidence; MIIT acknowledges, or reviews and closes. */
export function ChangesTab({ cluster }: { cluster: ClusterDetail }) {
  const { t } = useTranslation();
  const changes = useChangeReports(cluster.id);
  const [open, setOpen] = useState(0);
  return (
    <div className="cluster-tab">
      <Typography.Paragraph type="secondary">{t('cl.changes.intro')}</Typography.Paragraph>
      {cluster.allowedActions.includes('report_change') && (
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden="true" />}
          onClick={() => setOpen((n) => n + 1)}
          className="action-bar"
        >
          {t('cl.changes.report')}
        </Button>
      )}
      {changes.isError ? (
        <QueryError error={changes.error} retry={() => void changes.refetch()} />
      ) : changes.data && changes.data.items.length === 0 ? (
        <Empty description={t('cl.changes.empty')} />
      ) : (
        changes.data?.items.map((r) => <ChangeCard key={r.id} report={r} clusterId={cluster.id} />)
      )}
      {open > 0 && <ChangeModal key={open} clusterId={cluster.id} onClose={() => setOpen(0)} />}
    </div>
  );
}

function ChangeCard({ report, clusterId }: { report: ChangeReport; clusterId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<ChangeAction | null>(null);
  const [comment, setComment] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const field = CHANGE_RECORD_FIELDS[report.kind];
  const actions = (['acknowledge', 'open_review', 'close'] as const).filter((a) =>
    report.allowedActions.includes(a),
  );
  const run = async (a: ChangeAction, text: string) => {
    setBusy(true);
    try {
      await clusterApi.changeAction(clusterId, report.id, a, text, a === 'close' && confirmed);
      invalidateClusterViews(queryClient, clusterId);
      setAction(null);
      setComment('');
      setConfirmed(false);
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      className="report-card change-card"
      title={
        <Space wrap>
          {t(`cl.changes.kinds.${report.kind}`)}
          <ChangeStatusTag status={report.status} />
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'd',
            label: t('cl.changes.description'),
            span: 2,
            children: <span className="pre-wrap">{report.description}</span>,
          },
          { key: 'b', label: t('cl.changes.before'), children: report.beforeValue || '—' },
          { key: 'a', label: t('cl.changes.after'), children: report.afterValue || '—' },
          { key: 'e', label: t('cl.changes.effectiveOn'), children: formatDate(report.effectiveOn, lang) },
          { key: 'r', label: t('cl.changes.reportedAt'), children: formatDateTime(report.reportedAt) },
          ...(report.resolution
            ? [
                {
                  key: 'res',
                  label: t('cl.changes.resolution'),
                  span: 2,
                  children: <span className="pre-wrap">{report.resolution}</span>,
                },
              ]
            : []),
        ]}
      />
      <Typography.Text strong>{t('cl.files')}</Typography.Text>
      <EvidenceFiles
        clusterId={clusterId}
        files={report.files}
        upload={
          report.allowedActions.includes('add_file')
            ? async (file) => {
                await clusterApi.addChangeFile(clusterId, report.id, file);
                invalidateClusterViews(queryClient, clusterId);
              }
            : undefined
        }
      />
      {actions.length > 0 && (
        <Space wrap className="action-bar">
          {actions.map((a) => (
            <Button
              key={a}
              type={a === 'acknowledge' ? 'primary' : 'default'}
              loading={busy && action === a}
              onClick={() => (a === 'acknowledge' ? void run(a, '') : setAction(a))}
            >
              {t(ACTION_LABEL[a] as never)}
            </Button>
          ))}
          {field && actions.includes('acknowledge') && report.afterValue.trim() !== '' && (
            <Typography.Text type="secondary" className="small-note">
              {t('cl.changes.appliesOnAcknowledge', { field: t(`cl.changes.kinds.${report.kind}`) })}
            </Typography.Text>
          )}
        </Space>
      )}
      <Modal
        open={action !== null && action !== 'acknowledge'}
        title={action ? t(ACTION_LABEL[action] as never) : ''}
        okButtonProps={{ disabled: comment.trim() === '' }}
        confirmLoading={busy}
        onOk={() => action && void run(action, comment)}
        onCancel={() => setAction(null)}
        okText={action ? t(ACTION_LABEL[action] as never) : ''}
        cancelText={t('cl.cancel')}
        destroyOnHidden
      >
        <Form layout="vertical" component="div">
          <Form.Item label={t('cl.changes.comment')} htmlFor="change-comment" required>
            <Input.TextArea
              id="change-comment"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </Form.Item>
          {action === 'close' && field && report.afterValue.trim() !== '' && (
            <Form.Item>
              <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
                {t('cl.changes.confirmed')}
              </Checkbox>
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

function ChangeModal({ clusterId, onClose }: { clusterId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = (await form.validateFields()) as {
      kind: ChangeKind;
      description: string;
      beforeValue?: string;
      afterValue?: string;
      effectiveOn?: Dayjs | null;
    };
    setBusy(true);
    try {
      const created = await clusterApi.reportChange(clusterId, {
        kind: v.kind,
        description: v.description,
        beforeValue: v.beforeValue ?? '',
        afterValue: v.afterValue ?? '',
        effectiveOn: v.effectiveOn ? v.effectiveOn.format('YYYY-MM-DD') : null,
      });
      for (const f of files) await clusterApi.addChangeFile(clusterId, created.id, f);
      invalidateClusterViews(queryClient, clusterId);
      message.success(t('cl.changes.reported'));
      onClose();
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('cl.changes.report')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('cl.changes.report')}
      cancelText={t('cl.cancel')}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'leading_industry' }}>
        <Form.Item name="kind" label={t('cl.changes.kind')} rules={[{ required: true }]}>
          <Select options={CHANGE_KINDS.map((k) => ({ value: k, label: t(`cl.changes.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('cl.changes.description')}
          rules={[{ required: true, whitespace: true, message: t('cl.required') }]}
        >
          <Input.TextArea maxLength={20_000} autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="beforeValue" label={t('cl.changes.before')}>
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item name="afterValue" label={t('cl.changes.after')}>
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('cl.changes.effectiveOn')}>
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item label={t('cl.files')} htmlFor="change-files">
          <input
            id="change-files"
            type="file"
            multiple
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
