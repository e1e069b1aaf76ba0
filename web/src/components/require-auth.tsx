import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/queries.ts';
import { PageLoading } from './page-loading.tsx';
import { PublicShell } from './public-shell.tsx';

/** Renders children only for a signed-in user; otherwise sends the browser to /login (from / to the portal). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();

  if (session.isPending) return <PageLoading />;
  if (session.isError) {
    return (
      <PublicShell>
        <Alert
          type="error"
          showIcon
          message={t('errors.loadFailed', { message: session.error.message })}
          action={<Button onClick={() => void session.refetch()}>{t('errors.retry')}</Button>}
        />
      </PublicShell>
    );
  }
  if (!session.data) {
    const from = `${location.pathname}${location.search}`;
    // A visitor without an account arriving at the site's root lands on the public portal (which links to
    // sign-in); deeper app links still go to /login and come back after it.
    if (from === '/') return <Navigate to="/portal" replace />;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return children;
}
