import { sql } from 'drizzle-orm';
import type Nodemailer from 'nodemailer';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import { nodemailer } from './lazy-modules.ts';
import { mailsFailed, mailsSent } from './metrics.ts';
import { rows } from './sql.ts';

/** smtp: sent through JIQUN_SMTP_URL; capture: kept in the outbox for the demo UI; none: recorded as not sent. */
export type MailMode = 'smtp' | 'capture' | 'none';

export type OutgoingMail = { to: string; subject: string; text: string };

export type Mailer = {
  mode: MailMode;
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
};

/** How this installation sends mail, from its configuration. */
export function mailMode(config: Pick<Config, 'mail' | 'demo'>): MailMode {
  return config.mail.smtpUrl ? 'smtp' : config.demo ? 'capture' : 'none';
}

/** The configured way of sending e-mail. Without an SMTP server, a demo installation captures mail. */
export function createMailer(config: Pick<Config, 'mail' | 'demo'>): Mailer {
  const { smtpUrl, from } = config.mail;
  if (!smtpUrl) {
    const mode = mailMode(config);
    return {
      mode,
      async send() {
        throw new Error(`No SMTP server configured (mode ${mode})`);
      },
      close() {},
    };
  }
  // The URL carries host, port, credentials and options (smtp://user:pass@host:587, smtps://…:465).
  // Short timeouts: a stuck server must not hold the delivery job for nodemailer's default two minutes.
  const transport = nodemailer().createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof Nodemailer.createTransport>[0]);
  return {
    mode: 'smtp',
    async send(mail) {
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      return { messageId: String(info.messageId ?? '') };
    },
    close() {
      transport.close();
    },
  };
}

export type OutboxMail = {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  link: string | null;
  attempts: number;
};

/** The text as sent: the body, the link into the app and how to choose which e-mails arrive. */
export function renderMail(m: Pick<OutboxMail, 'body' | 'link'>, publicUrl: string): string {
  return [
    m.body,
    '',
    ...(m.link ? [`查看详情 / Open in Jiqun: ${publicUrl}${m.link}`, ''] : []),
    '——',
    '此邮件由中小企业特色产业集群申报平台自动发送，请勿直接回复。您可在平台的“通知设置”中选择接收哪些邮件。',
    'Sent automatically by Jiqun; please do not reply. Choose which e-mails you receive under notification settings.',
    publicUrl,
  ].join('\n');
}

type Log = {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type DeliveryOptions = {
  publicUrl: string;
  log?: Log;
  /** Mails taken per run. */
  batch?: number;
  /** First retry delay; doubles with each attempt (capped at six hours). */
  backoffSeconds?: number;
  /** After this many failed attempts a mail is failed for good. */
  maxAttempts?: number;
};

export type DeliveryReport = {
  sent: number;
  captured: number;
  skipped: number;
  retry: number;
  failed: number;
};

/**
 * Delivers due mail from the outbox. Rows are claimed (FOR UPDATE SKIP LOCKED, then marked `sending` with a
 * lock that expires) in a short statement of their own and sent outside any transaction, so several
 * processes can run this at once and each mail goes to one of them; a process dying mid-send leaves the
 * row to be taken up again when its lock expires (at-least-once, as SMTP itself).
 */
export async function deliverOutbox(db: Db, mailer: Mailer, opts: DeliveryOptions): Promise<DeliveryReport> {
  const batch = opts.batch ?? 20;
  const backoff = opts.backoffSeconds ?? 30;
  const maxAttempts = opts.maxAttempts ?? 8;
  const report: DeliveryReport = { sent: 0, captured: 0, skipped: 0, retry: 0, failed: 0 };
  const claimed = await rows<OutboxMail>(
    db,
    sql`UPDATE mail_outbox m
        SET status = 'sending', attempts = m.attempts + 1, locked_until = now() + interval '5 minutes'
        WHERE m.id IN (
          SELECT id FROM mail_outbox
          WHERE (status = 'queued' AND next_attempt_at <= now()) OR (status = 'sending' AND locked_until < now())
          ORDER BY next_attempt_at, id
          LIMIT ${batch}
          FOR UPDATE SKIP LOCKED)
        RETURNING m.id, m.to_address AS "toAddress", m.subject, m.body, m.link, m.attempts`,
  );
  if (claimed.length === 0) return report;
  const ids = sql.join(
    claimed.map((m) => sql`${m.id}::uuid`),
    sql`, `,
  );
  if (mailer.mode === 'capture') {
    await db.execute(
      sql`UPDATE mail_outbox SET status = 'captured', locked_until = NULL, finished_at = now() WHERE id IN (${ids})`,
    );
    mailsSent.inc({ mode: 'capture' }, claimed.length);
    report.captured = claimed.length;
    return report;
  }
  if (mailer.mode === 'none') {
    const reason = 'Not sent: no SMTP server configured (set JIQUN_SMTP_URL)';
    await db.execute(
      sql`UPDATE mail_outbox SET status = 'skipped', last_error = ${reason}, locked_until = NULL, finished_at = now()
          WHERE id IN (${ids})`,
    );
    opts.log?.warn(
      { mails: claimed.length },
      'e-mail not sent: no SMTP server is configured (JIQUN_SMTP_URL); the mails are recorded as skipped',
    );
    report.skipped = claimed.length;
    return report;
  }
  for (const m of claimed) {
    try {
      const { messageId } = await mailer.send({
        to: m.toAddress,
        subject: m.subject,
        text: renderMail(m, opts.publicUrl),
      });
      await db.execute(
        sql`UPDATE mail_outbox SET status = 'sent', message_id = ${messageId}, last_error = NULL,
              locked_until = NULL, finished_at = now() WHERE id = ${m.id}`,
      );
      mailsSent.inc({ mode: 'smtp' });
      report.sent++;
    } catch (err) {
      // 5xx is the server's final word (unknown mailbox, refused sender); anything else may pass later.
      const code = (err as { responseCode?: number }).responseCode;
      const final = (code !== undefined && code >= 500) || m.attempts >= maxAttempts;
      const message = String((err as Error).message ?? err).slice(0, 1000);
      const delay = Math.min(backoff * 2 ** (m.attempts - 1), 6 * 3600);
      await db.execute(
        sql`UPDATE mail_outbox SET status = ${final ? 'failed' : 'queued'}, last_error = ${message},
              locked_until = NULL, next_attempt_at = now() + make_interval(secs => ${delay}),
              finished_at = ${final ? sql`now()` : null} WHERE id = ${m.id}`,
      );
      mailsFailed.inc({ final: String(final) });
      opts.log?.warn(
        { mailId: m.id, attempts: m.attempts, final, err: message },
        final ? 'e-mail failed for good' : 'e-mail failed; will retry',
      );
      if (final) report.failed++;
      else report.retry++;
    }
  }
  return report;
}
