import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_KINDS, type SupportKind } from '../../../../domain/cluster-plan.ts';
import { type ClusterDetail, clusterApi, type Support, type SupportBody } from '../../api/clusters.ts';
import { invalidateClusterViews, useSupport } from '../../api/clusters-queries.ts';
import { formatMoneyYi, useLanguage } from '../../i18n/index.ts';
import { errorText, QueryError } from '../ministry/query-error.tsx';
import { formatDate } from '../review/review-format.ts';

/** Policy support recorded for the cluster with totals by kind; units and MIIT record more. */
export function SupportTab({ cluster }: { cluster: ClusterDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const support = useSupport(cluster.id);
  const [open, setOpen] = useState(0);
  const canRecord = cluster.allowedActions.includes('record_support');

  const remove = async (s: Support) => {
    try {
      await clusterApi.deleteSupport(cluster.id, s.id);
      invalidateClusterViews(queryClient, cluster.id);
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    }
  };

  return (
    <div className="cluster-tab">
      <Typography.Paragraph type="secondary">{t('cl.support.intro')}</Typography.Paragraph>
      {canRecord && (
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden="true" />}
          onClick={() => setOpen((n) => n + 1)}
          className="action-bar"
        >
          {t('cl.support.record')}
        </Button>
      )}
      {support.isError ? (
        <QueryError error={support.error} retry={() => void support.refetch()} />
      ) : (
        <Card
          size="small"
          className="report-card"
          title={
            support.data
              ? t('cl.support.total', {
                  count: support.data.totals.count,
                  amount: formatMoneyYi(support.data.totals.amount, lang),
                })
              : t('cl.detail.tabs.support')
          }
        >
          {support.data && support.data.totals.count > 0 && (
            <ul className="kind-totals">
              {SUPPORT_KINDS.filter((k) => support.data.totals.byKind[k]?.count).map((k) => (
                <li key={k}>
                  {t(`cl.support.kinds.${k}`)}: {support.data.totals.byKind[k]?.count} ·{' '}
                  {formatMoneyYi(support.data.totals.byKind[k]?.amount ?? 0, lang)}
                </li>
              ))}
            </ul>
          )}
          <Table<Support>
            size="small"
            rowKey="id"
            loading={support.isPending}
            dataSource={support.data?.items ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('cl.support.empty')} /> }}
            columns={[
              {
                key: 'date',
                title: t('cl.support.grantedOn'),
                render: (_, s) => <span className="nowrap">{formatDate(s.grantedOn, lang)}</span>,
              },
              { key: 'kind', title: t('cl.support.kind'), render: (_, s) => t(`cl.support.kinds.${s.kind}`) },
              {
                key: 'title',
                title: t('cl.support.title'),
                render: (_, s) => (
                  <div>
                    <strong>{s.title}</strong>
                    {s.description && <div className="small-note pre-wrap">{s.description}</div>}
                  </div>
                ),
              },
              {
                key: 'amount',
                title: t('cl.support.amount'),
                align: 'right',
                render: (_, s) => formatMoneyYi(s.amount, lang),
              },
              { key: 'grantor', title: t('cl.support.grantor'), render: (_, s) => s.grantor || '—' },
              { key: 'doc', title: t('cl.support.documentNo'), render: (_, s) => s.documentNo ?? '—' },
              {
                key: 'actions',
                title: '',
                render: (_, s) =>
                  s.allowedActions.includes('delete') ? (
                    <Popconfirm title={t('cl.support.deleteConfirm')} onConfirm={() => remove(s)}>
                      <Button size="small" danger>
                        {t('cl.support.delete')}
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
      {open > 0 && <SupportModal key={open} clusterId={cluster.id} onClose={() => setOpen(0)} />}
    </div>
  );
}

function SupportModal({ clusterId, onClose }: { clusterId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = (await form.validateFields()) as {
      kind: SupportKind;
      title: string;
      amount?: number | null;
      grantedOn: Dayjs;
      grantor?: string;
      documentNo?: string;
      description?: string;
    };
    const body: SupportBody = {
      kind: v.kind,
      title: v.title,
      amount: v.amount ?? null,
      grantedOn: v.grantedOn.format('YYYY-MM-DD'),
      grantor: v.grantor ?? '',
      documentNo: v.documentNo?.trim() ? v.documentNo : null,
      description: v.description ?? '',
    };
    setBusy(true);
    try {
      await clusterApi.recordSupport(clusterId, body);
      invalidateClusterViews(queryClient, clusterId);
      message.success(t('cl.support.recorded'));
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
      title={t('cl.support.record')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('cl.save')}
      cancelText={t('cl.cancel')}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'fiscal' }}>
        <Form.Item name="kind" label={t('cl.support.kind')} rules={[{ required: true }]}>
          <Select options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`cl.support.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('cl.support.title')}
          rules={[{ required: true, whitespace: true, message: t('cl.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="amount" label={t('cl.support.amount')}>
          <InputNumber<number> min={0} max={1_000_000} precision={4} className="full-width" />
        </Form.Item>
        <Form.Item
          name="grantedOn"
          label={t('cl.support.grantedOn')}
          rules={[{ required: true, message: t('cl.required') }]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item name="grantor" label={t('cl.support.grantor')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="documentNo" label={t('cl.support.documentNo')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('cl.support.description')}>
          <Input.TextArea maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
