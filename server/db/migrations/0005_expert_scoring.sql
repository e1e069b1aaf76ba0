-- Experts invited to score declarations on the eight standards areas, and their scores.

CREATE TABLE expert_assignments (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  declaration_id       uuid NOT NULL REFERENCES declarations (id) ON DELETE CASCADE,
  expert_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- Who invited: a recommending unit now, the ministry's panels later.
  level                text NOT NULL CHECK (level IN ('unit', 'ministry')),
  assigned_by          uuid REFERENCES users (id) ON DELETE SET NULL,
  assigned_at          timestamptz NOT NULL DEFAULT now(),
  -- A declared conflict of interest removes access and excludes the score.
  conflict_declared_at timestamptz,
  conflict_reason      text,
  UNIQUE (declaration_id, expert_id, level)
);
CREATE INDEX expert_assignments_expert_idx ON expert_assignments (expert_id);

CREATE TABLE expert_scores (
  assignment_id uuid PRIMARY KEY REFERENCES expert_assignments (id) ON DELETE CASCADE,
  scores        jsonb NOT NULL,
  total         numeric(6, 2) NOT NULL CHECK (total BETWEEN 0 AND 100),
  comment       text NOT NULL DEFAULT '',
  submitted_at  timestamptz NOT NULL DEFAULT now()
);
