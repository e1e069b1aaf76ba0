import { Result, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { chinaDate } from '../../../domain/workflow.ts';
import { useClusters } from '../api/ministry-queries.ts';
import { useSession } from '../api/queries.ts';
import { ClustersTable } from '../components/ministry/clusters-table.tsx';
import { QueryError } from '../components/ministry/query-error.tsx';
import { FilterField } from '../components/reference/filter-field.tsx';
import '../components/ministry/ministry.css';

const FIRST_YEAR = 2022;

/** 已认定集群: the clusters identified in the caller's scope (county, unit or all), with certificates. */
export default function ClustersPage() {
  const { t } = useTranslation();
  const role = useSession().data?.user.role;
  const [params, setParams] = useSearchParams();
  const year = Number.parseInt(params.get('year') ?? '', 10);
  const query = { year: Number.isNaN(year) ? undefined : year, limit: 200 };
  const clusters = useClusters(query);
  const thisYear = Number(chinaDate(new Date()).slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);

  if (role !== 'county' && role !== 'unit' && role !== 'ministry')
    return <Result status="403" title={<h1 className="result-title">{t('clusters.forbidden')}</h1>} />;

  return (
    <section aria-labelledby="clusters-title" className="page ministry-page">
      <Typography.Title level={1} id="clusters-title" className="page-title">
        {t('clusters.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(`clusters.intro.${role}`)}</Typography.Paragraph>
      <div className="filter-bar">
        <FilterField id="clusters-year" label={t('clusters.year')}>
          <Select<number | undefined>
            id="clusters-year"
            className="filter-select"
            allowClear
            placeholder={t('clusters.allYears')}
            value={query.year}
            onChange={(v) =>
              setParams(
                (p) => {
                  const out = new URLSearchParams(p);
                  if (v) out.set('year', String(v));
                  else out.delete('year');
                  return out;
                },
                { replace: true },
              )
            }
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </FilterField>
        {clusters.data && (
          <span className="filter-summary">{t('clusters.total', { count: clusters.data.total })}</span>
        )}
      </div>
      {clusters.isError ? (
        <QueryError error={clusters.error} retry={() => void clusters.refetch()} />
      ) : (
        <ClustersTable clusters={clusters.data?.items ?? []} loading={clusters.isPending} />
      )}
    </section>
  );
}
