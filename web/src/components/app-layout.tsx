import { GlobalOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useSession } from '../api/queries.ts';
import { Brand } from './brand.tsx';
import { DemoBanner } from './demo-banner.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NavMenu } from './nav-menu.tsx';
import { NotificationBell } from './notification-bell.tsx';
import { PageLoading } from './page-loading.tsx';
import { SkipLink } from './skip-link.tsx';
import { NARROW_SCREEN, useMediaQuery } from './use-media-query.ts';
import { UserMenu } from './user-menu.tsx';

/** Frame for signed-in pages: header, role-dependent side menu (a drawer on narrow screens), content. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession().data;
  const narrow = useMediaQuery(NARROW_SCREEN);
  const [drawerOpen, setDrawerOpen] = useState(false);
  if (!session) return null; // RequireAuth renders this only with a session.
  const { user } = session;

  return (
    <Layout className="app-shell">
      <SkipLink />
      <DemoBanner />
      <Layout.Header className="app-header">
        {narrow && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.openMenu')}
            aria-expanded={drawerOpen}
            aria-controls="nav-drawer"
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Brand compact={narrow} />
        <div className="app-header-actions">
          {/* The public portal (notices, registry, map) is what officials also send people to. */}
          <Link to="/portal" className="app-portal-link" aria-label={narrow ? t('nav.portal') : undefined}>
            <GlobalOutlined aria-hidden="true" />
            {!narrow && <span>{t('nav.portal')}</span>}
          </Link>
          <LanguageSwitch />
          <NotificationBell />
          <UserMenu user={user} compact={narrow} />
        </div>
      </Layout.Header>
      <Layout>
        {!narrow && (
          <Layout.Sider width={220} theme="light" className="app-sider">
            <NavMenu role={user.role} />
          </Layout.Sider>
        )}
        <Layout.Content id="main-content" tabIndex={-1} className="app-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {narrow && (
        <Drawer
          id="nav-drawer"
          placement="left"
          width={260}
          title={t('app.name')}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu role={user.role} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
