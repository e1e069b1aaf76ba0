import { FilePdfOutlined } from '@ant-design/icons';
import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Cluster, clustersApi } from '../../api/ministry.ts';
import { useLanguage } from '../../i18n/index.ts';
import { formatDate } from '../review/review-format.ts';

const COLORS = { valid: 'green', extended: 'blue', revoked: 'red' } as const;

/** Identified clusters with their validity and a link to each certificate (PDF). */
export function ClustersTable({ clusters, loading }: { clusters: Cluster[]; loading: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Table<Cluster>
      rowKey="id"
      loading={loading}
      dataSource={clusters}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('clusters.empty')} /> }}
      columns={[
        {
          key: 'name',
          title: t('clusters.cols.name'),
          render: (_, c) => (
            <div>
              <strong>{c.name}</strong>
              <span className="revision-note">
                {c.leadingIndustry}
                {c.subSector ? ` · ${c.subSector}` : ''}
              </span>
            </div>
          ),
        },
        { key: 'year', title: t('clusters.cols.year'), dataIndex: 'year' },
        {
          key: 'place',
          title: t('clusters.cols.place'),
          render: (_, c) => (
            <span className="nowrap">
              {c.countyName} · {c.unitName}
            </span>
          ),
        },
        { key: 'notice', title: t('clusters.cols.notice'), render: (_, c) => c.noticeNo ?? '—' },
        {
          key: 'valid',
          title: t('clusters.cols.validity'),
          render: (_, c) => (
            <span className="nowrap cluster-validity">
              {t('clusters.validity', {
                from: formatDate(c.validFrom, lang),
                to: formatDate(c.validTo, lang),
              })}
            </span>
          ),
        },
        {
          key: 'status',
          title: t('clusters.cols.status'),
          render: (_, c) => <Tag color={COLORS[c.status]}>{t(`clusters.status.${c.status}`)}</Tag>,
        },
        {
          key: 'cert',
          title: t('clusters.cols.certificate'),
          render: (_, c) => (
            <a
              href={clustersApi.certificateUrl(c.id)}
              target="_blank"
              rel="noreferrer"
              aria-label={t('clusters.certificateFor', { name: c.name })}
            >
              <FilePdfOutlined aria-hidden="true" /> {t('clusters.certificate')}
            </a>
          ),
        },
      ]}
    />
  );
}
