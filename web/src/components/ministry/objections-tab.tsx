import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Input, Modal, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ministryApi, type Objection } from '../../api/ministry.ts';
import { invalidateMinistryViews, useObjections } from '../../api/ministry-queries.ts';
import { formatDateTime } from '../declaration/format.ts';
import { errorText, QueryError } from './query-error.tsx';

const COLORS = { open: 'red', upheld: 'volcano', dismissed: 'default' } as const;

const kb = (size: number) => `${Math.max(1, Math.round(size / 1024))} KB`;

/** Every objection filed during 公示, its evidence, and the ministry's decision with reasons. */
export function ObjectionsTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const objections = useObjections(year);
  const [resolving, setResolving] = useState<Objection | null>(null);
  if (objections.isError)
    return <QueryError error={objections.error} retry={() => void objections.refetch()} />;
  const items = objections.data?.items ?? [];
  const open = items.filter((o) => o.status === 'open').length;

  return (
    <div className="mstack">
      <Typography.Text type={open ? 'warning' : 'secondary'}>
        {t('ministry.objections.summary', { total: items.length, open })}
      </Typography.Text>
      <Table<Objection>
        rowKey="id"
        loading={objections.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('ministry.objections.empty')} /> }}
        columns={[
          {
            key: 'cluster',
            title: t('ministry.cols.cluster'),
            render: (_, o) => (
              <div>
                <strong>{o.clusterName}</strong>
                <span className="revision-note">{formatDateTime(o.createdAt)}</span>
              </div>
            ),
          },
          {
            key: 'who',
            title: t('ministry.objections.cols.who'),
            render: (_, o) => (
              <div>
                {o.realName}
                <span className="revision-note">{o.contact}</span>
              </div>
            ),
          },
          {
            key: 'reason',
            title: t('ministry.objections.cols.reason'),
            render: (_, o) => <span className="relaxation-note objection-reason">{o.reason}</span>,
          },
          {
            key: 'evidence',
            title: t('ministry.objections.cols.evidence'),
            render: (_, o) =>
              o.evidence ? (
                <a href={ministryApi.evidenceUrl(o.id)} download={o.evidence.filename}>
                  <DownloadOutlined aria-hidden="true" /> {o.evidence.filename} ({kb(o.evidence.size)})
                </a>
              ) : (
                '—'
              ),
          },
          {
            key: 'status',
            title: t('ministry.cols.status'),
            render: (_, o) => (
              <div>
                <Tag color={COLORS[o.status]}>{t(`ministry.objections.status.${o.status}`)}</Tag>
                {o.resolution && <span className="revision-note">{o.resolution}</span>}
                {o.resolvedAt && <span className="revision-note">{formatDateTime(o.resolvedAt)}</span>}
              </div>
            ),
          },
          {
            key: 'act',
            title: <span className="visually-hidden">{t('ministry.objections.resolve')}</span>,
            render: (_, o) =>
              o.status === 'open' && (
                <Button
                  size="small"
                  onClick={() => setResolving(o)}
                  aria-label={t('ministry.objections.resolveOne', { name: o.clusterName, who: o.realName })}
                >
                  {t('ministry.objections.resolve')}
                </Button>
              ),
          },
        ]}
      />
      {/* Keyed by objection: each one starts with an empty decision and reason. */}
      <ResolveModal key={resolving?.id ?? 'none'} objection={resolving} onClose={() => setResolving(null)} />
    </div>
  );
}

function ResolveModal({ objection, onClose }: { objection: Objection | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<'upheld' | 'dismissed' | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setTried(true);
    if (!objection || !decision || !reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await ministryApi.resolveObjection(objection.id, { decision, reason: reason.trim() });
      invalidateMinistryViews(queryClient);
      void message.success(t('ministry.objections.resolved'));
      onClose();
    } catch (err) {
      setError(t('ministry.objections.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={objection !== null}
      title={objection ? t('ministry.objections.resolveTitle', { name: objection.clusterName }) : ''}
      okText={t('ministry.objections.confirm')}
      cancelText={t('ministry.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {objection && (
        <div className="mstack">
          <Typography.Paragraph className="objection-quote">
            <Typography.Text type="secondary">{objection.realName}：</Typography.Text>
            {objection.reason}
          </Typography.Paragraph>
          <fieldset className="form-fieldset">
            <legend>{t('ministry.objections.decision')}</legend>
            <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value)}>
              <Radio value="upheld">{t('ministry.objections.uphold')}</Radio>
              <Radio value="dismissed">{t('ministry.objections.dismiss')}</Radio>
            </Radio.Group>
            {tried && !decision && (
              <Typography.Text type="danger" className="revision-note">
                {t('ministry.objections.decisionRequired')}
              </Typography.Text>
            )}
          </fieldset>
          {decision === 'upheld' && (
            <Alert type="warning" showIcon message={t('ministry.objections.upholdNote')} />
          )}
          <div>
            <label htmlFor="resolve-reason" className="stat-label">
              {t('ministry.objections.reason')}
            </label>
            <Input.TextArea
              id="resolve-reason"
              rows={4}
              maxLength={5000}
              value={reason}
              status={tried && !reason.trim() ? 'error' : undefined}
              aria-invalid={tried && !reason.trim()}
              onChange={(e) => setReason(e.target.value)}
            />
            {tried && !reason.trim() && (
              <Typography.Text type="danger">{t('ministry.objections.reasonRequired')}</Typography.Text>
            )}
          </div>
          {error && <Alert type="error" showIcon role="alert" message={error} />}
        </div>
      )}
    </Modal>
  );
}
