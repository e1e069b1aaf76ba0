import {
  ArrowLeftOutlined,
  DownloadOutlined,
  FilePdfOutlined,
  SaveOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Modal, Result, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker } from 'react-router';
import type { StandardsOverall } from '../../../domain/standards.ts';
import type { Region } from '../../../domain/units.ts';
import { type DeclarationStatus, deadlinePassed } from '../../../domain/workflow.ts';
import { ApiError } from '../api/client.ts';
import type { Campaign, DeclarationSummary } from '../api/declarations.ts';
import { useSession } from '../api/queries.ts';
import { type RecommendationList, reviewApi, reviewUrls } from '../api/review.ts';
import {
  invalidateReviewViews,
  reviewKeys,
  useDeclarationDetails,
  useIntakeList,
  useRecommendations,
} from '../api/review-queries.ts';
import { statusLabel } from '../components/declaration/status-tag.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { CampaignSelect } from '../components/review/campaign-select.tsx';
import { type Candidate, CandidateList } from '../components/review/candidate-list.tsx';
import { DeadlineCountdown } from '../components/review/deadline-stat.tsx';
import { type FocusTarget, RankedList } from '../components/review/ranked-list.tsx';
import {
  addCheck,
  type EntryError,
  entriesOf,
  errorsByEntry,
  missingJustifications,
  moveItem,
  type RankedEntry,
  relaxationNeed,
  sameRanking,
  toPayload,
} from '../components/review/ranking.ts';
import { formatDate } from '../components/review/review-format.ts';
import { QuotaMeter } from '../components/review/unit-dashboard.tsx';
import { useCampaignYear } from '../components/review/use-campaign-year.ts';
import { useLanguage } from '../i18n/index.ts';

const RECOMMENDABLE: readonly DeclarationStatus[] = ['accepted', 'recommended'];

/** The ranking page: accepted declarations on the left, the ranked list under the quota on the right. */
export default function RecommendPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession().data;
  const unit = session?.scope.unit ?? null;
  const { campaigns, items, year, campaign, setYear } = useCampaignYear();
  const list = useRecommendations(unit?.code, year);
  const intake = useIntakeList(year);
  const [dirty, setDirty] = useState(false);

  if (session?.user.role !== 'unit' || !unit)
    return <Result status="403" title={<h1 className="result-title">{t('review.forbidden')}</h1>} />;
  if (campaigns.isPending) return <PageLoading />;
  const error = list.error ?? intake.error ?? campaigns.error;

  return (
    <section aria-labelledby="recommend-title" className="page recommend-page">
      <Link to={year ? `/review?year=${year}` : '/review'} className="back-link">
        <ArrowLeftOutlined aria-hidden="true" /> {t('recommend.back')}
      </Link>
      <div className="page-head">
        <Typography.Title level={1} id="recommend-title" className="page-title">
          {t('recommend.title')}
        </Typography.Title>
        <div className="page-head-actions">
          <CampaignSelect campaigns={items} year={year} onChange={setYear} disabled={dirty} />
        </div>
      </div>
      {dirty && (
        <Typography.Text type="secondary" className="year-locked">
          {t('recommend.yearLocked')}
        </Typography.Text>
      )}
      <Typography.Paragraph type="secondary">
        {t('recommend.intro')}
        {lang === 'en' ? ' ' : ''}
        {unit.region === 'west' ? t('recommend.introWest') : t('recommend.introOther')}
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          message={t('errors.loadFailed', { message: error.message })}
          action={
            <Button
              onClick={() => {
                void list.refetch();
                void intake.refetch();
              }}
            >
              {t('errors.retry')}
            </Button>
          }
        />
      )}
      {year === undefined ? (
        <Card>
          <Empty description={t('review.noCampaign')} />
        </Card>
      ) : list.isPending || intake.isPending ? (
        <PageLoading />
      ) : (
        list.data &&
        intake.data &&
        campaign && (
          <RankingEditor
            key={`${unit.code}:${list.data.campaignYear}`}
            saved={list.data}
            declarations={intake.data}
            region={unit.region}
            campaign={campaign}
            onDirtyChange={setDirty}
          />
        )
      )}
    </section>
  );
}

function RankingEditor({
  saved: initial,
  declarations,
  region,
  campaign,
  onDirtyChange,
}: {
  saved: RecommendationList;
  declarations: DeclarationSummary[];
  region: Region;
  campaign: Campaign;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<RecommendationList>(initial);
  const savedEntries = useMemo(() => entriesOf(saved), [saved]);
  const [entries, setEntries] = useState<RankedEntry[]>(savedEntries);
  const [saving, setSaving] = useState(false);
  const [topError, setTopError] = useState<string | null>(null);
  const [entryErrors, setEntryErrors] = useState<Map<string, EntryError[]>>(new Map());
  const [showRequired, setShowRequired] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const dirty = !sameRanking(entries, savedEntries);
  const quota = saved.quota;
  const readOnly = campaign.status !== 'open' || deadlinePassed(saved.unitDeadline, new Date());

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const pool = useMemo(() => declarations.filter((d) => RECOMMENDABLE.includes(d.status)), [declarations]);
  const details = useDeclarationDetails(useMemo(() => pool.map((d) => d.id), [pool]));
  const serverOverall = useMemo(
    () => new Map(saved.items.map((i) => [i.declarationId, i.standardsOverall] as const)),
    [saved],
  );
  const overall = useCallback(
    (id: string): StandardsOverall | null =>
      details.byId.get(id)?.standards?.overall ?? serverOverall.get(id) ?? null,
    [details.byId, serverOverall],
  );
  const relaxation = useCallback(
    (id: string) => relaxationNeed(details.byId.get(id)?.standards, region),
    [details.byId, region],
  );
  // While a listed declaration's standards are still loading, keep sending the justification it had.
  const needsJustification = useCallback(
    (id: string) => {
      const standards = details.byId.get(id)?.standards;
      return standards
        ? relaxation(id).needed
        : (entries.find((e) => e.declarationId === id)?.justification.trim() ?? '') !== '';
    },
    [details.byId, relaxation, entries],
  );

  const listed = new Set(entries.map((e) => e.declarationId));
  const candidates: Candidate[] = pool
    .filter((d) => !listed.has(d.id))
    .map((d) => ({
      id: d.id,
      clusterName: d.clusterName?.trim() || t('review.untitled'),
      countyName: d.divisionName,
      overall: overall(d.id),
      check: addCheck(details.byId.get(d.id)?.standards, region, entries.length, quota),
    }))
    .sort(
      (a, b) =>
        Number(b.check.addable) - Number(a.check.addable) ||
        a.clusterName.localeCompare(b.clusterName, 'zh-CN'),
    );

  // Unsaved list: ask before leaving the page.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  const focusLater = (id: string) =>
    requestAnimationFrame(() => document.getElementById(id)?.focus({ preventScroll: false }));

  const move = (from: number, to: number, focus: FocusTarget) => {
    const entry = entries[from];
    if (!entry || to < 0 || to >= entries.length || from === to) return;
    setEntries((list) => moveItem(list, from, to));
    setAnnouncement(t('recommend.moved', { name: entry.clusterName, rank: to + 1 }));
    // Keep focus on the control used, or its neighbour when it is now disabled at an end.
    const target =
      focus === 'up' && to === 0 ? 'down' : focus === 'down' && to === entries.length - 1 ? 'up' : focus;
    focusLater(`${target}-${entry.declarationId}`);
  };

  const add = (c: Candidate) => {
    if (!c.check.addable) return;
    setEntries((list) => [
      ...list,
      { declarationId: c.id, clusterName: c.clusterName, countyName: c.countyName, justification: '' },
    ]);
    setAnnouncement(t('recommend.added', { name: c.clusterName, rank: entries.length + 1 }));
    setTopError(null);
  };

  const remove = (index: number) => {
    const entry = entries[index];
    if (!entry) return;
    setEntries((list) => list.filter((_, i) => i !== index));
    setEntryErrors((m) => {
      const next = new Map(m);
      next.delete(entry.declarationId);
      return next;
    });
    setAnnouncement(t('recommend.removed', { name: entry.clusterName }));
  };

  const setJustification = (index: number, text: string) =>
    setEntries((list) => list.map((e, i) => (i === index ? { ...e, justification: text } : e)));

  const entryErrorText = (err: EntryError): string => {
    const status = /^status (\w+)/.exec(err.message)?.[1] as DeclarationStatus | undefined;
    if (status) return t('recommend.errors.status', { status: statusLabel(status, lang) });
    if (
      err.message === 'justification_required' ||
      err.message === 'fails_standards' ||
      err.message === 'negative_list'
    )
      return t(`recommend.errors.${err.message}`);
    if (err.message.startsWith('not a declaration')) return t('recommend.errors.notFound');
    return err.message;
  };

  const save = async () => {
    const missing = missingJustifications(entries, needsJustification);
    if (missing.length) {
      setShowRequired(true);
      setTopError(t('recommend.errors.missingJustification', { count: missing.length }));
      focusLater(`just-${missing[0]}`);
      return;
    }
    const payload = toPayload(entries, needsJustification);
    setSaving(true);
    setTopError(null);
    setEntryErrors(new Map());
    try {
      const next = await reviewApi.saveRecommendations(saved.unitCode, saved.campaignYear, payload);
      queryClient.setQueryData(reviewKeys.recommendations(saved.unitCode, saved.campaignYear), next);
      setSaved(next);
      setEntries(entriesOf(next));
      setShowRequired(false);
      invalidateReviewViews(queryClient);
      void message.success(t('recommend.saved'));
    } catch (err) {
      if (!(err instanceof ApiError)) {
        setTopError(
          t('recommend.errors.other', { message: err instanceof Error ? err.message : String(err) }),
        );
        return;
      }
      const byEntry = errorsByEntry(err.details, payload);
      setEntryErrors(byEntry);
      if (err.code === 'QUOTA_EXCEEDED') setTopError(t('recommend.errors.quota', { quota }));
      else if (err.code === 'DEADLINE_PASSED') setTopError(t('recommend.errors.deadline'));
      else if (byEntry.size > 0) setTopError(t('recommend.errors.items'));
      else if (err.code === 'INVALID_TRANSITION') setTopError(t('recommend.errors.notOpen'));
      else setTopError(t('recommend.errors.other', { message: err.message }));
    } finally {
      setSaving(false);
    }
  };

  const hintId = 'ranked-list-hint';
  const xlsx = reviewUrls.summaryXlsx(saved.unitCode, saved.campaignYear);

  return (
    <>
      <Card size="small" className="recommend-summary">
        <div className="recommend-summary-row">
          <div className="recommend-meter">
            <div className="stat-label">
              {t('recommend.meter')} · {t('recommend.meterText', { used: entries.length, quota })}
            </div>
            <QuotaMeter used={entries.length} quota={quota} label={t('recommend.meterLabel')} />
          </div>
          <div className="recommend-facts">
            <Tag bordered={false} color={region === 'west' ? 'orange' : 'default'}>
              {t('recommend.region', { region: t(`regions.${region}`) })}
            </Tag>
            <span>
              {t('recommend.deadline', { date: formatDate(saved.unitDeadline, lang) })}{' '}
              <DeadlineCountdown date={saved.unitDeadline} />
            </span>
          </div>
        </div>
      </Card>
      {readOnly && <Alert type="warning" showIcon message={t('recommend.closed')} />}
      {topError && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setTopError(null)}
          message={t('recommend.errors.title')}
          description={topError}
          role="alert"
        />
      )}
      <div className="recommend-layout">
        <Card
          size="small"
          className="recommend-col"
          title={<h2 className="card-heading">{t('recommend.candidates')}</h2>}
        >
          <Typography.Paragraph type="secondary" className="side-note">
            {t('recommend.candidatesHint')}
          </Typography.Paragraph>
          <CandidateList candidates={candidates} quota={quota} readOnly={readOnly} onAdd={add} />
        </Card>
        <Card
          size="small"
          className="recommend-col"
          title={<h2 className="card-heading">{t('recommend.list')}</h2>}
          extra={
            <span className={dirty ? 'save-pending' : 'save-ok'} aria-live="polite">
              {dirty ? t('recommend.unsaved') : t('recommend.upToDate')}
            </span>
          }
        >
          <Typography.Paragraph type="secondary" className="side-note" id={hintId}>
            {t('recommend.listHint')}
          </Typography.Paragraph>
          <RankedList
            entries={entries}
            readOnly={readOnly}
            hintId={hintId}
            overall={overall}
            relaxation={relaxation}
            errors={entryErrors}
            showRequired={showRequired}
            errorText={entryErrorText}
            onMove={move}
            onRemove={remove}
            onJustification={setJustification}
          />
          <div className="recommend-actions">
            <Space wrap>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={saving}
                disabled={readOnly || !dirty}
                onClick={() => void save()}
              >
                {saving ? t('recommend.saving') : t('recommend.save')}
              </Button>
              <Button
                icon={<UndoOutlined />}
                disabled={!dirty || saving}
                onClick={() => {
                  setEntries(savedEntries);
                  setEntryErrors(new Map());
                  setTopError(null);
                  setShowRequired(false);
                }}
              >
                {t('recommend.reset')}
              </Button>
            </Space>
            {!dirty && saved.items.length > 0 ? (
              <Space wrap>
                <Button icon={<DownloadOutlined />} href={xlsx} download>
                  {t('recommend.download')}
                </Button>
                <Button
                  icon={<FilePdfOutlined />}
                  href={reviewUrls.letterPdf(saved.unitCode, saved.campaignYear)}
                  target="_blank"
                  rel="noopener"
                >
                  {t('recommend.downloadLetter')}
                </Button>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('recommend.downloadHint')}</Typography.Text>
            )}
          </div>
        </Card>
      </div>
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
      <Modal
        open={blocker.state === 'blocked'}
        title={t('recommend.leaveTitle')}
        okText={t('recommend.leave')}
        cancelText={t('recommend.stay')}
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        {t('recommend.leaveBody')}
      </Modal>
    </>
  );
}
