import {
  DeleteOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  SaveOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Input,
  Popconfirm,
  Progress,
  Radio,
  Space,
  Spin,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INSPECTION_CHECKLIST,
  INSPECTION_VERDICTS,
  inspectionEditable,
  signOffProblems,
} from '../../../../domain/inspection.ts';
import { ApiError } from '../../api/client.ts';
import { uploadMultipart } from '../../api/declarations.ts';
import {
  type Checklist,
  type Inspection,
  type InspectionFile,
  type InspectionVerdict,
  inspectionApi,
  type TeamMember,
} from '../../api/expert.ts';
import { expertKeys, useInspections } from '../../api/expert-queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { formatBytes } from '../declaration/format.ts';

// antd's Radio.Group passes `role` through but does not declare it; a named group needs the role.
const RADIOGROUP = { role: 'radiogroup' };
const EMPTY_MEMBER: TeamMember = { name: '', role: '', affiliation: '' };
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** 实地抽查: the declaration's inspections, planning a new one, findings, verdict, photos and sign-off. */
export function InspectionsCard({ declarationId }: { declarationId: string }) {
  const { t } = useTranslation();
  const list = useInspections(declarationId);
  const [planning, setPlanning] = useState(false);

  if (list.isPending) return <Spin />;
  if (list.isError)
    return (
      <Alert
        type="error"
        showIcon
        message={t('errors.loadFailed', { message: list.error.message })}
        action={<Button onClick={() => void list.refetch()}>{t('errors.retry')}</Button>}
      />
    );
  return (
    <div className="stack">
      {list.data.items.length === 0 && !planning && <Empty description={t('inspection.none')} />}
      {list.data.items.map((i) => (
        <InspectionPanel key={`${i.id}-${i.version}`} inspection={i} />
      ))}
      {planning ? (
        <PlanForm subject={{ declarationId }} onDone={() => setPlanning(false)} />
      ) : (
        <Button icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
          {t('inspection.plan')}
        </Button>
      )}
    </div>
  );
}

function TeamEditor({
  team,
  onChange,
  disabled,
}: {
  team: TeamMember[];
  onChange: (team: TeamMember[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<TeamMember>) =>
    onChange(team.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <fieldset className="team-editor">
      <legend>{t('inspection.team')}</legend>
      {team.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
        <div key={i} className="team-row">
          <Input
            aria-label={t('inspection.memberName', { n: i + 1 })}
            placeholder={t('inspection.name')}
            value={m.name}
            disabled={disabled}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <Input
            aria-label={t('inspection.memberRole', { n: i + 1 })}
            placeholder={t('inspection.role')}
            value={m.role}
            disabled={disabled}
            onChange={(e) => set(i, { role: e.target.value })}
          />
          <Input
            aria-label={t('inspection.memberAffiliation', { n: i + 1 })}
            placeholder={t('inspection.affiliation')}
            value={m.affiliation}
            disabled={disabled}
            onChange={(e) => set(i, { affiliation: e.target.value })}
          />
          {!disabled && (
            <Button
              aria-label={t('inspection.removeMember', { n: i + 1 })}
              icon={<DeleteOutlined />}
              onClick={() => onChange(team.filter((_, j) => j !== i))}
            />
          )}
        </div>
      ))}
      {!disabled && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => onChange([...team, { ...EMPTY_MEMBER }])}
        >
          {t('inspection.addMember')}
        </Button>
      )}
    </fieldset>
  );
}

/** What an inspection is of: a declaration, or an identified cluster for its re-review. */
export type InspectionSubject = { declarationId: string } | { clusterId: string };

export function PlanForm({
  subject,
  onDone,
}: {
  /** Null while the caller has not chosen one yet (saving then asks for it). */
  subject: InspectionSubject | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [plannedOn, setPlannedOn] = useState<string | null>(null);
  const [place, setPlace] = useState('');
  const [team, setTeam] = useState<TeamMember[]>([{ ...EMPTY_MEMBER }]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const members = team.filter((m) => m.name.trim());
    if (!subject || !plannedOn || !place.trim() || members.length === 0) {
      setError(t('inspection.planIncomplete'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await inspectionApi.create({ ...subject, plannedOn, place: place.trim(), team: members });
      void message.success(t('inspection.planned'));
      await queryClient.invalidateQueries({ queryKey: expertKeys.allInspections });
      onDone();
    } catch (err) {
      setError(t('inspection.saveFailed', { message: errorText(err) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={<h3 className="card-heading">{t('inspection.plan')}</h3>}>
      <div className="stack">
        <div>
          <label htmlFor="plan-date" className="stat-label">
            {t('inspection.plannedOn')}
          </label>
          <DatePicker
            id="plan-date"
            className="full-width"
            value={plannedOn ? dayjs(plannedOn) : null}
            onChange={(d) => setPlannedOn(d ? d.format('YYYY-MM-DD') : null)}
          />
        </div>
        <div>
          <label htmlFor="plan-place" className="stat-label">
            {t('inspection.place')}
          </label>
          <Input id="plan-place" value={place} maxLength={200} onChange={(e) => setPlace(e.target.value)} />
        </div>
        <TeamEditor team={team} onChange={setTeam} disabled={false} />
        {error && <Alert type="error" showIcon message={error} role="alert" />}
        <Space wrap>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
            {t('inspection.create')}
          </Button>
          <Button onClick={onDone}>{t('inspection.cancel')}</Button>
        </Space>
      </div>
    </Card>
  );
}

export function InspectionPanel({
  inspection,
  readOnly = false,
}: {
  inspection: Inspection;
  /** Shown, not edited (the ministry reading a unit's inspection). */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const final = !inspectionEditable(inspection.status);
  const editable = !readOnly && !final;
  const [team, setTeam] = useState<TeamMember[]>(inspection.team);
  const [plannedOn, setPlannedOn] = useState(inspection.plannedOn);
  const [place, setPlace] = useState(inspection.place);
  const [checklist, setChecklist] = useState<Checklist>(() =>
    Object.fromEntries(
      INSPECTION_CHECKLIST.map((c) => [c.key, inspection.checklist[c.key] ?? { ok: null, finding: '' }]),
    ),
  );
  const [verdict, setVerdict] = useState<InspectionVerdict | null>(inspection.verdict);
  const [notes, setNotes] = useState(inspection.notes);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [uploads, setUploads] = useState<{ key: number; name: string; percent: number }[]>([]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: expertKeys.allInspections });

  const problemLabel = (path: string) => {
    if (path === 'verdict') return t('inspection.verdict');
    const item = INSPECTION_CHECKLIST.find((c) => `checklist.${c.key}` === path);
    return item ? (lang === 'en' ? item.en : item.zh) : path;
  };

  const save = async (status?: 'cancelled'): Promise<Inspection | null> => {
    setError(null);
    try {
      const updated = await inspectionApi.patch(inspection.id, inspection.version, {
        ...(status ? { status } : {}),
        plannedOn,
        place: place.trim() || inspection.place,
        team: team.filter((m) => m.name.trim()),
        checklist,
        verdict,
        notes,
      });
      return updated;
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 409
          ? t('inspection.stale')
          : t('inspection.saveFailed', { message: errorText(err) }),
      );
      return null;
    }
  };

  const onSave = async () => {
    setBusy(true);
    const updated = await save();
    setBusy(false);
    if (updated) {
      void message.success(t('inspection.saved'));
      await refresh();
    }
  };

  const onCancel = async () => {
    setBusy(true);
    const updated = await save('cancelled');
    setBusy(false);
    if (updated) {
      void message.success(t('inspection.cancelled'));
      await refresh();
    }
  };

  const onSignOff = async () => {
    const local = signOffProblems(verdict, checklist);
    if (local.length > 0) {
      setProblems(local.map((p) => problemLabel(p.path)));
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      const updated = await save();
      if (!updated) return;
      await inspectionApi.signOff(inspection.id);
      void message.success(t('inspection.signedOff'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.details.length > 0) {
        setProblems(
          err.details.map((d) =>
            typeof d === 'object' && d !== null && 'path' in d ? problemLabel(String(d.path)) : String(d),
          ),
        );
      } else setError(t('inspection.saveFailed', { message: errorText(err) }));
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const upload = (file: File) => {
    const key = Date.now() + Math.random();
    setUploads((u) => [...u, { key, name: file.name, percent: 0 }]);
    uploadMultipart<InspectionFile>(inspectionApi.uploadUrl(inspection.id), {}, file, (percent) =>
      setUploads((u) => u.map((x) => (x.key === key ? { ...x, percent } : x))),
    )
      .done.then(() => {
        void message.success(t('inspection.uploaded', { name: file.name }));
        return refresh();
      })
      .catch((err: unknown) =>
        message.error(t('inspection.uploadFailed', { name: file.name, message: errorText(err) })),
      )
      .finally(() => setUploads((u) => u.filter((x) => x.key !== key)));
  };

  return (
    <Card
      size="small"
      className="inspection-card"
      title={
        <h3 className="card-heading">
          {t('inspection.heading', { date: inspection.plannedOn, place: inspection.place })}
        </h3>
      }
      extra={<Tag>{t(`inspection.status.${inspection.status}`)}</Tag>}
    >
      <div className="stack">
        {final && <Alert type="info" showIcon message={t('inspection.readOnly')} />}
        {editable && (
          <div className="team-row plan-row">
            <div>
              <label htmlFor={`date-${inspection.id}`} className="stat-label">
                {t('inspection.plannedOn')}
              </label>
              <DatePicker
                id={`date-${inspection.id}`}
                className="full-width"
                allowClear={false}
                value={dayjs(plannedOn)}
                onChange={(d) => d && setPlannedOn(d.format('YYYY-MM-DD'))}
              />
            </div>
            <div>
              <label htmlFor={`place-${inspection.id}`} className="stat-label">
                {t('inspection.place')}
              </label>
              <Input
                id={`place-${inspection.id}`}
                value={place}
                maxLength={200}
                onChange={(e) => setPlace(e.target.value)}
              />
            </div>
          </div>
        )}
        <TeamEditor team={team} onChange={setTeam} disabled={!editable} />
        <fieldset>
          <legend>{t('inspection.checklist')}</legend>
          <ol className="inspection-checklist">
            {INSPECTION_CHECKLIST.map((c) => {
              const entry = checklist[c.key] ?? { ok: null, finding: '' };
              const label = lang === 'en' ? c.en : c.zh;
              const set = (patch: Partial<typeof entry>) =>
                setChecklist((cl) => ({ ...cl, [c.key]: { ...entry, ...patch } }));
              return (
                <li key={c.key} className="check-item">
                  <div>{label}</div>
                  <Radio.Group
                    {...RADIOGROUP}
                    aria-label={label}
                    disabled={!editable}
                    value={entry.ok}
                    onChange={(e) => set({ ok: e.target.value as boolean })}
                    options={[
                      { value: true, label: t('inspection.ok') },
                      { value: false, label: t('inspection.notOk') },
                    ]}
                  />
                  <Input
                    aria-label={t('inspection.finding', { item: label })}
                    placeholder={t('inspection.findingPlaceholder')}
                    disabled={!editable}
                    value={entry.finding}
                    onChange={(e) => set({ finding: e.target.value })}
                  />
                </li>
              );
            })}
          </ol>
        </fieldset>
        <div>
          <div className="stat-label" id={`verdict-${inspection.id}`}>
            {t('inspection.verdict')}
          </div>
          <Radio.Group
            {...RADIOGROUP}
            aria-labelledby={`verdict-${inspection.id}`}
            disabled={!editable}
            value={verdict}
            onChange={(e) => setVerdict(e.target.value as InspectionVerdict)}
            options={INSPECTION_VERDICTS.map((v) => ({ value: v, label: t(`inspection.verdicts.${v}`) }))}
          />
        </div>
        <div>
          <label htmlFor={`notes-${inspection.id}`} className="stat-label">
            {t('inspection.notes')}
          </label>
          <Input.TextArea
            id={`notes-${inspection.id}`}
            rows={3}
            disabled={!editable}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </div>
        <div>
          <div className="stat-label">{t('inspection.files')}</div>
          <ul className="inspection-files">
            {inspection.files.map((f) => (
              <li key={f.id}>
                <a href={inspectionApi.fileUrl(inspection.id, f.id)} target="_blank" rel="noopener">
                  {f.filename}
                </a>{' '}
                <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
              </li>
            ))}
          </ul>
          {uploads.map((u) => (
            <div key={u.key}>
              {u.name} <Progress percent={u.percent} size="small" />
            </div>
          ))}
          {editable && (
            <Upload
              accept=".jpg,.jpeg,.png,.pdf"
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('inspection.upload')}</Button>
            </Upload>
          )}
        </div>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={t('inspection.missing')}
            description={
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        {error && <Alert type="error" showIcon message={error} role="alert" />}
        {editable && (
          <Space wrap>
            <Button icon={<SaveOutlined />} loading={busy} onClick={() => void onSave()}>
              {t('inspection.save')}
            </Button>
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={busy}
              onClick={() => void onSignOff()}
            >
              {t('inspection.signOff')}
            </Button>
            <Popconfirm
              title={t('inspection.cancelConfirm')}
              okText={t('inspection.cancelInspection')}
              cancelText={t('inspection.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => onCancel()}
            >
              <Button danger disabled={busy}>
                {t('inspection.cancelInspection')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </div>
    </Card>
  );
}
