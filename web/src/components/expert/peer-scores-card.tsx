import { Alert, Button, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGGREGATION_LABELS, SCORING_AREAS } from '../../../../domain/scoring.ts';
import type { PeerScores } from '../../api/expert.ts';
import { usePeerScores } from '../../api/expert-queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { errorText } from '../ministry/query-error.tsx';

type Peer = PeerScores['peers'][number];

/** After the reveal: every expert's area scores and total under anonymous labels, yours marked, and the aggregate. */
export function PeerScoresCard({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const query = usePeerScores(assignmentId, true);
  const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(2));

  return (
    <Card size="small" title={<h2 className="card-heading">{t('expertPanel.peersTitle')}</h2>}>
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          message={t('errors.loadFailed', { message: errorText(query.error) })}
          action={<Button onClick={() => void query.refetch()}>{t('errors.retry')}</Button>}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary" className="side-note">
            {t('expertPanel.peersIntro')}
          </Typography.Paragraph>
          <Table<Peer>
            rowKey="label"
            size="small"
            loading={query.isPending}
            pagination={false}
            dataSource={query.data?.peers ?? []}
            scroll={{ x: 'max-content' }}
            rowClassName={(p) => (p.mine ? 'peer-mine' : '')}
            columns={[
              {
                key: 'label',
                title: t('expertPanel.expert'),
                fixed: 'left',
                render: (_, p) => (
                  <span className="nowrap">
                    {p.label}
                    {p.mine && <Tag color="blue">{t('expertPanel.mine')}</Tag>}
                    {p.revised && <Tag>{t('expertPanel.revised')}</Tag>}
                  </span>
                ),
              },
              ...SCORING_AREAS.map((area, i) => ({
                key: `a${area.area}`,
                title: (
                  <abbr title={lang === 'en' ? area.en : area.zh}>
                    {t('expertPanel.areaShort', { n: area.area })}
                  </abbr>
                ),
                align: 'right' as const,
                render: (_: unknown, p: Peer) => p.scores?.[i] ?? '—',
              })),
              {
                key: 'total',
                title: t('scoring.cols.total'),
                align: 'right',
                render: (_, p) => <strong>{fmt(p.total)}</strong>,
              },
            ]}
          />
          {query.data && (
            <Descriptions size="small" column={1} className="peer-aggregate">
              <Descriptions.Item label={t('scoring.aggregate')}>
                <strong>{fmt(query.data.aggregate.value)}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('scoring.method')}>
                {AGGREGATION_LABELS[query.data.aggregation][lang === 'en' ? 'en' : 'zh']}
              </Descriptions.Item>
              {query.data.aggregate.dropped.length > 0 && (
                <Descriptions.Item label={t('scoring.dropped')}>
                  {query.data.aggregate.dropped.map(fmt).join(lang === 'en' ? ', ' : '、')}
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
        </>
      )}
    </Card>
  );
}
