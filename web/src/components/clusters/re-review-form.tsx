import { SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, ConfigProvider, Form, Input, Space, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclarationContent } from '../../../../domain/declaration-form.ts';
import { ApiError } from '../../api/client.ts';
import { clusterApi, type ReReview, type ReReviewForm } from '../../api/clusters.ts';
import { invalidateClusterViews } from '../../api/clusters-queries.ts';
import { BasicSection } from '../declaration/basic-section.tsx';
import { missingMessage } from '../declaration/field-paths.ts';
import { DeclarationFormContext, type DeclarationFormContextValue } from '../declaration/form-context.tsx';
import { IndicatorsSection } from '../declaration/indicators-section.tsx';
import { NarrativesSection } from '../declaration/narratives-section.tsx';
import { PlanSection } from '../declaration/plan-section.tsx';
import { PledgeSection } from '../declaration/pledge-section.tsx';
import { errorText } from '../ministry/query-error.tsx';
import { EvidenceFiles } from './evidence-files.tsx';
import { SaveStateText } from './report-editor.tsx';
import { useAutosaveDraft } from './use-autosave-draft.ts';

const formOf = (r: ReReview) => r.form as ReReviewForm;
const SECTIONS = ['basic', 'indicators', 'narratives', 'plan', 'pledge', 'summary'] as const;

/** The year the indicator years of the form belong to (the form carries them; the year after the last). */
function formYear(content: DeclarationContent): number {
  const last = content.indicators.years?.[2];
  return last !== undefined ? last + 1 : new Date().getFullYear();
}

/**
 * The Re-review Form (《复核申报表》): the Declaration Form's sections (reused from the declaration editor),
 * the plan self-assessment and the summary. Editable for the county while draft or returned, saved as it
 * types; read-only for everyone else.
 */
export function ReReviewFormView({ initial, clusterId }: { initial: ReReview; clusterId: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const draft = useAutosaveDraft<ReReviewForm, ReReview>({
    initial,
    contentOf: formOf,
    save: (v, patch) => clusterApi.saveReReview(clusterId, v, patch),
    reload: () => clusterApi.reReview(clusterId),
    editable: initial.allowedActions.includes('edit'),
  });
  const r = draft.record;
  const editable = r.allowedActions.includes('edit');
  const form = draft.content;
  const [step, setStep] = useState<(typeof SECTIONS)[number]>(editable ? 'summary' : 'basic');
  const [showMissing, setShowMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const { setField } = draft;

  const missing = useMemo(() => {
    const map = new Map<string, string>();
    if (!showMissing) return map;
    for (const m of r.missing)
      map.set(
        m.path.replace(/^content\./, ''),
        missingMessage({ ...m, path: m.path.replace(/^content\./, '') }, t),
      );
    return map;
  }, [showMissing, r.missing, t]);

  const setContentField = useCallback(
    (path: string, value: unknown) => setField(`content.${path}`, value),
    [setField],
  );
  const ctx: DeclarationFormContextValue = {
    content: form.content,
    setField: setContentField,
    editable,
    campaignYear: formYear(form.content),
    missing,
  };

  const submit = async () => {
    setBusy(true);
    try {
      if (!(await draft.flush())) return;
      const next = await clusterApi.submitReReview(clusterId);
      draft.receive(next);
      invalidateClusterViews(queryClient, clusterId);
      message.success(t('cl.report.submitted'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
        setShowMissing(true);
        const fresh = await clusterApi.reReview(clusterId).catch(() => null);
        if (fresh) draft.receive(fresh);
      }
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  const section = (key: (typeof SECTIONS)[number]) => {
    switch (key) {
      case 'basic':
        return <BasicSection />;
      case 'indicators':
        return <IndicatorsSection />;
      case 'narratives':
        return <NarrativesSection />;
      case 'plan':
        return <PlanSection />;
      case 'pledge':
        return <PledgeSection />;
      case 'summary':
        return (
          <Form layout="vertical" component="div">
            <Form.Item
              label={t('cl.reReview.planSelfAssessment')}
              htmlFor="re-review-plan"
              validateStatus={missing.has('planSelfAssessment') ? 'error' : undefined}
              help={missing.get('planSelfAssessment')}
            >
              <Input.TextArea
                id="re-review-plan"
                autoSize={{ minRows: 4, maxRows: 14 }}
                value={form.planSelfAssessment}
                onChange={(e) => setField('planSelfAssessment', e.target.value)}
              />
            </Form.Item>
            <Form.Item
              label={t('cl.reReview.summary')}
              htmlFor="re-review-summary"
              validateStatus={missing.has('summary') ? 'error' : undefined}
              help={missing.get('summary')}
            >
              <Input.TextArea
                id="re-review-summary"
                autoSize={{ minRows: 4, maxRows: 14 }}
                value={form.summary}
                onChange={(e) => setField('summary', e.target.value)}
              />
            </Form.Item>
          </Form>
        );
    }
  };

  return (
    <Card
      size="small"
      className="report-card"
      title={t('cl.reReview.form')}
      extra={editable ? <SaveStateText state={draft.saveState} savedAt={draft.savedAt} /> : undefined}
    >
      {editable && (
        <Alert type="info" showIcon message={t('cl.reReview.prefilled')} className="section-gap" />
      )}
      {showMissing && r.missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="section-gap"
          message={t('cl.report.missingTitle', { count: r.missing.length })}
          description={
            <ul className="missing-list">
              {r.missing.slice(0, 30).map((m) => (
                <li key={`${m.path}-${m.message}`}>
                  {missingMessage({ ...m, path: m.path.replace(/^content\./, '') }, t)}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <DeclarationFormContext.Provider value={ctx}>
        <ConfigProvider componentDisabled={!editable}>
          <Tabs
            activeKey={step}
            onChange={(k) => setStep(k as (typeof SECTIONS)[number])}
            items={SECTIONS.map((key) => ({
              key,
              label: t(`cl.reReview.sections.${key}`),
              children: section(key),
            }))}
          />
        </ConfigProvider>
      </DeclarationFormContext.Provider>
      <Typography.Text strong>{t('cl.files')}</Typography.Text>
      <EvidenceFiles
        clusterId={clusterId}
        files={r.files}
        upload={
          editable
            ? async (file) => {
                await clusterApi.addReReviewFile(clusterId, file);
                const fresh = await clusterApi.reReview(clusterId);
                draft.receive(fresh);
              }
            : undefined
        }
      />
      {r.allowedActions.includes('submit') && (
        <Space className="action-bar">
          <Button
            type="primary"
            icon={<SendOutlined aria-hidden="true" />}
            loading={busy}
            onClick={() => modal.confirm({ title: t('cl.reReview.submitConfirm'), onOk: () => submit() })}
          >
            {t('cl.reReview.submit')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
