import { OrderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Result, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { StandardsOverall } from '../../../domain/standards.ts';
import { DECLARATION_STATUSES, type DeclarationStatus } from '../../../domain/workflow.ts';
import { useUnitCityRecommendations } from '../api/city-tier.ts';
import { useSession } from '../api/queries.ts';
import { useIntakeList, useUnitDashboard } from '../api/review-queries.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { CampaignSelect } from '../components/review/campaign-select.tsx';
import { IntakeTable } from '../components/review/intake-table.tsx';
import type { IntakeFilters, IntakeRow } from '../components/review/review-format.ts';
import { UnitDashboardCards } from '../components/review/unit-dashboard.tsx';
import { useCampaignYear } from '../components/review/use-campaign-year.ts';

const STANDARDS = ['pass', 'fail', 'incomplete'] as const;
const asStatus = (v: string | null) => DECLARATION_STATUSES.find((s) => s === v) ?? null;
const asStandards = (v: string | null): StandardsOverall | null => STANDARDS.find((s) => s === v) ?? null;

/** The unit's dashboard for a campaign and the intake table of its counties' declarations. */
export default function ReviewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession().data;
  const unitCode = session?.user.unitCode;
  const { campaigns, items, year, setYear } = useCampaignYear();
  const dashboard = useUnitDashboard(unitCode, year);
  const list = useIntakeList(year);
  const cityTier = useUnitCityRecommendations(unitCode ?? undefined, year);
  const cityPutForward = useMemo(
    () => new Map((cityTier.data?.items ?? []).map((i) => [i.declarationId, i])),
    [cityTier.data],
  );
  // The list rows carry the leading industry and the standards result: one request for the whole table.
  const rows: IntakeRow[] = useMemo(
    () =>
      (list.data ?? []).map((d) => ({
        ...d,
        industry: d.leadingIndustry.name ?? null,
        standardsOverall: d.standardsOverall,
      })),
    [list.data],
  );

  // Filters live in the address, so the back button and a shared link keep them.
  const [params, setParams] = useSearchParams();
  const filters: IntakeFilters = {
    status: asStatus(params.get('status')),
    divisionCode: params.get('county'),
    industry: params.get('industry') ?? '',
    standards: asStandards(params.get('standards')),
  };
  const setFilters = useCallback(
    (next: IntakeFilters) =>
      setParams(
        (p) => {
          const out = new URLSearchParams(p);
          const set = (key: string, value: string | null) => (value ? out.set(key, value) : out.delete(key));
          set('status', next.status);
          set('county', next.divisionCode);
          set('industry', next.industry);
          set('standards', next.standards);
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setStatus = (status: DeclarationStatus | null) => setFilters({ ...filters, status });

  const error = dashboard.error ?? list.error ?? campaigns.error;
  if (session?.user.role !== 'unit')
    return <Result status="403" title={<h1 className="result-title">{t('review.forbidden')}</h1>} />;
  if (campaigns.isPending) return <PageLoading />;

  return (
    <section aria-labelledby="review-title" className="page review-page">
      <div className="page-head">
        <Typography.Title level={1} id="review-title" className="page-title">
          {t('review.title')}
        </Typography.Title>
        <div className="page-head-actions">
          <CampaignSelect campaigns={items} year={year} onChange={setYear} />
          {year !== undefined && (
            <Button
              type="primary"
              icon={<OrderedListOutlined />}
              onClick={() => void navigate(`/review/recommend?year=${year}`)}
            >
              {t('review.toRanking')}
            </Button>
          )}
        </div>
      </div>
      <Typography.Paragraph type="secondary">{t('review.intro')}</Typography.Paragraph>

      {error && (
        <Alert
          type="error"
          showIcon
          message={t('errors.loadFailed', { message: error.message })}
          action={
            <Button
              onClick={() => {
                void dashboard.refetch();
                void list.refetch();
                void campaigns.refetch();
              }}
            >
              {t('errors.retry')}
            </Button>
          }
        />
      )}
      {year === undefined && campaigns.isSuccess && (
        <Card>
          <Empty description={t('review.noCampaign')} />
        </Card>
      )}
      {dashboard.data && (
        <UnitDashboardCards dashboard={dashboard.data} activeStatus={filters.status} onStatus={setStatus} />
      )}
      {year !== undefined && (
        <Card className="intake-card" title={<h2 className="card-heading">{t('review.intake')}</h2>}>
          <IntakeTable
            rows={rows}
            loading={list.isPending}
            detailsPending={false}
            filters={filters}
            onFilters={setFilters}
            cityPutForward={cityPutForward}
          />
        </Card>
      )}
    </section>
  );
}
