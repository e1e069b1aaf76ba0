-- Issue #4, the rest of the unit's review.

-- An inspection is of a declaration or, for re-review (复核), of an identified cluster (linked to the
-- cluster's re-review in progress when there is one).
ALTER TABLE inspections ADD COLUMN cluster_id uuid REFERENCES clusters (id) ON DELETE CASCADE;
ALTER TABLE inspections ADD COLUMN re_review_id uuid REFERENCES re_reviews (id) ON DELETE SET NULL;
ALTER TABLE inspections ADD CONSTRAINT inspections_subject
  CHECK (declaration_id IS NOT NULL OR cluster_id IS NOT NULL);
CREATE INDEX inspections_cluster_idx ON inspections (cluster_id);

-- The optional city tier (市级预推荐, docs/decisions/002-city-tier.md): a city account is bound to one
-- prefecture-level division (its code: the city's four digits and 00) and, through it, to its unit.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('county', 'unit', 'expert', 'ministry', 'admin', 'city'));
ALTER TABLE users DROP CONSTRAINT users_scope_check;
ALTER TABLE users ADD CONSTRAINT users_scope_check CHECK (
  (role = 'county' AND division_code IS NOT NULL AND unit_code IS NOT NULL)
  OR (role = 'city' AND division_code IS NOT NULL AND unit_code IS NOT NULL)
  OR (role = 'unit' AND division_code IS NULL AND unit_code IS NOT NULL)
  OR (role IN ('expert', 'ministry', 'admin') AND division_code IS NULL)
);

-- A city's ranked list of its counties' declarations, put forward to its unit. Rank is unique per city and
-- campaign and may not exceed the unit's perCity from the campaign's rules (trigger below), so the table
-- itself never holds more than the limit, whatever several processes send at once.
CREATE TABLE city_recommendations (
  campaign_year  integer NOT NULL REFERENCES campaigns (year),
  unit_code      text NOT NULL REFERENCES units (code),
  city_code      text NOT NULL CHECK (city_code ~ '^[0-9]{4}$'),
  rank           integer NOT NULL CHECK (rank >= 1),
  declaration_id uuid NOT NULL UNIQUE REFERENCES declarations (id) ON DELETE CASCADE,
  created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_year, city_code, rank)
);
CREATE INDEX city_recommendations_unit_idx ON city_recommendations (campaign_year, unit_code);

CREATE FUNCTION city_recommendations_within_limit() RETURNS trigger AS $$
DECLARE
  per_city integer;
  county text;
BEGIN
  SELECT (e ->> 'perCity')::integer INTO per_city
    FROM campaigns c, jsonb_array_elements(coalesce(c.rules -> 'cityTier', '[]'::jsonb)) e
   WHERE c.year = NEW.campaign_year AND e ->> 'unitCode' = NEW.unit_code;
  IF per_city IS NULL OR NEW.rank > per_city THEN
    RAISE EXCEPTION 'rank % exceeds the city limit (%) of unit % in campaign %', NEW.rank, per_city, NEW.unit_code, NEW.campaign_year
      USING ERRCODE = 'check_violation', CONSTRAINT = 'city_recommendations_limit';
  END IF;
  SELECT d.division_code INTO county FROM declarations d
   WHERE d.id = NEW.declaration_id AND d.unit_code = NEW.unit_code AND d.campaign_year = NEW.campaign_year;
  IF county IS NULL OR left(county, 4) <> NEW.city_code THEN
    RAISE EXCEPTION 'declaration % is not of city % in unit % and campaign %', NEW.declaration_id, NEW.city_code, NEW.unit_code, NEW.campaign_year
      USING ERRCODE = 'check_violation', CONSTRAINT = 'city_recommendations_city';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER city_recommendations_limit BEFORE INSERT OR UPDATE ON city_recommendations
  FOR EACH ROW EXECUTE FUNCTION city_recommendations_within_limit();
