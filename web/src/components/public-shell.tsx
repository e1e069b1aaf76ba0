import { AppstoreOutlined, LoginOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import { Brand } from './brand.tsx';
import { DemoBanner } from './demo-banner.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { PortalNav } from './public/portal-nav.tsx';
import { SkipLink } from './skip-link.tsx';
import { VersionFooter } from './version-footer.tsx';

/**
 * Frame for pages shown without a session (the public portal, 公示, login, fatal errors): the portal's
 * sections are one click away from each of them.
 */
export function PublicShell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const onLogin = useLocation().pathname === '/login';
  // Only a session already known to this tab (not fetched here): asking would cost every visitor a 401.
  const signedIn = Boolean(
    useQuery({ queryKey: queryKeys.session, queryFn: ({ signal }) => api.me(signal), enabled: false }).data,
  );
  return (
    <div className="public-shell">
      <SkipLink />
      <header className="public-header">
        {/* Inside the banner landmark, so that no content sits outside a landmark. */}
        <DemoBanner />
        <div className="public-header-row">
          <Brand />
          <div className="public-header-tools">
            <LanguageSwitch />
            {signedIn ? (
              <Link to="/" className="public-login-link">
                <AppstoreOutlined aria-hidden="true" /> {t('nav.workspace')}
              </Link>
            ) : (
              !onLogin && (
                <Link to="/login" className="public-login-link">
                  <LoginOutlined aria-hidden="true" /> {t('portal.nav.login')}
                </Link>
              )
            )}
          </div>
        </div>
        <PortalNav />
      </header>
      <main id="main-content" tabIndex={-1} className={wide ? 'public-main public-main-wide' : 'public-main'}>
        {children}
      </main>
      <VersionFooter />
    </div>
  );
}
