import { SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGGREGATION_LABELS } from '../../../../domain/scoring.ts';
import { ministryApi, type ResultItem } from '../../api/ministry.ts';
import { invalidateMinistryViews, ministryKeys, useResults } from '../../api/ministry-queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { DeclarationStatusTag } from '../declaration/status-tag.tsx';
import { StandardsTag } from '../review/standards-tag.tsx';
import { currentShortlist } from './ministry-format.ts';
import { PhaseTag } from './phase-tag.tsx';
import { errorText, QueryError } from './query-error.tsx';

/** Ranked by final score with every counted expert total; tick the shortlist and save it. */
export function ResultsTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const results = useResults(year);
  const [selected, setSelected] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = results.data?.items ?? [];
  const saved = currentShortlist(items);
  const savedKey = saved.join(',');

  // The ticks start from what the server holds, and follow it after each save.
  useEffect(() => {
    setSelected(savedKey ? savedKey.split(',') : []);
  }, [savedKey]);

  if (results.isError) return <QueryError error={results.error} retry={() => void results.refetch()} />;
  const changed = selected.slice().sort().join(',') !== saved.slice().sort().join(',');
  // Only declarations still at the shortlist stage may be ticked or unticked; later ones are fixed.
  const locked = (r: ResultItem) => !['recommended', 'shortlisted'].includes(r.status);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const updated = await ministryApi.shortlist(year, selected);
      queryClient.setQueryData(ministryKeys.results(year), updated);
      invalidateMinistryViews(queryClient);
      void message.success(t('ministry.results.saved', { count: selected.length }));
    } catch (err) {
      setError(t('ministry.results.saveFailed', { message: errorText(err) }));
    } finally {
      setSaving(false);
    }
  };

  const list = (xs: number[]) =>
    xs.length ? xs.map((x) => x.toFixed(2)).join(lang === 'en' ? ', ' : '、') : '—';

  return (
    <div className="mstack">
      {results.data && (
        <Typography.Text type="secondary">
          {t('ministry.results.method', {
            method: AGGREGATION_LABELS[results.data.aggregation][lang === 'en' ? 'en' : 'zh'],
          })}
        </Typography.Text>
      )}
      <div className="panel-add-row">
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!changed}
          loading={saving}
          onClick={() => void save()}
        >
          {t('ministry.results.saveShortlist', { count: selected.length })}
        </Button>
        <Typography.Text type="secondary" className="filter-summary" aria-live="polite">
          {changed
            ? t('ministry.results.unsaved')
            : t('ministry.results.savedCount', { count: saved.length })}
        </Typography.Text>
      </div>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      <Table<ResultItem>
        rowKey="declarationId"
        loading={results.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('ministry.results.empty')} /> }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (r) => ({
            disabled: locked(r) || r.aggregate.value === null,
            'aria-label': t('ministry.results.pick', { name: r.clusterName }),
          }),
        }}
        columns={[
          { key: 'pos', title: t('ministry.results.cols.position'), dataIndex: 'position', align: 'right' },
          {
            key: 'cluster',
            title: t('ministry.cols.cluster'),
            render: (_, r) => (
              <div>
                <strong>{r.clusterName}</strong>
                <div className="panel-decl-meta">
                  {r.unitName} · {r.countyName}
                </div>
                {r.westernRelaxation && (
                  <span className="relaxation-note">
                    {t('ministry.intake.relaxation', { text: r.westernRelaxation.justification })}
                  </span>
                )}
              </div>
            ),
          },
          {
            key: 'score',
            title: t('ministry.cols.finalScore'),
            align: 'right',
            render: (_, r) => (
              <strong>{r.aggregate.value === null ? '—' : r.aggregate.value.toFixed(2)}</strong>
            ),
          },
          {
            key: 'raw',
            title: t('ministry.results.cols.raw'),
            render: (_, r) => (
              <div className="nowrap">
                {list(r.rawTotals)}
                {r.aggregate.dropped.length > 0 && (
                  <span className="revision-note">
                    {t('ministry.results.dropped', { scores: list(r.aggregate.dropped) })}
                  </span>
                )}
              </div>
            ),
          },
          {
            key: 'panel',
            title: t('ministry.cols.panel'),
            render: (_, r) =>
              r.panelName ? (
                <span className="nowrap">
                  {r.panelName} {r.panelPhase && <PhaseTag phase={r.panelPhase} />}
                </span>
              ) : (
                '—'
              ),
          },
          {
            key: 'std',
            title: t('ministry.cols.standards'),
            render: (_, r) => <StandardsTag overall={r.standardsOverall} />,
          },
          {
            key: 'status',
            title: t('ministry.cols.status'),
            render: (_, r) => <DeclarationStatusTag status={r.status} />,
          },
          {
            key: 'obj',
            title: t('ministry.results.cols.objections'),
            align: 'right',
            render: (_, r) => (r.openObjections ? <Tag color="red">{r.openObjections}</Tag> : '0'),
          },
          {
            key: 'consensus',
            title: t('ministry.panel.consensus'),
            render: (_, r) => (
              <span className="relaxation-note consensus-note">{r.consensusComment || '—'}</span>
            ),
          },
        ]}
      />
    </div>
  );
}
