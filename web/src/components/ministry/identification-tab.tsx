import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ministryApi } from '../../api/ministry.ts';
import {
  invalidateMinistryViews,
  useClusters,
  useObjections,
  usePublicity,
  useResults,
} from '../../api/ministry-queries.ts';
import { useServerToday } from '../../api/queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { ClustersTable } from './clusters-table.tsx';
import { blockerLines, defaultPublishedOn } from './ministry-format.ts';
import { errorText, QueryError } from './query-error.tsx';

/** 认定: the notice number and date, which publicized clusters to identify, and the clusters once identified. */
export function IdentificationTab({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const results = useResults(year);
  const objections = useObjections(year);
  const clusters = useClusters({ year, limit: 200 });
  const [noticeNo, setNoticeNo] = useState('');
  const periods = usePublicity(year);
  const today = useServerToday();
  const ends = (periods.data?.items ?? []).map((p) => p.endsOn);
  // The list is published after the 公示 ends: the day after, unless the user picked a date.
  const [picked, setPicked] = useState<string | null>(null);
  const publishedOn = picked ?? defaultPublishedOn(today, ends);
  const [excluded, setExcluded] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<{ message: string; lines: string[] } | null>(null);
  const [done, setDone] = useState<{ identified: number; notIdentified: string[] } | null>(null);

  const upheld = useMemo(
    () =>
      new Set(
        (objections.data?.items ?? []).filter((o) => o.status === 'upheld').map((o) => o.declarationId),
      ),
    [objections.data],
  );
  const openCount = (objections.data?.items ?? []).filter((o) => o.status === 'open').length;
  const candidates = (results.data?.items ?? []).filter((r) => r.status === 'publicized');
  // By default every publicized cluster without an upheld objection is identified.
  const chosen = candidates.filter(
    (c) => !upheld.has(c.declarationId) && !excluded.includes(c.declarationId),
  );

  const identify = async () => {
    setTried(true);
    if (!noticeNo.trim() || chosen.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const r = await ministryApi.identify(year, {
        declarationIds: chosen.map((c) => c.declarationId),
        noticeNo: noticeNo.trim(),
        publishedOn,
      });
      const names = new Map((results.data?.items ?? []).map((i) => [i.declarationId, i.clusterName]));
      setDone({
        identified: r.clusters.length,
        notIdentified: r.notIdentified.map((id) => names.get(id) ?? id),
      });
      invalidateMinistryViews(queryClient);
      void message.success(t('ministry.identify.done', { count: r.clusters.length }));
    } catch (err) {
      setError({
        message: t('ministry.identify.failed', { message: errorText(err, { withDetails: false }) }),
        lines: err instanceof ApiError ? blockerLines(err.details, i18n.language.startsWith('zh')) : [],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mstack">
      {candidates.length > 0 && (
        <Card title={<h2 className="card-heading">{t('ministry.identify.title')}</h2>}>
          <div className="mstack">
            {openCount > 0 && (
              <Alert
                type="warning"
                showIcon
                message={t('ministry.identify.openObjections', { count: openCount })}
              />
            )}
            <fieldset className="form-fieldset">
              <legend>{t('ministry.identify.which', { count: chosen.length })}</legend>
              <ul className="plain-list identify-list">
                {candidates.map((c) => {
                  const isUpheld = upheld.has(c.declarationId);
                  return (
                    <li key={c.declarationId}>
                      <Checkbox
                        checked={!isUpheld && !excluded.includes(c.declarationId)}
                        disabled={isUpheld}
                        onChange={(e) =>
                          setExcluded((x) =>
                            e.target.checked
                              ? x.filter((id) => id !== c.declarationId)
                              : [...x, c.declarationId],
                          )
                        }
                      >
                        {c.clusterName}
                        {isUpheld && (
                          <Typography.Text type="danger"> {t('ministry.identify.upheld')}</Typography.Text>
                        )}
                      </Checkbox>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
            <div className="filter-bar">
              <div className="filter-field">
                <label htmlFor="identify-notice">{t('ministry.identify.noticeNo')}</label>
                <Input
                  id="identify-notice"
                  value={noticeNo}
                  maxLength={100}
                  placeholder={t('ministry.identify.noticePlaceholder', { year: year + 1 })}
                  status={tried && !noticeNo.trim() ? 'error' : undefined}
                  aria-invalid={tried && !noticeNo.trim()}
                  onChange={(e) => setNoticeNo(e.target.value)}
                />
              </div>
              <div className="filter-field">
                <label htmlFor="identify-date">{t('ministry.identify.publishedOn')}</label>
                <DatePicker
                  id="identify-date"
                  allowClear={false}
                  value={dayjs(publishedOn)}
                  onChange={(d) => {
                    if (d) setPicked(d.format('YYYY-MM-DD'));
                  }}
                />
              </div>
            </div>
            {tried && !noticeNo.trim() && (
              <Typography.Text type="danger">{t('ministry.identify.noticeRequired')}</Typography.Text>
            )}
            <Typography.Text type="secondary">{t('ministry.identify.validity')}</Typography.Text>
            <div>
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined />}
                loading={busy}
                disabled={chosen.length === 0}
                onClick={() => void identify()}
              >
                {t('ministry.identify.submit', { count: chosen.length })}
              </Button>
            </div>
            {error && (
              <Alert
                type="error"
                showIcon
                role="alert"
                message={error.message}
                description={
                  error.lines.length > 0 && (
                    <ul>
                      {error.lines.map((l) => (
                        <li key={l}>{l}</li>
                      ))}
                    </ul>
                  )
                }
              />
            )}
          </div>
        </Card>
      )}
      {candidates.length === 0 && results.isSuccess && (clusters.data?.items.length ?? 0) === 0 && (
        <Card>
          <Empty description={t('ministry.identify.nothing')} />
        </Card>
      )}
      {done && (
        <Alert
          type="success"
          showIcon
          message={t('ministry.identify.done', { count: done.identified })}
          description={
            done.notIdentified.length > 0 &&
            t('ministry.identify.notIdentified', {
              names: done.notIdentified.join(lang === 'en' ? '; ' : '、'),
            })
          }
        />
      )}
      <Typography.Title level={2} className="step-title">
        {t('ministry.identify.clusters')}
      </Typography.Title>
      {clusters.isError ? (
        <QueryError error={clusters.error} retry={() => void clusters.refetch()} />
      ) : (
        <ClustersTable clusters={clusters.data?.items ?? []} loading={clusters.isPending} />
      )}
    </div>
  );
}
