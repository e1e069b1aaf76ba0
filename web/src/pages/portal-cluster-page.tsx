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
  on: string | null;
  text: string;
}

/**
 * The cluster's status history: the server's public steps, or (from a registry row alone) what the row
 * tells: identified, re-review passed, revoked, validity ended.
 */
function events(c: PublicClusterDetail, t: TFunction, lang: Language): Event[] {
  const revoked = () =>
    c.revocationReason
      ? t('portal.cluster.revokedFor', { reason: revocationLabel(c.revocationReason, lang) })
      : t('portal.cluster.revoked');
  const identified = () =>
    c.noticeNo
      ? t('portal.cluster.identifiedBy', { notice: c.noticeNo })
      : t(`portal.cluster.identified.${c.level}`);
  const list: Event[] =
    c.history && c.history.length > 0
      ? c.history.map((e) => ({
          on: e.onDate,
          text:
            e.kind === 'revoked'
              ? revoked()
              : e.kind === 'extended'
                ? t('portal.cluster.extended')
                : e.kind === 'imported'
                  ? t('portal.cluster.imported', { identified: identified() })
                  : identified(),
        }))
      : [
          { on: c.validFrom, text: identified() },
          ...(c.status === 'revoked' ? [{ on: c.revokedOn, text: revoked() }] : []),
        ];
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
  const money = (key: keyof PublicAnnualFigures, title: string) => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    render: (v: number | null) => formatMoneyYi(v, lang),
  });
  const count = (key: keyof PublicAnnualFigures, title: string) => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    render: (v: number | null) => formatNumber(v, lang),
  });
  const figures = c.figures ?? [];
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
          </Descriptions.Item>
          <Descriptions.Item label={t('portal.cluster.industry')}>
            <span lang={zh}>{c.leadingIndustry}</span>
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
          items={events(c, t, lang).map((e, i) => ({
            key: `${i}-${e.on}`,
            children: (
              <>
                {e.on ? <time dateTime={e.on}>{formatDate(e.on, lang)}</time> : '—'} {e.text}
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
              money('output', t('portal.cluster.figureCols.output')),
              {
                title: t('portal.cluster.figureCols.growth'),
                dataIndex: 'outputGrowth',
                align: 'right',
                render: (v: number | null) => formatPercent(v, lang),
              },
              money('smeOutput', t('portal.cluster.figureCols.smeOutput')),
              count('enterprises', t('portal.cluster.figureCols.enterprises')),
              count('smes', t('portal.cluster.figureCols.smes')),
              count('singleChampions', t('portal.cluster.figureCols.singleChampions')),
              count('littleGiants', t('portal.cluster.figureCols.littleGiants')),
              count('specializedSmes', t('portal.cluster.figureCols.specializedSmes')),
              count('validInventionPatents', t('portal.cluster.figureCols.patents')),
              money('rdSpending', t('portal.cluster.figureCols.rdSpending')),
            ]}
          />
        )}
      </Card>
    </article>
  );
}
