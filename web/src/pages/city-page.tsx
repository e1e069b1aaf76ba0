import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Progress, Result, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclarationStatus } from '../../../domain/workflow.ts';
import { type CityCandidate, cityTierApi, useCityCandidates, useCityList } from '../api/city-tier.ts';
import { ApiError } from '../api/client.ts';
import { useSession } from '../api/queries.ts';
import { invalidateReviewViews } from '../api/review-queries.ts';
import { DeclarationStatusTag } from '../components/declaration/status-tag.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { CampaignSelect } from '../components/review/campaign-select.tsx';
import { moveItem } from '../components/review/ranking.ts';
import { StandardsTag } from '../components/review/standards-tag.tsx';
import { useCampaignYear } from '../components/review/use-campaign-year.ts';
import { type Language, useLanguage } from '../i18n/index.ts';

type Entry = { declarationId: string; clusterName: string; countyName: string; status: string };

/** The server's words for a refusal: Chinese from `messageZh` when the interface is Chinese. */
function refusalText(err: unknown, lang: Language): string {
  if (err instanceof ApiError) {
    const zh = err.details
      .map((d) => (d as { messageZh?: unknown }).messageZh)
      .filter((m): m is string => typeof m === 'string');
    if (lang !== 'en' && zh.length) return zh.join('；');
  }
  return err instanceof Error ? err.message : String(err);
}

/** 市级推荐: a city ranks at most N of its counties' submitted declarations for its unit. */
export default function CityPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useSession().data?.user;
  const cityCode = user?.role === 'city' ? user.divisionCode?.slice(0, 4) : undefined;
  const { campaigns, items: campaignItems, year, setYear } = useCampaignYear();
  const candidates = useCityCandidates(cityCode, year);
  const list = useCityList(cityCode, year);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The saved list, whenever it (re)loads.
  useEffect(() => {
    if (list.data) setEntries(list.data.items.map(({ rank: _r, ...e }) => e));
  }, [list.data]);

  if (user?.role !== 'city')
    return <Result status="403" title={<h1 className="result-title">{t('cityTier.forbidden')}</h1>} />;
  if (campaigns.isPending) return <PageLoading />;

  const header = candidates.data ?? list.data;
  const perCity = header?.perCity ?? 0;
  const full = entries.length >= perCity;
  const saved = list.data?.items.map((i) => i.declarationId).join(',') ?? '';
  const dirty = saved !== entries.map((e) => e.declarationId).join(',');
  const loadError = candidates.error ?? list.error;

  const add = (c: CityCandidate) =>
    setEntries((e) => [
      ...e,
      {
        declarationId: c.declarationId,
        clusterName: c.clusterName,
        countyName: c.countyName,
        status: c.status,
      },
    ]);

  const save = async () => {
    if (!cityCode || year === undefined) return;
    setSaving(true);
    setError(null);
    try {
      await cityTierApi.save(
        cityCode,
        year,
        entries.map((e, i) => ({ declarationId: e.declarationId, rank: i + 1 })),
      );
      void message.success(t('cityTier.saved'));
      invalidateReviewViews(queryClient);
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'QUOTA_EXCEEDED'
          ? t('cityTier.quotaExceeded', { perCity })
          : t('cityTier.failed', { message: refusalText(err, lang) }),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="city-title" className="page">
      <div className="page-head">
        <Typography.Title level={1} id="city-title" className="page-title">
          {header ? `${t('cityTier.title')} · ${header.cityName}` : t('cityTier.title')}
        </Typography.Title>
        <div className="page-head-actions">
          <CampaignSelect campaigns={campaignItems} year={year} onChange={setYear} />
        </div>
      </div>
      {loadError && (
        <Alert
          type="error"
          showIcon
          message={t('errors.loadFailed', { message: loadError.message })}
          action={
            <Button
              onClick={() => {
                void candidates.refetch();
                void list.refetch();
              }}
            >
              {t('errors.retry')}
            </Button>
          }
        />
      )}
      {header && !header.configured && (
        <Alert type="info" showIcon message={t('cityTier.notConfigured', { year: header.campaignYear })} />
      )}
      {header?.configured && (
        <>
          <Typography.Paragraph type="secondary">{t('cityTier.intro', { perCity })}</Typography.Paragraph>
          <Card
            className="intake-card"
            title={<h2 className="card-heading">{t('cityTier.ranked')}</h2>}
            extra={
              <Space>
                <span>{t('cityTier.used', { used: entries.length, perCity })}</span>
                <Progress
                  type="circle"
                  size={32}
                  percent={Math.round((entries.length / Math.max(perCity, 1)) * 100)}
                  showInfo={false}
                  aria-hidden
                />
              </Space>
            }
          >
            {entries.length === 0 ? (
              <Empty description={t('cityTier.noneRanked')} />
            ) : (
              <ol className="city-ranked" style={{ paddingInlineStart: 24 }}>
                {entries.map((e, i) => (
                  <li key={e.declarationId} style={{ marginBottom: 8 }}>
                    <Space wrap>
                      <span>
                        {e.clusterName} <Typography.Text type="secondary">{e.countyName}</Typography.Text>
                      </span>
                      <DeclarationStatusTag status={e.status as DeclarationStatus} />
                      <Button
                        size="small"
                        icon={<ArrowUpOutlined />}
                        aria-label={`${t('cityTier.up')}：${e.clusterName}`}
                        disabled={i === 0}
                        onClick={() => setEntries((x) => moveItem(x, i, i - 1))}
                      />
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        aria-label={`${t('cityTier.down')}：${e.clusterName}`}
                        disabled={i === entries.length - 1}
                        onClick={() => setEntries((x) => moveItem(x, i, i + 1))}
                      />
                      <Button
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() =>
                          setEntries((x) => x.filter((y) => y.declarationId !== e.declarationId))
                        }
                      >
                        {t('cityTier.remove')}
                      </Button>
                    </Space>
                  </li>
                ))}
              </ol>
            )}
            {full && <Alert type="warning" showIcon message={t('cityTier.full', { perCity })} />}
            {error && <Alert type="error" showIcon role="alert" message={error} />}
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              disabled={!dirty}
              onClick={() => void save()}
              style={{ marginTop: 12 }}
            >
              {t('cityTier.save')}
            </Button>
          </Card>
        </>
      )}
      {header && (
        <Card className="intake-card" title={<h2 className="card-heading">{t('cityTier.candidates')}</h2>}>
          <Table<CityCandidate>
            rowKey="declarationId"
            loading={candidates.isPending}
            dataSource={candidates.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('cityTier.empty')} /> }}
            columns={[
              { key: 'cluster', title: t('cityTier.cols.cluster'), dataIndex: 'clusterName' },
              { key: 'county', title: t('cityTier.cols.county'), dataIndex: 'countyName' },
              {
                key: 'status',
                title: t('cityTier.cols.status'),
                render: (_, c) => <DeclarationStatusTag status={c.status as DeclarationStatus} />,
              },
              {
                key: 'standards',
                title: t('review.standards'),
                render: (_, c) => <StandardsTag overall={c.standardsOverall} />,
              },
              {
                key: 'action',
                title: t('cityTier.cols.rank'),
                render: (_, c) => {
                  const at = entries.findIndex((e) => e.declarationId === c.declarationId);
                  if (at >= 0) return t('cityTier.badgeRank', { rank: at + 1 });
                  if (!header.configured || c.status !== 'submitted') return '—';
                  return (
                    <Button size="small" icon={<PlusOutlined />} disabled={full} onClick={() => add(c)}>
                      {t('cityTier.add')}
                    </Button>
                  );
                },
              },
            ]}
          />
        </Card>
      )}
    </section>
  );
}
