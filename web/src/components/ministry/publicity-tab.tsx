import { NotificationOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, InputNumber, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ministryApi } from '../../api/ministry.ts';
import { invalidateMinistryViews, usePublicity, useResults } from '../../api/ministry-queries.ts';
import { useServerToday } from '../../api/queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { formatDate } from '../review/review-format.ts';
import { PublicityCard } from './publicity-list.tsx';
import { errorText, QueryError } from './query-error.tsx';

/** Start a 公示 of the shortlist: start date and working days, the end date worked out live; then the periods. */
export function PublicityTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const results = useResults(year);
  const periods = usePublicity(year);
  const today = useServerToday();
  // Untouched, the start date follows the server's today (which loads after the first render).
  const [picked, setStartsOn] = useState<string | null>(null);
  const startsOn = picked ?? today;
  const [days, setDays] = useState<number | null>(5);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const end = useQuery({
    queryKey: ['calendar', 'add-working-days', startsOn, days],
    queryFn: ({ signal }) => ministryApi.addWorkingDays(startsOn, days ?? 1, signal),
    enabled: days !== null && days >= 1,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const shortlisted = (results.data?.items ?? []).filter((r) => r.status === 'shortlisted');

  const create = async () => {
    if (!days) return;
    setBusy(true);
    setError(null);
    try {
      await ministryApi.createPublicity(year, {
        declarationIds: shortlisted.map((r) => r.declarationId),
        startsOn,
        workingDays: days,
      });
      invalidateMinistryViews(queryClient);
      void message.success(t('ministry.publicity.created'));
    } catch (err) {
      setError(t('ministry.publicity.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mstack">
      <Card title={<h2 className="card-heading">{t('ministry.publicity.create')}</h2>}>
        {results.isSuccess && shortlisted.length === 0 ? (
          <Typography.Text type="secondary">{t('ministry.publicity.nothingToAnnounce')}</Typography.Text>
        ) : (
          <div className="mstack">
            <Typography.Text>
              {t('ministry.publicity.shortlisted', { count: shortlisted.length })}
            </Typography.Text>
            {shortlisted.length > 0 && (
              <ul className="tag-list plain-list publicity-names">
                {shortlisted.map((r) => (
                  <li key={r.declarationId}>{r.clusterName}</li>
                ))}
              </ul>
            )}
            <div className="filter-bar">
              <div className="filter-field">
                <label htmlFor="publicity-start">{t('ministry.publicity.startsOn')}</label>
                <DatePicker
                  id="publicity-start"
                  allowClear={false}
                  value={dayjs(startsOn)}
                  onChange={(d) => d && setStartsOn(d.format('YYYY-MM-DD'))}
                />
              </div>
              <div className="filter-field">
                <label htmlFor="publicity-days">{t('ministry.publicity.workingDays')}</label>
                <InputNumber
                  id="publicity-days"
                  min={1}
                  max={60}
                  precision={0}
                  value={days}
                  onChange={setDays}
                />
              </div>
              <div className="filter-field" aria-live="polite">
                <span className="stat-label">{t('ministry.publicity.endsOn')}</span>
                <span className="end-date" data-testid="publicity-end">
                  {end.isFetching ? (
                    <Spin size="small" />
                  ) : end.data ? (
                    <strong>{formatDate(end.data.endsOn, lang)}</strong>
                  ) : end.isError ? (
                    <Typography.Text type="danger">{errorText(end.error)}</Typography.Text>
                  ) : (
                    '—'
                  )}
                </span>
              </div>
            </div>
            {end.data?.provisional && (
              <Typography.Text type="warning">{t('publicity.provisional')}</Typography.Text>
            )}
            <div>
              <Button
                type="primary"
                icon={<NotificationOutlined />}
                loading={busy}
                disabled={shortlisted.length === 0 || !days}
                onClick={() => void create()}
              >
                {t('ministry.publicity.start', { count: shortlisted.length })}
              </Button>
            </div>
            {error && <Alert type="error" showIcon role="alert" message={error} />}
          </div>
        )}
      </Card>
      <Typography.Title level={2} className="step-title">
        {t('ministry.publicity.periods')}
      </Typography.Title>
      {periods.isError && <QueryError error={periods.error} retry={() => void periods.refetch()} />}
      {periods.isPending ? (
        <Spin />
      ) : (periods.data?.items.length ?? 0) === 0 ? (
        <Card>
          <Empty description={t('ministry.publicity.none')} />
        </Card>
      ) : (
        periods.data?.items.map((p) => <PublicityCard key={p.id} period={p} showCounts />)
      )}
    </div>
  );
}
