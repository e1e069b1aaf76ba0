import { PaperClipOutlined } from '@ant-design/icons';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicNotice } from '../../api/public.ts';
import { useLanguage } from '../../i18n/index.ts';
import { formatDate } from '../review/review-format.ts';
import { unitLabel } from './labels.ts';
import { NoticeKindTag, noticeTitle } from './portal-bits.tsx';

/** Notices, newest first: date, kind, title (in the page's language when given), publisher. */
export function NoticeList({ notices }: { notices: PublicNotice[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (notices.length === 0) return <Empty description={t('portal.notices.none')} />;
  return (
    <ul className="notice-list">
      {notices.map((n) => {
        const title = noticeTitle(n, lang);
        return (
          <li key={n.id}>
            <span className="notice-title">
              <Link to={`/portal/notices/${n.id}`} lang={title.lang}>
                {title.text}
              </Link>
              {(n.attachments?.length ?? 0) > 0 && (
                <PaperClipOutlined
                  className="portal-muted"
                  style={{ marginInlineStart: 6 }}
                  aria-label={t('portal.notices.hasAttachments', { n: n.attachments?.length ?? 0 })}
                  role="img"
                />
              )}
            </span>
            <span className="notice-meta">
              <NoticeKindTag kind={n.kind} />
              <time dateTime={n.publishedOn}>{formatDate(n.publishedOn, lang)}</time>
              {n.unitCode && <> · {unitLabel(n.unitCode, lang, n.unitName ?? undefined)}</>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
