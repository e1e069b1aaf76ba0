import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Calendar,
  DatePicker,
  Empty,
  Result,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { INSPECTION_PURPOSES, INSPECTION_STATUSES } from '../../../domain/inspection.ts';
import { useReReviewsDue } from '../api/clusters-queries.ts';
import type { Inspection, InspectionPurpose } from '../api/expert.ts';
import { useInspectionSearch } from '../api/expert-queries.ts';
import { useSession } from '../api/queries.ts';
import { errorText } from '../components/ministry/query-error.tsx';
import { PlanForm } from '../components/review/inspections-card.tsx';
import { formatDate } from '../components/review/review-format.ts';
import { useLanguage } from '../i18n/index.ts';

const STATUS_COLORS: Record<Inspection['status'], string> = {
  planned: 'blue',
  done: 'gold',
  signed_off: 'green',
  cancelled: 'default',
};
const VERDICT_COLORS = { pass: 'green', fail: 'red', follow_up: 'orange' } as const;

const isStatus = (v: string | null): v is Inspection['status'] => INSPECTION_STATUSES.some((s) => s === v);
const isPurpose = (v: string | null): v is InspectionPurpose => INSPECTION_PURPOSES.some((p) => p === v);
const isMonth = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}$/.test(v);

/** The first and last day of a 'YYYY-MM' month. */
function monthRange(month: string): { from: string; to: string } {
  const start = dayjs(`${month}-01`);
  return { from: start.format('YYYY-MM-DD'), to: start.endOf('month').format('YYYY-MM-DD') };
}

/** 实地抽查: every inspection of the unit (declarations and re-reviews) as a list or a month calendar. */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const role = useSession().data?.user.role;
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const purposeParam = params.get('purpose');
  const purpose = isPurpose(purposeParam) ? purposeParam : undefined;
  const monthParam = params.get('month');
  // The calendar always shows one month (this one unless chosen); the list may show all months.
  const month = isMonth(monthParam)
    ? monthParam
    : view === 'calendar'
      ? dayjs().format('YYYY-MM')
      : undefined;
  const [planning, setPlanning] = useState(false);
  const search = useInspectionSearch({
    ...(month ? monthRange(month) : {}),
    ...(status ? { status } : {}),
    ...(purpose ? { purpose } : {}),
  });
  if (role !== 'unit' && role !== 'ministry')
    return <Result status="403" title={<h1 className="result-title">{t('inspections.forbidden')}</h1>} />;

  const set = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const items = search.data?.items ?? [];
  const subjectName = (i: Inspection) => i.clusterName ?? t('inspections.unknownSubject');

  return (
    <section aria-labelledby="inspections-title" className="page">
      <Typography.Title level={1} id="inspections-title" className="page-title">
        {t('inspections.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('inspections.intro')}</Typography.Paragraph>
      <Space wrap className="action-bar">
        <Segmented
          aria-label={t('inspections.title')}
          value={view}
          onChange={(v) => set('view', v === 'calendar' ? 'calendar' : undefined)}
          options={[
            { value: 'list', label: t('inspections.views.list') },
            { value: 'calendar', label: t('inspections.views.calendar') },
          ]}
        />
        <Select<string>
          aria-label={t('inspections.filters.status')}
          className="filter-select"
          style={{ minWidth: 140 }}
          value={status ?? ''}
          onChange={(v) => set('status', v || undefined)}
          options={[
            { value: '', label: t('inspections.filters.allStatuses') },
            ...INSPECTION_STATUSES.map((s) => ({ value: s, label: t(`inspection.status.${s}`) })),
          ]}
        />
        <Select<string>
          aria-label={t('inspections.filters.purpose')}
          style={{ minWidth: 140 }}
          value={purpose ?? ''}
          onChange={(v) => set('purpose', v || undefined)}
          options={[
            { value: '', label: t('inspections.filters.allPurposes') },
            ...INSPECTION_PURPOSES.map((p) => ({ value: p, label: t(`inspections.purposes.${p}`) })),
          ]}
        />
        <DatePicker
          picker="month"
          aria-label={t('inspections.filters.month')}
          placeholder={t('inspections.filters.allMonths')}
          allowClear={view === 'list'}
          value={month ? dayjs(`${month}-01`) : null}
          onChange={(d: Dayjs | null) => set('month', d ? d.format('YYYY-MM') : undefined)}
        />
        {role === 'unit' && !planning && (
          <Button icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
            {t('inspections.planReReview')}
          </Button>
        )}
      </Space>
      {planning && <PlanReReview onDone={() => setPlanning(false)} />}
      {search.isError && (
        <Alert
          type="error"
          showIcon
          message={t('errors.loadFailed', { message: errorText(search.error) })}
          action={<Button onClick={() => void search.refetch()}>{t('errors.retry')}</Button>}
        />
      )}
      {view === 'list' ? (
        <Table<Inspection>
          rowKey="id"
          loading={search.isPending}
          dataSource={items}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('inspections.empty')} /> }}
          columns={[
            {
              key: 'date',
              title: t('inspections.cols.date'),
              render: (_, i) => <Link to={`/inspections/${i.id}`}>{formatDate(i.plannedOn, lang)}</Link>,
            },
            { key: 'place', title: t('inspections.cols.place'), dataIndex: 'place' },
            {
              key: 'subject',
              title: t('inspections.cols.subject'),
              render: (_, i) => (
                <div>
                  <Link to={`/inspections/${i.id}`}>{subjectName(i)}</Link>{' '}
                  <Tag>{t(`inspections.purposes.${i.purpose}`)}</Tag>
                  {i.countyName && (
                    <div>
                      <Typography.Text type="secondary">{i.countyName}</Typography.Text>
                    </div>
                  )}
                </div>
              ),
            },
            {
              key: 'team',
              title: t('inspections.cols.team'),
              render: (_, i) => i.team.map((m) => m.name).join('、'),
            },
            {
              key: 'status',
              title: t('inspections.cols.status'),
              render: (_, i) => (
                <Tag color={STATUS_COLORS[i.status]}>{t(`inspection.status.${i.status}`)}</Tag>
              ),
            },
            {
              key: 'verdict',
              title: t('inspections.cols.verdict'),
              render: (_, i) =>
                i.verdict ? (
                  <Tag color={VERDICT_COLORS[i.verdict]}>{t(`inspection.verdicts.${i.verdict}`)}</Tag>
                ) : (
                  '—'
                ),
            },
            {
              key: 'signedOff',
              title: t('inspections.cols.signedOff'),
              render: (_, i) =>
                i.signedOffAt ? formatDate(i.signedOffAt.slice(0, 10), lang) : t('inspections.notSignedOff'),
            },
          ]}
        />
      ) : (
        <Calendar
          mode="month"
          value={dayjs(`${month}-01`)}
          onPanelChange={(d) => set('month', d.format('YYYY-MM'))}
          onSelect={(d, info) => {
            if (info.source !== 'date') set('month', d.format('YYYY-MM'));
          }}
          cellRender={(d, info) => {
            if (info.type !== 'date') return info.originNode;
            const day = items.filter((i) => i.plannedOn === d.format('YYYY-MM-DD'));
            if (day.length === 0) return null;
            return (
              <ul className="calendar-events" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {day.slice(0, 3).map((i) => (
                  <li key={i.id}>
                    <Link to={`/inspections/${i.id}`}>
                      <Tag color={STATUS_COLORS[i.status]}>{t(`inspection.status.${i.status}`)}</Tag>
                      {subjectName(i)}
                    </Link>
                  </li>
                ))}
                {day.length > 3 && <li>{t('inspections.moreOnDay', { count: day.length - 3 })}</li>}
              </ul>
            );
          }}
        />
      )}
    </section>
  );
}

/** Plans an inspection of one of the unit's clusters due for re-review. */
function PlanReReview({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const due = useReReviewsDue();
  const [clusterId, setClusterId] = useState<string | null>(null);
  const options = (due.data?.items ?? [])
    .filter((i) => i.cluster.status !== 'revoked')
    .map((i) => ({
      value: i.cluster.id,
      label: `${i.cluster.name}（${
        i.reReviewStatus
          ? t('inspections.reReviewStatus', { status: t(`cl.reReview.statuses.${i.reReviewStatus}`) })
          : t('inspections.noReReview')
      }）`,
    }));
  return (
    <div className="stack">
      <div>
        <label htmlFor="plan-cluster" className="stat-label">
          {t('inspections.cluster')}
        </label>
        <Select<string>
          id="plan-cluster"
          className="full-width"
          loading={due.isPending}
          showSearch
          optionFilterProp="label"
          placeholder={t('inspections.clusterPlaceholder')}
          notFoundContent={t('inspections.noClusters')}
          value={clusterId}
          onChange={setClusterId}
          options={options}
        />
      </div>
      <PlanForm subject={clusterId ? { clusterId } : null} onDone={onDone} />
    </div>
  );
}
