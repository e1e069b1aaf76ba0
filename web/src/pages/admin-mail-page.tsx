import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Input,
  Result,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { http } from '../api/client.ts';
import { useSession } from '../api/queries.ts';
import { formatDateTime } from '../components/declaration/format.ts';
import { QueryError } from '../components/ministry/query-error.tsx';
import { FilterField } from '../components/reference/filter-field.tsx';
import {
  isKnownKind,
  isMailStatus,
  MAIL_STATUS_COLORS,
  MAIL_STATUSES,
  type MailStatus,
} from '../components/settings/settings.ts';

interface Mail {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

interface MailDetail extends Mail {
  text: string;
  link: string | null;
  messageId: string | null;
}

interface MailList {
  mode: 'smtp' | 'capture' | 'none';
  items: Mail[];
}

const MODE_KEYS = {
  capture: 'settings.mail.modeCapture',
  none: 'settings.mail.modeNone',
  smtp: 'settings.mail.modeSmtp',
} as const;

function StatusTag({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return <Tag color={MAIL_STATUS_COLORS[status]}>{t(`settings.mail.statuses.${status}`)}</Tag>;
}

/** 邮件: the outbox for the administrator; in demo mode (no SMTP) the captured mails are read here. */
export default function AdminMailPage() {
  const { t } = useTranslation();
  const role = useSession().data?.user.role;
  if (role !== 'admin')
    return <Result status="403" title={<h1 className="result-title">{t('settings.mail.adminOnly')}</h1>} />;
  return <MailOutbox />;
}

function MailOutbox() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = isMailStatus(params.get('status')) ? (params.get('status') as MailStatus) : undefined;
  const to = params.get('to') ?? '';
  const [openId, setOpenId] = useState<string | null>(null);

  const list = useQuery({
    queryKey: ['ops', 'mail', { status, to }],
    queryFn: ({ signal }) => http.get<MailList>('/api/v1/ops/mail', { status, to: to || undefined }, signal),
  });

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const kindLabel = (kind: string) => (isKnownKind(kind) ? t(`settings.kinds.${kind}`) : kind);

  return (
    <section aria-labelledby="mail-title" className="page">
      <div className="page-head">
        <Typography.Title level={1} id="mail-title" className="page-title">
          {t('settings.mail.title')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('settings.mail.intro')}</Typography.Paragraph>
      {list.data && (
        <Alert
          type={list.data.mode === 'smtp' ? 'success' : list.data.mode === 'capture' ? 'info' : 'warning'}
          showIcon
          message={t(MODE_KEYS[list.data.mode])}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 16 }}>
          <FilterField id="mail-status" label={t('settings.mail.status')}>
            <Select
              id="mail-status"
              style={{ width: 180 }}
              value={status ?? ''}
              onChange={(v) => setParam('status', v || undefined)}
              options={[
                { value: '', label: t('settings.mail.allStatuses') },
                ...MAIL_STATUSES.map((s) => ({ value: s, label: t(`settings.mail.statuses.${s}`) })),
              ]}
            />
          </FilterField>
          <FilterField id="mail-to" label={t('settings.mail.to')}>
            <Input.Search
              id="mail-to"
              allowClear
              defaultValue={to}
              placeholder={t('settings.mail.toPlaceholder')}
              style={{ width: 260 }}
              onSearch={(v) => setParam('to', v.trim() || undefined)}
            />
          </FilterField>
        </div>
        {list.isError ? (
          <QueryError error={list.error} retry={() => void list.refetch()} />
        ) : (
          <Table<Mail>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('settings.mail.empty') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 860 }}
            onRow={(m) => ({ onDoubleClick: () => setOpenId(m.id) })}
            columns={[
              {
                key: 'time',
                title: t('settings.mail.time'),
                render: (_, m) => formatDateTime(m.createdAt),
                width: 150,
              },
              { key: 'to', title: t('settings.mail.to'), dataIndex: 'to' },
              {
                key: 'subject',
                title: t('settings.mail.subject'),
                render: (_, m) => (
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => setOpenId(m.id)}
                  >
                    {m.subject}
                  </Button>
                ),
              },
              { key: 'kind', title: t('settings.mail.kind'), render: (_, m) => kindLabel(m.kind) },
              {
                key: 'status',
                title: t('settings.mail.status'),
                render: (_, m) => <StatusTag status={m.status} />,
              },
            ]}
          />
        )}
      </Card>
      <MailDrawer id={openId} onClose={() => setOpenId(null)} kindLabel={kindLabel} />
    </section>
  );
}

function MailDrawer({
  id,
  onClose,
  kindLabel,
}: {
  id: string | null;
  onClose: () => void;
  kindLabel: (kind: string) => string;
}) {
  const { t } = useTranslation();
  const mail = useQuery({
    queryKey: ['ops', 'mail', 'one', id],
    queryFn: ({ signal }) =>
      http.get<MailDetail>(`/api/v1/ops/mail/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== null,
  });
  const m = mail.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={640}
      title={m?.subject ?? t('settings.mail.detail')}
      loading={mail.isPending && id !== null}
    >
      {mail.isError ? (
        <QueryError error={mail.error} retry={() => void mail.refetch()} />
      ) : (
        m && (
          <>
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('settings.mail.to')}>{m.to}</Descriptions.Item>
              <Descriptions.Item label={t('settings.mail.subject')}>{m.subject}</Descriptions.Item>
              <Descriptions.Item label={t('settings.mail.kind')}>{kindLabel(m.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('settings.mail.status')}>
                <StatusTag status={m.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('settings.mail.time')}>
                {formatDateTime(m.createdAt)}
              </Descriptions.Item>
              {m.finishedAt && (
                <Descriptions.Item label={t('settings.mail.finishedAt')}>
                  {formatDateTime(m.finishedAt)}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('settings.mail.attempts')}>{m.attempts}</Descriptions.Item>
              {m.lastError && (
                <Descriptions.Item label={t('settings.mail.lastError')}>
                  <Typography.Text type="danger">{m.lastError}</Typography.Text>
                </Descriptions.Item>
              )}
              {m.link && (
                <Descriptions.Item label={t('settings.mail.link')}>
                  <Typography.Text copyable>{m.link}</Typography.Text>
                </Descriptions.Item>
              )}
              {m.messageId && (
                <Descriptions.Item label={t('settings.mail.messageId')}>{m.messageId}</Descriptions.Item>
              )}
            </Descriptions>
            <pre
              style={{
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-word',
                background: '#fafafa',
                border: '1px solid #f0f0f0',
                borderRadius: 6,
                padding: 12,
                margin: 0,
                fontFamily: 'inherit',
              }}
            >
              {m.text}
            </pre>
          </>
        )
      )}
    </Drawer>
  );
}
