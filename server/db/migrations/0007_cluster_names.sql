-- A batch never holds two clusters of the same name (identification and imports both rely on it).
CREATE UNIQUE INDEX clusters_year_name_idx ON clusters (campaign_year, name);
