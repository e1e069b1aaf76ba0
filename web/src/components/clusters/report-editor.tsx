import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Space,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { type AnnualReport, type AnnualReportContent, clusterApi } from '../../api/clusters.ts';
import { invalidateClusterViews } from '../../api/clusters-queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { getAtPath } from '../declaration/content-patch.ts';
import { formatDateTime } from '../declaration/format.ts';
import { errorText } from '../ministry/query-error.tsx';
import { formatDate } from '../review/review-format.ts';
import {
  FIELD_BOUNDS,
  NARRATIVE_PATHS,
  REPORT_FIGURE_SECTIONS,
  reportFieldId,
  reportFieldLabelKey,
  reportMissingText,
} from './report-form.ts';
import { ReportStatusTag } from './status-tags.tsx';
import { type DraftSaveState, useAutosaveDraft } from './use-autosave-draft.ts';

const contentOf = (r: AnnualReport) => r.content;

export function SaveStateText({ state, savedAt }: { state: DraftSaveState; savedAt: Date | null }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type={state === 'error' ? 'danger' : 'secondary'} role="status" aria-live="polite">
      {t(`cl.report.saveState.${state}`, { time: savedAt ? dayjs(savedAt).format('HH:mm:ss') : '' })}
    </Typography.Text>
  );
}

/** One year's annual report: the county's form (saved as it types) and submit; the unit's return or forward. */
export function ReportEditor({ initial, clusterId }: { initial: AnnualReport; clusterId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const year = initial.year;
  const draft = useAutosaveDraft<AnnualReportContent, AnnualReport>({
    initial,
    contentOf,
    save: (v, patch) => clusterApi.saveReport(clusterId, year, v, patch),
    reload: () => clusterApi.report(clusterId, year),
    editable: initial.allowedActions.includes('edit'),
  });
  const report = draft.record;
  const editable = report.allowedActions.includes('edit');
  const content = draft.content;
  const [missing, setMissing] = useState<{ path: string; message: string }[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');

  const act = async (action: 'submit' | 'return' | 'forward', comment = '') => {
    setBusy(action);
    try {
      if (action === 'submit' && !(await draft.flush())) return;
      const next = await clusterApi.reportAction(clusterId, year, action, comment);
      draft.receive(next);
      setMissing(null);
      setReturning(false);
      invalidateClusterViews(queryClient, clusterId);
      message.success(
        t(`cl.report.${action === 'submit' ? 'submitted' : action === 'return' ? 'returned' : 'forwarded'}`),
      );
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED' && action === 'submit')
        setMissing(err.details as { path: string; message: string }[]);
      else message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(null);
    }
  };

  const missingMap = new Map((missing ?? []).map((m) => [m.path, reportMissingText(m, t)]));
  const numberField = (path: string, kind: keyof typeof FIELD_BOUNDS) => {
    const id = reportFieldId(path);
    const error = missingMap.get(path);
    const value = getAtPath(content, path) as number | null;
    return (
      <Col xs={24} sm={12} lg={8} key={path}>
        <Form.Item
          label={t(reportFieldLabelKey(path) as never)}
          htmlFor={id}
          validateStatus={error ? 'error' : undefined}
          help={error}
        >
          {editable ? (
            <InputNumber<number>
              id={id}
              className="full-width"
              value={value}
              min={FIELD_BOUNDS[kind].min}
              max={FIELD_BOUNDS[kind].max}
              precision={FIELD_BOUNDS[kind].precision}
              onChange={(v) => draft.setField(path, v ?? null)}
            />
          ) : (
            <span id={id}>{value ?? '—'}</span>
          )}
        </Form.Item>
      </Col>
    );
  };

  return (
    <div className="report-editor">
      <div className="page-head">
        <Typography.Title level={3} className="section-heading">
          {t('cl.report.yearLabel', { year })} <ReportStatusTag status={report.status} />
        </Typography.Title>
        <Space wrap>
          <Typography.Text type={report.overdue ? 'danger' : 'secondary'}>
            {t('cl.report.due', { date: formatDate(report.dueOn, lang) })}
            {report.overdue ? ` · ${t('cl.report.overdue')}` : ''}
            {report.submittedLate ? ` · ${t('cl.report.late')}` : ''}
          </Typography.Text>
          {editable && <SaveStateText state={draft.saveState} savedAt={draft.savedAt} />}
        </Space>
      </div>
      {report.status === 'returned' && report.returnReason && (
        <Alert
          type="warning"
          showIcon
          message={t('cl.report.returnedBanner', { reason: report.returnReason })}
        />
      )}
      {missing && missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('cl.report.missingTitle', { count: missing.length })}
          description={
            <ul className="missing-list">
              {missing.map((m) => (
                <li key={`${m.path}-${m.message}`}>{reportMissingText(m, t)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Form layout="vertical" component="div" className="report-form">
        {REPORT_FIGURE_SECTIONS.map((s) => (
          <Card key={s.key} size="small" title={t(`cl.report.sections.${s.key}`)} className="report-card">
            <Row gutter={16}>{s.fields.map((f) => numberField(f.path, f.kind))}</Row>
          </Card>
        ))}
        <Card size="small" title={t('cl.report.narratives')} className="report-card">
          {NARRATIVE_PATHS.map((path) => {
            const id = reportFieldId(path);
            const error = missingMap.get(path);
            const value = (getAtPath(content, path) as string) ?? '';
            return (
              <Form.Item
                key={path}
                label={t(reportFieldLabelKey(path) as never)}
                htmlFor={id}
                validateStatus={error ? 'error' : undefined}
                help={error}
              >
                {editable ? (
                  <Input.TextArea
                    id={id}
                    value={value}
                    maxLength={20_000}
                    autoSize={{ minRows: path === 'narratives.summary' ? 3 : 2, maxRows: 12 }}
                    onChange={(e) => draft.setField(path, e.target.value)}
                  />
                ) : (
                  <Typography.Paragraph id={id} className="pre-wrap">
                    {value || '—'}
                  </Typography.Paragraph>
                )}
              </Form.Item>
            );
          })}
        </Card>
        <Card size="small" title={t('cl.report.negative')} className="report-card">
          <Form.Item
            label={t('cl.report.noIncidents')}
            validateStatus={missingMap.get('noSeriousIncidents') ? 'error' : undefined}
            help={missingMap.get('noSeriousIncidents')}
          >
            <Radio.Group
              disabled={!editable}
              value={content.noSeriousIncidents}
              onChange={(e) => draft.setField('noSeriousIncidents', e.target.value)}
              options={[
                { value: true, label: t('cl.yes') },
                { value: false, label: t('cl.no') },
              ]}
            />
          </Form.Item>
          {content.noSeriousIncidents === false && (
            <Form.Item
              label={t('cl.report.incident')}
              htmlFor="report-incidentDescription"
              validateStatus={missingMap.get('incidentDescription') ? 'error' : undefined}
              help={missingMap.get('incidentDescription')}
            >
              <Input.TextArea
                id="report-incidentDescription"
                disabled={!editable}
                value={content.incidentDescription}
                onChange={(e) => draft.setField('incidentDescription', e.target.value)}
              />
            </Form.Item>
          )}
        </Card>
      </Form>
      <Space wrap className="action-bar">
        {report.allowedActions.includes('submit') && (
          <Button
            type="primary"
            icon={<SendOutlined aria-hidden="true" />}
            loading={busy === 'submit'}
            onClick={() =>
              modal.confirm({
                title: t('cl.report.submitConfirm', { year }),
                onOk: () => act('submit'),
              })
            }
          >
            {t('cl.report.submit')}
          </Button>
        )}
        {report.allowedActions.includes('forward') && (
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden="true" />}
            loading={busy === 'forward'}
            onClick={() => act('forward')}
          >
            {t('cl.report.forward')}
          </Button>
        )}
        {report.allowedActions.includes('return') && (
          <Button icon={<RollbackOutlined aria-hidden="true" />} onClick={() => setReturning(true)}>
            {t('cl.report.return')}
          </Button>
        )}
      </Space>
      {report.events.length > 0 && (
        <Card size="small" title={t('cl.report.events')} className="report-card">
          <Timeline
            items={report.events.map((e) => ({
              children: (
                <div>
                  <ReportStatusTag status={e.toStatus as AnnualReport['status']} /> {formatDateTime(e.at)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                  {e.comment ? <div className="pre-wrap">{e.comment}</div> : null}
                </div>
              ),
            }))}
          />
        </Card>
      )}
      <Modal
        open={returning}
        title={t('cl.report.return')}
        okText={t('cl.report.return')}
        cancelText={t('cl.cancel')}
        confirmLoading={busy === 'return'}
        okButtonProps={{ disabled: reason.trim() === '' }}
        onOk={() => act('return', reason)}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form layout="vertical" component="div">
          <Form.Item label={t('cl.report.returnReason')} htmlFor="report-return-reason" required>
            <Input.TextArea
              id="report-return-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
