-- A unit's provincial round runs the national pipeline one tier down: experts the unit invites score its
-- candidate declarations, and the unit publishes its own 公示 (publicity) with the public's objections before it
-- identifies. The national tables are reused; a provincial row names its round.

-- Experts scoring for a provincial round (level 'provincial', one assignment per declaration and expert).
ALTER TABLE expert_assignments DROP CONSTRAINT expert_assignments_level_check;
ALTER TABLE expert_assignments ADD CONSTRAINT expert_assignments_level_check
  CHECK (level IN ('unit', 'ministry', 'provincial'));
ALTER TABLE expert_assignments ADD COLUMN provincial_campaign_id uuid
  REFERENCES provincial_campaigns (id) ON DELETE CASCADE;
ALTER TABLE expert_assignments ADD CONSTRAINT expert_assignments_provincial
  CHECK ((level = 'provincial') = (provincial_campaign_id IS NOT NULL));

-- A 公示 period is the ministry's (campaign_year) or a unit's provincial round's (provincial_campaign_id).
ALTER TABLE publicity_periods ALTER COLUMN campaign_year DROP NOT NULL;
ALTER TABLE publicity_periods ADD COLUMN provincial_campaign_id uuid
  REFERENCES provincial_campaigns (id) ON DELETE CASCADE;
ALTER TABLE publicity_periods ADD CONSTRAINT publicity_periods_owner
  CHECK (num_nonnulls(campaign_year, provincial_campaign_id) = 1);
CREATE INDEX publicity_periods_provincial_idx ON publicity_periods (provincial_campaign_id);

-- A declaration may be in one national and one provincial 公示 (it stays in at most one of each).
ALTER TABLE publicity_items ADD COLUMN level text NOT NULL DEFAULT 'national'
  CHECK (level IN ('national', 'provincial'));
ALTER TABLE publicity_items DROP CONSTRAINT publicity_items_declaration_id_key;
CREATE UNIQUE INDEX publicity_items_declaration_level_idx ON publicity_items (declaration_id, level);
