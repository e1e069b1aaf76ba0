import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EffectiveClusterStatus } from '../../../../domain/cluster-lifecycle.ts';
import type { PublicNotice } from '../../api/public.ts';
import type { Language } from '../../i18n/languages.ts';

/** A cluster's status as a tag. */
export function ClusterStatusTag({ status }: { status: EffectiveClusterStatus }) {
  const { t } = useTranslation();
  return (
    <Tag bordered={false} className={`portal-tag portal-tag-${status}`}>
      {t(`portal.status.${status}`)}
    </Tag>
  );
}

/** A notice's kind as a tag. */
export function NoticeKindTag({ kind }: { kind: PublicNotice['kind'] }) {
  const { t } = useTranslation();
  return (
    <Tag bordered={false} className="portal-tag">
      {t(`portal.kinds.${kind}`)}
    </Tag>
  );
}

/** The title to show: the English one on the English page when there is one, otherwise the Chinese. */
export function noticeTitle(notice: PublicNotice, lang: Language): { text: string; lang?: string } {
  if (lang === 'en' && notice.titleEn) return { text: notice.titleEn };
  return { text: notice.title, lang: lang === 'en' ? 'zh-CN' : undefined };
}
