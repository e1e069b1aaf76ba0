import { PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PANEL_PHASE_LABELS } from '../../../domain/panels.ts';
import { ApiError } from '../api/client.ts';
import { type AutoAssignResult, ministryApi, type PanelSummary } from '../api/ministry.ts';
import {
  invalidateMinistryViews,
  useMinistryExperts,
  useOverview,
  usePanels,
} from '../api/ministry-queries.ts';
import { nameOf } from '../components/ministry/ministry-format.ts';
import { MinistryOnly } from '../components/ministry/ministry-guard.tsx';
import { MinistryNav } from '../components/ministry/ministry-nav.tsx';
import { PhaseTag } from '../components/ministry/phase-tag.tsx';
import { errorText, QueryError } from '../components/ministry/query-error.tsx';
import { useExpertLabel } from '../components/ministry/use-unit-names.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { CampaignSelect } from '../components/review/campaign-select.tsx';
import { useCampaignYear } from '../components/review/use-campaign-year.ts';
import { useLanguage } from '../i18n/index.ts';
import '../components/ministry/ministry.css';

export default function MinistryPanelsPage() {
  return (
    <MinistryOnly>
      <Panels />
    </MinistryOnly>
  );
}

/** 专家评审: the campaign's panels, creating one, and spreading the recommended declarations over them. */
function Panels() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { campaigns, items, year, setYear } = useCampaignYear();
  const panels = usePanels(year);
  const overview = useOverview(year);
  const [creating, setCreating] = useState(false);
  // Each opening of the create dialog starts from empty fields (a fresh instance).
  const [createKey, setCreateKey] = useState(0);
  const [assigning, setAssigning] = useState(false);
  const [result, setResult] = useState<AutoAssignResult | null>(null);
  const [assignError, setAssignError] = useState<string | null>(null);
  const byId = useMemo(
    () => new Map((overview.data?.items ?? []).map((i) => [i.declarationId, i])),
    [overview.data],
  );
  const waiting = (overview.data?.items ?? []).filter((i) => i.status === 'recommended' && !i.panelId).length;

  if (campaigns.isPending) return <PageLoading />;

  const autoAssign = async () => {
    if (year === undefined) return;
    setAssigning(true);
    setAssignError(null);
    try {
      const r = await ministryApi.autoAssign(year);
      setResult(r);
      invalidateMinistryViews(queryClient);
      void message.success(t('ministry.panels.autoDone', { count: r.assignedDeclarations }));
    } catch (err) {
      setAssignError(t('ministry.panels.autoFailed', { message: errorText(err) }));
    } finally {
      setAssigning(false);
    }
  };

  return (
    <section aria-labelledby="panels-title" className="page ministry-page">
      <div className="page-head">
        <Typography.Title level={1} id="panels-title" className="page-title">
          {t('ministry.panels.title')}
        </Typography.Title>
        <CampaignSelect campaigns={items} year={year} onChange={setYear} />
      </div>
      <Typography.Paragraph type="secondary">{t('ministry.panels.intro')}</Typography.Paragraph>
      {year !== undefined && <MinistryNav year={year} />}
      {year === undefined && campaigns.isSuccess && (
        <Card>
          <Empty description={t('ministry.noCampaign')} />
        </Card>
      )}
      {panels.isError && <QueryError error={panels.error} retry={() => void panels.refetch()} />}
      {year !== undefined && (
        <div className="panel-add-row">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setCreateKey((k) => k + 1);
              setCreating(true);
            }}
          >
            {t('ministry.panels.new')}
          </Button>
          <Button
            icon={<ThunderboltOutlined />}
            loading={assigning}
            disabled={(panels.data?.items.length ?? 0) === 0}
            onClick={() => void autoAssign()}
          >
            {t('ministry.panels.autoAssign')}
          </Button>
          {overview.data && (
            <Typography.Text type="secondary" className="filter-summary">
              {t('ministry.panels.waiting', { count: waiting })}
            </Typography.Text>
          )}
        </div>
      )}
      {assignError && <Alert type="error" showIcon role="alert" message={assignError} />}
      {result && (
        <Alert
          type={result.shortfalls.length || result.unassigned.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setResult(null)}
          message={t('ministry.panels.autoSummary', {
            declarations: result.assignedDeclarations,
            assignments: result.newAssignments,
          })}
          description={
            result.shortfalls.length || result.unassigned.length ? (
              <div className="mstack">
                {result.shortfalls.length > 0 && (
                  <div>
                    <strong>{t('ministry.panels.shortfalls')}</strong>
                    <ul>
                      {result.shortfalls.map((s) => (
                        <li key={s.declarationId}>
                          {t('ministry.panels.shortfall', {
                            name: nameOf(byId, s.declarationId),
                            count: s.missing,
                          })}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {result.unassigned.length > 0 && (
                  <div>
                    <strong>{t('ministry.panels.unassigned')}</strong>
                    <ul>
                      {result.unassigned.map((id) => (
                        <li key={id}>{nameOf(byId, id)}</li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
            ) : undefined
          }
        />
      )}
      {year !== undefined && (
        <Table<PanelSummary>
          rowKey="id"
          loading={panels.isPending}
          dataSource={panels.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('ministry.panels.empty')} /> }}
          columns={[
            {
              key: 'name',
              title: t('ministry.panels.cols.name'),
              render: (_, p) => <Link to={`/ministry/panels/${encodeURIComponent(p.id)}`}>{p.name}</Link>,
            },
            {
              key: 'phase',
              title: t('ministry.panels.cols.phase'),
              render: (_, p) => <PhaseTag phase={p.phase} />,
            },
            {
              key: 'members',
              title: t('ministry.panels.cols.members'),
              render: (_, p) => p.members.length,
              align: 'right',
            },
            {
              key: 'per',
              title: t('ministry.panels.cols.perDeclaration'),
              dataIndex: 'expertsPerDeclaration',
              align: 'right',
            },
            {
              key: 'decl',
              title: t('ministry.panels.cols.declarations'),
              dataIndex: 'declarationCount',
              align: 'right',
            },
            {
              key: 'progress',
              title: t('ministry.panels.cols.progress'),
              render: (_, p) => (
                <Progress
                  className="panel-progress"
                  percent={p.assignmentCount ? Math.round((p.scoredCount / p.assignmentCount) * 100) : 0}
                  format={() => `${p.scoredCount} / ${p.assignmentCount}`}
                  aria-label={t('ministry.panels.progressLabel', {
                    scored: p.scoredCount,
                    total: p.assignmentCount,
                  })}
                />
              ),
            },
          ]}
        />
      )}
      {year !== undefined && (
        <Typography.Text type="secondary">
          {t('ministry.panels.phases', {
            phases: (['scoring', 'revealed', 'final'] as const)
              .map((p) => PANEL_PHASE_LABELS[p][lang === 'en' ? 'en' : 'zh'])
              .join(' → '),
          })}
        </Typography.Text>
      )}
      {year !== undefined && (
        <CreatePanelModal key={createKey} year={year} open={creating} onClose={() => setCreating(false)} />
      )}
    </section>
  );
}

/** Name, members (each shown with its home unit) and how many experts score each declaration. */
function CreatePanelModal({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const experts = useMinistryExperts();
  const label = useExpertLabel();
  const [name, setName] = useState('');
  const [expertIds, setExpertIds] = useState<string[]>([]);
  const [per, setPer] = useState<number | null>(3);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  const create = async () => {
    setTried(true);
    if (!name.trim() || expertIds.length === 0 || !per) return;
    setBusy(true);
    setError(null);
    try {
      const panel = await ministryApi.createPanel(year, {
        name: name.trim(),
        expertIds,
        expertsPerDeclaration: per,
      });
      invalidateMinistryViews(queryClient);
      onClose();
      void navigate(`/ministry/panels/${encodeURIComponent(panel.id)}`);
    } catch (err) {
      const details =
        err instanceof ApiError && err.details.length
          ? err.details.map((d) =>
              typeof d === 'object' && d && 'message' in d ? String(d.message) : String(d),
            )
          : [];
      setError([t('ministry.panels.createFailed', { message: errorText(err) }), ...details].join(' '));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('ministry.panels.newTitle')}
      okText={t('ministry.panels.create')}
      cancelText={t('ministry.cancel')}
      onOk={() => void create()}
      onCancel={onClose}
      okButtonProps={{ loading: busy }}
    >
      <div className="mstack">
        <div>
          <label htmlFor="panel-name" className="stat-label">
            {t('ministry.panels.fields.name')}
          </label>
          <Input
            id="panel-name"
            value={name}
            maxLength={100}
            status={tried && !name.trim() ? 'error' : undefined}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('ministry.panels.namePlaceholder')}
          />
          {tried && !name.trim() && (
            <Typography.Text type="danger">{t('ministry.campaigns.required')}</Typography.Text>
          )}
        </div>
        <div>
          <label htmlFor="panel-experts" className="stat-label">
            {t('ministry.panels.fields.experts')}
          </label>
          {experts.isError ? (
            <QueryError error={experts.error} retry={() => void experts.refetch()} />
          ) : (
            <Select
              id="panel-experts"
              mode="multiple"
              className="full-width"
              loading={experts.isPending}
              value={expertIds}
              onChange={setExpertIds}
              optionFilterProp="label"
              status={tried && expertIds.length === 0 ? 'error' : undefined}
              placeholder={t('ministry.panels.expertsPlaceholder')}
              options={(experts.data?.items ?? []).map((e) => ({ value: e.id, label: label(e) }))}
            />
          )}
          <Typography.Text type="secondary" className="revision-note">
            {t('ministry.panels.expertsHint', { count: expertIds.length })}
          </Typography.Text>
        </div>
        <div>
          <label htmlFor="panel-per" className="stat-label">
            {t('ministry.panels.fields.perDeclaration')}
          </label>
          <InputNumber id="panel-per" min={1} max={50} precision={0} value={per} onChange={setPer} />
        </div>
        {error && <Alert type="error" showIcon role="alert" message={error} />}
      </div>
    </Modal>
  );
}
