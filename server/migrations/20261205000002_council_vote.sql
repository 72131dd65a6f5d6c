-- The recognition vote at the council's meeting, recorded by the secretary: who was present,
-- and per initiative proposed how many agreed (recognised with at least two thirds present).
CREATE TABLE council_meetings (
    campaign_id  BIGINT PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    held_on      DATE NOT NULL,
    present      BIGINT[] NOT NULL,
    recorded_by  BIGINT NOT NULL REFERENCES accounts (id),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE council_votes (
    initiative_id  BIGINT PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
    campaign_id    BIGINT NOT NULL REFERENCES council_meetings (campaign_id) ON DELETE CASCADE,
    agreed         INTEGER NOT NULL CHECK (agreed >= 0),
    present        INTEGER NOT NULL CHECK (present > 0 AND agreed <= present),
    recognised     BOOLEAN NOT NULL
);
