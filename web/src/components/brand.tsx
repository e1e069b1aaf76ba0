import { ClusterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Brand({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className="brand">
      <ClusterOutlined aria-hidden="true" className="brand-icon" />
      <span className="brand-name">{t('app.name')}</span>
      {!compact && <span className="brand-tagline">{t('app.tagline')}</span>}
    </Link>
  );
}
