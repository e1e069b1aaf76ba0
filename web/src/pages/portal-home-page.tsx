import {
  ApiOutlined,
  BarChartOutlined,
  GlobalOutlined,
  NotificationOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { Alert, Card, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePublicPublicity } from '../api/ministry-queries.ts';
import { usePublicNotices, usePublicStats } from '../api/public-queries.ts';
import { NoticeList } from '../components/public/notice-list.tsx';
import { usePageTitle } from '../components/public/page-title.ts';
import { formatNumber, useLanguage } from '../i18n/index.ts';

/** The portal's front page: headline numbers, the latest notices, and the way to everything public. */
export default function PortalHomePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const all = usePublicStats();
  const valid = usePublicStats({ status: 'valid' });
  const extended = usePublicStats({ status: 'extended' });
  const notices = usePublicNotices(undefined, 6);
  const publicity = usePublicPublicity();
  const openPublicity = (publicity.data?.items ?? []).filter((p) => p.open);
  usePageTitle(t('portal.home.title'));

  const stats = all.data;
  const national = stats?.byYear ?? [];
  const unitsCovered = stats?.byUnit.filter((u) => u.count > 0).length ?? 0;
  const validCount = valid.data && extended.data ? valid.data.total + extended.data.total : undefined;

  return (
    <div className="portal-page">
      <Typography.Title level={1} className="page-title">
        {t('portal.home.title')}
      </Typography.Title>
      <Typography.Paragraph className="portal-intro">{t('portal.home.intro')}</Typography.Paragraph>

      {openPublicity.length > 0 && (
        <Alert
          type="info"
          showIcon
          message={t('portal.home.publicityOpen')}
          action={<Link to="/publicity">{t('portal.home.publicityLink')}</Link>}
        />
      )}

      <section aria-labelledby="headline" className="portal-page">
        <Typography.Title level={2} id="headline" className="portal-section-title">
          {t('portal.home.headline')}
        </Typography.Title>
        {all.isError ? (
          <Alert type="error" showIcon message={t('errors.loadFailed', { message: all.error.message })} />
        ) : (
          <div className="portal-stats">
            <Card size="small">
              <Statistic
                title={t('portal.home.total')}
                loading={!stats}
                value={formatNumber(stats?.total ?? 0, lang)}
              />
            </Card>
            <Card size="small">
              <Statistic
                title={t('portal.home.valid')}
                loading={validCount === undefined}
                value={formatNumber(validCount ?? 0, lang)}
              />
            </Card>
            <Card size="small">
              <Statistic title={t('portal.home.units')} loading={!stats} value={`${unitsCovered} / 37`} />
            </Card>
            {national.map((y) => (
              <Card size="small" key={y.year}>
                <Statistic
                  title={
                    <Link to={`/portal/clusters?year=${y.year}`}>
                      {t('portal.home.batch', { year: y.year })}
                    </Link>
                  }
                  value={formatNumber(y.count, lang)}
                />
              </Card>
            ))}
          </div>
        )}
      </section>

      <div className="portal-grid">
        <Card
          title={
            <h2 className="card-heading">
              <NotificationOutlined aria-hidden="true" /> {t('portal.home.latestNotices')}
            </h2>
          }
          extra={<Link to="/portal/notices">{t('portal.home.allNotices')}</Link>}
        >
          {notices.isPending ? (
            <Skeleton active />
          ) : notices.isError ? (
            <Alert
              type="error"
              showIcon
              message={t('errors.loadFailed', { message: notices.error.message })}
            />
          ) : (
            <NoticeList notices={notices.data.pages[0]?.items ?? []} />
          )}
        </Card>
        <section aria-labelledby="explore" className="portal-page">
          <Typography.Title level={2} id="explore" className="portal-section-title">
            {t('portal.home.explore')}
          </Typography.Title>
          <div className="portal-links">
            <LinkCard to="/portal/clusters" icon={<TableOutlined />} title={t('portal.nav.registry')}>
              {t('portal.home.registryHint')}
            </LinkCard>
            <LinkCard to="/portal/map" icon={<GlobalOutlined />} title={t('portal.nav.map')}>
              {t('portal.home.mapHint')}
            </LinkCard>
            <LinkCard to="/portal/stats" icon={<BarChartOutlined />} title={t('portal.nav.stats')}>
              {t('portal.home.statsHint')}
            </LinkCard>
            <LinkCard to="/publicity" icon={<NotificationOutlined />} title={t('portal.nav.publicity')}>
              {t('portal.home.publicityHint')}
            </LinkCard>
            <LinkCard to="/portal/data" icon={<ApiOutlined />} title={t('portal.nav.data')}>
              {t('portal.home.dataHint')}
            </LinkCard>
          </div>
        </section>
      </div>
    </div>
  );
}

function LinkCard({
  to,
  icon,
  title,
  children,
}: {
  to: string;
  icon: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <Link to={to} className="portal-link-card">
      <span aria-hidden="true">{icon}</span>
      <span>
        <strong>{title}</strong>
        <span className="portal-link-hint">{children}</span>
      </span>
    </Link>
  );
}
