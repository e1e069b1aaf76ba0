import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REVOCATION_REASONS,
  type RevocationReason,
  revokerRole,
} from '../../../../domain/cluster-lifecycle.ts';
import { type ClusterDetail, clusterApi } from '../../api/clusters.ts';
import { invalidateClusterViews, useRevocation } from '../../api/clusters-queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { errorText, QueryError } from '../ministry/query-error.tsx';
import { formatDate } from '../review/review-format.ts';
import { EvidenceFiles } from './evidence-files.tsx';

/** Revocation (撤销) with its ground, explanation and evidence; or, once revoked, what was decided. */
export function RevocationTab({ cluster }: { cluster: ClusterDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const revoked = cluster.status === 'revoked';
  const revocation = useRevocation(cluster.id, revoked);

  const submit = async () => {
    const v = (await form.validateFields()) as {
      reason: RevocationReason;
      explanation: string;
      effectiveOn?: Dayjs | null;
    };
    modal.confirm({
      title: t('cl.revocation.confirm', { name: cluster.name }),
      okButtonProps: { danger: true },
      okText: t('cl.revocation.revoke'),
      cancelText: t('cl.cancel'),
      onOk: async () => {
        setBusy(true);
        try {
          await clusterApi.revoke(cluster.id, {
            reason: v.reason,
            explanation: v.explanation,
            ...(v.effectiveOn ? { effectiveOn: v.effectiveOn.format('YYYY-MM-DD') } : {}),
          });
          for (const f of files) await clusterApi.addRevocationFile(cluster.id, f);
          invalidateClusterViews(queryClient, cluster.id);
          message.success(t('cl.done'));
        } catch (err) {
          message.error(t('cl.failed', { message: errorText(err) }));
        } finally {
          setBusy(false);
        }
      },
    });
  };

  return (
    <div className="cluster-tab">
      <Typography.Paragraph type="secondary">{t('cl.revocation.intro')}</Typography.Paragraph>
      {revoked ? (
        <>
          <Alert
            type="error"
            showIcon
            message={t('cl.revocation.revokedOn', { date: formatDate(cluster.revokedOn, lang) })}
            description={
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'reason',
                    label: t('cl.revocation.reason'),
                    children: cluster.revocationReason
                      ? t(`cl.revocation.reasons.${cluster.revocationReason}`)
                      : '—',
                  },
                  {
                    key: 'explanation',
                    label: t('cl.revocation.explanation'),
                    children: (
                      <span className="pre-wrap" data-testid="revocation-explanation">
                        {revocation.data?.explanation || '—'}
                      </span>
                    ),
                  },
                ]}
              />
            }
          />
          <Card size="small" title={t('cl.revocation.evidence')} className="report-card section-gap">
            {revocation.isError ? (
              <QueryError error={revocation.error} retry={() => void revocation.refetch()} />
            ) : (
              <EvidenceFiles
                clusterId={cluster.id}
                files={revocation.data?.files ?? []}
                upload={
                  revocation.data?.allowedActions.includes('add_file')
                    ? async (file) => {
                        await clusterApi.addRevocationFile(cluster.id, file);
                        invalidateClusterViews(queryClient, cluster.id);
                      }
                    : undefined
                }
              />
            )}
            <Typography.Paragraph type="secondary" className="small-note">
              {t('cl.revocation.evidenceNotPublic')}
            </Typography.Paragraph>
          </Card>
        </>
      ) : cluster.allowedActions.includes('revoke') ? (
        <Card size="small" title={t('cl.revocation.revoke')} className="report-card">
          <Form form={form} layout="vertical" initialValues={{ reason: 'serious_incident' }}>
            <Form.Item name="reason" label={t('cl.revocation.reason')} rules={[{ required: true }]}>
              <Select
                options={REVOCATION_REASONS.map((r) => ({
                  value: r,
                  label: t(`cl.revocation.reasons.${r}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="explanation"
              label={t('cl.revocation.explanation')}
              rules={[{ required: true, whitespace: true, message: t('cl.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={20_000} />
            </Form.Item>
            <Form.Item name="effectiveOn" label={t('cl.revocation.effectiveOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item label={t('cl.revocation.evidence')} htmlFor="revocation-files">
              <input
                id="revocation-files"
                type="file"
                multiple
                onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
              />
            </Form.Item>
          </Form>
          <Button type="primary" danger loading={busy} onClick={() => void submit()}>
            {t('cl.revocation.revoke')}
          </Button>
        </Card>
      ) : (
        <Typography.Paragraph>
          {t('cl.revocation.notAllowed', {
            who: t(`cl.revocation.who.${revokerRole(cluster.level) === 'unit' ? 'unit' : 'ministry'}`),
          })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
