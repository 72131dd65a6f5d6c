-- Campaigns, their configuration and the audit trail. Deadlines are instants (end of the typed
-- day in Asia/Ho_Chi_Minh); the period is a pair of calendar dates. Lists are replaced as a whole.

CREATE TABLE campaigns (
    id                     BIGSERIAL PRIMARY KEY,
    title                  TEXT NOT NULL,
    theme                  TEXT NOT NULL DEFAULT '',
    plan_ref               TEXT NOT NULL DEFAULT '',
    plan_date              DATE,
    organizer_id           BIGINT NOT NULL REFERENCES units (id),
    period_start           DATE,
    period_end             DATE,
    registration_deadline  TIMESTAMPTZ,
    report_deadline        TIMESTAMPTZ,
    min_initiatives        INTEGER NOT NULL DEFAULT 1 CHECK (min_initiatives >= 1),
    visibility             TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'link_only')),
    state                  TEXT NOT NULL DEFAULT 'draft'
                               CHECK (state IN ('draft', 'open', 'evaluating', 'published', 'closed')),
    excellent_min          INTEGER,
    good_min               INTEGER,
    pass_min               INTEGER,
    points_commitment      INTEGER NOT NULL DEFAULT 10 CHECK (points_commitment >= 0),
    points_minimum         INTEGER NOT NULL DEFAULT 10 CHECK (points_minimum >= 0),
    points_report          INTEGER NOT NULL DEFAULT 10 CHECK (points_report >= 0),
    evaluation_mode        TEXT NOT NULL DEFAULT 'best' CHECK (evaluation_mode IN ('best', 'mean', 'sum')),
    evaluation_weight      DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK (evaluation_weight >= 0),
    copied_from            BIGINT REFERENCES campaigns (id) ON DELETE SET NULL,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT campaigns_period_order CHECK (period_end >= period_start),
    CONSTRAINT campaigns_deadline_order CHECK (report_deadline > registration_deadline),
    CONSTRAINT campaigns_threshold_order CHECK (excellent_min > good_min AND good_min > pass_min AND pass_min > 0)
);

CREATE TABLE campaign_units (
    campaign_id  BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    unit_id      BIGINT NOT NULL REFERENCES units (id),
    PRIMARY KEY (campaign_id, unit_id)
);

CREATE TABLE campaign_fields (
    id           BIGSERIAL PRIMARY KEY,
    campaign_id  BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    UNIQUE (campaign_id, position)
);

CREATE TABLE campaign_criteria (
    id           BIGSERIAL PRIMARY KEY,
    campaign_id  BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    max_points   INTEGER NOT NULL CHECK (max_points > 0),
    UNIQUE (campaign_id, position)
);

CREATE TABLE campaign_award_forms (
    id           BIGSERIAL PRIMARY KEY,
    campaign_id  BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    recipient    TEXT NOT NULL CHECK (recipient IN ('collective', 'individual')),
    UNIQUE (campaign_id, position)
);

-- One row per change, written in the same transaction as the change itself.
CREATE TABLE audit_log (
    id           BIGSERIAL PRIMARY KEY,
    campaign_id  BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    account_id   BIGINT NOT NULL REFERENCES accounts (id),
    at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    kind         TEXT NOT NULL,
    entity       TEXT NOT NULL,
    before       JSONB,
    after        JSONB,
    reason       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_campaign_idx ON audit_log (campaign_id, at DESC, id DESC);
