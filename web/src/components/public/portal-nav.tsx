import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import './portal.css';

/** The public portal's sections, on every page a visitor without an account sees. */
export function PortalNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/portal', label: t('portal.nav.home'), end: true },
    { to: '/portal/notices', label: t('portal.nav.notices') },
    { to: '/portal/clusters', label: t('portal.nav.registry') },
    { to: '/portal/map', label: t('portal.nav.map') },
    { to: '/portal/stats', label: t('portal.nav.stats') },
    { to: '/publicity', label: t('portal.nav.publicity') },
    { to: '/portal/data', label: t('portal.nav.data') },
  ];
  return (
    <nav className="portal-nav" aria-label={t('portal.nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
