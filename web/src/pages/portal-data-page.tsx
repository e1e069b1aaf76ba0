import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/public/page-title.ts';
import { registryUrl } from '../components/public/registry-filter.ts';

/** The registry's fields, in the order of the CSV and XLSX columns (the JSON uses the same names). */
const FIELDS = [
  'id',
  'name',
  'year',
  'unitCode',
  'unitName',
  'region',
  'divisionCode',
  'countyName',
  'leadingIndustry',
  'industryCode',
  'noticeNo',
  'validFrom',
  'validTo',
  'status',
  'level',
  'revokedOn',
  'revocationReason',
] as const;

/** Open data: the registry as JSON, CSV and XLSX, the statistics and notices, with stable field names. */
export default function PortalDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.data.title'));
  const endpoints = [
    { key: 'json', url: registryUrl({}, 'json'), text: t('portal.data.json') },
    { key: 'csv', url: registryUrl({}, 'csv'), text: t('portal.data.csv') },
    { key: 'xlsx', url: registryUrl({}, 'xlsx'), text: t('portal.data.xlsx') },
    { key: 'stats', url: '/api/v1/public/stats', text: t('portal.data.stats') },
    { key: 'notices', url: '/api/v1/public/notices', text: t('portal.data.notices') },
  ];
  return (
    <div className="portal-page">
      <Typography.Title level={1} className="page-title">
        {t('portal.data.title')}
      </Typography.Title>
      <Typography.Paragraph className="portal-intro">{t('portal.data.intro')}</Typography.Paragraph>
      <Card title={<h2 className="card-heading">{t('portal.data.endpoints')}</h2>}>
        <ul className="notice-list">
          {endpoints.map((e) => (
            <li key={e.key}>
              <span className="notice-title">{e.text}</span>
              <a href={e.url} className="notice-meta">
                <code>{e.url}</code>
              </a>
            </li>
          ))}
        </ul>
        <Typography.Paragraph style={{ marginTop: 12 }}>{t('portal.data.filters')}</Typography.Paragraph>
        <Typography.Paragraph>
          <code>/api/v1/public/clusters.csv?year=2024&amp;unitCode=330200</code>
        </Typography.Paragraph>
        <Typography.Paragraph>{t('portal.data.caching')}</Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('portal.data.openapi')} <a href="/api/docs">/api/docs</a> ·{' '}
          <a href="/api/v1/openapi.json">openapi.json</a>
        </Typography.Paragraph>
      </Card>
      <Card title={<h2 className="card-heading">{t('portal.data.fields')}</h2>}>
        <Table
          size="small"
          rowKey="field"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={FIELDS.map((field) => ({ field, text: t(`portal.data.field.${field}`) }))}
          columns={[
            { title: t('portal.data.colField'), dataIndex: 'field', render: (f: string) => <code>{f}</code> },
            { title: t('portal.data.colMeaning'), dataIndex: 'text' },
          ]}
        />
      </Card>
      <p>
        <Link to="/portal/clusters">{t('portal.data.toRegistry')}</Link>
      </p>
    </div>
  );
}
