-- E-mail for notifications (an outbox delivered by a background job), each user's choice of e-mails,
-- the background jobs themselves and the reminders already sent. Everything lives in the database so that
-- several processes behind a proxy share it: a mail is sent once, a job runs once, a reminder goes out once.

-- One row per e-mail. Written in the transaction of the change that caused it (with the notification), sent
-- later by the delivery job: queued → sending → sent, or back to queued with a later next_attempt_at after a
-- temporary failure, or failed for good. Without an SMTP server a demo installation captures the mail
-- (readable under /api/v1/ops/mail); any other installation records it as skipped (not sent).
CREATE TABLE mail_outbox (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notification_id uuid REFERENCES notifications (id) ON DELETE SET NULL,
  user_id         uuid REFERENCES users (id) ON DELETE SET NULL,
  kind            text NOT NULL,
  to_address      text NOT NULL,
  subject         text NOT NULL,
  body            text NOT NULL,
  -- A path inside the app; the delivery prefixes the configured public URL.
  link            text,
  status          text NOT NULL DEFAULT 'queued'
                  CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'captured', 'skipped')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- A 'sending' row whose lock has expired belongs to a process that died: it is taken up again.
  locked_until    timestamptz,
  last_error      text,
  message_id      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status IN ('queued', 'sending');
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id DESC);

-- The kinds of e-mail a user turned off (new kinds are on until turned off).
CREATE TABLE notification_preferences (
  user_id        uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  email_opt_outs text[] NOT NULL DEFAULT '{}',
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Background jobs. Workers claim due rows with FOR UPDATE SKIP LOCKED, so each job runs in one process; a
-- singleton key (e.g. the date of a daily job) makes enqueuing idempotent across processes.
CREATE TABLE jobs (
  id              bigserial PRIMARY KEY,
  name            text NOT NULL,
  data            jsonb NOT NULL DEFAULT '{}',
  singleton_key   text,
  state           text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'active', 'completed', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  max_attempts    integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  timeout_seconds integer NOT NULL DEFAULT 600 CHECK (timeout_seconds >= 1),
  run_after       timestamptz NOT NULL DEFAULT now(),
  locked_until    timestamptz,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  started_at      timestamptz,
  finished_at     timestamptz,
  UNIQUE (name, singleton_key)
);
CREATE INDEX jobs_due_idx ON jobs (run_after) WHERE state IN ('queued', 'active');

-- Deadline reminders already sent, one per kind (with the days before), addressee and deadline.
CREATE TABLE reminders_sent (
  kind     text NOT NULL,
  target   text NOT NULL,
  deadline date NOT NULL,
  sent_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, target, deadline)
);
