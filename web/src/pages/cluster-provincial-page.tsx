import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STANDARDS_VERSIONS } from '../../../domain/standards.ts';
import {
  clusterApi,
  type ProvincialCampaign,
  type ProvincialCandidate,
  type ProvincialObjection,
} from '../api/clusters.ts';
import {
  invalidateClusterViews,
  useProvincialCandidates,
  useProvincialObjections,
  useProvincialRounds,
} from '../api/clusters-queries.ts';
import { expertApi } from '../api/expert.ts';
import { useServerToday, useSession } from '../api/queries.ts';
import { errorText, QueryError } from '../components/ministry/query-error.tsx';
import { formatDate } from '../components/review/review-format.ts';
import { useLanguage } from '../i18n/index.ts';
import '../components/clusters/clusters.css';

const RESULT_COLORS: Record<string, string> = { pass: 'green', fail: 'red', warn: 'orange' };

/** 省级集群认定: a unit's own identification rounds one tier down, candidates checked against its standards. */
export default function ClusterProvincialPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession().data;
  const unitCode = session?.user.unitCode ?? undefined;
  const rounds = useProvincialRounds(unitCode);
  const [year, setYear] = useState<number | undefined>();
  const [creating, setCreating] = useState(0);
  if (session?.user.role !== 'unit' || !unitCode)
    return <Result status="403" title={<h1 className="result-title">{t('cl.unitOnly')}</h1>} />;
  const items = rounds.data?.items ?? [];
  const current = items.find((r) => r.year === year) ?? items.find((r) => r.status === 'open') ?? items[0];

  return (
    <section aria-labelledby="provincial-title" className="page cluster-page">
      <Typography.Title level={1} id="provincial-title" className="page-title">
        {t('cl.provincial.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('cl.provincial.intro')}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<PlusOutlined aria-hidden="true" />}
        className="action-bar"
        onClick={() => setCreating((n) => n + 1)}
      >
        {t('cl.provincial.newRound')}
      </Button>
      {rounds.isError ? (
        <QueryError error={rounds.error} retry={() => void rounds.refetch()} />
      ) : (
        <Card size="small" title={t('cl.provincial.rounds')} className="report-card">
          <Table<ProvincialCampaign>
            size="small"
            rowKey="id"
            loading={rounds.isPending}
            dataSource={items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowClassName={(r) => (r.id === current?.id ? 'row-selected' : '')}
            locale={{ emptyText: <Empty description={t('cl.provincial.none')} /> }}
            onRow={(r) => ({ onClick: () => setYear(r.year) })}
            columns={[
              { key: 'year', title: t('cl.provincial.year'), dataIndex: 'year' },
              { key: 'title', title: t('cl.provincial.roundTitle'), dataIndex: 'title' },
              { key: 'sv', title: t('cl.provincial.standardsVersion'), dataIndex: 'standardsVersion' },
              {
                key: 'status',
                title: '',
                render: (_, r) => (
                  <span className="nowrap">
                    <Tag color={r.status === 'open' ? 'processing' : 'default'}>
                      {t(`cl.provincial.statuses.${r.status}`)}
                    </Tag>
                    {t('cl.provincial.clusters', { count: r.clusters })}
                    {r.noticeNo ? ` · ${r.noticeNo} · ${formatDate(r.publishedOn, lang)}` : ''}
                  </span>
                ),
              },
            ]}
          />
        </Card>
      )}
      {current && <Candidates key={current.id} unitCode={unitCode} round={current} />}
      {current?.publicity && <PublicityCard key={`p-${current.id}`} unitCode={unitCode} round={current} />}
      {creating > 0 && <NewRoundModal key={creating} unitCode={unitCode} onClose={() => setCreating(0)} />}
    </section>
  );
}

function Candidates({ unitCode, round }: { unitCode: string; round: ProvincialCampaign }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const candidates = useProvincialCandidates(unitCode, round.year);
  const [selected, setSelected] = useState<string[]>([]);
  const [justification, setJustification] = useState<Record<string, string>>({});
  const [noticeNo, setNoticeNo] = useState('');
  const [publishedOn, setPublishedOn] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const [startsOn, setStartsOn] = useState<Dayjs | null>(null);
  const [workingDays, setWorkingDays] = useState<number | null>(5);
  const [inviting, setInviting] = useState<ProvincialCandidate | null>(null);
  const open = round.allowedActions.includes('identify');
  const publicize = round.allowedActions.includes('publicize');
  const invite = round.allowedActions.includes('assign_experts');
  const items = candidates.data?.items ?? [];
  const lacking = items.filter(
    (c) =>
      selected.includes(c.declarationId) &&
      c.standards.overall === 'fail' &&
      !(justification[c.declarationId] ?? '').trim(),
  );
  const identify = async () => {
    if (!publishedOn) return;
    setBusy(true);
    try {
      const res = await clusterApi.identifyProvincial(unitCode, round.year, {
        noticeNo,
        publishedOn: publishedOn.format('YYYY-MM-DD'),
        declarations: selected.map((declarationId) => ({
          declarationId,
          justification: justification[declarationId] ?? '',
        })),
      });
      invalidateClusterViews(queryClient);
      message.success(t('cl.provincial.identified', { count: res.clusters.length }));
      setSelected([]);
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    if (!startsOn || !workingDays) return;
    setBusy(true);
    try {
      await clusterApi.publicizeProvincial(unitCode, round.year, {
        declarationIds: selected,
        startsOn: startsOn.format('YYYY-MM-DD'),
        workingDays,
      });
      invalidateClusterViews(queryClient);
      message.success(t('cl.done'));
      setSelected([]);
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={`${t('cl.provincial.candidates')} · ${round.title}`} className="report-card">
      {candidates.isError ? (
        <QueryError error={candidates.error} retry={() => void candidates.refetch()} />
      ) : (
        <Table<ProvincialCandidate>
          size="small"
          rowKey="declarationId"
          loading={candidates.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('cl.provincial.noCandidates')} /> }}
          rowSelection={
            open || publicize
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  getCheckboxProps: (c) => ({
                    // After a 公示, only what was on it can be identified.
                    disabled: c.alreadyProvincial || (round.publicity !== null && !c.inPublicity),
                    'aria-label': `${t('cl.provincial.select')} ${c.clusterName}`,
                  }),
                }
              : undefined
          }
          columns={[
            { key: 'name', title: t('cl.list.cols.name'), render: (_, c) => c.clusterName },
            { key: 'division', title: t('cl.detail.fields.county'), dataIndex: 'divisionCode' },
            { key: 'year', title: t('cl.provincial.year'), dataIndex: 'campaignYear' },
            {
              key: 'check',
              title: t('cl.provincial.check'),
              render: (_, c) => (
                <span>
                  <Tag color={RESULT_COLORS[c.standards.overall] ?? 'default'}>
                    {t(`cl.reReview.results.${c.standards.overall}` as never, {
                      defaultValue: c.standards.overall,
                    })}
                  </Tag>
                  <span className="small-note">
                    {c.standards.items
                      .filter((i) => i.result !== 'pass')
                      .map((i) => i.message)
                      .join('；')}
                  </span>
                  {c.alreadyProvincial && <Tag>{t('cl.provincial.already')}</Tag>}
                </span>
              ),
            },
            {
              key: 'experts',
              title: t('cl.provincial.experts'),
              render: (_, c) => (
                <Space size="small" wrap>
                  <span className="nowrap">
                    {t('cl.provincial.scoredOf', { scored: c.scored, experts: c.experts })}
                    {c.aggregate !== null ? ` · ${c.aggregate}` : ''}
                  </span>
                  {invite && (
                    <Button size="small" onClick={() => setInviting(c)}>
                      {t('cl.provincial.invite')}
                    </Button>
                  )}
                </Space>
              ),
            },
            {
              key: 'publicity',
              title: t('cl.provincial.publicity'),
              render: (_, c) =>
                c.inPublicity ? <Tag color="blue">{t('cl.provincial.inPublicity')}</Tag> : '—',
            },
            {
              key: 'justification',
              title: t('cl.provincial.justification'),
              render: (_, c) =>
                selected.includes(c.declarationId) && c.standards.overall === 'fail' ? (
                  <Input.TextArea
                    aria-label={`${t('cl.provincial.justification')} ${c.clusterName}`}
                    value={justification[c.declarationId] ?? ''}
                    onChange={(e) => setJustification((j) => ({ ...j, [c.declarationId]: e.target.value }))}
                  />
                ) : null,
            },
          ]}
        />
      )}
      {publicize && (
        <Form layout="vertical" component="div" className="section-gap">
          <Typography.Paragraph type="secondary">{t('cl.provincial.publicizeIntro')}</Typography.Paragraph>
          <Space wrap align="end">
            <Form.Item label={t('cl.provincial.startsOn')} htmlFor="provincial-starts" required>
              <DatePicker id="provincial-starts" value={startsOn} onChange={setStartsOn} />
            </Form.Item>
            <Form.Item label={t('cl.provincial.workingDays')} htmlFor="provincial-days" required>
              <InputNumber
                id="provincial-days"
                min={1}
                max={60}
                value={workingDays}
                onChange={setWorkingDays}
              />
            </Form.Item>
            <Form.Item>
              <Button
                loading={busy}
                disabled={selected.length === 0 || !startsOn || !workingDays}
                onClick={() => void publish()}
              >
                {t('cl.provincial.publicize')}
              </Button>
            </Form.Item>
          </Space>
        </Form>
      )}
      {round.status === 'open' && round.publicity && !open && (
        <Typography.Paragraph type="secondary" className="section-gap">
          {t('cl.provincial.waitForPublicity', { date: formatDate(round.publicity.endsOn, lang) })}
        </Typography.Paragraph>
      )}
      {inviting && (
        <InviteModal
          unitCode={unitCode}
          year={round.year}
          candidate={inviting}
          onClose={() => setInviting(null)}
        />
      )}
      {open && (
        <Form layout="vertical" component="div" className="section-gap">
          <Space wrap align="end">
            <Form.Item label={t('cl.provincial.noticeNo')} htmlFor="provincial-notice" required>
              <Input id="provincial-notice" value={noticeNo} onChange={(e) => setNoticeNo(e.target.value)} />
            </Form.Item>
            <Form.Item label={t('cl.provincial.publishedOn')} htmlFor="provincial-date" required>
              <DatePicker id="provincial-date" value={publishedOn} onChange={setPublishedOn} />
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                loading={busy}
                disabled={selected.length === 0 || !noticeNo.trim() || !publishedOn || lacking.length > 0}
                onClick={() => void identify()}
              >
                {t('cl.provincial.identify')}
              </Button>
            </Form.Item>
          </Space>
          {lacking.length > 0 && (
            <Typography.Text type="danger">{t('cl.provincial.justificationRequired')}</Typography.Text>
          )}
        </Form>
      )}
    </Card>
  );
}

function NewRoundModal({ unitCode, onClose }: { unitCode: string; onClose: () => void }) {
  const { t } = useTranslation();
  const today = useServerToday();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = (await form.validateFields()) as { year: number; title: string; standardsVersion: string };
    setBusy(true);
    try {
      await clusterApi.createProvincialRound(unitCode, v);
      invalidateClusterViews(queryClient);
      onClose();
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };
  const thisYear = Number(today.slice(0, 4));
  return (
    <Modal
      open
      title={t('cl.provincial.newRound')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('cl.save')}
      cancelText={t('cl.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: thisYear, standardsVersion: '2022-provincial-example' }}
      >
        <Form.Item name="year" label={t('cl.provincial.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('cl.provincial.roundTitle')}
          rules={[{ required: true, whitespace: true, message: t('cl.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="standardsVersion"
          label={t('cl.provincial.standardsVersion')}
          rules={[{ required: true }]}
        >
          <Select options={Object.keys(STANDARDS_VERSIONS).map((v) => ({ value: v, label: v }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The unit invites experts (any active expert account) to score one candidate of its round. */
function InviteModal({
  unitCode,
  year,
  candidate,
  onClose,
}: {
  unitCode: string;
  year: number;
  candidate: ProvincialCandidate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const experts = useQuery({ queryKey: ['experts'], queryFn: ({ signal }) => expertApi.experts(signal) });
  const [ids, setIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await clusterApi.inviteProvincialExperts(unitCode, year, candidate.declarationId, ids);
      invalidateClusterViews(queryClient);
      onClose();
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('cl.provincial.inviteTitle', { name: candidate.clusterName })}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: ids.length === 0 }}
      confirmLoading={busy}
      okText={t('cl.provincial.invite')}
      cancelText={t('cl.cancel')}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('cl.provincial.experts')} htmlFor="provincial-experts" required>
          <Select
            id="provincial-experts"
            mode="multiple"
            loading={experts.isPending}
            value={ids}
            onChange={setIds}
            optionFilterProp="label"
            options={(experts.data?.items ?? []).map((e) => ({ value: e.id, label: e.displayName }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The round's 公示: its period, the list as published, and the public's objections for the unit to resolve. */
function PublicityCard({ unitCode, round }: { unitCode: string; round: ProvincialCampaign }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const p = round.publicity!;
  const objections = useProvincialObjections(unitCode, round.year, true);
  const [resolving, setResolving] = useState<{
    o: ProvincialObjection;
    decision: 'upheld' | 'dismissed';
  } | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const own = round.status === 'open';
  const resolve = async () => {
    if (!resolving) return;
    setBusy(true);
    try {
      await clusterApi.resolveProvincialObjection(unitCode, round.year, resolving.o.id, {
        decision: resolving.decision,
        reason,
      });
      invalidateClusterViews(queryClient);
      setResolving(null);
      setReason('');
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={`${t('cl.provincial.publicity')} · ${round.title}`} className="report-card">
      <Typography.Paragraph>
        {t('cl.provincial.publicityPeriod', {
          from: formatDate(p.startsOn, lang),
          to: formatDate(p.endsOn, lang),
          days: p.workingDays,
        })}{' '}
        <Tag color={p.open ? 'processing' : p.ended ? 'default' : 'warning'}>
          {t(`cl.provincial.publicityStates.${p.open ? 'open' : p.ended ? 'ended' : 'upcoming'}`)}
        </Tag>
      </Typography.Paragraph>
      <Typography.Title level={3} className="step-title">
        {t('cl.provincial.objections')}
      </Typography.Title>
      {objections.isError ? (
        <QueryError error={objections.error} retry={() => void objections.refetch()} />
      ) : (
        <Table<ProvincialObjection>
          size="small"
          rowKey="id"
          loading={objections.isPending}
          dataSource={objections.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('cl.provincial.noObjections')} /> }}
          columns={[
            { key: 'name', title: t('cl.list.cols.name'), dataIndex: 'clusterName' },
            {
              key: 'who',
              title: t('cl.provincial.objector'),
              render: (_, o) => `${o.realName} · ${o.contact}`,
            },
            {
              key: 'reason',
              title: t('cl.provincial.objectionReason'),
              render: (_, o) => (
                <div>
                  <div className="pre-wrap">{o.reason}</div>
                  {o.evidence && (
                    <a
                      href={clusterApi.provincialEvidenceUrl(unitCode, round.year, o.id)}
                      download={o.evidence.filename}
                    >
                      {o.evidence.filename}
                    </a>
                  )}
                </div>
              ),
            },
            {
              key: 'status',
              title: t('cl.provincial.objectionStatus'),
              render: (_, o) => (
                <div>
                  <Tag
                    color={o.status === 'upheld' ? 'red' : o.status === 'dismissed' ? 'default' : 'orange'}
                  >
                    {t(`cl.provincial.objectionStatuses.${o.status}`)}
                  </Tag>
                  {o.resolution && <div className="small-note pre-wrap">{o.resolution}</div>}
                  {own && o.status === 'open' && (
                    <Space size="small">
                      <Button size="small" danger onClick={() => setResolving({ o, decision: 'upheld' })}>
                        {t('cl.provincial.uphold')}
                      </Button>
                      <Button size="small" onClick={() => setResolving({ o, decision: 'dismissed' })}>
                        {t('cl.provincial.dismiss')}
                      </Button>
                    </Space>
                  )}
                </div>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={resolving !== null}
        title={resolving ? t(`cl.provincial.${resolving.decision === 'upheld' ? 'uphold' : 'dismiss'}`) : ''}
        okButtonProps={{ disabled: reason.trim() === '' }}
        confirmLoading={busy}
        onOk={() => void resolve()}
        onCancel={() => setResolving(null)}
        cancelText={t('cl.cancel')}
        destroyOnHidden
      >
        <Form layout="vertical" component="div">
          <Form.Item label={t('cl.provincial.resolution')} htmlFor="objection-resolution" required>
            <Input.TextArea
              id="objection-resolution"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
