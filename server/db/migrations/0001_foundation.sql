-- Foundation: reference data, accounts, sessions, rate limits, county authority profiles, audit log.
-- PostgreSQL 15 SQL only: this file runs unchanged on PGlite and on a PostgreSQL server.

CREATE TABLE units (
  code          text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
  name          text NOT NULL,
  name_en       text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('provincial', 'separate_plan_city', 'xpcc')),
  region        text NOT NULL CHECK (region IN ('east', 'central', 'west', 'northeast')),
  province_code text NOT NULL,
  sort_order    integer NOT NULL
);

CREATE TABLE divisions (
  code        text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('province', 'prefecture', 'county', 'zone')),
  parent_code text REFERENCES divisions (code),
  unit_code   text REFERENCES units (code)
);
CREATE INDEX divisions_parent_idx ON divisions (parent_code, code);
CREATE INDEX divisions_unit_idx ON divisions (unit_code, level);

CREATE TABLE industries (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('section', 'division', 'group', 'class')),
  parent_code text REFERENCES industries (code),
  sort_order  integer NOT NULL
);
CREATE INDEX industries_parent_idx ON industries (parent_code, sort_order);

CREATE TABLE campaigns (
  year               integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  notice_no          text,
  notice_date        date,
  status             text NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  opens_at           date,
  county_deadline    date,
  unit_deadline      date,
  quotas             jsonb NOT NULL,
  standards_version  text NOT NULL,
  form_version       text NOT NULL,
  annual_report_due  text,
  rules              jsonb NOT NULL DEFAULT '{}'::jsonb,
  list_notice_no     text,
  identified_count   integer,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);

-- Which version of each reference file is loaded, so a start only reloads what changed.
CREATE TABLE reference_versions (
  name      text PRIMARY KEY,
  checksum  text NOT NULL,
  rows      integer NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username            text NOT NULL,
  display_name        text NOT NULL,
  role                text NOT NULL CHECK (role IN ('county', 'unit', 'expert', 'ministry', 'admin')),
  division_code       text REFERENCES divisions (code),
  unit_code           text REFERENCES units (code),
  email               text,
  password_hash       text NOT NULL,
  is_demo             boolean NOT NULL DEFAULT false,
  disabled            boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  -- A county account is bound to one county (and, through it, its unit); a unit account to one unit.
  CONSTRAINT users_scope_check CHECK (
    (role = 'county' AND division_code IS NOT NULL AND unit_code IS NOT NULL)
    OR (role = 'unit' AND division_code IS NULL AND unit_code IS NOT NULL)
    OR (role IN ('expert', 'ministry', 'admin') AND division_code IS NULL)
  )
);
CREATE UNIQUE INDEX users_username_idx ON users (lower(username));
CREATE INDEX users_division_idx ON users (division_code);
CREATE INDEX users_unit_idx ON users (unit_code, role);

CREATE TABLE sessions (
  id           text PRIMARY KEY,            -- sha256 of the cookie token; the token itself is never stored
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  ip           text,
  user_agent   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE api_tokens (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  prefix       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  expires_at   timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Fixed-window counters shared by every process (login throttling and lockout).
CREATE TABLE rate_limits (
  key          text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  count        integer NOT NULL
);

-- Contact details of a county-level SME authority (the applicant), printed on its declarations.
CREATE TABLE county_profiles (
  division_code  text PRIMARY KEY REFERENCES divisions (code),
  unit_code      text NOT NULL REFERENCES units (code),
  authority_name text NOT NULL DEFAULT '',
  address        text NOT NULL DEFAULT '',
  postal_code    text NOT NULL DEFAULT '',
  contact_name   text NOT NULL DEFAULT '',
  contact_phone  text NOT NULL DEFAULT '',
  contact_email  text NOT NULL DEFAULT '',
  version        integer NOT NULL DEFAULT 1,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX county_profiles_unit_idx ON county_profiles (unit_code);

-- Append-only, hash-chained: each entry's hash covers the previous entry's hash.
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     uuid,
  actor_name   text,
  actor_role   text,
  scope        text,
  action       text NOT NULL,
  entity_type  text,
  entity_id    text,
  before       jsonb,
  after        jsonb,
  ip           text,
  user_agent   text,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id);
