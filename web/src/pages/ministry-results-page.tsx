import { Card, Empty, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IdentificationTab } from '../components/ministry/identification-tab.tsx';
import { MinistryOnly } from '../components/ministry/ministry-guard.tsx';
import { MinistryNav } from '../components/ministry/ministry-nav.tsx';
import { ObjectionsTab } from '../components/ministry/objections-tab.tsx';
import { PublicityTab } from '../components/ministry/publicity-tab.tsx';
import { ResultsTab } from '../components/ministry/results-tab.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { CampaignSelect } from '../components/review/campaign-select.tsx';
import { useCampaignYear } from '../components/review/use-campaign-year.ts';
import '../components/ministry/ministry.css';

const TABS = ['results', 'publicity', 'objections', 'identification'] as const;
type Tab = (typeof TABS)[number];

export default function MinistryResultsPage() {
  return (
    <MinistryOnly>
      <ResultsPage />
    </MinistryOnly>
  );
}

/** 结果与公示: ranked results and the shortlist, 公示, objections, identification — one tab each. */
function ResultsPage() {
  const { t } = useTranslation();
  const { campaigns, items, year, setYear } = useCampaignYear();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'results';
  const setTab = (next: string) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        out.set('tab', next);
        return out;
      },
      { replace: true },
    );

  if (campaigns.isPending) return <PageLoading />;
  return (
    <section aria-labelledby="results-title" className="page ministry-page">
      <div className="page-head">
        <Typography.Title level={1} id="results-title" className="page-title">
          {t('ministry.results.title')}
        </Typography.Title>
        <CampaignSelect campaigns={items} year={year} onChange={setYear} />
      </div>
      <Typography.Paragraph type="secondary">{t('ministry.results.intro')}</Typography.Paragraph>
      {year !== undefined && <MinistryNav year={year} />}
      {year === undefined ? (
        <Card>
          <Empty description={t('ministry.noCampaign')} />
        </Card>
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            {
              key: 'results',
              label: t('ministry.results.tabs.results'),
              children: <ResultsTab year={year} />,
            },
            {
              key: 'publicity',
              label: t('ministry.results.tabs.publicity'),
              children: <PublicityTab year={year} />,
            },
            {
              key: 'objections',
              label: t('ministry.results.tabs.objections'),
              children: <ObjectionsTab year={year} />,
            },
            {
              key: 'identification',
              label: t('ministry.results.tabs.identification'),
              children: <IdentificationTab year={year} />,
            },
          ]}
        />
      )}
    </section>
  );
}
