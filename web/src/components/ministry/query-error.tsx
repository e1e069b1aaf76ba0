import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** A failed query as an alert with a retry button. */
export function QueryError({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      message={t('errors.loadFailed', { message: error.message })}
      action={<Button onClick={retry}>{t('errors.retry')}</Button>}
    />
  );
}

/** The message of anything thrown, for "failed: …" lines. */
export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
