import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';

/**
 * A page whose record could not be loaded: "not found" (404, which is also what another party's record
 * answers) with a way back, or the error with a retry.
 */
export function LoadFailed({
  error,
  retry,
  notFoundTitle,
  backTo,
  backLabel,
}: {
  error: Error;
  retry: () => void;
  notFoundTitle: string;
  backTo: string;
  backLabel: string;
}) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={
        <h1 className="result-title">
          {notFound ? notFoundTitle : t('errors.loadFailed', { message: error.message })}
        </h1>
      }
      extra={
        <Space wrap>
          <Link to={backTo}>{backLabel}</Link>
          {!notFound && <Button onClick={retry}>{t('errors.retry')}</Button>}
        </Space>
      }
    />
  );
}
