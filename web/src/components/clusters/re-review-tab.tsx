import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decisionProblems, type ReReviewDecision } from '../../../../domain/cluster-lifecycle.ts';
import type { StandardsItem } from '../../../../domain/standards.ts';
import { type ClusterDetail, clusterApi, type ReReview } from '../../api/clusters.ts';
import { invalidateClusterViews, useReReview } from '../../api/clusters-queries.ts';
import { formatNumber, useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../declaration/format.ts';
import { formatStandardsValue, formatThreshold, standardsItemName } from '../declaration/standards-format.ts';
import { errorText, QueryError } from '../ministry/query-error.tsx';
import { PageLoading } from '../page-loading.tsx';
import { formatDate } from '../review/review-format.ts';
import { EvidenceFiles } from './evidence-files.tsx';
import { indicatorName } from './plan-tab.tsx';
import { ReReviewFormView } from './re-review-form.tsx';
import { ReReviewStatusTag } from './status-tags.tsx';
import {
  initialRows,
  PLAN_ITEM,
  type VerificationRow,
  verifyBodyOf,
  verifyProblems,
} from './verification.ts';

const RESULT_COLORS: Record<string, string> = {
  pass: 'green',
  fail: 'red',
  warn: 'orange',
  unknown: 'default',
};

/** Re-review (复核): the county's form, the unit's verification, the ministry's decision. */
export function ReReviewTab({ cluster }: { cluster: ClusterDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useReReview(cluster.id);
  const [starting, setStarting] = useState(false);

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  const r = query.data;
  // A decided re-review of an earlier period: a new one can be started for the current validity.
  const canStart =
    cluster.allowedActions.includes('start_re_review') &&
    (!r || (r.status === 'decided' && r.periodEnd !== cluster.validTo));

  const start = async () => {
    setStarting(true);
    try {
      await clusterApi.saveReReview(cluster.id, 0, {});
      invalidateClusterViews(queryClient, cluster.id);
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setStarting(false);
    }
  };

  return (
    <div className="cluster-tab">
      <Typography.Paragraph type="secondary">{t('cl.reReview.intro')}</Typography.Paragraph>
      {canStart && (
        <Button type="primary" loading={starting} onClick={() => void start()} className="action-bar">
          {t('cl.reReview.start')}
        </Button>
      )}
      {!r ? (
        <Empty description={cluster.reReviewDue ? t('cl.reReview.none') : t('cl.reReview.notDue')} />
      ) : (
        <>
          <Space wrap className="action-bar">
            <ReReviewStatusTag status={r.status} />
            <Typography.Text>
              {t('cl.reReview.periodEnd', { date: formatDate(r.periodEnd, lang) })}
            </Typography.Text>
            {r.submittedAt && (
              <Typography.Text type="secondary">{formatDateTime(r.submittedAt)}</Typography.Text>
            )}
          </Space>
          {r.status === 'returned' && r.returnReason && (
            <Alert
              type="warning"
              showIcon
              message={t('cl.reReview.returnedBanner', { reason: r.returnReason })}
            />
          )}
          {r.decision && (
            <Alert
              type={r.decision.decision === 'extend' ? 'success' : 'error'}
              showIcon
              message={
                r.decision.decision === 'extend'
                  ? t('cl.reReview.extended', { date: formatDate(r.decision.newValidTo, lang) })
                  : t('cl.reReview.revoked')
              }
              description={r.decision.reason || undefined}
            />
          )}
          <StandardsCard r={r} />
          {r.planCheck.length > 0 && (
            <Card size="small" title={t('cl.reReview.planCheck')} className="report-card">
              <Table
                size="small"
                rowKey={(p) => `${p.indicator}-${p.year}`}
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={r.planCheck}
                columns={[
                  {
                    key: 'i',
                    title: t('cl.plan.indicator'),
                    render: (_, p) => indicatorName(p.indicator, lang),
                  },
                  { key: 'y', title: t('cl.plan.year'), dataIndex: 'year' },
                  {
                    key: 'v',
                    title: t('cl.plan.target'),
                    align: 'right',
                    render: (_, p) => formatNumber(p.value, lang),
                  },
                  {
                    key: 'a',
                    title: t('cl.plan.actual'),
                    align: 'right',
                    render: (_, p) => formatNumber(p.actual, lang),
                  },
                  {
                    key: 's',
                    title: t('cl.plan.progress'),
                    render: (_, p) => t(`cl.plan.state.${p.state}` as never, { defaultValue: p.state }),
                  },
                ]}
              />
            </Card>
          )}
          <ReReviewFormView key={`${r.id}-${r.status}`} initial={r} clusterId={cluster.id} />
          {r.allowedActions.includes('verify') ? (
            <VerifyCard key={r.version} r={r} clusterId={cluster.id} />
          ) : (
            r.verification && <VerificationView r={r} />
          )}
          {r.allowedActions.includes('decide') && <DecideCard r={r} clusterId={cluster.id} />}
        </>
      )}
    </div>
  );
}

function StandardsCard({ r }: { r: ReReview }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!r.standards) return null;
  return (
    <Card
      size="small"
      className="report-card"
      title={
        <Space wrap>
          {t('cl.reReview.standards')}
          <Tag color={RESULT_COLORS[r.standards.overall]}>
            {t('cl.reReview.overall')}:{' '}
            {t(`cl.reReview.results.${r.standards.overall}` as never, { defaultValue: r.standards.overall })}
          </Tag>
          <Typography.Text type="secondary">{r.standardsVersion}</Typography.Text>
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={r.standards.items}
        columns={[
          { key: 'n', title: t('cl.reReview.item'), render: (_, i) => standardsItemName(i.code, t, lang) },
          {
            key: 'v',
            title: t('cl.reReview.value'),
            render: (_, i) => formatStandardsValue(i as StandardsItem, lang, t('cl.yes'), t('cl.no')),
          },
          {
            key: 't',
            title: t('cl.reReview.threshold'),
            render: (_, i) => formatThreshold(i as StandardsItem, lang),
          },
          {
            key: 'r',
            title: t('cl.reReview.auto'),
            render: (_, i) => (
              <Tag color={RESULT_COLORS[i.result]}>
                {t(`cl.reReview.results.${i.result}` as never, { defaultValue: i.result })}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}

function useItemName() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (code: string) =>
    code === PLAN_ITEM ? t('cl.reReview.planCheck') : standardsItemName(code, t, lang);
}

function VerificationView({ r }: { r: ReReview }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const itemName = useItemName();
  const v = r.verification;
  if (!v) return null;
  return (
    <Card
      size="small"
      className="report-card"
      title={
        <Space wrap>
          {t('cl.reReview.verification')}
          <Tag color={v.passed ? 'green' : 'red'}>
            {v.passed ? t('cl.reReview.unitPassed') : t('cl.reReview.unitFailed')}
          </Tag>
          <Typography.Text type="secondary">
            {t('cl.reReview.verifiedAt', { time: formatDateTime(v.verifiedAt) })}
          </Typography.Text>
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={v.items}
        columns={[
          { key: 'n', title: t('cl.reReview.item'), render: (_, i) => itemName(i.code) },
          {
            key: 'r',
            title: t('cl.reReview.verdict'),
            render: (_, i) => (
              <Tag color={i.result === 'pass' ? 'green' : 'red'}>{t(`cl.reReview.${i.result}`)}</Tag>
            ),
          },
          { key: 'x', title: t('cl.reReview.reason'), render: (_, i) => i.reason || '—' },
        ]}
      />
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'c', label: t('cl.reReview.comment'), children: v.comment || '—' },
          ...(v.inspection
            ? [
                {
                  key: 'i',
                  label: t('cl.reReview.inspection'),
                  children: (
                    <span className="pre-wrap">
                      {formatDate(v.inspection.date, lang)} · {v.inspection.team}
                      {'\n'}
                      {v.inspection.findings}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function VerifyCard({ r, clusterId }: { r: ReReview; clusterId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const itemName = useItemName();
  const [rows, setRows] = useState<VerificationRow[]>(() => initialRows(r));
  const [passed, setPassed] = useState<boolean>(() => initialRows(r).every((x) => x.result === 'pass'));
  const [comment, setComment] = useState('');
  const [inspection, setInspection] = useState({
    enabled: false,
    date: null as string | null,
    team: '',
    findings: '',
  });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [returnReason, setReturnReason] = useState('');
  const body = useMemo(
    () => verifyBodyOf(rows, passed, comment, inspection),
    [rows, passed, comment, inspection],
  );
  const problems = verifyProblems(body, inspection);
  const problem = (path: string) => (tried ? problems.find((p) => p.path === path) : undefined);
  const setRow = (i: number, patch: Partial<VerificationRow>) =>
    setRows((rs) => {
      const next = rs.map((x, j) => (j === i ? { ...x, ...patch } : x));
      if (patch.result) setPassed(next.every((x) => x.result === 'pass'));
      return next;
    });

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      invalidateClusterViews(queryClient, clusterId);
      message.success(t('cl.done'));
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    setTried(true);
    if (problems.length === 0) void run(() => clusterApi.verifyReReview(clusterId, body));
  };

  return (
    <Card size="small" title={t('cl.reReview.verify')} className="report-card verify-card">
      <Typography.Paragraph type="secondary">{t('cl.reReview.verifyIntro')}</Typography.Paragraph>
      <Table<VerificationRow>
        size="small"
        rowKey="code"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { key: 'n', title: t('cl.reReview.item'), render: (_, row) => itemName(row.code) },
          {
            key: 'a',
            title: t('cl.reReview.auto'),
            render: (_, row) =>
              row.auto ? (
                <Tag color={RESULT_COLORS[row.auto]}>
                  {t(`cl.reReview.results.${row.auto}` as never, { defaultValue: row.auto })}
                </Tag>
              ) : (
                '—'
              ),
          },
          {
            key: 'r',
            title: t('cl.reReview.verdict'),
            render: (_, row, i) => (
              <Radio.Group
                aria-label={`${itemName(row.code)} ${t('cl.reReview.verdict')}`}
                value={row.result}
                onChange={(e) => setRow(i, { result: e.target.value })}
                options={[
                  { value: 'pass', label: t('cl.reReview.pass') },
                  { value: 'fail', label: t('cl.reReview.fail') },
                ]}
              />
            ),
          },
          {
            key: 'x',
            title: t('cl.reReview.reason'),
            render: (_, row, i) => {
              const p = problem(`items[${i}].reason`);
              return (
                <Form.Item
                  className="compact-item"
                  validateStatus={p ? 'error' : undefined}
                  help={p ? t('cl.reReview.reasonRequired') : undefined}
                >
                  <Input
                    aria-label={`${itemName(row.code)} ${t('cl.reReview.reason')}`}
                    value={row.reason}
                    onChange={(e) => setRow(i, { reason: e.target.value })}
                  />
                </Form.Item>
              );
            },
          },
        ]}
      />
      <Form layout="vertical" component="div" className="section-gap">
        <Form.Item
          label={t('cl.reReview.verdict')}
          validateStatus={problem('passed') ? 'error' : undefined}
          help={problem('passed')?.message}
        >
          <Radio.Group
            value={passed}
            onChange={(e) => setPassed(e.target.value)}
            options={[
              { value: true, label: t('cl.reReview.unitPassed') },
              { value: false, label: t('cl.reReview.unitFailed') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('cl.reReview.comment')}
          htmlFor="verify-comment"
          validateStatus={problem('comment') ? 'error' : undefined}
          help={problem('comment') ? t('cl.commentRequired') : undefined}
        >
          <Input.TextArea id="verify-comment" value={comment} onChange={(e) => setComment(e.target.value)} />
        </Form.Item>
        <Checkbox
          checked={inspection.enabled}
          onChange={(e) => setInspection((x) => ({ ...x, enabled: e.target.checked }))}
        >
          {t('cl.reReview.inspected')}
        </Checkbox>
        {inspection.enabled && (
          <div className="inspection-fields">
            <Form.Item
              label={t('cl.reReview.inspectionDate')}
              htmlFor="inspection-date"
              validateStatus={problem('inspection.date') ? 'error' : undefined}
              help={problem('inspection.date') ? t('cl.required') : undefined}
            >
              <DatePicker
                id="inspection-date"
                onChange={(d) => setInspection((x) => ({ ...x, date: d ? d.format('YYYY-MM-DD') : null }))}
              />
            </Form.Item>
            <Form.Item label={t('cl.reReview.inspectionTeam')} htmlFor="inspection-team">
              <Input
                id="inspection-team"
                value={inspection.team}
                onChange={(e) => setInspection((x) => ({ ...x, team: e.target.value }))}
              />
            </Form.Item>
            <Form.Item label={t('cl.reReview.findings')} htmlFor="inspection-findings">
              <Input.TextArea
                id="inspection-findings"
                value={inspection.findings}
                onChange={(e) => setInspection((x) => ({ ...x, findings: e.target.value }))}
              />
            </Form.Item>
          </div>
        )}
        <Typography.Text strong>{t('cl.reReview.inspectionFiles')}</Typography.Text>
        <EvidenceFiles
          clusterId={clusterId}
          files={r.files}
          upload={async (file) => {
            await clusterApi.addReReviewFile(clusterId, file);
            void queryClient.invalidateQueries({ queryKey: ['clusters', 'one', clusterId, 're-review'] });
          }}
        />
      </Form>
      <Space wrap className="action-bar">
        <Button type="primary" loading={busy} onClick={submit}>
          {t('cl.reReview.submitVerify')}
        </Button>
        {r.allowedActions.includes('return') && (
          <Button onClick={() => setReturning(true)}>{t('cl.reReview.return')}</Button>
        )}
      </Space>
      <Modal
        open={returning}
        title={t('cl.reReview.return')}
        okText={t('cl.reReview.return')}
        cancelText={t('cl.cancel')}
        okButtonProps={{ disabled: returnReason.trim() === '' }}
        confirmLoading={busy}
        onOk={() =>
          void run(() => clusterApi.returnReReview(clusterId, returnReason)).then(() => setReturning(false))
        }
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form layout="vertical" component="div">
          <Form.Item label={t('cl.report.returnReason')} htmlFor="re-review-return-reason" required>
            <Input.TextArea
              id="re-review-return-reason"
              value={returnReason}
              onChange={(e) => setReturnReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function DecideCard({ r, clusterId }: { r: ReReview; clusterId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const unitPassed = r.verification?.passed ?? false;
  const [decision, setDecision] = useState<ReReviewDecision>(unitPassed ? 'extend' : 'revoke');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const problems = decisionProblems(unitPassed, { decision, reason });
  const submit = async () => {
    setBusy(true);
    try {
      await clusterApi.decideReReview(clusterId, { decision, reason: reason.trim() });
      invalidateClusterViews(queryClient, clusterId);
      message.success(t('cl.done'));
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('cl.reReview.decide')} className="report-card decide-card">
      <Form layout="vertical" component="div">
        <Form.Item label={t('cl.reReview.decision')}>
          <Radio.Group
            value={decision}
            onChange={(e) => setDecision(e.target.value)}
            options={[
              { value: 'extend', label: t('cl.reReview.extend') },
              { value: 'revoke', label: t('cl.reReview.revoke') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('cl.reReview.decisionReason')}
          htmlFor="decision-reason"
          extra={t('cl.reReview.decisionReasonHint')}
          required={problems.length > 0}
        >
          <Input.TextArea id="decision-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
      <Button
        type="primary"
        danger={decision === 'revoke'}
        loading={busy}
        disabled={problems.length > 0}
        onClick={() => void submit()}
      >
        {t('cl.reReview.submitDecision')}
      </Button>
    </Card>
  );
}
