import { Tag } from 'antd';
import { type DeclarationStatus, STATUS_LABELS } from '../../api/declarations.ts';
import { useLanguage } from '../../i18n/index.ts';

export const STATUS_COLORS: Record<DeclarationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  withdrawn: 'default',
  accepted: 'cyan',
  rejected: 'error',
  recommended: 'blue',
  shortlisted: 'geekblue',
  publicized: 'purple',
  identified: 'success',
  not_identified: 'volcano',
};

export function statusLabel(status: DeclarationStatus, lang: string): string {
  const label = STATUS_LABELS[status];
  return label ? (lang === 'en' ? label.en : label.zh) : status;
}

export function DeclarationStatusTag({ status }: { status: DeclarationStatus }) {
  const lang = useLanguage();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{statusLabel(status, lang)}</Tag>;
}
