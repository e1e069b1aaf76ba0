import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Empty, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change } from '../../../../domain/diff.ts';
import { useDeclarationHistory, useVersionDiff } from '../../api/declaration-queries.ts';
import { type Declaration, declarationUrls, type HistoryEntry } from '../../api/declarations.ts';
import { useLanguage } from '../../i18n/index.ts';
import { FilterField } from '../reference/filter-field.tsx';
import { fieldLabel } from './field-paths.ts';
import { formatDateTime } from './format.ts';
import { DeclarationStatusTag } from './status-tag.tsx';
import { displayValue } from './value-display.ts';

const KNOWN_ACTIONS = [
  'created',
  'edited',
  'attachment_added',
  'attachment_removed',
  'submit',
  'withdraw',
  'accept',
  'return',
  'reject',
  'recommend',
  'unrecommend',
] as const;

/** Every action and version of a declaration, and the diff between two submitted versions. */
export function HistoryDrawer({
  declaration,
  open,
  onClose,
}: {
  declaration: Declaration;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const history = useDeclarationHistory(declaration.id, open);
  const items = history.data?.items ?? [];
  const newestFirst = useMemo(() => [...items].reverse(), [items]);
  const submitted = useMemo(() => {
    const versions = items
      .filter((e) => e.action === 'submit' && typeof e.version === 'number')
      .map((e) => e.version as number);
    return [...new Set(versions)].sort((a, b) => a - b);
  }, [items]);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const diff = useVersionDiff(declaration.id, range);

  const actionLabel = (action: string) => {
    const known = KNOWN_ACTIONS.find((a) => a === action);
    return known ? t(`history.actions.${known}`) : action;
  };

  const columns: TableColumnsType<HistoryEntry> = [
    { key: 'at', title: t('history.at'), render: (_, e) => formatDateTime(e.at), width: 140 },
    { key: 'action', title: t('history.action'), render: (_, e) => actionLabel(e.action) },
    { key: 'version', title: t('history.version'), render: (_, e) => e.version ?? '—', width: 60 },
    {
      key: 'status',
      title: t('history.status'),
      render: (_, e) =>
        e.toStatus && e.fromStatus !== e.toStatus ? (
          <Space size={2} wrap>
            {e.fromStatus && <DeclarationStatusTag status={e.fromStatus} />}→
            <DeclarationStatusTag status={e.toStatus} />
          </Space>
        ) : (
          '—'
        ),
    },
    { key: 'actor', title: t('history.actor'), render: (_, e) => e.actor?.displayName ?? '—' },
    { key: 'comment', title: t('history.comment'), render: (_, e) => e.comment || '—' },
  ];

  const changeColumns: TableColumnsType<Change> = [
    {
      key: 'field',
      title: t('history.field'),
      render: (_, c) => fieldLabel(c.path, t, lang, declaration.campaignYear),
    },
    { key: 'before', title: t('history.before'), render: (_, c) => displayValue(c.path, c.before, t, lang) },
    { key: 'after', title: t('history.after'), render: (_, c) => displayValue(c.path, c.after, t, lang) },
  ];

  const versionOptions = submitted.map((v) => ({ value: v, label: t('form.version', { version: v }) }));

  return (
    <Drawer
      title={t('history.title')}
      open={open}
      onClose={onClose}
      width={Math.min(820, typeof window === 'undefined' ? 820 : window.innerWidth)}
    >
      {history.isError && (
        <Alert type="error" showIcon message={t('errors.loadFailed', { message: history.error.message })} />
      )}

      <Typography.Title level={3} className="section-heading">
        {t('history.compareHeading')}
      </Typography.Title>
      {submitted.length > 0 && (
        <Space wrap className="version-pdfs">
          {submitted.map((v) => (
            <Button
              key={v}
              size="small"
              icon={<FilePdfOutlined />}
              href={declarationUrls.pdf(declaration.id, v)}
              target="_blank"
              rel="noopener"
            >
              {t('history.pdf', { version: v })}
            </Button>
          ))}
        </Space>
      )}
      {submitted.length < 2 ? (
        <Typography.Paragraph type="secondary">{t('history.noSubmitted')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('history.compareHint')}</Typography.Paragraph>
          <Space wrap align="end" className="compare-bar">
            <FilterField id="history-from" label={t('history.from')}>
              <Select<number>
                id="history-from"
                className="filter-select"
                value={from ?? undefined}
                options={versionOptions}
                onChange={setFrom}
              />
            </FilterField>
            <FilterField id="history-to" label={t('history.to')}>
              <Select<number>
                id="history-to"
                className="filter-select"
                value={to ?? undefined}
                options={versionOptions}
                onChange={setTo}
              />
            </FilterField>
            <Button
              type="primary"
              disabled={from === null || to === null || from === to}
              onClick={() =>
                from !== null && to !== null && setRange({ from: Math.min(from, to), to: Math.max(from, to) })
              }
            >
              {t('history.compare')}
            </Button>
          </Space>
          {range && diff.isError && (
            <Alert type="error" showIcon message={t('errors.loadFailed', { message: diff.error.message })} />
          )}
          {range && diff.data && (
            <div className="diff-result" aria-live="polite">
              <Typography.Paragraph strong>
                {diff.data.changes.length === 0
                  ? t('history.noChanges')
                  : t('history.changes', { count: diff.data.changes.length })}
              </Typography.Paragraph>
              {diff.data.changes.length > 0 && (
                <Table<Change>
                  rowKey="path"
                  size="small"
                  columns={changeColumns}
                  dataSource={diff.data.changes}
                  pagination={false}
                  scroll={{ x: 560 }}
                />
              )}
            </div>
          )}
        </>
      )}
      <Typography.Title level={3} className="section-heading">
        {t('history.log')}
      </Typography.Title>
      <Table<HistoryEntry>
        rowKey={(e) => `${e.at}-${e.action}-${e.version ?? ''}`}
        size="small"
        loading={history.isPending && open}
        columns={columns}
        dataSource={newestFirst}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />,
        }}
      />
    </Drawer>
  );
}
