import { ArrowLeftOutlined } from '@ant-design/icons';
import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCluster } from '../api/clusters-queries.ts';
import { ChangesTab } from '../components/clusters/changes-tab.tsx';
import { OverviewTab } from '../components/clusters/overview-tab.tsx';
import { PlanTab } from '../components/clusters/plan-tab.tsx';
import { ReReviewTab } from '../components/clusters/re-review-tab.tsx';
import { ReportsTab } from '../components/clusters/reports-tab.tsx';
import { RevocationTab } from '../components/clusters/revocation-tab.tsx';
import { ClusterStatusTag, LevelTag } from '../components/clusters/status-tags.tsx';
import { SupportTab } from '../components/clusters/support-tab.tsx';
import { LoadFailed } from '../components/load-failed.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import '../components/clusters/clusters.css';

const TABS = ['overview', 'reports', 'plan', 'support', 'changes', 'reReview', 'revocation'] as const;
type Tab = (typeof TABS)[number];

/** One identified cluster: overview and history, annual reports, plan, support, changes, re-review, revocation. */
export default function ClusterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const cluster = useCluster(id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'overview';

  if (cluster.isPending) return <PageLoading />;
  if (cluster.isError)
    return (
      <LoadFailed
        error={cluster.error}
        retry={() => void cluster.refetch()}
        notFoundTitle={t('cl.detail.notFound')}
        backTo="/clusters"
        backLabel={t('cl.back')}
      />
    );
  const c = cluster.data;
  const setTab = (next: string) =>
    setParams(
      (p) => {
        const out = new URLSearchParams();
        out.set('tab', next);
        if (next === 'reports' && p.get('year')) out.set('year', p.get('year') ?? '');
        return out;
      },
      { replace: true },
    );
  const panel = (key: Tab) => {
    switch (key) {
      case 'overview':
        return <OverviewTab cluster={c} />;
      case 'reports':
        return <ReportsTab cluster={c} />;
      case 'plan':
        return <PlanTab clusterId={c.id} />;
      case 'support':
        return <SupportTab cluster={c} />;
      case 'changes':
        return <ChangesTab cluster={c} />;
      case 'reReview':
        return <ReReviewTab cluster={c} />;
      case 'revocation':
        return <RevocationTab cluster={c} />;
    }
  };

  return (
    <section aria-labelledby="cluster-title" className="page cluster-page">
      <Link to="/clusters" className="back-link">
        <ArrowLeftOutlined aria-hidden="true" /> {t('cl.back')}
      </Link>
      <Typography.Title level={1} id="cluster-title" className="page-title">
        {c.name}
      </Typography.Title>
      <Space wrap className="cluster-tags">
        <LevelTag level={c.level} />
        <ClusterStatusTag status={c.status} />
        <Typography.Text type="secondary">
          {c.countyName} · {c.unitName} · {c.leadingIndustry}
        </Typography.Text>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={TABS.map((key) => ({
          key,
          label: t(`cl.detail.tabs.${key}`),
          children: key === tab ? panel(key) : null,
        }))}
      />
    </section>
  );
}
