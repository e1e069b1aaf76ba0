import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useIsDemo } from '../api/queries.ts';

/** The yellow strip on top of every page while the server runs with demo data. */
export function DemoBanner() {
  const { t } = useTranslation();
  if (!useIsDemo()) return null;
  return (
    <div className="demo-banner" role="note">
      <ExperimentOutlined aria-hidden="true" /> {t('demo.banner')}
    </div>
  );
}
