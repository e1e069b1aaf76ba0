import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Result, Skeleton, Table, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicAnnualFigures, PublicClusterDetail } from '../api/public.ts';
import { usePublicCluster } from '../api/public-queries.ts';
import { LoadFailed } from '../components/load-failed.tsx';
import {
  regionLabel,
  revocationLabel,
  sectionLabel,
  sectionOfCode,
  unitLabel,
  zhOnPage,
} from '../components/public/labels.ts';
import { usePageTitle } from '../components/public/page-title.ts';
import { ClusterStatusTag } from '../components/public/portal-bits.tsx';
import { formatDate } from '../components/review/review-format.ts';
import { formatMoneyYi, formatNumber, formatPercent, type Language, useLanguage } from '../i18n/index.ts';

interface Event {
  on: string;
  text: string;
  lang?: string;
}

/**
 * The cluster's status history: the server's when it sends one, otherwise what the registry row itself
 * tells (identified, re-review passed, revoked, validity ended).
 */
function events(c: PublicClusterDetail, t: TFunction, lang: Language): Event[] {
  if (c.history && c.history.length > 0)
    return c.history.map((e) => ({
      on: e.on,
      text: e.summary ?? t('portal.cluster.event', { kind: e.kind }),
      lang: e.summary ? zhOnPage(lang) : undefined,
    }));
  const list: Event[] = [
    {
      on: c.validFrom,
      text: c.noticeNo
        ? t('portal.cluster.identifiedBy', { notice: c.noticeNo })
        : t(`portal.cluster.identified.${c.level}`),
    },
  ];
  if (c.status === 'extended') list.push({ on: c.validTo, text: t('portal.cluster.extendedUntil') });
  if (c.status === 'revoked')
    list.push({
      on: c.revokedOn ?? '',
      text: c.revocationReason
        ? t('portal.cluster.revokedFor', { reason: revocationLabel(c.revocationReason, lang) })
        : t('portal.cluster.revoked'),
    });
  if (c.status === 'expired') list.push({ on: c.validTo, text: t('portal.cluster.expired') });
  return list;
}

/** One identified cluster as the public sees it. */
export default function PortalClusterPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id = '' } = useParams();
  const cluster = usePublicCluster(id);
  const c = cluster.data;
  usePageTitle(c?.name ?? t('portal.cluster.title'));
  const zh = zhOnPage(lang);

  const back = (
    <Link to="/portal/clusters" className="back-link">
      <ArrowLeftOutlined aria-hidden="true" /> {t('portal.cluster.back')}
    </Link>
  );
  if (cluster.isError)
    return (
      <div className="portal-page">
        {back}
        <LoadFailed
          error={cluster.error}
          retry={() => void cluster.refetch()}
          notFoundTitle={t('portal.cluster.notFound')}
          backTo="/portal/clusters"
          backLabel={t('portal.cluster.back')}
        />
      </div>
    );
  if (cluster.isPending)
    return (
      <div className="portal-page">
        {back}
        <Skeleton active />
      </div>
    );
  if (!c)
    return (
      <div className="portal-page">
        {back}
        <Result status="404" title={<h1 className="result-title">{t('portal.cluster.notFound')}</h1>} />
      </div>
    );

  const section = sectionOfCode(c.industryCode);
  const figures = c.annualFigures ?? [];
  return (
    <article className="portal-page">
      {back}
      <Typography.Title level={1} className="page-title" lang={zh}>
        {c.name}
      </Typography.Title>
      <div>
        <ClusterStatusTag status={c.status} />
      </div>
      <Card title={<h2 className="card-heading">{t('portal.cluster.facts')}</h2>}>
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('portal.cluster.level')}>
            {t(`portal.levels.${c.level}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('portal.cluster.year')}>
            <Link to={`/portal/clusters?year=${c.year}`}>{t('portal.registry.batch', { year: c.year })}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('portal.cluster.unit')}>
            <Link to={`/portal/clusters?unitCode=${c.unitCode}`}>
              {unitLabel(c.unitCode, lang, c.unitName)}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('portal.cluster.region')}>
            {regionLabel(c.region, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('portal.cluster.county')}>
            <span lang={zh}>{c.countyName}</span> ({c.divisionCode})
            {c.zoneName && (
              <>
                {' · '}
                <span lang={zh}>{c.zoneName}</span>
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('portal.cluster.industry')}>
            <span lang={zh}>{c.leadingIndustry}</span>
            {c.subSector && (
              <>
                {' · '}
                <span lang={zh}>{c.subSector}</span>
              </>
            )}
            {c.industryCode && (
              <span className="portal-muted">
                {' '}
                (GB/T 4754: {c.industryCode}
                {section ? ` ${sectionLabel(section, lang)}` : ''})
              </span>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('portal.cluster.validity')}>
            {t('portal.registry.validity', {
              from: formatDate(c.validFrom, lang),
              to: formatDate(c.validTo, lang),
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('portal.cluster.noticeNo')}>
            {c.noticeNo ? <span lang={zh}>{c.noticeNo}</span> : '—'}
          </Descriptions.Item>
          {c.status === 'revoked' && (
            <Descriptions.Item label={t('portal.cluster.revokedOn')}>
              {formatDate(c.revokedOn, lang)}
              {c.revocationReason && ` · ${revocationLabel(c.revocationReason, lang)}`}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={<h2 className="card-heading">{t('portal.cluster.history')}</h2>}>
        <Timeline
          items={events(c, t, lang).map((e) => ({
            key: `${e.on}-${e.text}`,
            children: (
              <>
                <time dateTime={e.on}>{formatDate(e.on, lang)}</time> <span lang={e.lang}>{e.text}</span>
              </>
            ),
          }))}
        />
      </Card>
      <Card title={<h2 className="card-heading">{t('portal.cluster.figures')}</h2>}>
        {figures.length === 0 ? (
          <Empty description={t('portal.cluster.noFigures')} />
        ) : (
          <Table<PublicAnnualFigures>
            rowKey="year"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={figures}
            columns={[
              { title: t('portal.cluster.figureCols.year'), dataIndex: 'year' },
              {
                title: t('portal.cluster.figureCols.output'),
                dataIndex: 'output',
                align: 'right',
                render: (v?: number | null) => formatMoneyYi(v, lang),
              },
              {
                title: t('portal.cluster.figureCols.growth'),
                dataIndex: 'outputGrowth',
                align: 'right',
                render: (v?: number | null) => formatPercent(v, lang),
              },
              {
                title: t('portal.cluster.figureCols.enterprises'),
                dataIndex: 'enterprises',
                align: 'right',
                render: (v?: number | null) => formatNumber(v, lang),
              },
            ]}
          />
        )}
      </Card>
    </article>
  );
}
