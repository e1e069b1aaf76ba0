import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProvincialPublicity } from '../../api/clusters.ts';
import { useLanguage } from '../../i18n/index.ts';
import { formatDate } from '../review/review-format.ts';

/** One unit's provincial 公示 as the public sees it: the unit's name, the period and the list. */
export function ProvincialPublicityCard({ period }: { period: ProvincialPublicity }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const p = period;
  return (
    <Card
      size="small"
      className="report-card provincial-publicity"
      title={t('cl.provincial.publicTitle', { unit: p.unitName, year: p.year })}
    >
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
      <Table
        size="small"
        rowKey="declarationId"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={p.items}
        columns={[
          { key: 'n', title: '#', render: (_, __, i) => i + 1 },
          { key: 'name', title: t('cl.list.cols.name'), dataIndex: 'clusterName' },
          { key: 'county', title: t('cl.detail.fields.county'), dataIndex: 'countyName' },
          { key: 'industry', title: t('cl.detail.fields.industry'), dataIndex: 'leadingIndustry' },
        ]}
      />
    </Card>
  );
}
