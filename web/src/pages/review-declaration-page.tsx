import {
  ArrowLeftOutlined,
  AuditOutlined,
  CheckOutlined,
  CloseOutlined,
  FilePdfOutlined,
  HistoryOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Result, Space, Spin, Tabs, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useParams, useSearchParams } from 'react-router';
import { FORM_SECTIONS, type FormSectionKey } from '../../../domain/declaration-form.ts';
import { ApiError } from '../api/client.ts';
import { declarationKeys, useDeclaration } from '../api/declaration-queries.ts';
import { type Declaration, declarationUrls } from '../api/declarations.ts';
import { useSession } from '../api/queries.ts';
import { reviewApi, UNIT_ACTIONS, type UnitAction } from '../api/review.ts';
import { invalidateReviewViews, reviewKeys, useReview } from '../api/review-queries.ts';
import { contentOf } from '../components/declaration/content-patch.ts';
import { formatDateTime } from '../components/declaration/format.ts';
import { HistoryDrawer } from '../components/declaration/history-drawer.tsx';
import { SidePanel } from '../components/declaration/side-panel.tsx';
import { evaluateLive } from '../components/declaration/standards-format.ts';
import { DeclarationStatusTag, statusLabel } from '../components/declaration/status-tag.tsx';
import { LoadFailed } from '../components/load-failed.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { ActionModal } from '../components/review/action-modal.tsx';
import { AuditDrawer } from '../components/review/audit-drawer.tsx';
import { ExpertScoresCard } from '../components/review/expert-scores-card.tsx';
import { InspectionsCard } from '../components/review/inspections-card.tsx';
import { ReadOnlyDeclaration } from '../components/review/readonly-declaration.tsx';
import { ReviewChecklist } from '../components/review/review-checklist.tsx';
import { useLanguage } from '../i18n/index.ts';

const ACTION_ICONS: Record<UnitAction, ReactNode> = {
  accept: <CheckOutlined />,
  return: <RollbackOutlined />,
  reject: <CloseOutlined />,
};

export default function ReviewDeclarationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const role = useSession().data?.user.role;
  const query = useDeclaration(id);

  if (role !== 'unit')
    return <Result status="403" title={<h1 className="result-title">{t('review.forbidden')}</h1>} />;
  if (query.isPending) return <PageLoading />;
  if (query.isError) {
    return (
      <LoadFailed
        error={query.error}
        retry={() => void query.refetch()}
        notFoundTitle={t('review.notFound')}
        backTo="/review"
        backLabel={t('review.back')}
      />
    );
  }

  return <ReviewDeclaration key={id} declaration={query.data} />;
}

function ReviewDeclaration({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const review = useReview(declaration.id);
  const [params, setParams] = useSearchParams();
  const section = FORM_SECTIONS.find((s) => s.key === params.get('section'))?.key ?? 'basic';
  const [action, setAction] = useState<UnitAction | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [auditOpen, setAuditOpen] = useState(false);
  const [checklistDirty, setChecklistDirty] = useState(false);
  const standards = useMemo(
    () => evaluateLive(contentOf(declaration), declaration.standardsVersion),
    [declaration],
  );

  const setSection = useCallback(
    (key: FormSectionKey) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('section', key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // Unsaved checklist: ask before leaving (it is not kept anywhere else).
  useEffect(() => {
    if (!checklistDirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [checklistDirty]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      checklistDirty && currentLocation.pathname !== nextLocation.pathname,
  );

  const act = async (which: UnitAction, comment: string) => {
    try {
      const updated = await reviewApi.action(declaration.id, which, comment || undefined, declaration.status);
      queryClient.setQueryData(declarationKeys.one(declaration.id), updated);
      setAction(null);
      void message.success(t(`review.done.${which}`));
    } catch (err) {
      // The city tier's refusal is no stale status: the dialog shows the reason (its city did not put it forward).
      const cityRefusal =
        err instanceof ApiError &&
        err.details.some((d) => (d as { message?: unknown }).message === 'city_not_put_forward');
      if (
        !cityRefusal &&
        err instanceof ApiError &&
        (err.code === 'INVALID_TRANSITION' || err.status === 404)
      ) {
        setAction(null);
        void message.warning(t('review.staleStatus'));
        void queryClient.invalidateQueries({ queryKey: declarationKeys.one(declaration.id) });
        return;
      }
      throw err;
    } finally {
      invalidateReviewViews(queryClient);
      void queryClient.invalidateQueries({ queryKey: declarationKeys.history(declaration.id) });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.audit(declaration.id) });
    }
  };

  const can = (a: string) => declaration.allowedActions.includes(a);
  const title = declaration.clusterName?.trim() || t('review.untitled');
  const unitActions = UNIT_ACTIONS.filter(can);

  return (
    <section aria-labelledby="review-decl-title" className="page declaration-page review-decl-page">
      <Link to={`/review?year=${declaration.campaignYear}`} className="back-link">
        <ArrowLeftOutlined aria-hidden="true" /> {t('review.back')}
      </Link>
      <header className="decl-header">
        <div className="decl-heading">
          <Typography.Title level={1} id="review-decl-title" className="page-title">
            {title}
          </Typography.Title>
          <div className="decl-meta">
            <DeclarationStatusTag status={declaration.status} />
            <span>
              {t('review.meta', {
                year: declaration.campaignYear,
                county: declaration.divisionName,
                version: declaration.submittedVersion ?? declaration.version,
              })}
            </span>
            {declaration.submittedAt && (
              <span>{t('review.submittedOn', { at: formatDateTime(declaration.submittedAt) })}</span>
            )}
          </div>
        </div>
        <div className="decl-actions">
          <Space wrap>
            <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
              {t('review.history')}
            </Button>
            <Button icon={<AuditOutlined />} onClick={() => setAuditOpen(true)}>
              {t('review.audit')}
            </Button>
            {can('download_pdf') && (
              <Button
                icon={<FilePdfOutlined />}
                href={declarationUrls.pdf(declaration.id)}
                target="_blank"
                rel="noopener"
              >
                {t('review.downloadPdf')}
              </Button>
            )}
            {unitActions.map((a) => (
              <Button
                key={a}
                icon={ACTION_ICONS[a]}
                type={a === 'accept' ? 'primary' : 'default'}
                danger={a === 'reject'}
                onClick={() => setAction(a)}
              >
                {t(`review.actionNames.${a}`)}
              </Button>
            ))}
          </Space>
        </div>
      </header>

      {declaration.status !== 'submitted' && (
        <Alert
          type="info"
          showIcon
          message={t('review.currentStatus', { status: statusLabel(declaration.status, lang) })}
        />
      )}

      <div className="review-layout">
        <div className="decl-main">
          <Typography.Title level={2} className="step-title">
            {t('review.declaration')}
          </Typography.Title>
          <ReadOnlyDeclaration
            declaration={declaration}
            section={section}
            onSection={setSection}
            label={t('review.sections')}
          />
        </div>
        <aside className="review-side" aria-label={t('review.checklist')}>
          {review.isPending ? (
            <Spin />
          ) : review.isError ? (
            <Alert
              type="error"
              showIcon
              message={t('errors.loadFailed', { message: review.error.message })}
              action={<Button onClick={() => void review.refetch()}>{t('errors.retry')}</Button>}
            />
          ) : (
            <ReviewChecklist
              declaration={declaration}
              standards={standards}
              initial={review.data}
              editable
              onDirtyChange={setChecklistDirty}
            />
          )}
          <SidePanel
            declaration={declaration}
            content={contentOf(declaration)}
            dirty={false}
            onGoToSection={(key) => {
              setSection(key);
              document.getElementById('review-decl-title')?.scrollIntoView({ block: 'start' });
            }}
          />
        </aside>
      </div>

      <Tabs
        className="review-extra"
        items={[
          {
            key: 'scoring',
            label: t('scoring.tab'),
            children: <ExpertScoresCard declarationId={declaration.id} />,
          },
          {
            key: 'inspection',
            label: t('inspection.tab'),
            children: <InspectionsCard declarationId={declaration.id} />,
          },
        ]}
      />

      <ActionModal
        action={action}
        names={[title]}
        warning={checklistDirty ? t('review.confirm.unsavedChecklist') : undefined}
        onCancel={() => setAction(null)}
        onConfirm={(comment) => (action ? act(action, comment) : Promise.resolve())}
      />
      <HistoryDrawer declaration={declaration} open={historyOpen} onClose={() => setHistoryOpen(false)} />
      <AuditDrawer id={declaration.id} open={auditOpen} onClose={() => setAuditOpen(false)} />
      <Modal
        open={blocker.state === 'blocked'}
        title={t('review.leaveTitle')}
        okText={t('review.leave')}
        cancelText={t('review.stay')}
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        {t('review.leaveBody')}
      </Modal>
    </section>
  );
}
