import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useInspection } from '../api/expert-queries.ts';
import { useSession } from '../api/queries.ts';
import { errorText } from '../components/ministry/query-error.tsx';
import { InspectionPanel } from '../components/review/inspections-card.tsx';

/** One on-site inspection, of a declaration or of a cluster under re-review: findings, photos, sign-off. */
export default function InspectionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const role = useSession().data?.user.role;
  const found = useInspection(id);
  if (role !== 'unit' && role !== 'ministry')
    return <Result status="403" title={<h1 className="result-title">{t('inspections.forbidden')}</h1>} />;
  if (found.isPending) return <Spin />;
  if (found.isError)
    return found.error instanceof ApiError && (found.error.status === 404 || found.error.status === 400) ? (
      <Result status="404" title={<h1 className="result-title">{t('notFound.title')}</h1>} />
    ) : (
      <Alert
        type="error"
        showIcon
        message={t('errors.loadFailed', { message: errorText(found.error) })}
        action={<Button onClick={() => void found.refetch()}>{t('errors.retry')}</Button>}
      />
    );
  const i = found.data;
  return (
    <section aria-labelledby="inspection-title" className="page">
      <Link to="/inspections">
        <ArrowLeftOutlined /> {t('inspections.back')}
      </Link>
      <Typography.Title level={1} id="inspection-title" className="page-title">
        {t('inspections.detailTitle', { name: i.clusterName ?? t('inspections.unknownSubject') })}
      </Typography.Title>
      <Space wrap className="action-bar">
        <Tag>{t(`inspections.purposes.${i.purpose}`)}</Tag>
        {i.countyName && <Typography.Text type="secondary">{i.countyName}</Typography.Text>}
        {i.declarationId && role === 'unit' && (
          <Link to={`/review/${i.declarationId}`}>{t('inspections.openDeclaration')}</Link>
        )}
        {i.clusterId && (
          <Link to={`/clusters/${i.clusterId}?tab=reReview`}>{t('inspections.openCluster')}</Link>
        )}
      </Space>
      {/* The ministry reads; only the unit records findings and signs off. */}
      <InspectionPanel key={`${i.id}-${i.version}`} inspection={i} readOnly={role !== 'unit'} />
    </section>
  );
}
