-- Declarations (the county's Declaration Form), their submitted snapshots, events and evidence files.

ALTER TABLE campaigns ADD COLUMN is_demo boolean NOT NULL DEFAULT false;

CREATE TABLE declarations (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_year     integer NOT NULL REFERENCES campaigns (year),
  division_code     text NOT NULL REFERENCES divisions (code),
  unit_code         text NOT NULL REFERENCES units (code),
  form_version      text NOT NULL,
  standards_version text NOT NULL,
  status            text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'withdrawn', 'accepted',
                      'rejected', 'recommended', 'shortlisted', 'publicized', 'identified', 'not_identified')),
  -- Bumped by every content edit: the If-Match value of optimistic concurrency.
  version           integer NOT NULL DEFAULT 1,
  content           jsonb NOT NULL,
  cluster_name      text NOT NULL DEFAULT '',
  submitted_version integer,
  submitted_at      timestamptz,
  is_demo           boolean NOT NULL DEFAULT false,
  created_by        uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_by        uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX declarations_division_idx ON declarations (division_code, campaign_year);
CREATE INDEX declarations_unit_idx ON declarations (unit_code, campaign_year, status);
CREATE INDEX declarations_campaign_idx ON declarations (campaign_year, status);

-- Immutable snapshots: one per submission, so every submitted version stays readable and comparable.
CREATE TABLE declaration_versions (
  declaration_id uuid NOT NULL REFERENCES declarations (id) ON DELETE CASCADE,
  version        integer NOT NULL,
  status         text NOT NULL,
  content        jsonb NOT NULL,
  attachments    jsonb NOT NULL,
  created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (declaration_id, version)
);

CREATE TABLE declaration_events (
  id             bigserial PRIMARY KEY,
  declaration_id uuid NOT NULL REFERENCES declarations (id) ON DELETE CASCADE,
  action         text NOT NULL,
  from_status    text,
  to_status      text,
  version        integer NOT NULL,
  actor_id       uuid REFERENCES users (id) ON DELETE SET NULL,
  actor_name     text,
  comment        text,
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX declaration_events_decl_idx ON declaration_events (declaration_id, id);

CREATE TABLE attachments (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  declaration_id uuid NOT NULL REFERENCES declarations (id) ON DELETE CASCADE,
  category       text NOT NULL,
  filename       text NOT NULL,
  storage_key    text NOT NULL UNIQUE,
  size           bigint NOT NULL CHECK (size > 0),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content_type   text NOT NULL,
  created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  -- Removed from the draft; the file stays while a submitted snapshot refers to it.
  deleted_at     timestamptz
);
CREATE INDEX attachments_decl_idx ON attachments (declaration_id, created_at) WHERE deleted_at IS NULL;
