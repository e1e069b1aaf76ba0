import { DeleteOutlined, SaveOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGGREGATION_LABELS } from '../../../../domain/scoring.ts';
import {
  ministryApi,
  type PanelAssignment,
  type PanelDeclaration,
  type PanelDetail,
} from '../../api/ministry.ts';
import { useLanguage } from '../../i18n/index.ts';
import { DeclarationStatusTag } from '../declaration/status-tag.tsx';
import { errorText } from './query-error.tsx';
import { useExpertLabel } from './use-unit-names.ts';

const STATUS_COLORS = { pending: 'default', scored: 'green', conflict: 'orange' } as const;

/** One declaration of a panel: its experts with status and totals, the aggregate, and the consensus comment. */
export function PanelDeclarationCard({
  panel,
  declaration: d,
  onChanged,
}: {
  panel: PanelDetail;
  declaration: PanelDeclaration;
  onChanged: (panel: PanelDetail) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const label = useExpertLabel();
  const canAssign = panel.allowedActions.includes('assign');
  // The panel's opinion follows the reveal (the server refuses it while experts score independently).
  const canConsensus = panel.allowedActions.includes('consensus') && panel.phase !== 'scoring';
  const [adding, setAdding] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState(d.consensusComment);
  const list = (xs: number[]) =>
    xs.length ? xs.map((x) => x.toFixed(2)).join(lang === 'en' ? ', ' : '、') : '—';

  const run = async (key: string, call: () => Promise<PanelDetail>, done: string) => {
    setBusy(key);
    setError(null);
    try {
      onChanged(await call());
      void message.success(done);
    } catch (err) {
      setError(t('ministry.panel.failed', { message: errorText(err) }));
    } finally {
      setBusy(null);
    }
  };

  const assigned = new Set(d.assignments.filter((a) => a.status !== 'conflict').map((a) => a.expert.id));
  const candidates = panel.members.filter((m) => !assigned.has(m.id));
  const titleId = `decl-title-${d.declarationId}`;

  return (
    <Card
      id={`decl-${d.declarationId}`}
      className="panel-decl-card wrap-card"
      size="small"
      title={
        <h3 className="card-heading" id={titleId}>
          {d.clusterName}
        </h3>
      }
      extra={
        canAssign && (
          <Popconfirm
            title={t('ministry.panel.removeDeclConfirm')}
            okText={t('ministry.panel.remove')}
            cancelText={t('ministry.cancel')}
            onConfirm={() =>
              run(
                'remove',
                () => ministryApi.removeDeclaration(panel.id, d.declarationId),
                t('ministry.panel.removed'),
              )
            }
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              loading={busy === 'remove'}
              aria-label={t('ministry.panel.removeDecl', { name: d.clusterName })}
            >
              {t('ministry.panel.remove')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <section aria-labelledby={titleId} className="mstack">
        <div className="panel-decl-meta">
          <DeclarationStatusTag status={d.status} /> {d.unitName} · {d.countyName}
        </div>
        {d.missingExperts > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('ministry.panel.missingExperts', { count: d.missingExperts })}
          />
        )}
        <Table<PanelAssignment>
          rowKey="assignmentId"
          size="small"
          pagination={false}
          dataSource={d.assignments}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('ministry.panel.noExperts') }}
          columns={[
            { key: 'expert', title: t('scoring.cols.expert'), render: (_, a) => label(a.expert) },
            {
              key: 'status',
              title: t('scoring.cols.status'),
              render: (_, a) => <Tag color={STATUS_COLORS[a.status]}>{t(`scoring.status.${a.status}`)}</Tag>,
            },
            {
              key: 'total',
              title: t('scoring.cols.total'),
              align: 'right',
              render: (_, a) =>
                a.total === null ? (
                  '—'
                ) : a.initialTotal !== null && a.initialTotal !== a.total ? (
                  <span className="nowrap">
                    <Typography.Text delete type="secondary">
                      {a.initialTotal.toFixed(2)}
                    </Typography.Text>{' '}
                    → <strong>{a.total.toFixed(2)}</strong>
                  </span>
                ) : (
                  a.total.toFixed(2)
                ),
            },
            {
              key: 'note',
              title: t('ministry.panel.cols.note'),
              render: (_, a) => (
                <div className="assignment-note">
                  {a.status === 'conflict' && t('scoring.conflictReason', { reason: a.conflictReason ?? '' })}
                  {a.revisionReason && (
                    <span className="revision-note">
                      {t('ministry.panel.revisedBecause', { reason: a.revisionReason })}
                    </span>
                  )}
                  {a.comment && <span className="revision-note">{a.comment}</span>}
                  {a.status !== 'conflict' && !a.revisionReason && !a.comment && '—'}
                </div>
              ),
            },
            ...(canAssign
              ? [
                  {
                    key: 'remove',
                    title: <span className="visually-hidden">{t('ministry.panel.remove')}</span>,
                    render: (_: unknown, a: PanelAssignment) =>
                      a.status === 'pending' && (
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          loading={busy === a.assignmentId}
                          aria-label={t('ministry.panel.removeExpert', { name: a.expert.displayName })}
                          onClick={() =>
                            void run(
                              a.assignmentId,
                              () => ministryApi.removeAssignment(panel.id, a.assignmentId),
                              t('ministry.panel.expertRemoved'),
                            )
                          }
                        />
                      ),
                  },
                ]
              : []),
          ]}
        />
        {canAssign && (
          <div className="panel-add-row">
            <label htmlFor={`add-${d.declarationId}`} className="visually-hidden">
              {t('ministry.panel.addExpertFor', { name: d.clusterName })}
            </label>
            <Select
              id={`add-${d.declarationId}`}
              value={adding}
              onChange={setAdding}
              showSearch
              optionFilterProp="label"
              placeholder={t('ministry.panel.addExpert')}
              options={candidates.map((m) => ({
                value: m.id,
                label: m.unitCode === d.unitCode ? `${label(m)} (${t('ministry.panel.ownUnit')})` : label(m),
                disabled: m.unitCode === d.unitCode,
              }))}
            />
            <Button
              icon={<UserAddOutlined />}
              disabled={!adding}
              loading={busy === 'add'}
              onClick={() =>
                adding &&
                void run(
                  'add',
                  () =>
                    ministryApi
                      .addExpert(panel.id, d.declarationId, adding)
                      .finally(() => setAdding(undefined)),
                  t('ministry.panel.expertAdded'),
                )
              }
            >
              {t('ministry.panel.add')}
            </Button>
          </div>
        )}
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('scoring.aggregate')}>
            <strong className="aggregate-value">
              {d.aggregate.value === null ? t('scoring.noScores') : d.aggregate.value.toFixed(2)}
            </strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('scoring.method')}>
            {AGGREGATION_LABELS[d.aggregate.method][lang === 'en' ? 'en' : 'zh']}
            {d.aggregate.method === 'trimmed_mean' &&
              d.aggregate.value !== null &&
              d.aggregate.dropped.length === 0 && (
                <Typography.Text type="secondary"> {t('scoring.tooFewToTrim')}</Typography.Text>
              )}
          </Descriptions.Item>
          <Descriptions.Item label={t('ministry.panel.used')}>{list(d.aggregate.used)}</Descriptions.Item>
          <Descriptions.Item label={t('scoring.dropped')}>
            {d.aggregate.dropped.length ? list(d.aggregate.dropped) : t('scoring.noneDropped')}
          </Descriptions.Item>
        </Descriptions>
        <div>
          {canConsensus ? (
            <>
              <label htmlFor={`consensus-${d.declarationId}`} className="stat-label">
                {t('ministry.panel.consensus')}
              </label>
              <Input.TextArea
                id={`consensus-${d.declarationId}`}
                rows={3}
                maxLength={5000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              <Button
                className="form-submit"
                icon={<SaveOutlined />}
                disabled={comment.trim() === d.consensusComment.trim()}
                loading={busy === 'consensus'}
                onClick={() =>
                  void run(
                    'consensus',
                    () => ministryApi.consensus(panel.id, d.declarationId, comment.trim()),
                    t('ministry.panel.consensusSaved'),
                  )
                }
              >
                {t('ministry.panel.saveConsensus')}
              </Button>
            </>
          ) : (
            <>
              <span className="stat-label">{t('ministry.panel.consensus')}</span>
              <p>
                {d.consensusComment || (panel.phase === 'scoring' ? t('ministry.panel.consensusLater') : '—')}
              </p>
            </>
          )}
        </div>
        {error && <Alert type="error" showIcon role="alert" message={error} />}
      </section>
    </Card>
  );
}
