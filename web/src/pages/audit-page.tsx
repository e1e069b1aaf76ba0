import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Input,
  Result,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ROLES } from '../../../domain/roles.ts';
import { http } from '../api/client.ts';
import { useSession } from '../api/queries.ts';
import { formatDateTime } from '../components/declaration/format.ts';
import { QueryError } from '../components/ministry/query-error.tsx';
import { FilterField } from '../components/reference/filter-field.tsx';

interface Entry {
  id: number;
  at: string;
  actor: { name: string | null; displayName: string | null; role: string | null; scope: string | null };
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  hash: string;
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
}
interface Verification {
  ok: boolean;
  entries: number;
  firstBadEntry?: number;
}

/** Record types with a label; others are shown as stored. */
const ENTITY_TYPES = [
  'declaration',
  'cluster',
  'change_report',
  're_review',
  'annual_report',
  'policy_support',
  'inspection',
  'campaign',
  'panel',
  'publicity',
  'notice',
  'user',
] as const;
type EntityType = (typeof ENTITY_TYPES)[number];
const isEntityType = (v: string | null): v is EntityType => ENTITY_TYPES.some((e) => e === v);

const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

/**
 * 审计日志: the ministry and administrators read the append-only, hash-chained log — all of it or one
 * cluster's trail (`?cluster=<id>`), filtered by record type, account and action — and check the chain.
 */
export default function AuditPage() {
  const { t } = useTranslation();
  const role = useSession().data?.user.role;
  if (role !== 'admin' && role !== 'ministry')
    return <Result status="403" title={<h1 className="result-title">{t('auditLog.forbidden')}</h1>} />;
  return <AuditLog />;
}

function AuditLog() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const cluster = params.get('cluster') ?? undefined;
  const entityType = params.get('entityType') ?? undefined;
  const actor = params.get('actor') ?? '';
  const action = params.get('action') ?? '';
  const [open, setOpen] = useState<Entry | null>(null);

  const list = useInfiniteQuery({
    queryKey: ['audit', 'log', { cluster, entityType, actor, action }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      http.get<Page>(
        '/api/v1/audit',
        {
          cluster,
          entityType,
          actor: actor || undefined,
          action: action || undefined,
          limit: 50,
          cursor: pageParam,
        },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => http.get<Verification>('/api/v1/audit/verify') });

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const typeLabel = (type: string | null) =>
    type === null ? '—' : isEntityType(type) ? t(`auditLog.types.${type}`) : type;
  const roleLabel = (r: string | null) => {
    const known = ROLES.find((x) => x === r);
    return known ? t(`roles.${known}`) : (r ?? t('audit.system'));
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="audit-title" className="page">
      <div className="page-head">
        <Typography.Title level={1} id="audit-title" className="page-title">
          {t('auditLog.title')}
        </Typography.Title>
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
        >
          {t('auditLog.verify')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('auditLog.intro')}</Typography.Paragraph>
      {verify.data && (
        <Alert
          role="status"
          showIcon
          type={verify.data.ok ? 'success' : 'error'}
          style={{ marginBottom: 16 }}
          message={
            verify.data.ok
              ? t('auditLog.verifyOk', { count: verify.data.entries })
              : t('auditLog.verifyBad', { id: verify.data.firstBadEntry ?? '?', count: verify.data.entries })
          }
        />
      )}
      {verify.isError && <QueryError error={verify.error} retry={() => verify.mutate()} />}
      {cluster && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('auditLog.clusterTrail')}
          action={
            <Button size="small" onClick={() => setParam('cluster', undefined)}>
              {t('auditLog.showAll')}
            </Button>
          }
        />
      )}
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 16 }}>
          <FilterField id="audit-type" label={t('auditLog.entityType')}>
            <Select
              id="audit-type"
              style={{ width: 180 }}
              value={entityType ?? ''}
              onChange={(v) => setParam('entityType', v || undefined)}
              options={[
                { value: '', label: t('auditLog.allTypes') },
                ...ENTITY_TYPES.map((e) => ({ value: e, label: t(`auditLog.types.${e}`) })),
              ]}
            />
          </FilterField>
          <FilterField id="audit-actor" label={t('auditLog.actor')}>
            <Input.Search
              id="audit-actor"
              allowClear
              defaultValue={actor}
              placeholder={t('auditLog.actorPlaceholder')}
              style={{ width: 220 }}
              onSearch={(v) => setParam('actor', v.trim() || undefined)}
            />
          </FilterField>
          <FilterField id="audit-action" label={t('auditLog.action')}>
            <Input.Search
              id="audit-action"
              allowClear
              defaultValue={action}
              placeholder={t('auditLog.actionPlaceholder')}
              style={{ width: 240 }}
              onSearch={(v) => setParam('action', v.trim() || undefined)}
            />
          </FilterField>
        </div>
        {list.isError ? (
          <QueryError error={list.error} retry={() => void list.refetch()} />
        ) : (
          <>
            <Table<Entry>
              rowKey="id"
              size="middle"
              loading={list.isPending}
              dataSource={items}
              locale={{ emptyText: t('auditLog.empty') }}
              pagination={false}
              scroll={{ x: 900 }}
              columns={[
                { key: 'id', title: '#', width: 80, render: (_, e) => e.id },
                { key: 'at', title: t('audit.at'), width: 170, render: (_, e) => formatDateTime(e.at) },
                {
                  key: 'actor',
                  title: t('audit.actor'),
                  render: (_, e) => (
                    <Space direction="vertical" size={0}>
                      <span>{e.actor.displayName ?? e.actor.name ?? t('audit.system')}</span>
                      <Typography.Text type="secondary">
                        {roleLabel(e.actor.role)}
                        {e.actor.scope ? ` · ${e.actor.scope}` : ''}
                      </Typography.Text>
                    </Space>
                  ),
                },
                { key: 'action', title: t('audit.action'), render: (_, e) => <code>{e.action}</code> },
                {
                  key: 'entity',
                  title: t('auditLog.record'),
                  render: (_, e) => (
                    <Space direction="vertical" size={0}>
                      <span>{typeLabel(e.entityType)}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {e.entityId ?? ''}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  key: 'open',
                  title: <span className="visually-hidden">{t('auditLog.details')}</span>,
                  width: 90,
                  render: (_, e) => (
                    <Button type="link" onClick={() => setOpen(e)}>
                      {t('auditLog.details')}
                      <span className="visually-hidden"> #{e.id}</span>
                    </Button>
                  ),
                },
              ]}
            />
            {list.hasNextPage && (
              <div style={{ textAlign: 'center', marginTop: 16 }}>
                <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  {t('auditLog.more')}
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        width={560}
        title={open ? t('auditLog.detailsOf', { id: open.id }) : ''}
      >
        {open && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('audit.at')}>{formatDateTime(open.at)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.actor')}>
              {open.actor.name ?? t('audit.system')} ({roleLabel(open.actor.role)})
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.action')}>{open.action}</Descriptions.Item>
            <Descriptions.Item label={t('auditLog.record')}>
              {typeLabel(open.entityType)} {open.entityId}
            </Descriptions.Item>
            <Descriptions.Item label={t('auditLog.before')}>
              <pre className="audit-json">{json(open.before)}</pre>
            </Descriptions.Item>
            <Descriptions.Item label={t('auditLog.after')}>
              <pre className="audit-json">{json(open.after)}</pre>
            </Descriptions.Item>
            <Descriptions.Item label="IP">{open.ip ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="User-Agent">{open.userAgent ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('auditLog.hash')}>
              <code style={{ wordBreak: 'break-all' }}>{open.hash}</code>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Drawer>
    </section>
  );
}
