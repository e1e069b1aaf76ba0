-- The ministry's national review: expert panels with phased scoring, the 公示 (publicity) periods with the
-- public's objections, identification into clusters, published notices and the in-app notifications.

CREATE TABLE panels (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_year            integer NOT NULL REFERENCES campaigns (year),
  name                     text NOT NULL,
  -- scoring: independent (others' scores hidden) → revealed: others' scores shown, revisions need a reason
  -- → final: nothing changes any more.
  phase                    text NOT NULL DEFAULT 'scoring' CHECK (phase IN ('scoring', 'revealed', 'final')),
  experts_per_declaration  integer NOT NULL CHECK (experts_per_declaration BETWEEN 1 AND 50),
  created_by               uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at               timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_year, name)
);

CREATE TABLE panel_members (
  panel_id  uuid NOT NULL REFERENCES panels (id) ON DELETE CASCADE,
  expert_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  added_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (panel_id, expert_id)
);

-- A declaration is reviewed by one panel of its campaign.
CREATE TABLE panel_declarations (
  declaration_id    uuid PRIMARY KEY REFERENCES declarations (id) ON DELETE CASCADE,
  panel_id          uuid NOT NULL REFERENCES panels (id) ON DELETE CASCADE,
  consensus_comment text NOT NULL DEFAULT '',
  consensus_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  consensus_at      timestamptz,
  added_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX panel_declarations_panel_idx ON panel_declarations (panel_id);

ALTER TABLE expert_assignments ADD COLUMN panel_id uuid REFERENCES panels (id) ON DELETE CASCADE;

-- The independent score before a revision, and why it was revised after the reveal.
ALTER TABLE expert_scores ADD COLUMN initial_scores jsonb;
ALTER TABLE expert_scores ADD COLUMN initial_total numeric(6, 2);
ALTER TABLE expert_scores ADD COLUMN revision_reason text;
ALTER TABLE expert_scores ADD COLUMN revised_at timestamptz;

-- Published notices: the recommendation notice, 公示 and identification lists.
CREATE TABLE notices (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind          text NOT NULL CHECK (kind IN ('recommendation', 'publicity', 'identification', 'other')),
  campaign_year integer REFERENCES campaigns (year),
  notice_no     text,
  title         text NOT NULL,
  body          text NOT NULL DEFAULT '',
  published_on  date NOT NULL,
  created_by    uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notices_published_idx ON notices (published_on DESC);

CREATE TABLE publicity_periods (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_year integer NOT NULL REFERENCES campaigns (year),
  starts_on     date NOT NULL,
  working_days  integer NOT NULL CHECK (working_days BETWEEN 1 AND 60),
  ends_on       date NOT NULL CHECK (ends_on >= starts_on),
  notice_id     uuid REFERENCES notices (id) ON DELETE SET NULL,
  created_by    uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE publicity_items (
  publicity_id   uuid NOT NULL REFERENCES publicity_periods (id) ON DELETE CASCADE,
  declaration_id uuid NOT NULL UNIQUE REFERENCES declarations (id) ON DELETE CASCADE,
  position       integer NOT NULL,
  PRIMARY KEY (publicity_id, declaration_id)
);

CREATE TABLE objections (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  publicity_id      uuid NOT NULL REFERENCES publicity_periods (id) ON DELETE CASCADE,
  declaration_id    uuid NOT NULL REFERENCES declarations (id) ON DELETE CASCADE,
  real_name         text NOT NULL,
  contact           text NOT NULL,
  reason            text NOT NULL,
  evidence_filename text,
  evidence_key      text UNIQUE,
  evidence_size     bigint,
  evidence_sha256   text,
  evidence_type     text,
  submitted_ip      text,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed')),
  resolution        text,
  resolved_by       uuid REFERENCES users (id) ON DELETE SET NULL,
  resolved_at       timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'open') = (resolved_at IS NULL))
);
CREATE INDEX objections_declaration_idx ON objections (declaration_id);

-- Identified clusters: created by identification (or imported from published lists), valid three years.
CREATE TABLE clusters (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  declaration_id   uuid UNIQUE REFERENCES declarations (id) ON DELETE SET NULL,
  name             text NOT NULL,
  campaign_year    integer NOT NULL,
  division_code    text NOT NULL REFERENCES divisions (code),
  unit_code        text NOT NULL REFERENCES units (code),
  leading_industry text NOT NULL DEFAULT '',
  industry_code    text,
  sub_sector       text,
  notice_no        text,
  valid_from       date NOT NULL,
  valid_to         date NOT NULL CHECK (valid_to > valid_from),
  status           text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'extended', 'revoked')),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clusters_year_idx ON clusters (campaign_year);
CREATE INDEX clusters_unit_idx ON clusters (unit_code);

-- In-app notifications, addressed to a unit's or a county's accounts (or one user).
CREATE TABLE notifications (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid REFERENCES users (id) ON DELETE CASCADE,
  unit_code     text REFERENCES units (code),
  division_code text REFERENCES divisions (code),
  kind          text NOT NULL,
  title         text NOT NULL,
  body          text NOT NULL DEFAULT '',
  link          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(user_id, unit_code, division_code) = 1)
);
CREATE INDEX notifications_unit_idx ON notifications (unit_code);
CREATE INDEX notifications_division_idx ON notifications (division_code);

CREATE TABLE notification_reads (
  notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  read_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, user_id)
);
