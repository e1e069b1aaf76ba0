-- A cluster stored as revoked without a date (an older list, a test fixture, a hand-made row) is still a
-- revoked cluster: the revocation date is recorded when the system revokes, not required of every row.
ALTER TABLE clusters DROP CONSTRAINT clusters_revoked_on;
