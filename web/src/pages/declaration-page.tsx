import {
  ArrowLeftOutlined,
  FilePdfOutlined,
  HistoryOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Select, Space, Steps, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useParams, useSearchParams } from 'react-router';
import { FORM_SECTIONS, type FormSectionKey, missingItems } from '../../../domain/declaration-form.ts';
import { ApiError } from '../api/client.ts';
import { useDeclaration } from '../api/declaration-queries.ts';
import {
  type Declaration,
  declarationsApi,
  declarationUrls,
  type MissingDetail,
} from '../api/declarations.ts';
import { BasicSection } from '../components/declaration/basic-section.tsx';
import { ConflictModal } from '../components/declaration/conflict-modal.tsx';
import { EvidenceSection } from '../components/declaration/evidence-section.tsx';
import { fieldId, missingMessage, sectionOfPath } from '../components/declaration/field-paths.ts';
import {
  DeclarationFormContext,
  type DeclarationFormContextValue,
} from '../components/declaration/form-context.tsx';
import { formatDateTime } from '../components/declaration/format.ts';
import { HistoryDrawer } from '../components/declaration/history-drawer.tsx';
import { IndicatorsSection } from '../components/declaration/indicators-section.tsx';
import { MissingItemsAlert } from '../components/declaration/missing-items-alert.tsx';
import { NarrativesSection } from '../components/declaration/narratives-section.tsx';
import { PlanSection } from '../components/declaration/plan-section.tsx';
import { PledgeSection } from '../components/declaration/pledge-section.tsx';
import { SaveIndicator } from '../components/declaration/save-indicator.tsx';
import { SidePanel } from '../components/declaration/side-panel.tsx';
import { DeclarationStatusTag, statusLabel } from '../components/declaration/status-tag.tsx';
import { useDeclarationEditor } from '../components/declaration/use-declaration-editor.ts';
import { LoadFailed } from '../components/load-failed.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { NARROW_SCREEN, useMediaQuery } from '../components/use-media-query.ts';
import { useLanguage } from '../i18n/index.ts';

export default function DeclarationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useDeclaration(id);

  if (query.isPending) return <PageLoading />;
  if (query.isError) {
    return (
      <LoadFailed
        error={query.error}
        retry={() => void query.refetch()}
        notFoundTitle={t('form.notFound')}
        backTo="/declarations"
        backLabel={t('form.back')}
      />
    );
  }

  // The editor owns the declaration from here on; a different id starts a new editor.
  return <DeclarationForm key={id} initial={query.data} />;
}

const EMPTY_MISSING: ReadonlyMap<string, string> = new Map();

function DeclarationForm({ initial }: { initial: Declaration }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message, modal } = App.useApp();
  const narrow = useMediaQuery(NARROW_SCREEN);
  const editor = useDeclarationEditor(initial);
  const { declaration, content } = editor;
  const [params, setParams] = useSearchParams();
  const stepIndex = Math.max(
    0,
    FORM_SECTIONS.findIndex((s) => s.key === params.get('step')),
  );
  const step = FORM_SECTIONS[stepIndex]?.key ?? 'basic';
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const [serverMissing, setServerMissing] = useState<MissingDetail[] | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [busy, setBusy] = useState<'submit' | 'withdraw' | null>(null);
  const [restoredShown, setRestoredShown] = useState(editor.restored);
  const [leaveAsk, setLeaveAsk] = useState(false);

  const attached = useMemo(() => declaration.attachments.map((a) => a.category), [declaration.attachments]);
  const liveMissing = useMemo(() => missingItems(content, attached), [content, attached]);
  const showMissing = serverMissing !== null;
  const missingMap = useMemo(
    () =>
      showMissing ? new Map(liveMissing.map((m) => [m.path, missingMessage(m, t)] as const)) : EMPTY_MISSING,
    [showMissing, liveMissing, t],
  );
  // After a refused submission the list follows the form: items disappear as they are filled in, and the
  // list with them once nothing is missing (the server checks with the same rules).
  const alertItems: MissingDetail[] = serverMissing === null ? [] : liveMissing;

  const setStep = useCallback(
    (key: FormSectionKey) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('step', key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const goTo = useCallback(
    (path: string) => {
      setStep(sectionOfPath(path));
      setFocusPath(path);
    },
    [setStep],
  );

  // Move focus to a field once its step has rendered.
  useEffect(() => {
    if (!focusPath) return;
    let tries = 0;
    const timer = setInterval(() => {
      const el = document.getElementById(fieldId(focusPath));
      tries += 1;
      if (el || tries > 20) {
        clearInterval(timer);
        setFocusPath(null);
        if (el) {
          el.scrollIntoView({ block: 'center' });
          el.focus();
        }
      }
    }, 30);
    return () => clearInterval(timer);
  }, [focusPath]);

  // Unsaved edits: ask before leaving the page (they are kept in the browser either way).
  const unsaved = editor.dirty || editor.saveState === 'saving';
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname,
  );
  const { flush } = editor;
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let cancelled = false;
    // Try to save first; only ask when that is not possible.
    void flush().then((ok) => {
      if (cancelled) return;
      if (ok) blocker.proceed();
      else setLeaveAsk(true);
    });
    return () => {
      cancelled = true;
    };
  }, [blocker, flush]);

  const actionError = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'DEADLINE_PASSED') return t('form.deadlinePassed');
    return t('form.actionFailed', { message: err instanceof Error ? err.message : String(err) });
  };

  const submit = async () => {
    setBusy('submit');
    try {
      if (!(await editor.flush())) {
        void message.error(t('save.failed'));
        return;
      }
      const result = await declarationsApi.action(declaration.id, 'submit');
      editor.receive(result);
      setServerMissing(null);
      void message.success(t('form.submitSuccess'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
        setServerMissing(err.details as MissingDetail[]);
        window.scrollTo({ top: 0 });
      } else {
        void message.error(actionError(err));
      }
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = () => {
    // With items missing the server answers with the full list at once; no need to confirm first.
    if (liveMissing.length > 0) {
      void submit();
      return;
    }
    modal.confirm({
      title: t('form.submitConfirmTitle'),
      content: t('form.submitConfirm'),
      okText: t('form.submitOk'),
      cancelText: t('form.cancel'),
      onOk: submit,
    });
  };

  const onWithdraw = () => {
    modal.confirm({
      title: t('form.withdrawConfirmTitle'),
      content: t('form.withdrawConfirm'),
      okText: t('form.withdraw'),
      cancelText: t('form.cancel'),
      onOk: async () => {
        setBusy('withdraw');
        try {
          editor.receive(await declarationsApi.action(declaration.id, 'withdraw'));
          void message.success(t('form.withdrawSuccess'));
        } catch (err) {
          void message.error(actionError(err));
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const can = (action: string) => declaration.allowedActions.includes(action);
  const formContext: DeclarationFormContextValue = {
    content,
    setField: editor.setField,
    editable: editor.editable,
    campaignYear: declaration.campaignYear,
    missing: missingMap,
  };
  const sectionLabel = (s: (typeof FORM_SECTIONS)[number]) => (lang === 'en' ? s.en : s.zh);
  const missingSections = new Set(liveMissing.map((m) => m.section));
  const title = content.clusterName?.trim() || t('form.untitled');
  const status = statusLabel(declaration.status, lang);

  let section: ReactNode;
  switch (step) {
    case 'basic':
      section = <BasicSection />;
      break;
    case 'indicators':
      section = <IndicatorsSection />;
      break;
    case 'narratives':
      section = <NarrativesSection />;
      break;
    case 'plan':
      section = <PlanSection />;
      break;
    case 'pledge':
      section = <PledgeSection />;
      break;
    case 'evidence':
      section = null;
      break;
  }

  return (
    <DeclarationFormContext.Provider value={formContext}>
      <section aria-labelledby="declaration-title" className="page declaration-page">
        <Link to="/declarations" className="back-link">
          <ArrowLeftOutlined aria-hidden="true" /> {t('form.back')}
        </Link>
        <header className="decl-header">
          <div className="decl-heading">
            <Typography.Title level={1} id="declaration-title" className="page-title">
              {title}
            </Typography.Title>
            <div className="decl-meta">
              <DeclarationStatusTag status={declaration.status} />
              <span>
                {t('form.meta', {
                  year: declaration.campaignYear,
                  division: declaration.divisionName,
                  unit: declaration.unitName,
                })}
              </span>
              <span>{t('form.version', { version: declaration.version })}</span>
            </div>
          </div>
          <div className="decl-actions">
            {(editor.editable || editor.dirty) && (
              <SaveIndicator
                state={editor.saveState}
                savedAt={editor.savedAt}
                onRetry={() => void editor.save()}
              />
            )}
            <Space wrap>
              <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
                {t('form.history')}
              </Button>
              {can('download_pdf') && (
                <Button
                  icon={<FilePdfOutlined />}
                  href={declarationUrls.pdf(declaration.id)}
                  target="_blank"
                  rel="noopener"
                >
                  {t('form.downloadPdf')}
                </Button>
              )}
              {can('withdraw') && (
                <Button icon={<RollbackOutlined />} loading={busy === 'withdraw'} onClick={onWithdraw}>
                  {t('form.withdraw')}
                </Button>
              )}
              {can('submit') && (
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={busy === 'submit'}
                  disabled={editor.saveState === 'conflict'}
                  onClick={onSubmit}
                >
                  {t('form.submit')}
                </Button>
              )}
            </Space>
          </div>
        </header>

        {declaration.unitDecision && (
          <Alert
            type={declaration.unitDecision.action === 'reject' ? 'error' : 'warning'}
            showIcon
            message={t(declaration.unitDecision.action === 'reject' ? 'form.rejectedBy' : 'form.returnedBy', {
              by: declaration.unitDecision.by ?? declaration.unitName,
              at: formatDateTime(declaration.unitDecision.at),
            })}
            description={<span className="unit-decision">{declaration.unitDecision.comment}</span>}
          />
        )}
        {restoredShown && editor.editable && (
          <Alert
            type="info"
            showIcon
            closable
            onClose={() => setRestoredShown(false)}
            message={t('form.restored')}
          />
        )}
        {declaration.submittedAt && !editor.editable && (
          <Alert
            type="success"
            showIcon
            message={t('form.submittedAt', {
              at: formatDateTime(declaration.submittedAt),
              version: declaration.submittedVersion ?? declaration.version,
            })}
          />
        )}
        {!editor.editable && !editor.locked && (
          <Alert type="info" showIcon message={t('form.readOnly', { status })} />
        )}
        {editor.locked && (
          <Alert
            type="warning"
            showIcon
            message={t('form.nowLocked', { status })}
            action={<Button onClick={editor.discardParked}>{t('form.discardLocal')}</Button>}
          />
        )}
        {editor.parkedDraftVersion !== null && (
          <Alert
            type="warning"
            showIcon
            message={t('form.lockedDraft', { version: editor.parkedDraftVersion })}
            action={<Button onClick={editor.discardParked}>{t('form.discardLocal')}</Button>}
          />
        )}
        {alertItems.length > 0 && (
          <MissingItemsAlert
            items={alertItems}
            campaignYear={declaration.campaignYear}
            onGoTo={goTo}
            onClose={() => setServerMissing(null)}
          />
        )}

        <div className="decl-layout">
          <div className="decl-main">
            <nav aria-label={t('form.steps')} className="decl-steps">
              {narrow ? (
                <Select<FormSectionKey>
                  className="step-select"
                  aria-label={t('form.steps')}
                  value={step}
                  onChange={setStep}
                  options={FORM_SECTIONS.map((s, i) => ({
                    value: s.key,
                    label: `${i + 1}. ${sectionLabel(s)}`,
                  }))}
                />
              ) : (
                <Steps
                  size="small"
                  labelPlacement="vertical"
                  current={stepIndex}
                  onChange={(i) => setStep(FORM_SECTIONS[i]?.key ?? 'basic')}
                  items={FORM_SECTIONS.map((s, i) => ({
                    title: sectionLabel(s),
                    // A tick only for a step with nothing missing, whether or not it was visited.
                    status:
                      showMissing && missingSections.has(s.key)
                        ? 'error'
                        : i === stepIndex
                          ? 'process'
                          : missingSections.has(s.key)
                            ? 'wait'
                            : 'finish',
                  }))}
                />
              )}
            </nav>
            <div className="decl-section">
              <Typography.Title level={2} className="step-title">
                {sectionLabel(FORM_SECTIONS[stepIndex] ?? FORM_SECTIONS[0])}
              </Typography.Title>
              {step === 'evidence' ? (
                <EvidenceSection declaration={declaration} onChanged={editor.receive} />
              ) : (
                <Form
                  layout="vertical"
                  disabled={!editor.editable}
                  requiredMark={false}
                  className="decl-form"
                >
                  {section}
                </Form>
              )}
              <div className="step-nav">
                <Button
                  disabled={stepIndex === 0}
                  onClick={() => setStep(FORM_SECTIONS[stepIndex - 1]?.key ?? 'basic')}
                >
                  {t('form.prev')}
                </Button>
                <Button
                  disabled={stepIndex === FORM_SECTIONS.length - 1}
                  onClick={() => setStep(FORM_SECTIONS[stepIndex + 1]?.key ?? 'evidence')}
                >
                  {t('form.next')}
                </Button>
              </div>
            </div>
          </div>
          <aside className="decl-side" aria-label={t('form.sidePanel')}>
            <SidePanel
              declaration={declaration}
              content={content}
              dirty={editor.dirty}
              onGoToSection={setStep}
            />
          </aside>
        </div>
      </section>

      {editor.conflict && (
        <ConflictModal
          key={editor.conflict.current.version}
          open
          conflict={editor.conflict}
          mine={editor.local}
          campaignYear={declaration.campaignYear}
          onResolve={(how) => {
            editor.resolveConflict(how);
            void message.info(t('conflict.resolved'));
          }}
        />
      )}
      <HistoryDrawer declaration={declaration} open={historyOpen} onClose={() => setHistoryOpen(false)} />
      <Modal
        open={leaveAsk && blocker.state === 'blocked'}
        title={t('leave.title')}
        okText={t('leave.leave')}
        cancelText={t('leave.stay')}
        onOk={() => {
          setLeaveAsk(false);
          blocker.proceed?.();
        }}
        onCancel={() => {
          setLeaveAsk(false);
          blocker.reset?.();
        }}
      >
        {t('leave.content')}
      </Modal>
    </DeclarationFormContext.Provider>
  );
}
