import settingsZh from '../../i18n/settings.zh-CN.ts';

export type NotificationKindKey = keyof typeof settingsZh.settings.kinds;

/** Kinds this interface has a label for, in the dictionary's order. */
export const KNOWN_KINDS = Object.keys(settingsZh.settings.kinds) as NotificationKindKey[];

export const isKnownKind = (kind: string): kind is NotificationKindKey => kind in settingsZh.settings.kinds;

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'captured', 'skipped'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const isMailStatus = (s: string | null | undefined): s is MailStatus =>
  (MAIL_STATUSES as readonly string[]).includes(s ?? '');

export const MAIL_STATUS_COLORS: Record<MailStatus, string> = {
  queued: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  captured: 'gold',
  skipped: 'default',
};

/** The messages of a VALIDATION_FAILED's details that concern one body field ('body.email' or 'email'). */
export function fieldMessages(details: readonly unknown[], field: string): string[] {
  const out: string[] = [];
  for (const d of details) {
    if (typeof d !== 'object' || d === null) continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (path !== field && path !== `body.${field}`) continue;
    out.push(typeof message === 'string' ? message : 'invalid');
  }
  return out;
}

/** The e-mail field's value as the API wants it: trimmed, empty → null. */
export const emailForApi = (value: string | null | undefined): string | null => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
};
