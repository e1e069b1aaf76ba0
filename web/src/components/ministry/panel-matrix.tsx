import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PanelDeclaration, PanelDetail } from '../../api/ministry.ts';

const COLORS = { pending: 'default', scored: 'green', conflict: 'orange' } as const;

/**
 * Declarations × experts at a glance: each cell the expert's status and total on that declaration, "own
 * unit" where the expert may not review it; the last column the aggregate.
 */
export function PanelMatrix({ panel }: { panel: PanelDetail }) {
  const { t } = useTranslation();
  return (
    <Table<PanelDeclaration>
      rowKey="declarationId"
      size="small"
      pagination={false}
      dataSource={panel.declarations}
      scroll={{ x: 'max-content' }}
      className="panel-matrix"
      columns={[
        {
          key: 'decl',
          title: t('ministry.cols.cluster'),
          fixed: 'left',
          render: (_, d) => (
            <a href={`#decl-${d.declarationId}`} className="matrix-name">
              {d.clusterName}
            </a>
          ),
        },
        ...panel.members.map((m) => ({
          key: m.id,
          title: m.displayName,
          align: 'center' as const,
          render: (_: unknown, d: PanelDeclaration) => {
            const a = d.assignments.find((x) => x.expert.id === m.id);
            if (a)
              return (
                <Tag color={COLORS[a.status]} bordered={false} className="nowrap">
                  {a.status === 'scored' && a.total !== null
                    ? `${a.total.toFixed(2)}${a.revisionReason ? ' *' : ''}`
                    : t(`scoring.status.${a.status}`)}
                </Tag>
              );
            if (m.unitCode !== null && m.unitCode === d.unitCode)
              return <Typography.Text type="secondary">{t('ministry.panel.ownUnitShort')}</Typography.Text>;
            return <span aria-hidden="true">·</span>;
          },
        })),
        {
          key: 'agg',
          title: t('scoring.aggregate'),
          align: 'right',
          render: (_, d) => (
            <strong className="nowrap">
              {d.aggregate.value === null ? '—' : d.aggregate.value.toFixed(2)}
              {d.missingExperts > 0 && (
                <Tag color="warning" className="matrix-missing">
                  {t('ministry.panel.missingExperts', { count: d.missingExperts })}
                </Tag>
              )}
            </strong>
          ),
        },
      ]}
      footer={() => <Typography.Text type="secondary">{t('ministry.panel.matrixNote')}</Typography.Text>}
    />
  );
}
