import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StandardsOverall } from '../../../../domain/standards.ts';
import { DECLARATION_STATUSES, type DeclarationStatus } from '../../../../domain/workflow.ts';
import { type BulkResult, reviewApi, UNIT_ACTIONS, type UnitAction } from '../../api/review.ts';
import { invalidateReviewViews } from '../../api/review-queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../declaration/format.ts';
import { DeclarationStatusTag, statusLabel } from '../declaration/status-tag.tsx';
import { problemText } from '../ministry/query-error.tsx';
import { FilterField } from '../reference/filter-field.tsx';
import { ActionModal } from './action-modal.tsx';
import {
  applicableIds,
  countiesOf,
  filterIntake,
  type IntakeFilters,
  type IntakeRow,
  NO_FILTERS,
} from './review-format.ts';
import { StandardsTag } from './standards-tag.tsx';

const STANDARDS_ORDER: Record<StandardsOverall, number> = { fail: 0, incomplete: 1, pass: 2 };
const ACTION_ICONS: Record<UnitAction, ReactNode> = {
  accept: <CheckOutlined />,
  return: <RollbackOutlined />,
  reject: <CloseOutlined />,
};
const hasUnitAction = (r: IntakeRow) => UNIT_ACTIONS.some((a) => r.allowedActions.includes(a));
const compareText = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'zh-CN');

/** The intake table: filters, sorting, pagination, row selection and bulk accept / return / reject. */
export function IntakeTable({
  rows,
  loading,
  detailsPending,
  filters,
  onFilters,
  cityPutForward,
}: {
  rows: IntakeRow[];
  loading: boolean;
  detailsPending: boolean;
  filters: IntakeFilters;
  onFilters: (next: IntakeFilters) => void;
  /** In a unit with a city tier: the declarations their city put forward, by id (the "city recommended" badge). */
  cityPutForward?: ReadonlyMap<string, { cityName: string; rank: number }>;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<{ action: UnitAction; ids: string[] } | null>(null);
  const [failures, setFailures] = useState<{ action: UnitAction; items: BulkResult[] } | null>(null);

  const shown = useMemo(() => filterIntake(rows, filters), [rows, filters]);
  const counties = useMemo(() => countiesOf(rows), [rows]);
  const nameOf = (id: string) => {
    const r = rows.find((x) => x.id === id);
    return r?.clusterName?.trim() || t('review.untitled');
  };
  // Selection survives filtering and paging, but only for rows still listed.
  const liveSelected = selected.filter((id) => rows.some((r) => r.id === id));
  const filtered =
    filters.status !== null || filters.divisionCode !== null || filters.industry !== '' || filters.standards;

  const runBulk = async (action: UnitAction, ids: string[], comment: string) => {
    const { results } = await reviewApi.bulk(action, ids, comment || undefined);
    const ok = results.filter((r) => r.ok);
    const failed = results.filter((r) => !r.ok);
    invalidateReviewViews(queryClient);
    setSelected((s) => s.filter((id) => !ok.some((r) => r.id === id)));
    setBulk(null);
    if (ok.length)
      void message.success(
        t('review.bulkDone', { action: t(`review.actionNames.${action}`), ok: ok.length }),
      );
    setFailures(failed.length ? { action, items: failed } : null);
  };

  const columns: TableColumnsType<IntakeRow> = [
    {
      key: 'cluster',
      title: t('review.cluster'),
      sorter: (a, b) => compareText(a.clusterName, b.clusterName),
      render: (_, r) => {
        const city = cityPutForward?.get(r.id);
        return (
          <>
            <Link to={`/review/${encodeURIComponent(r.id)}`}>
              {r.clusterName?.trim() || t('review.untitled')}
            </Link>
            {city && (
              <Tag
                color="cyan"
                className="city-badge"
                style={{ marginInlineStart: 6 }}
                title={`${city.cityName} · ${t('cityTier.badgeRank', { rank: city.rank })}`}
              >
                {t('cityTier.badge')}
              </Tag>
            )}
          </>
        );
      },
    },
    {
      key: 'county',
      title: t('review.county'),
      width: 120,
      sorter: (a, b) => compareText(a.divisionName, b.divisionName),
      render: (_, r) => r.divisionName,
    },
    {
      key: 'industry',
      title: t('review.industry'),
      width: 140,
      sorter: (a, b) => compareText(a.industry, b.industry),
      render: (_, r) => r.industry ?? (detailsPending ? '…' : '—'),
    },
    {
      key: 'status',
      title: t('review.status'),
      width: 120,
      sorter: (a, b) => DECLARATION_STATUSES.indexOf(a.status) - DECLARATION_STATUSES.indexOf(b.status),
      render: (_, r) => <DeclarationStatusTag status={r.status} />,
    },
    {
      key: 'standards',
      title: t('review.standards'),
      width: 120,
      sorter: (a, b) =>
        (a.standardsOverall ? STANDARDS_ORDER[a.standardsOverall] : 9) -
        (b.standardsOverall ? STANDARDS_ORDER[b.standardsOverall] : 9),
      render: (_, r) => <StandardsTag overall={r.standardsOverall} loading={detailsPending} />,
    },
    {
      key: 'submittedAt',
      title: t('review.submittedAt'),
      width: 150,
      defaultSortOrder: 'descend',
      sorter: (a, b) => compareText(a.submittedAt, b.submittedAt),
      render: (_, r) => formatDateTime(r.submittedAt),
    },
    {
      key: 'open',
      title: t('review.actions'),
      width: 90,
      render: (_, r) => (
        <Link
          to={`/review/${encodeURIComponent(r.id)}`}
          aria-label={t('review.openNamed', { name: r.clusterName?.trim() || t('review.untitled') })}
        >
          {t('review.open')}
        </Link>
      ),
    },
  ];

  const rowSelection: TableProps<IntakeRow>['rowSelection'] = {
    selectedRowKeys: liveSelected,
    preserveSelectedRowKeys: true,
    onChange: (keys) => setSelected(keys.map(String)),
    getCheckboxProps: (r) => ({
      disabled: !hasUnitAction(r),
      'aria-label': t('review.selectRow', { name: r.clusterName?.trim() || t('review.untitled') }),
    }),
  };

  return (
    <div className="intake">
      <search className="filter-bar" aria-label={t('review.filters')}>
        <FilterField id="intake-status" label={t('review.filterStatus')}>
          <Select<DeclarationStatus | ''>
            id="intake-status"
            className="filter-select"
            value={filters.status ?? ''}
            onChange={(v) => onFilters({ ...filters, status: v || null })}
            options={[
              { value: '', label: t('review.all') },
              ...DECLARATION_STATUSES.filter((s) => s !== 'draft').map((s) => ({
                value: s,
                label: statusLabel(s, lang),
              })),
            ]}
          />
        </FilterField>
        <FilterField id="intake-county" label={t('review.filterCounty')}>
          <Select<string>
            id="intake-county"
            className="filter-select"
            value={filters.divisionCode ?? ''}
            showSearch
            optionFilterProp="label"
            onChange={(v) => onFilters({ ...filters, divisionCode: v || null })}
            options={[
              { value: '', label: t('review.all') },
              ...counties.map((c) => ({ value: c.code, label: c.name })),
            ]}
          />
        </FilterField>
        <FilterField id="intake-industry" label={t('review.filterIndustry')}>
          <Input
            id="intake-industry"
            className="filter-select"
            allowClear
            value={filters.industry}
            placeholder={t('review.filterIndustryPlaceholder')}
            onChange={(e) => onFilters({ ...filters, industry: e.target.value })}
          />
        </FilterField>
        <FilterField id="intake-standards" label={t('review.filterStandards')}>
          <Select<StandardsOverall | ''>
            id="intake-standards"
            className="filter-select"
            value={filters.standards ?? ''}
            onChange={(v) => onFilters({ ...filters, standards: v || null })}
            options={[
              { value: '', label: t('review.all') },
              ...(['pass', 'fail', 'incomplete'] as const).map((s) => ({
                value: s,
                label: t(`side.overallResult.${s}`),
              })),
            ]}
          />
        </FilterField>
        {filtered && <Button onClick={() => onFilters(NO_FILTERS)}>{t('review.clearFilters')}</Button>}
        <span className="filter-summary" aria-live="polite">
          {t('review.shown', { shown: shown.length, total: rows.length })}
        </span>
      </search>

      {liveSelected.length > 0 && (
        <section className="bulk-bar" aria-label={t('review.selected', { count: liveSelected.length })}>
          <strong>{t('review.selected', { count: liveSelected.length })}</strong>
          <Space wrap>
            {UNIT_ACTIONS.map((action) => {
              const ids = applicableIds(rows, liveSelected, action);
              return (
                <Button
                  key={action}
                  icon={ACTION_ICONS[action]}
                  type={action === 'accept' ? 'primary' : 'default'}
                  danger={action === 'reject'}
                  disabled={ids.length === 0}
                  onClick={() => setBulk({ action, ids })}
                >
                  {t('review.bulkButton', { action: t(`review.actionNames.${action}`), count: ids.length })}
                </Button>
              );
            })}
            <Button type="link" onClick={() => setSelected([])}>
              {t('review.clearSelection')}
            </Button>
          </Space>
          <Typography.Text type="secondary" className="bulk-hint">
            {t('review.bulkHint')}
          </Typography.Text>
        </section>
      )}

      {failures && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setFailures(null)}
          message={t('review.bulkFailedTitle', {
            count: failures.items.length,
            action: t(`review.actionNames.${failures.action}`),
          })}
          description={
            <ul className="action-names">
              {failures.items.map((f) => (
                <li key={f.id}>
                  {nameOf(f.id)}：{f.error ? problemText(f.error) : null}
                </li>
              ))}
            </ul>
          }
        />
      )}

      <Table<IntakeRow>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={shown}
        rowSelection={rowSelection}
        // No `scroll`: with it antd adds a hidden measuring row that repeats the column titles, the
        // select-all checkbox among them (a focusable control under aria-hidden). styles.css scrolls instead.
        className="intake-table"
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('review.pageTotal', { total }),
          hideOnSinglePage: false,
        }}
        locale={{ emptyText: rows.length === 0 ? t('review.empty') : t('review.emptyFiltered') }}
      />

      <ActionModal
        action={bulk?.action ?? null}
        names={(bulk?.ids ?? []).map(nameOf)}
        onCancel={() => setBulk(null)}
        onConfirm={(comment) => (bulk ? runBulk(bulk.action, bulk.ids, comment) : Promise.resolve())}
      />
    </div>
  );
}
