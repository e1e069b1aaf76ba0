-- On-site inspections (实地抽查) as first-class records, with their photos and documents.

CREATE TABLE inspections (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_year  integer REFERENCES campaigns (year),
  unit_code      text NOT NULL REFERENCES units (code),
  declaration_id uuid REFERENCES declarations (id) ON DELETE CASCADE,
  purpose        text NOT NULL CHECK (purpose IN ('declaration', 're_review')),
  status         text NOT NULL CHECK (status IN ('planned', 'done', 'signed_off', 'cancelled')),
  planned_on     date NOT NULL,
  place          text NOT NULL,
  team           jsonb NOT NULL,
  checklist      jsonb NOT NULL,
  verdict        text CHECK (verdict IN ('pass', 'fail', 'follow_up')),
  notes          text NOT NULL DEFAULT '',
  version        integer NOT NULL DEFAULT 1,
  signed_off_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  signed_off_at  timestamptz,
  created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspections_unit_idx ON inspections (unit_code, planned_on);
CREATE INDEX inspections_declaration_idx ON inspections (declaration_id);

CREATE TABLE inspection_files (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  filename      text NOT NULL,
  storage_key   text NOT NULL UNIQUE,
  size          bigint NOT NULL CHECK (size > 0),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content_type  text NOT NULL,
  created_by    uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_files_idx ON inspection_files (inspection_id, created_at);
