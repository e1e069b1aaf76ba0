-- The recommending unit's work: preliminary review records and the ranked recommendation list.

CREATE TABLE preliminary_reviews (
  declaration_id uuid PRIMARY KEY REFERENCES declarations (id) ON DELETE CASCADE,
  checklist      jsonb NOT NULL,
  result         text CHECK (result IN ('pass', 'fail')),
  notes          text NOT NULL DEFAULT '',
  reviewed_by    uuid REFERENCES users (id) ON DELETE SET NULL,
  reviewed_at    timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);

-- One row per recommended declaration. Rank is unique per unit and campaign and may not exceed the unit's
-- quota (checked by the trigger below), so the database itself can never hold more than the quota.
CREATE TABLE recommendations (
  campaign_year         integer NOT NULL REFERENCES campaigns (year),
  unit_code             text NOT NULL REFERENCES units (code),
  rank                  integer NOT NULL CHECK (rank >= 1),
  declaration_id        uuid NOT NULL UNIQUE REFERENCES declarations (id) ON DELETE CASCADE,
  western_justification text,
  created_by            uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_year, unit_code, rank)
);

CREATE FUNCTION recommendations_within_quota() RETURNS trigger AS $$
DECLARE
  quota integer;
BEGIN
  SELECT (c.quotas ->> u.kind)::integer INTO quota
    FROM campaigns c, units u
   WHERE c.year = NEW.campaign_year AND u.code = NEW.unit_code;
  IF quota IS NULL OR NEW.rank > quota THEN
    RAISE EXCEPTION 'rank % exceeds the quota (%) of unit % in campaign %', NEW.rank, quota, NEW.unit_code, NEW.campaign_year
      USING ERRCODE = 'check_violation', CONSTRAINT = 'recommendations_quota';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER recommendations_quota BEFORE INSERT OR UPDATE ON recommendations
  FOR EACH ROW EXECUTE FUNCTION recommendations_within_quota();
