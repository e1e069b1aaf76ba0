import { Alert, Button } from 'antd';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';

/** A failed query as an alert with a retry button. */
export function QueryError({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      message={t('errors.loadFailed', { message: errorText(error) })}
      action={<Button onClick={retry}>{t('errors.retry')}</Button>}
    />
  );
}

/**
 * The message of anything thrown, for "failed: …" lines, in the UI language. The server words its
 * messages in English; in Chinese the headline comes from the error's code and, unless `withDetails` is
 * false (the caller lists the details itself), the details' own Chinese wording (`messageZh`) follows it.
 */
export function errorText(err: unknown, { withDetails = true }: { withDetails?: boolean } = {}): string {
  if (!(err instanceof Error)) return String(err);
  if (!(err instanceof ApiError)) return err.message;
  return problemText(err, { withDetails });
}

/** The same for an error the server reported inside a body (a bulk action's per-item `error`). */
export function problemText(
  err: { code: string; message: string; details: unknown[] },
  { withDetails = true }: { withDetails?: boolean } = {},
): string {
  if (!i18next.language?.startsWith('zh')) return err.message;
  const key = `errors.codes.${err.code}`;
  // The key is built at run time; i18next's typed keys cannot see it (exists() guards it).
  const headline = i18next.exists(key) ? String(i18next.t(key as 'errors.retry')) : err.message;
  if (!withDetails) return headline;
  const zh = err.details.flatMap((d) =>
    typeof d === 'object' && d !== null && typeof (d as { messageZh?: unknown }).messageZh === 'string'
      ? [(d as { messageZh: string }).messageZh]
      : [],
  );
  return zh.length ? `${headline}（${zh.join('；')}）` : headline;
}
