import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ClusterDetail, clusterApi } from '../../api/clusters.ts';
import { useClusterHistory } from '../../api/clusters-queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../declaration/format.ts';
import { QueryError } from '../ministry/query-error.tsx';
import { formatDate } from '../review/review-format.ts';
import { ClusterStatusTag, LevelTag } from './status-tags.tsx';

const EVENT_COLORS: Record<string, string> = {
  extended: 'green',
  revoked: 'red',
  identified: 'blue',
  imported: 'blue',
};

/** Validity, status, where the cluster is, its certificate and its whole history. */
export function OverviewTab({ cluster }: { cluster: ClusterDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const history = useClusterHistory(cluster.id);
  const c = cluster;
  return (
    <div className="cluster-tab">
      {c.reReviewDue && c.status !== 'revoked' && (
        <Alert type="info" showIcon message={t('cl.detail.reReviewDue')} />
      )}
      <Card size="small" className="report-card">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'level', label: t('cl.detail.fields.level'), children: <LevelTag level={c.level} /> },
            { key: 'year', label: t('cl.detail.fields.year'), children: c.year },
            {
              key: 'status',
              label: t('cl.detail.fields.status'),
              children: <ClusterStatusTag status={c.status} />,
            },
            {
              key: 'validity',
              label: t('cl.detail.fields.validity'),
              children: (
                <span data-testid="cluster-validity">
                  {t('cl.validity', { from: formatDate(c.validFrom, lang), to: formatDate(c.validTo, lang) })}
                </span>
              ),
            },
            {
              key: 'county',
              label: t('cl.detail.fields.county'),
              children: `${c.countyName} (${c.divisionCode})`,
            },
            { key: 'unit', label: t('cl.detail.fields.unit'), children: c.unitName },
            { key: 'industry', label: t('cl.detail.fields.industry'), children: c.leadingIndustry },
            { key: 'subSector', label: t('cl.detail.fields.subSector'), children: c.subSector ?? '—' },
            {
              key: 'operatingBody',
              label: t('cl.detail.fields.operatingBody'),
              children: c.operatingBody ?? t('cl.detail.fields.notRecorded'),
            },
            {
              key: 'spatialBoundary',
              label: t('cl.detail.fields.spatialBoundary'),
              children: c.spatialBoundary ?? t('cl.detail.fields.notRecorded'),
            },
            { key: 'notice', label: t('cl.detail.fields.notice'), children: c.noticeNo ?? '—' },
            ...(c.revokedOn || c.revocationReason
              ? [
                  {
                    key: 'revokedOn',
                    label: t('cl.detail.fields.revokedOn'),
                    children: formatDate(c.revokedOn, lang),
                  },
                  {
                    key: 'reason',
                    label: t('cl.detail.fields.revocationReason'),
                    children: c.revocationReason ? t(`cl.revocation.reasons.${c.revocationReason}`) : '—',
                  },
                ]
              : []),
          ]}
        />
        {c.allowedActions.includes('download_certificate') && (
          <Button
            href={clusterApi.certificateUrl(c.id)}
            target="_blank"
            icon={<FilePdfOutlined aria-hidden="true" />}
            className="certificate-button"
          >
            {t('cl.detail.certificate')}
          </Button>
        )}
      </Card>
      <Card size="small" title={t('cl.detail.history')} className="report-card">
        {history.isError ? (
          <QueryError error={history.error} retry={() => void history.refetch()} />
        ) : !history.data || history.data.items.length === 0 ? (
          <Empty description={t('cl.detail.noHistory')} />
        ) : (
          <Timeline
            className="cluster-history"
            items={history.data.items.map((e) => ({
              color: EVENT_COLORS[e.kind] ?? 'gray',
              children: (
                <div>
                  <Typography.Text strong>
                    {formatDate(e.onDate, lang)} ·{' '}
                    {t(`cl.events.${e.kind}` as never, { defaultValue: e.kind })}
                  </Typography.Text>
                  {e.summary && <div className="pre-wrap">{e.summary}</div>}
                  <Typography.Text type="secondary" className="small-note block">
                    {e.actorRole
                      ? `${t(`roles.${e.actorRole}` as never, { defaultValue: e.actorRole })} · `
                      : ''}
                    {formatDateTime(e.at)}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </div>
  );
}
