import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerToday } from '../../api/queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { daysLeft, formatDate } from './review-format.ts';

/** A deadline (an inclusive Beijing date) with the days left, “due today” or “passed”. */
export function DeadlineCountdown({ date }: { date: string | null }) {
  const { t } = useTranslation();
  const today = useServerToday();
  if (!date) return <Tag bordered={false}>{t('review.noDeadline')}</Tag>;
  const left = daysLeft(date, today);
  if (left < 0) return <Tag color="default">{t('review.passed')}</Tag>;
  if (left === 0) return <Tag color="error">{t('review.lastDay')}</Tag>;
  return <Tag color={left <= 7 ? 'warning' : 'processing'}>{t('review.daysLeft', { count: left })}</Tag>;
}

export function DeadlineStat({ label, date }: { label: string; date: string | null }) {
  const lang = useLanguage();
  return (
    <div className="deadline-stat">
      <div className="stat-label">{label}</div>
      <div className="deadline-date">{formatDate(date, lang)}</div>
      <DeadlineCountdown date={date} />
    </div>
  );
}
