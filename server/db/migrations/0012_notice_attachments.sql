-- Notices gain an English title, an author unit (units publish their own notices) and attachments.
ALTER TABLE notices ADD COLUMN title_en text;
ALTER TABLE notices ADD COLUMN unit_code text REFERENCES units (code);

CREATE TABLE notice_attachments (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notice_id    uuid NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  filename     text NOT NULL,
  storage_key  text NOT NULL UNIQUE,
  size         bigint NOT NULL CHECK (size > 0),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content_type text NOT NULL,
  created_by   uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notice_attachments_notice_idx ON notice_attachments (notice_id);
