import client from 'prom-client';

/**
 * Metrics of the work done outside requests (mail delivery, background jobs), shared by the process: the
 * HTTP server's /metrics merges this registry with its own.
 */
export const sharedRegistry = new client.Registry();

export const mailsSent = new client.Counter({
  name: 'jiqun_mails_sent_total',
  help: 'E-mails handed to the SMTP server (or captured, in a demo installation)',
  labelNames: ['mode'] as const,
  registers: [sharedRegistry],
});

export const mailsFailed = new client.Counter({
  name: 'jiqun_mails_failed_total',
  help: 'E-mail delivery attempts that failed (temporary failures are retried)',
  labelNames: ['final'] as const,
  registers: [sharedRegistry],
});

export const jobsRun = new client.Counter({
  name: 'jiqun_jobs_total',
  help: 'Background jobs run, by name and outcome',
  labelNames: ['name', 'outcome'] as const,
  registers: [sharedRegistry],
});

export type QueueDepth = { mailQueued: number; jobsPending: number; jobsFailed: number };

let measure: (() => Promise<QueueDepth>) | null = null;

/** Tells the queue-depth gauge how to count (the database is only known once the app is built). */
export function measureQueuesWith(fn: () => Promise<QueueDepth>): void {
  measure = fn;
}

new client.Gauge({
  name: 'jiqun_queue_depth',
  help: 'Work waiting in the database: queued e-mails, pending and failed background jobs',
  labelNames: ['queue'] as const,
  registers: [sharedRegistry],
  async collect() {
    if (!measure) return;
    try {
      const d = await measure();
      this.set({ queue: 'mail_outbox' }, d.mailQueued);
      this.set({ queue: 'jobs_pending' }, d.jobsPending);
      this.set({ queue: 'jobs_failed' }, d.jobsFailed);
    } catch {
      // An unreachable database must not break /metrics; /readyz reports it.
    }
  },
});

/** Outcomes of the evidence upload pipeline (server/platform/uploads.ts). */
export type UploadOutcome =
  | 'stored'
  | 'too_large'
  | 'unsupported_type'
  | 'empty'
  | 'refused'
  | 'aborted'
  | 'failed';

export const uploadsTotal = new client.Counter({
  name: 'jiqun_uploads_total',
  help: 'Uploads through the evidence pipeline by outcome (refused: the record was not allowed, e.g. 404/409)',
  labelNames: ['outcome'] as const,
  registers: [sharedRegistry],
});

export const uploadBytes = new client.Counter({
  name: 'jiqun_upload_bytes_total',
  help: 'Bytes of uploads received in full, by outcome (stored, or received and then refused)',
  labelNames: ['outcome'] as const,
  registers: [sharedRegistry],
});
