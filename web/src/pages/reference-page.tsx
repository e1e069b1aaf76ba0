import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DivisionsBrowser } from '../components/reference/divisions-browser.tsx';
import { IndustriesBrowser } from '../components/reference/industries-browser.tsx';
import { UnitsTable } from '../components/reference/units-table.tsx';

const TABS = ['units', 'divisions', 'industries'] as const;
type Tab = (typeof TABS)[number];

export default function ReferencePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: Tab = TABS.find((tab) => tab === requested) ?? 'units';

  return (
    <section aria-labelledby="reference-title" className="page">
      <Typography.Title level={1} id="reference-title" className="page-title">
        {t('reference.title')}
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'units', label: t('reference.tabs.units'), children: <UnitsTable /> },
          { key: 'divisions', label: t('reference.tabs.divisions'), children: <DivisionsBrowser /> },
          { key: 'industries', label: t('reference.tabs.industries'), children: <IndustriesBrowser /> },
        ]}
      />
    </section>
  );
}
