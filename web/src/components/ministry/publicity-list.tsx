import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Publicity, PublicityItem } from '../../api/ministry.ts';
import { useLanguage } from '../../i18n/index.ts';
import { formatDate } from '../review/review-format.ts';

/** One 公示 period: its dates, whether objections are accepted today, and the clusters on it. */
export function PublicityCard({ period, showCounts }: { period: Publicity; showCounts: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const headingId = `publicity-${period.id}`;
  return (
    <Card
      size="small"
      className="wrap-card"
      title={
        <h3 className="card-heading" id={headingId}>
          {t('publicity.period', {
            from: formatDate(period.startsOn, lang),
            to: formatDate(period.endsOn, lang),
          })}
        </h3>
      }
      extra={
        period.open ? <Tag color="green">{t('publicity.open')}</Tag> : <Tag>{t('publicity.closed')}</Tag>
      }
    >
      <section aria-labelledby={headingId} className="mstack">
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('publicity.workingDays')}>{period.workingDays}</Descriptions.Item>
          <Descriptions.Item label={t('publicity.endsOn')}>
            {formatDate(period.endsOn, lang)}
          </Descriptions.Item>
          {showCounts && (
            <Descriptions.Item label={t('publicity.objectionCounts')}>
              {t('publicity.counts', period.objections)}
            </Descriptions.Item>
          )}
        </Descriptions>
        {period.provisional && <Typography.Text type="warning">{t('publicity.provisional')}</Typography.Text>}
        <Table<PublicityItem>
          rowKey="declarationId"
          size="small"
          pagination={false}
          dataSource={period.items}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'no', title: t('publicity.cols.no'), render: (_, _r, i) => i + 1, align: 'right' },
            { key: 'name', title: t('publicity.cols.cluster'), dataIndex: 'clusterName' },
            { key: 'county', title: t('publicity.cols.county'), dataIndex: 'countyName' },
            { key: 'unit', title: t('publicity.cols.unit'), dataIndex: 'unitName' },
            { key: 'industry', title: t('publicity.cols.industry'), dataIndex: 'leadingIndustry' },
          ]}
        />
      </section>
    </Card>
  );
}
