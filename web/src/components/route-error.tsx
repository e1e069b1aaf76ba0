import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { PublicShell } from './public-shell.tsx';

/** Shown when a route throws, e.g. a code chunk failed to load after a redeploy. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <PublicShell>
      <Result
        status="error"
        title={t('errors.loadFailed', { message })}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('errors.retry')}
          </Button>
        }
      />
    </PublicShell>
  );
}
