-- The council of a campaign and its members' scores (DESIGN part 5). Conflicts by the unit tree
-- are derived at each request (`domain::council::conflict`), never stored; a conflict a member
-- declares himself is stored with its reason.
CREATE TABLE council_members (
    campaign_id  BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    account_id   BIGINT NOT NULL REFERENCES accounts (id),
    role         TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('chair', 'secretary', 'member')),
    added_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, account_id)
);
CREATE UNIQUE INDEX council_members_one_chair ON council_members (campaign_id) WHERE role = 'chair';
CREATE UNIQUE INDEX council_members_one_secretary ON council_members (campaign_id) WHERE role = 'secretary';
CREATE INDEX council_members_account_idx ON council_members (account_id);

-- A member restricted to some fields scores only their initiatives; with no row, every field.
CREATE TABLE council_member_fields (
    campaign_id  BIGINT NOT NULL,
    account_id   BIGINT NOT NULL,
    field_id     BIGINT NOT NULL REFERENCES campaign_fields (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, account_id, field_id),
    FOREIGN KEY (campaign_id, account_id) REFERENCES council_members (campaign_id, account_id) ON DELETE CASCADE
);

CREATE TABLE council_declared_conflicts (
    initiative_id  BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    account_id     BIGINT NOT NULL REFERENCES accounts (id),
    reason         TEXT NOT NULL,
    declared_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (initiative_id, account_id)
);

-- One member's work on one initiative: a draft while typed, skipped for now, submitted (final
-- until the chair reopens it) or abstained with its reason. Points are half points per criterion
-- in the campaign's criteria order (criteria are fixed once the campaign opens); `total` is
-- their sum, kept for the final scores. `version` grows at every save, so two open tabs never
-- silently overwrite each other.
CREATE TABLE council_scores (
    initiative_id    BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    campaign_id      BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    state            TEXT NOT NULL CHECK (state IN ('draft', 'skipped', 'submitted', 'abstained')),
    half_points      INTEGER[] NOT NULL DEFAULT '{}',
    comments         TEXT[] NOT NULL DEFAULT '{}',
    overall_comment  TEXT NOT NULL DEFAULT '',
    reason           TEXT NOT NULL DEFAULT '',
    total            INTEGER,
    version          INTEGER NOT NULL DEFAULT 1,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (initiative_id, account_id),
    CONSTRAINT council_scores_submitted_total CHECK (state <> 'submitted' OR total IS NOT NULL)
);
CREATE INDEX council_scores_member_idx ON council_scores (campaign_id, account_id);
