import { Card, Empty, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DECLARATION_STATUSES, type DeclarationStatus } from '../../../domain/workflow.ts';
import type { CampaignOverview } from '../api/ministry.ts';
import { useOverview } from '../api/ministry-queries.ts';
import { formatDateTime } from '../components/declaration/format.ts';
import { STATUS_COLORS, statusLabel } from '../components/declaration/status-tag.tsx';
import { MinistryOnly } from '../components/ministry/ministry-guard.tsx';
import { MinistryNav } from '../components/ministry/ministry-nav.tsx';
import { QueryError } from '../components/ministry/query-error.tsx';
import { UnitTileMap } from '../components/ministry/unit-tile-map.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { CampaignSelect } from '../components/review/campaign-select.tsx';
import { useCampaignYear } from '../components/review/use-campaign-year.ts';
import { formatNumber, useLanguage } from '../i18n/index.ts';
import '../components/ministry/ministry.css';

type OverviewUnit = CampaignOverview['units'][number];

/** Stages shown always, in pipeline order; drafts never reach the ministry's count. */
const PIPELINE: readonly DeclarationStatus[] = [
  'submitted',
  'accepted',
  'recommended',
  'shortlisted',
  'publicized',
  'identified',
  'not_identified',
];

export default function MinistryDashboardPage() {
  return (
    <MinistryOnly>
      <Dashboard />
    </MinistryOnly>
  );
}

function Dashboard() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const { campaigns, items, year, setYear } = useCampaignYear();
  const overview = useOverview(year);
  const toIntake = (params: Record<string, string>) =>
    void navigate(`/ministry/intake?${new URLSearchParams({ year: String(year), ...params })}`);

  if (campaigns.isPending) return <PageLoading />;
  const data = overview.data;
  const stages = data
    ? [
        ...PIPELINE,
        ...DECLARATION_STATUSES.filter((s) => !PIPELINE.includes(s) && s !== 'draft' && data.stageCounts[s]),
      ]
    : [];

  return (
    <section aria-labelledby="ministry-title" className="page ministry-page">
      <div className="page-head">
        <Typography.Title level={1} id="ministry-title" className="page-title">
          {t('ministry.dashboard.title')}
        </Typography.Title>
        <div className="page-head-actions">
          <CampaignSelect campaigns={items} year={year} onChange={setYear} />
        </div>
      </div>
      <Typography.Paragraph type="secondary">{t('ministry.dashboard.intro')}</Typography.Paragraph>
      {year !== undefined && <MinistryNav year={year} />}
      {campaigns.isError && <QueryError error={campaigns.error} retry={() => void campaigns.refetch()} />}
      {year === undefined && campaigns.isSuccess && (
        <Card>
          <Empty description={t('ministry.noCampaign')} />
        </Card>
      )}
      {overview.isError && <QueryError error={overview.error} retry={() => void overview.refetch()} />}
      {year !== undefined && overview.isPending && <PageLoading />}
      {data && (
        <>
          <section aria-labelledby="pipeline-heading">
            <Typography.Title level={2} id="pipeline-heading" className="step-title">
              {t('ministry.dashboard.pipeline')}
            </Typography.Title>
            <ul className="status-cards">
              {stages.map((s) => {
                const count = data.stageCounts[s] ?? 0;
                const label = statusLabel(s, lang);
                return (
                  <li key={s}>
                    <button
                      type="button"
                      className={`status-card status-card-${STATUS_COLORS[s]}`}
                      onClick={() => toIntake({ status: s })}
                    >
                      {/* Named by the hidden sentence rather than aria-label, which would have to contain
                          the visible text word for word (axe: label-content-name-mismatch). */}
                      <span aria-hidden="true">
                        <Statistic title={label} value={count} />
                      </span>
                      <span className="visually-hidden">
                        {t('ministry.dashboard.stageCard', { status: label, count })}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
          <div className="ministry-grid">
            <Card
              className="tile-map-card"
              title={<h2 className="card-heading">{t('ministry.map.title', { year: data.campaignYear })}</h2>}
            >
              <UnitTileMap units={data.units} onPick={(unit) => toIntake({ unit })} />
            </Card>
            <div className="mstack">
              <Card size="small" title={<h2 className="card-heading">{t('ministry.dashboard.byRegion')}</h2>}>
                <Table
                  rowKey="region"
                  size="small"
                  pagination={false}
                  dataSource={data.regions}
                  columns={[
                    {
                      key: 'region',
                      title: t('ministry.cols.region'),
                      render: (_, r) => (
                        <Link to={`/ministry/intake?year=${year}&region=${r.region}`}>
                          {t(`regions.${r.region}`)}
                        </Link>
                      ),
                    },
                    { key: 'units', title: t('ministry.cols.units'), dataIndex: 'units', align: 'right' },
                    {
                      key: 'recommended',
                      title: t('ministry.cols.recommended'),
                      dataIndex: 'recommended',
                      align: 'right',
                    },
                  ]}
                />
              </Card>
              <Card
                size="small"
                title={<h2 className="card-heading">{t('ministry.dashboard.bySection')}</h2>}
              >
                {data.sections.length === 0 ? (
                  <Empty description={t('ministry.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <ul className="tag-list plain-list">
                    {data.sections.map((s) => (
                      <li key={s.code}>
                        <Link to={`/ministry/intake?year=${year}&section=${encodeURIComponent(s.code)}`}>
                          <Tag>
                            {s.code} {s.name} · {s.count}
                          </Tag>
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </div>
          </div>
          <Card title={<h2 className="card-heading">{t('ministry.dashboard.units')}</h2>}>
            <UnitsTable units={data.units} year={data.campaignYear} />
          </Card>
        </>
      )}
      {year !== undefined && data && (
        <Typography.Text type="secondary">
          {t('ministry.dashboard.total', {
            count: formatNumber(data.items.length, lang),
          })}
        </Typography.Text>
      )}
    </section>
  );
}

/** Every unit: quota, how many of its recommendations reached the ministry, and its counts per status. */
function UnitsTable({ units, year }: { units: readonly OverviewUnit[]; year: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Table<OverviewUnit>
      rowKey="code"
      size="small"
      dataSource={[...units]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'name',
          title: t('ministry.cols.unit'),
          sorter: (a, b) => a.code.localeCompare(b.code),
          render: (_, u) => (
            <Link to={`/ministry/intake?year=${year}&unit=${u.code}`}>
              {lang === 'en' ? u.nameEn : u.name}
            </Link>
          ),
        },
        { key: 'kind', title: t('ministry.cols.kind'), render: (_, u) => t(`kinds.${u.kind}`) },
        {
          key: 'region',
          title: t('ministry.cols.region'),
          render: (_, u) => t(`regions.${u.region}`),
          filters: (['east', 'central', 'west', 'northeast'] as const).map((r) => ({
            text: t(`regions.${r}`),
            value: r,
          })),
          onFilter: (value, u) => u.region === value,
        },
        { key: 'quota', title: t('ministry.cols.quota'), dataIndex: 'quota', align: 'right' },
        {
          key: 'recommended',
          title: t('ministry.cols.recommended'),
          align: 'right',
          sorter: (a, b) => a.recommended - b.recommended,
          render: (_, u) => (
            <span className={u.recommended > u.quota ? 'text-danger' : undefined}>
              {u.recommended} / {u.quota}
            </span>
          ),
        },
        {
          key: 'counts',
          title: t('ministry.cols.counts'),
          render: (_, u) => {
            const entries = DECLARATION_STATUSES.filter((s) => (u.counts[s] ?? 0) > 0);
            return entries.length === 0 ? (
              '—'
            ) : (
              <span className="tag-list">
                {entries.map((s) => (
                  <Tag key={s} color={STATUS_COLORS[s]} bordered={false}>
                    {statusLabel(s, lang)} {u.counts[s]}
                  </Tag>
                ))}
              </span>
            );
          },
        },
        {
          key: 'last',
          title: t('ministry.cols.lastRecommended'),
          render: (_, u) => <span className="nowrap">{formatDateTime(u.lastRecommendedAt)}</span>,
        },
      ]}
    />
  );
}
