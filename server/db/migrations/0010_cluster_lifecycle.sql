-- Identified clusters after identification: annual reports, cultivation plans, policy support, change reports
-- (变更报备), re-review (复核), revocation, a full history, and provincial-level clusters identified by a unit.

-- A unit's own identification round for provincial-level clusters, with its own standards version.
CREATE TABLE provincial_campaigns (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_code         text NOT NULL REFERENCES units (code),
  year              integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title             text NOT NULL,
  standards_version text NOT NULL,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  notice_no         text,
  published_on      date,
  created_by        uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_code, year)
);

ALTER TABLE clusters ADD COLUMN level text NOT NULL DEFAULT 'national' CHECK (level IN ('national', 'provincial'));
ALTER TABLE clusters ADD COLUMN provincial_campaign_id uuid REFERENCES provincial_campaigns (id);
-- The declaration a provincial cluster was identified from (declaration_id stays the national identification's).
ALTER TABLE clusters ADD COLUMN source_declaration_id uuid REFERENCES declarations (id) ON DELETE SET NULL;
ALTER TABLE clusters ADD COLUMN revoked_on date;
ALTER TABLE clusters ADD COLUMN revocation_reason text;
UPDATE clusters SET revoked_on = valid_from WHERE status = 'revoked';
ALTER TABLE clusters ADD CONSTRAINT clusters_revoked_on CHECK ((status = 'revoked') = (revoked_on IS NOT NULL));
ALTER TABLE clusters ADD CONSTRAINT clusters_provincial_campaign
  CHECK ((level = 'provincial') = (provincial_campaign_id IS NOT NULL));
-- A national and a provincial list may name the same cluster in one year.
DROP INDEX clusters_year_name_idx;
CREATE UNIQUE INDEX clusters_level_year_name_idx ON clusters (level, campaign_year, name);
CREATE INDEX clusters_valid_to_idx ON clusters (valid_to);

-- The full history of a cluster. Identification and import are recorded by the trigger below, whoever inserts.
CREATE TABLE cluster_events (
  id          bigserial PRIMARY KEY,
  cluster_id  uuid NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
  kind        text NOT NULL,
  on_date     date NOT NULL,
  actor_id    uuid REFERENCES users (id) ON DELETE SET NULL,
  actor_role  text,
  summary     text NOT NULL DEFAULT '',
  data        jsonb NOT NULL DEFAULT '{}',
  -- The record the event is about (an annual report, a re-review, a change report), if any.
  ref_id      uuid,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cluster_events_cluster_idx ON cluster_events (cluster_id, id);

CREATE FUNCTION cluster_identified_event() RETURNS trigger AS $$
BEGIN
  INSERT INTO cluster_events (cluster_id, kind, on_date, summary, data)
  VALUES (NEW.id,
    CASE WHEN NEW.declaration_id IS NULL AND NEW.level = 'national' THEN 'imported' ELSE 'identified' END,
    NEW.valid_from,
    coalesce(NEW.notice_no, ''),
    jsonb_build_object('level', NEW.level, 'noticeNo', NEW.notice_no, 'validFrom', NEW.valid_from,
      'validTo', NEW.valid_to, 'declarationId', coalesce(NEW.declaration_id, NEW.source_declaration_id)));
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER clusters_identified_event AFTER INSERT ON clusters
  FOR EACH ROW EXECUTE FUNCTION cluster_identified_event();

INSERT INTO cluster_events (cluster_id, kind, on_date, summary, data, created_at)
SELECT id, CASE WHEN declaration_id IS NULL THEN 'imported' ELSE 'identified' END, valid_from,
  coalesce(notice_no, ''),
  jsonb_build_object('level', level, 'noticeNo', notice_no, 'validFrom', valid_from, 'validTo', valid_to,
    'declarationId', declaration_id),
  created_at
FROM clusters;

-- Annual development reports: the figures of `year`, filed the following year.
CREATE TABLE annual_reports (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cluster_id     uuid NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
  year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'forwarded')),
  content        jsonb NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  due_on         date NOT NULL,
  submitted_at   timestamptz,
  submitted_late boolean,
  return_reason  text,
  forwarded_at   timestamptz,
  created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_by     uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cluster_id, year)
);
CREATE INDEX annual_reports_year_idx ON annual_reports (year, status);

-- Every submission (with its content) and every unit action on a report.
CREATE TABLE annual_report_events (
  id          bigserial PRIMARY KEY,
  report_id   uuid NOT NULL REFERENCES annual_reports (id) ON DELETE CASCADE,
  action      text NOT NULL,
  from_status text NOT NULL,
  to_status   text NOT NULL,
  version     integer NOT NULL,
  content     jsonb,
  comment     text,
  actor_id    uuid REFERENCES users (id) ON DELETE SET NULL,
  actor_name  text,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX annual_report_events_report_idx ON annual_report_events (report_id, id);

CREATE TABLE cultivation_plans (
  cluster_id uuid PRIMARY KEY REFERENCES clusters (id) ON DELETE CASCADE,
  content    jsonb NOT NULL,
  version    integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE policy_support (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cluster_id    uuid NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('fiscal', 'financial', 'industrial', 'innovation', 'land', 'talent',
                                              'major_project', 'investment_fund')),
  title         text NOT NULL,
  -- 亿元; null for support without a money value (e.g. a land quota, a talent programme).
  amount        numeric(14, 4) CHECK (amount >= 0),
  granted_on    date NOT NULL,
  grantor       text NOT NULL DEFAULT '',
  document_no   text,
  description   text NOT NULL DEFAULT '',
  recorded_by   uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_role text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX policy_support_cluster_idx ON policy_support (cluster_id);

CREATE TABLE change_reports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cluster_id   uuid NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('leading_industry', 'spatial_boundary', 'operating_body', 'other')),
  description  text NOT NULL,
  before_value text NOT NULL DEFAULT '',
  after_value  text NOT NULL DEFAULT '',
  effective_on date,
  status       text NOT NULL DEFAULT 'reported'
               CHECK (status IN ('reported', 'acknowledged', 'under_review', 'closed')),
  reported_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  reported_at  timestamptz NOT NULL DEFAULT now(),
  resolution   text,
  resolved_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  resolved_at  timestamptz
);
CREATE INDEX change_reports_cluster_idx ON change_reports (cluster_id);

-- One re-review per validity period (period_end: the last valid day under review).
CREATE TABLE re_reviews (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cluster_id        uuid NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
  period_end        date NOT NULL,
  status            text NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'submitted', 'returned', 'verified', 'decided')),
  form              jsonb NOT NULL,
  version           integer NOT NULL DEFAULT 1,
  standards_version text NOT NULL,
  standards         jsonb,
  submitted_at      timestamptz,
  return_reason     text,
  unit_passed       boolean,
  unit_items        jsonb,
  unit_comment      text,
  inspection        jsonb,
  verified_by       uuid REFERENCES users (id) ON DELETE SET NULL,
  verified_at       timestamptz,
  decision          text CHECK (decision IN ('extend', 'revoke')),
  decision_reason   text,
  decided_by        uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at        timestamptz,
  new_valid_to      date,
  created_by        uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cluster_id, period_end),
  CHECK ((status = 'decided') = (decision IS NOT NULL))
);

-- Evidence for change reports, re-reviews (incl. the unit's inspection) and revocations.
CREATE TABLE cluster_files (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cluster_id   uuid NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
  owner_kind   text NOT NULL CHECK (owner_kind IN ('change_report', 're_review', 'revocation')),
  owner_id     uuid NOT NULL,
  filename     text NOT NULL,
  storage_key  text NOT NULL UNIQUE,
  size         bigint NOT NULL,
  sha256       text NOT NULL,
  content_type text NOT NULL,
  uploaded_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cluster_files_owner_idx ON cluster_files (owner_kind, owner_id);
