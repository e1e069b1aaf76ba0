import { Alert, Drawer, Empty, Space, Table, type TableColumnsType, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../domain/roles.ts';
import type { AuditEntry } from '../../api/review.ts';
import { useAudit } from '../../api/review-queries.ts';
import { formatDateTime } from '../declaration/format.ts';
import { DeclarationStatusTag } from '../declaration/status-tag.tsx';
import { auditSummary } from './review-format.ts';

const KNOWN = {
  declaration: ['created', 'edited', 'submit', 'withdraw', 'accept', 'return', 'reject'],
  attachment: ['added', 'removed', 'downloaded'],
  review: ['saved'],
} as const;

function actionLabel(action: string, t: TFunction): string {
  const [group, name] = action.split('.');
  if (group === 'declaration' && KNOWN.declaration.some((a) => a === name))
    return t(`audit.actions.declaration.${name as (typeof KNOWN.declaration)[number]}`);
  if (group === 'attachment' && KNOWN.attachment.some((a) => a === name))
    return t(`audit.actions.attachment.${name as (typeof KNOWN.attachment)[number]}`);
  if (group === 'review' && name === 'saved') return t('audit.actions.review.saved');
  return action;
}

function roleLabel(role: string | null, t: TFunction): string | null {
  const known = ROLES.find((r) => r === role);
  return known ? t(`roles.${known}`) : role;
}

/** The audit trail of one declaration (newest first), as the unit may read it. */
export function AuditDrawer({ id, open, onClose }: { id: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const audit = useAudit(id, open);

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('audit.at'), width: 140, render: (_, e) => formatDateTime(e.at) },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, e) => (
        <span>
          {e.actor.name ?? t('audit.system')}
          {e.actor.role && (
            <Typography.Text type="secondary" className="audit-role">
              {' '}
              · {roleLabel(e.actor.role, t)}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { key: 'action', title: t('audit.action'), render: (_, e) => actionLabel(e.action, t) },
    {
      key: 'detail',
      title: t('audit.detail'),
      render: (_, e) => {
        const s = auditSummary(e);
        const parts = [
          s.toStatus && (
            <Space key="status" size={2} wrap>
              {s.fromStatus && <DeclarationStatusTag status={s.fromStatus} />}→
              <DeclarationStatusTag status={s.toStatus} />
            </Space>
          ),
          s.version !== null && <span key="version">{t('audit.version', { version: s.version })}</span>,
          s.result && (
            <span key="result">
              {t('audit.result', {
                result: s.result === 'pass' ? t('review.resultPass') : t('review.resultFail'),
              })}
            </span>
          ),
          s.filename && <span key="file">{t('audit.file', { name: s.filename })}</span>,
          s.comment && <span key="comment">{t('audit.comment', { text: s.comment })}</span>,
        ].filter(Boolean);
        return parts.length ? <div className="audit-detail">{parts}</div> : '—';
      },
    },
  ];

  return (
    <Drawer
      title={t('audit.title')}
      open={open}
      onClose={onClose}
      width={Math.min(820, typeof window === 'undefined' ? 820 : window.innerWidth)}
    >
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      {audit.isError && (
        <Alert type="error" showIcon message={t('errors.loadFailed', { message: audit.error.message })} />
      )}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={audit.isPending && open}
        columns={columns}
        dataSource={audit.data?.items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} /> }}
      />
    </Drawer>
  );
}
