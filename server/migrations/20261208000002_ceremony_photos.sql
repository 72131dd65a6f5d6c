-- Optional photos on the reveal ceremony's citation cards: one per award, JPEG or PNG, shown on
-- the screens only once its card has been reached (`server::ceremony_photo`).
CREATE TABLE ceremony_photos (
    award_id    BIGINT PRIMARY KEY REFERENCES awards (id) ON DELETE CASCADE,
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    media_type  TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    size_bytes  INTEGER NOT NULL CHECK (size_bytes > 0),
    bytes       BYTEA NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ceremony_photos_by_campaign ON ceremony_photos (campaign_id);
