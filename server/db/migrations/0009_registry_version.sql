-- The public registry (and its statistics) is read far more often than it changes. A counter bumped by every
-- statement that changes clusters, or the reference tables it joins, lets each server process keep rendered
-- answers and serve them until the counter moves: exact across processes, no time-based staleness.
CREATE TABLE registry_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO registry_version (id, version) VALUES (true, 1);

CREATE FUNCTION registry_version_bump() RETURNS trigger AS $$
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER clusters_registry_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON clusters
  FOR EACH STATEMENT EXECUTE FUNCTION registry_version_bump();
CREATE TRIGGER units_registry_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION registry_version_bump();
CREATE TRIGGER divisions_registry_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON divisions
  FOR EACH STATEMENT EXECUTE FUNCTION registry_version_bump();
CREATE TRIGGER industries_registry_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON industries
  FOR EACH STATEMENT EXECUTE FUNCTION registry_version_bump();
