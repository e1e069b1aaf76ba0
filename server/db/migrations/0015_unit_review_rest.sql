-- Issue #4, the rest of the unit's review.

-- An inspection is of a declaration or, for re-review (复核), of an identified cluster (linked to the
-- cluster's re-review in progress when there is one).
ALTER TABLE inspections ADD COLUMN cluster_id uuid REFERENCES clusters (id) ON DELETE CASCADE;
ALTER TABLE inspections ADD COLUMN re_review_id uuid REFERENCES re_reviews (id) ON DELETE SET NULL;
ALTER TABLE inspections ADD CONSTRAINT inspections_subject
  CHECK (declaration_id IS NOT NULL OR cluster_id IS NOT NULL);
CREATE INDEX inspections_cluster_idx ON inspections (cluster_id);
