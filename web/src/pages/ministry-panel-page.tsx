import { ArrowLeftOutlined, EditOutlined, FastForwardOutlined, PlusOutlined } from '@ant-design/icons';
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
  Select,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { nextPhase, PANEL_PHASE_LABELS, PANEL_PHASES } from '../../../domain/panels.ts';
import { AGGREGATION_LABELS } from '../../../domain/scoring.ts';
import { ApiError } from '../api/client.ts';
import { ministryApi, type PanelDetail } from '../api/ministry.ts';
import {
  invalidateMinistryViews,
  ministryKeys,
  useMinistryExperts,
  useOverview,
  usePanel,
} from '../api/ministry-queries.ts';
import { LoadFailed } from '../components/load-failed.tsx';
import { blockerLines } from '../components/ministry/ministry-format.ts';
import { MinistryOnly } from '../components/ministry/ministry-guard.tsx';
import { PanelDeclarationCard } from '../components/ministry/panel-declaration-card.tsx';
import { PanelMatrix } from '../components/ministry/panel-matrix.tsx';
import { PhaseTag } from '../components/ministry/phase-tag.tsx';
import { errorText, QueryError } from '../components/ministry/query-error.tsx';
import { useExpertLabel } from '../components/ministry/use-unit-names.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { useLanguage } from '../i18n/index.ts';
import '../components/ministry/ministry.css';

export default function MinistryPanelPage() {
  return (
    <MinistryOnly>
      <PanelView />
    </MinistryOnly>
  );
}

function PanelView() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const panel = usePanel(id);
  if (panel.isPending) return <PageLoading />;
  if (panel.isError)
    return (
      <LoadFailed
        error={panel.error}
        retry={() => void panel.refetch()}
        notFoundTitle={t('ministry.panel.notFound')}
        backTo="/ministry/panels"
        backLabel={t('ministry.panel.back')}
      />
    );
  return <PanelBody panel={panel.data} />;
}

/** A panel: phase stepper, members, declarations × experts, aggregates and consensus. */
function PanelBody({ panel }: { panel: PanelDetail }) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const label = useExpertLabel();
  const overview = useOverview(panel.campaignYear);
  const [advancing, setAdvancing] = useState(false);
  const [blocked, setBlocked] = useState<{ message: string; lines: string[] } | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const [toAdd, setToAdd] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const next = nextPhase(panel.phase);
  const canAdvance = panel.allowedActions.includes('advance_phase') && next !== null;
  const canAssign = panel.allowedActions.includes('assign');
  const canEdit = panel.allowedActions.includes('edit');
  const phaseLabel = (p: (typeof PANEL_PHASES)[number]) => PANEL_PHASE_LABELS[p][lang === 'en' ? 'en' : 'zh'];

  const update = (p: PanelDetail) => {
    queryClient.setQueryData(ministryKeys.panel(p.id), p);
    invalidateMinistryViews(queryClient);
  };

  const advance = async () => {
    if (!next || next === 'scoring') return;
    setAdvancing(true);
    setBlocked(null);
    try {
      update(await ministryApi.advancePhase(panel.id, next));
      void message.success(t('ministry.panel.advanced', { phase: phaseLabel(next) }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409)
        setBlocked({
          message: errorText(err, { withDetails: false }),
          lines: blockerLines(err.details, i18n.language.startsWith('zh')),
        });
      else setBlocked({ message: t('ministry.panel.failed', { message: errorText(err) }), lines: [] });
    } finally {
      setAdvancing(false);
    }
  };

  const addDeclarations = async () => {
    setAdding(true);
    setAddError(null);
    try {
      update(await ministryApi.addDeclarations(panel.id, toAdd));
      setToAdd([]);
      void message.success(t('ministry.panel.declarationsAdded'));
    } catch (err) {
      setAddError(t('ministry.panel.failed', { message: errorText(err) }));
    } finally {
      setAdding(false);
    }
  };

  const waiting = (overview.data?.items ?? []).filter((i) => i.status === 'recommended' && !i.panelId);

  return (
    <section aria-labelledby="panel-title" className="page ministry-page">
      <Link to={`/ministry/panels?year=${panel.campaignYear}`} className="back-link">
        <ArrowLeftOutlined aria-hidden="true" /> {t('ministry.panel.back')}
      </Link>
      <div className="page-head">
        <Typography.Title level={1} id="panel-title" className="page-title">
          {panel.name} <PhaseTag phase={panel.phase} />
        </Typography.Title>
        {canEdit && (
          <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)}>
            {t('ministry.panel.edit')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">
        {t('ministry.panel.meta', {
          year: panel.campaignYear,
          per: panel.expertsPerDeclaration,
          method: AGGREGATION_LABELS[panel.aggregation][lang === 'en' ? 'en' : 'zh'],
          weights: panel.weights.join(' / '),
        })}
      </Typography.Paragraph>

      <Card title={<h2 className="card-heading">{t('ministry.panel.phase')}</h2>}>
        <div className="mstack">
          <Steps
            className="phase-steps"
            size="small"
            current={PANEL_PHASES.indexOf(panel.phase)}
            items={PANEL_PHASES.map((p) => ({
              title: phaseLabel(p),
              description: t(`ministry.panel.phaseHelp.${p}`),
            }))}
          />
          <Typography.Text>
            {t('ministry.panel.progress', { scored: panel.scoredCount, total: panel.assignmentCount })}
          </Typography.Text>
          {canAdvance && next && (
            <div>
              <Button
                type="primary"
                icon={<FastForwardOutlined />}
                loading={advancing}
                onClick={() => void advance()}
              >
                {t(`ministry.panel.advanceTo.${next === 'revealed' ? 'revealed' : 'final'}`)}
              </Button>
            </div>
          )}
          {blocked && (
            <Alert
              type="error"
              showIcon
              role="alert"
              closable
              onClose={() => setBlocked(null)}
              message={t('ministry.panel.blocked', { message: blocked.message })}
              description={
                blocked.lines.length > 0 && (
                  <ul>
                    {blocked.lines.map((l) => (
                      <li key={l}>{l}</li>
                    ))}
                  </ul>
                )
              }
            />
          )}
        </div>
      </Card>

      <Card
        title={
          <h2 className="card-heading">{t('ministry.panel.members', { count: panel.members.length })}</h2>
        }
      >
        <ul className="tag-list plain-list">
          {panel.members.map((m) => (
            <li key={m.id}>
              <Tag>{label(m)}</Tag>
            </li>
          ))}
        </ul>
      </Card>

      {canAssign && (
        <Card title={<h2 className="card-heading">{t('ministry.panel.addDeclarations')}</h2>}>
          {overview.isError ? (
            <QueryError error={overview.error} retry={() => void overview.refetch()} />
          ) : (
            <div className="panel-add-row">
              <label htmlFor="add-declarations" className="visually-hidden">
                {t('ministry.panel.addDeclarations')}
              </label>
              <Select
                id="add-declarations"
                mode="multiple"
                value={toAdd}
                onChange={setToAdd}
                loading={overview.isPending}
                optionFilterProp="label"
                placeholder={t('ministry.panel.addDeclarationsPlaceholder', { count: waiting.length })}
                options={waiting.map((i) => ({
                  value: i.declarationId,
                  label: `${i.clusterName} · ${i.unitName}`,
                }))}
              />
              <Button
                icon={<PlusOutlined />}
                disabled={toAdd.length === 0}
                loading={adding}
                onClick={() => void addDeclarations()}
              >
                {t('ministry.panel.add')}
              </Button>
            </div>
          )}
          {addError && <Alert type="error" showIcon role="alert" message={addError} />}
        </Card>
      )}

      {panel.declarations.length > 0 && (
        <Card title={<h2 className="card-heading">{t('ministry.panel.matrix')}</h2>}>
          <PanelMatrix panel={panel} />
        </Card>
      )}

      <section aria-labelledby="decls-heading" className="mstack">
        <Typography.Title level={2} id="decls-heading" className="step-title">
          {t('ministry.panel.declarations', { count: panel.declarations.length })}
        </Typography.Title>
        {panel.declarations.length === 0 ? (
          <Card>
            <Empty description={t('ministry.panel.noDeclarations')} />
          </Card>
        ) : (
          panel.declarations.map((d) => (
            <PanelDeclarationCard key={d.declarationId} panel={panel} declaration={d} onChanged={update} />
          ))
        )}
      </section>
      <EditPanelModal
        key={editOpen ? 'open' : 'closed'}
        panel={panel}
        open={editOpen}
        onClose={() => setEditOpen(false)}
        onSaved={update}
      />
    </section>
  );
}

function EditPanelModal({
  panel,
  open,
  onClose,
  onSaved,
}: {
  panel: PanelDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (p: PanelDetail) => void;
}) {
  const { t } = useTranslation();
  const experts = useMinistryExperts();
  const label = useExpertLabel();
  const [name, setName] = useState(panel.name);
  const [ids, setIds] = useState<string[]>(panel.members.map((m) => m.id));
  const [per, setPer] = useState<number | null>(panel.expertsPerDeclaration);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!name.trim() || ids.length === 0 || !per) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await ministryApi.patchPanel(panel.id, {
          name: name.trim(),
          expertIds: ids,
          expertsPerDeclaration: per,
        }),
      );
      onClose();
    } catch (err) {
      setError(t('ministry.panel.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('ministry.panel.edit')}
      okText={t('ministry.save')}
      cancelText={t('ministry.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      okButtonProps={{ loading: busy, disabled: !name.trim() || ids.length === 0 || !per }}
    >
      <div className="mstack">
        <div>
          <label htmlFor="edit-panel-name" className="stat-label">
            {t('ministry.panels.fields.name')}
          </label>
          <Input
            id="edit-panel-name"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="edit-panel-experts" className="stat-label">
            {t('ministry.panels.fields.experts')}
          </label>
          <Select
            id="edit-panel-experts"
            mode="multiple"
            className="full-width"
            value={ids}
            onChange={setIds}
            optionFilterProp="label"
            loading={experts.isPending}
            options={(experts.data?.items ?? panel.members).map((e) => ({ value: e.id, label: label(e) }))}
          />
        </div>
        <div>
          <label htmlFor="edit-panel-per" className="stat-label">
            {t('ministry.panels.fields.perDeclaration')}
          </label>
          <InputNumber id="edit-panel-per" min={1} max={50} precision={0} value={per} onChange={setPer} />
        </div>
        {error && <Alert type="error" showIcon role="alert" message={error} />}
      </div>
    </Modal>
  );
}
