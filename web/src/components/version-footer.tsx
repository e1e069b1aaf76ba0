import { useTranslation } from 'react-i18next';
import { useMeta } from '../api/queries.ts';

export function VersionFooter() {
  const { t } = useTranslation();
  const meta = useMeta().data;
  return (
    <footer className="version-footer">
      {t('app.name')}
      {meta && <> · {t('app.version', { version: meta.version })}</>}
    </footer>
  );
}
