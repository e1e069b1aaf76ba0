import { Card, Progress, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeclarationStatus } from '../../api/declarations.ts';
import type { UnitDashboard } from '../../api/review.ts';
import { useLanguage } from '../../i18n/index.ts';
import { STATUS_COLORS, statusLabel } from '../declaration/status-tag.tsx';
import { DeadlineStat } from './deadline-stat.tsx';
import { dashboardStatuses } from './review-format.ts';

/** Used / quota as a bar, with what is left in words. */
export function QuotaMeter({ used, quota, label }: { used: number; quota: number; label: string }) {
  const { t } = useTranslation();
  const percent = quota > 0 ? Math.min(100, Math.round((used / quota) * 100)) : 0;
  const over = used > quota;
  return (
    <div className="quota-meter">
      <Progress
        percent={percent}
        status={over ? 'exception' : used === quota ? 'success' : 'normal'}
        format={() => `${used} / ${quota}`}
        aria-label={label}
        aria-valuetext={t('review.quotaUsed', { used, quota })}
      />
      <Typography.Text type={over ? 'danger' : 'secondary'} className="quota-note">
        {used >= quota ? t('review.quotaFull') : t('review.quotaLeft', { count: quota - used })}
      </Typography.Text>
    </div>
  );
}

/** Counts per status (each a button that filters the table), the quota meter and the two deadlines. */
export function UnitDashboardCards({
  dashboard,
  activeStatus,
  onStatus,
}: {
  dashboard: UnitDashboard;
  activeStatus: DeclarationStatus | null;
  onStatus: (status: DeclarationStatus | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const statuses = dashboardStatuses(dashboard.byStatus);
  const total = Object.values(dashboard.byStatus).reduce((a, b) => a + (b ?? 0), 0);

  return (
    <section aria-labelledby="dashboard-heading" className="unit-dashboard">
      <h2 id="dashboard-heading" className="visually-hidden">
        {t('review.dashboard')}
      </h2>
      <ul className="status-cards">
        <li>
          <button
            type="button"
            className={`status-card${activeStatus === null ? ' status-card-active' : ''}`}
            aria-pressed={activeStatus === null}
            onClick={() => onStatus(null)}
          >
            <Statistic title={t('review.total')} value={total} />
          </button>
        </li>
        {statuses.map((s) => {
          const count = dashboard.byStatus[s] ?? 0;
          const label = statusLabel(s, lang);
          return (
            <li key={s}>
              <button
                type="button"
                className={`status-card status-card-${STATUS_COLORS[s]}${activeStatus === s ? ' status-card-active' : ''}`}
                aria-pressed={activeStatus === s}
                // The name is what the card shows (status and count); what it does goes in the tooltip.
                title={t('review.statusCard', { status: label, count })}
                onClick={() => onStatus(activeStatus === s ? null : s)}
              >
                <Statistic title={label} value={count} />
              </button>
            </li>
          );
        })}
      </ul>
      <div className="dashboard-row">
        <Card
          size="small"
          className="dashboard-card"
          title={<h3 className="card-heading">{t('review.quota')}</h3>}
        >
          <QuotaMeter used={dashboard.used} quota={dashboard.quota} label={t('review.quotaLabel')} />
        </Card>
        <Card size="small" className="dashboard-card">
          <DeadlineStat label={t('review.countyDeadline')} date={dashboard.countyDeadline} />
        </Card>
        <Card size="small" className="dashboard-card">
          <DeadlineStat label={t('review.unitDeadline')} date={dashboard.unitDeadline} />
        </Card>
      </div>
    </section>
  );
}
