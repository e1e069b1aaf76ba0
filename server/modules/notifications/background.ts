import type { Deps } from '../../platform/deps.ts';
import type { JobLog, JobRunner } from '../../platform/jobs.ts';
import { createMailer, deliverOutbox, type Mailer } from '../../platform/mail.ts';
import { sendReminders } from './reminders.ts';

export const MAIL_DELIVERY_EVERY_MS = 5_000;

/**
 * The notification module's background work: delivering the mail outbox every few seconds (in every
 * process; rows are claimed, so each mail goes out once) and the daily reminders (a job: one process).
 * Returns the mailer, to close on shutdown.
 */
export function registerNotificationJobs(runner: JobRunner, deps: Deps, log: JobLog): Mailer {
  const mailer = createMailer(deps.config);
  const batch = 20;
  runner.every('mail.deliver', MAIL_DELIVERY_EVERY_MS, async () => {
    // Drain a backlog in batches, but never hold the loop for long.
    for (let round = 0; round < 10; round++) {
      const r = await deliverOutbox(deps.db, mailer, { publicUrl: deps.config.publicUrl, log, batch });
      if (r.sent + r.captured + r.skipped + r.retry + r.failed < batch) break;
    }
  });
  runner.work('reminders.daily', async () => ({ remindersSent: await sendReminders(deps) }), {
    maxAttempts: 3,
    backoffSeconds: 300,
  });
  runner.daily('reminders.daily', 8);
  return mailer;
}
