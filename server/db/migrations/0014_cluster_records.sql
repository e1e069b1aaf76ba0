-- The operating body and the spatial boundary of an identified cluster. A cluster identified from a declaration
-- starts with the operating body it declared; an accepted change report (变更报备) of either kind replaces the
-- value (recorded in the cluster's history). Null: not recorded (an imported cluster, a boundary never reported).
ALTER TABLE clusters ADD COLUMN operating_body text;
ALTER TABLE clusters ADD COLUMN spatial_boundary text;

CREATE FUNCTION cluster_declared_operating_body() RETURNS trigger AS $$
BEGIN
  IF NEW.operating_body IS NULL AND coalesce(NEW.declaration_id, NEW.source_declaration_id) IS NOT NULL THEN
    SELECT nullif(trim(d.content -> 'operator' ->> 'name'), '') INTO NEW.operating_body
    FROM declarations d WHERE d.id = coalesce(NEW.declaration_id, NEW.source_declaration_id);
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER clusters_declared_operating_body BEFORE INSERT ON clusters
  FOR EACH ROW EXECUTE FUNCTION cluster_declared_operating_body();

UPDATE clusters c SET operating_body = nullif(trim(d.content -> 'operator' ->> 'name'), '')
FROM declarations d
WHERE d.id = coalesce(c.declaration_id, c.source_declaration_id) AND c.operating_body IS NULL;
