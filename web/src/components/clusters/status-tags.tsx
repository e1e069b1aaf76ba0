import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../../../domain/annual-report.ts';
import type { ChangeReport, ClusterDetail, ReReview } from '../../api/clusters.ts';

const CLUSTER_COLORS = { valid: 'green', extended: 'blue', revoked: 'red', expired: 'default' } as const;
const REPORT_COLORS = {
  not_started: 'default',
  draft: 'gold',
  submitted: 'processing',
  returned: 'orange',
  forwarded: 'green',
} as const;
const RE_REVIEW_COLORS = {
  draft: 'gold',
  submitted: 'processing',
  returned: 'orange',
  verified: 'cyan',
  decided: 'green',
} as const;
const CHANGE_COLORS = {
  reported: 'processing',
  acknowledged: 'green',
  under_review: 'orange',
  closed: 'default',
} as const;

export function ClusterStatusTag({ status }: { status: ClusterDetail['status'] }) {
  const { t } = useTranslation();
  return <Tag color={CLUSTER_COLORS[status]}>{t(`cl.status.${status}`)}</Tag>;
}

export function LevelTag({ level }: { level: ClusterDetail['level'] }) {
  const { t } = useTranslation();
  return <Tag color={level === 'national' ? 'red' : 'purple'}>{t(`cl.level.${level}`)}</Tag>;
}

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return <Tag color={REPORT_COLORS[status]}>{t(`cl.reportStatus.${status}`)}</Tag>;
}

export function ReReviewStatusTag({ status }: { status: ReReview['status'] }) {
  const { t } = useTranslation();
  return <Tag color={RE_REVIEW_COLORS[status]}>{t(`cl.reReview.statuses.${status}`)}</Tag>;
}

export function ChangeStatusTag({ status }: { status: ChangeReport['status'] }) {
  const { t } = useTranslation();
  return <Tag color={CHANGE_COLORS[status]}>{t(`cl.changes.statuses.${status}`)}</Tag>;
}
