-- Registration by the participating units: their secret links, commitments, initiatives with
-- authors and attachments, drafts kept while typing, and result reports. A unit reaches only its
-- own rows; the server checks the link behind the session on every call.

-- Only the SHA-256 of a link's token is stored; the token itself is derived from the server's
-- link key and `nonce`, so the database alone cannot give a link away. One live link per unit.
CREATE TABLE unit_links (
    id           BIGSERIAL PRIMARY KEY,
    campaign_id  BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    unit_id      BIGINT NOT NULL REFERENCES units (id),
    nonce        BYTEA NOT NULL,
    token_hash   BYTEA NOT NULL UNIQUE,
    issued_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at   TIMESTAMPTZ,
    FOREIGN KEY (campaign_id, unit_id) REFERENCES campaign_units (campaign_id, unit_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX unit_links_one_live ON unit_links (campaign_id, unit_id) WHERE revoked_at IS NULL;

CREATE TABLE commitments (
    campaign_id    BIGINT NOT NULL,
    unit_id        BIGINT NOT NULL,
    head_name      TEXT NOT NULL,
    head_position  TEXT NOT NULL,
    signed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, unit_id),
    FOREIGN KEY (campaign_id, unit_id) REFERENCES campaign_units (campaign_id, unit_id)
);

-- `submit_key` is made when the form is opened: the same submit sent twice finds its first row.
CREATE TABLE initiatives (
    id                  BIGSERIAL PRIMARY KEY,
    campaign_id         BIGINT NOT NULL,
    unit_id             BIGINT NOT NULL,
    submit_key          TEXT NOT NULL,
    receipt_code        TEXT NOT NULL UNIQUE,
    kind                TEXT NOT NULL
                            CHECK (kind IN ('initiative', 'solution', 'model', 'good_practice')),
    field_id            BIGINT NOT NULL REFERENCES campaign_fields (id),
    title               TEXT NOT NULL,
    situation           TEXT NOT NULL,
    solution            TEXT NOT NULL,
    benefit             TEXT NOT NULL,
    scope               TEXT NOT NULL,
    first_applied       DATE NOT NULL,
    collective_author   BOOLEAN NOT NULL,
    submitted_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (campaign_id, unit_id) REFERENCES campaign_units (campaign_id, unit_id),
    CONSTRAINT initiatives_submit_once UNIQUE (campaign_id, unit_id, submit_key)
);
CREATE INDEX initiatives_by_unit ON initiatives (campaign_id, unit_id, submitted_at);

CREATE TABLE initiative_authors (
    initiative_id  BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    job_title      TEXT NOT NULL DEFAULT '',
    share_percent  INTEGER NOT NULL CHECK (share_percent BETWEEN 1 AND 100),
    PRIMARY KEY (initiative_id, position)
);

CREATE TABLE reports (
    campaign_id   BIGINT NOT NULL,
    unit_id       BIGINT NOT NULL,
    body          TEXT NOT NULL,
    submitted_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    on_time       BOOLEAN NOT NULL,
    PRIMARY KEY (campaign_id, unit_id),
    FOREIGN KEY (campaign_id, unit_id) REFERENCES campaign_units (campaign_id, unit_id)
);

-- Files live in PostgreSQL so that every app server can serve them. Each belongs to exactly one
-- initiative or one report; the type is decided from the content, not the name.
CREATE TABLE attachments (
    id              BIGSERIAL PRIMARY KEY,
    initiative_id   BIGINT REFERENCES initiatives (id) ON DELETE CASCADE,
    report_campaign BIGINT,
    report_unit     BIGINT,
    file_name       TEXT NOT NULL,
    media_type      TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      INTEGER NOT NULL CHECK (size_bytes > 0),
    bytes           BYTEA NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (report_campaign, report_unit) REFERENCES reports (campaign_id, unit_id) ON DELETE CASCADE,
    CONSTRAINT attachments_one_owner CHECK ((initiative_id IS NULL) <> (report_campaign IS NULL))
);
CREATE INDEX attachments_by_initiative ON attachments (initiative_id);
CREATE INDEX attachments_by_report ON attachments (report_campaign, report_unit);

-- What a unit is typing, kept on the server when the network allows (`form` is 'new' or an
-- initiative id). Removed in the transaction that saves the initiative.
CREATE TABLE drafts (
    campaign_id  BIGINT NOT NULL,
    unit_id      BIGINT NOT NULL,
    form         TEXT NOT NULL,
    body         JSONB NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, unit_id, form),
    FOREIGN KEY (campaign_id, unit_id) REFERENCES campaign_units (campaign_id, unit_id) ON DELETE CASCADE
);
