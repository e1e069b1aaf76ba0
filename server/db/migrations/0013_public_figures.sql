-- A unit may publish a forwarded annual report's key figures on the cluster's public page.
ALTER TABLE annual_reports ADD COLUMN figures_public boolean NOT NULL DEFAULT false;
