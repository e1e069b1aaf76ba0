import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useIsDemo } from '../api/queries.ts';

/** The yellow strip on top of every page while the server runs with demo data. */
export function DemoBanner() {
  const { t } = useTranslation();
  if (!useIsDemo()) return null;
  return (
    // A named region, so that the strip sits in a landmark like the rest of the page (axe: region).
    <section className="demo-banner" aria-label={t('demo.region')}>
      <ExperimentOutlined aria-hidden="true" /> {t('demo.banner')}
    </section>
  );
}
