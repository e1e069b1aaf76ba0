import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Card, Descriptions, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { noticeAttachmentUrl } from '../api/public.ts';
import { usePublicNotice } from '../api/public-queries.ts';
import { LoadFailed } from '../components/load-failed.tsx';
import { unitLabel, zhOnPage } from '../components/public/labels.ts';
import { usePageTitle } from '../components/public/page-title.ts';
import { NoticeKindTag, noticeTitle } from '../components/public/portal-bits.tsx';
import { formatDate } from '../components/review/review-format.ts';
import { formatNumber, useLanguage } from '../i18n/index.ts';

function fileSize(bytes: number, lang: 'zh-CN' | 'en'): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10, lang)} KB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10, lang)} MB`;
}

/** One published notice: its text, its attachments, and where it leads (公示, the identified list). */
export default function PortalNoticePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id = '' } = useParams();
  const notice = usePublicNotice(id);
  const n = notice.data;
  const title = n ? noticeTitle(n, lang) : null;
  usePageTitle(title?.text ?? t('portal.notices.title'));

  const back = (
    <Link to="/portal/notices" className="back-link">
      <ArrowLeftOutlined aria-hidden="true" /> {t('portal.notices.back')}
    </Link>
  );
  if (notice.isError)
    return (
      <div className="portal-page">
        {back}
        <LoadFailed
          error={notice.error}
          retry={() => void notice.refetch()}
          notFoundTitle={t('portal.notices.notFound')}
          backTo="/portal/notices"
          backLabel={t('portal.notices.back')}
        />
      </div>
    );
  if (!n || !title)
    return (
      <div className="portal-page">
        {back}
        <Skeleton active />
      </div>
    );

  const attachments = n.attachments ?? [];
  return (
    <article className="portal-page">
      {back}
      <Typography.Title level={1} className="page-title" lang={title.lang}>
        {title.text}
      </Typography.Title>
      {lang === 'en' && n.titleEn && (
        <p className="portal-muted" lang="zh-CN" style={{ margin: 0 }}>
          {n.title}
        </p>
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={t('portal.notices.kind')}>
          <NoticeKindTag kind={n.kind} />
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.notices.publishedOn')}>
          <time dateTime={n.publishedOn}>{formatDate(n.publishedOn, lang)}</time>
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.notices.publisher')}>
          {n.unitCode ? unitLabel(n.unitCode, lang, n.unitName ?? undefined) : t('portal.notices.ministry')}
        </Descriptions.Item>
        {n.noticeNo && (
          <Descriptions.Item label={t('portal.notices.noticeNo')}>
            <span lang={zhOnPage(lang)}>{n.noticeNo}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card>
        {n.body.trim() ? (
          <div className="notice-body" lang="zh-CN">
            {n.body}
          </div>
        ) : (
          <p className="portal-muted">{t('portal.notices.noBody')}</p>
        )}
        {lang === 'en' && n.body.trim() && <p className="portal-muted">{t('portal.notices.chineseOnly')}</p>}
      </Card>
      {attachments.length > 0 && (
        <Card title={<h2 className="card-heading">{t('portal.notices.attachments')}</h2>}>
          <ul className="notice-list">
            {attachments.map((a) => (
              <li key={a.id}>
                <a href={noticeAttachmentUrl(n.id, a.id)} download={a.filename} className="notice-title">
                  <DownloadOutlined aria-hidden="true" /> <span lang="zh-CN">{a.filename}</span>
                </a>
                <span className="notice-meta">{fileSize(a.size, lang)}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <p>
        {n.publicityId && <Link to="/publicity">{t('portal.notices.toPublicity')}</Link>}
        {n.kind === 'identification' && n.campaignYear && (
          <Link to={`/portal/clusters?year=${n.campaignYear}&level=national`}>
            {t('portal.notices.toRegistry', { year: n.campaignYear })}
          </Link>
        )}
      </p>
    </article>
  );
}
