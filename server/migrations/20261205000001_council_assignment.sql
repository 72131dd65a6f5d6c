-- Who scores what (DESIGN part 5): every member every initiative of his fields ('all', the
-- default), or each initiative `reviewers_per_initiative` members chosen so the load is even
-- ('spread'), stored as pairs the organizer can adjust. A pair is removed with its member.
ALTER TABLE campaigns
    ADD COLUMN council_assignment TEXT NOT NULL DEFAULT 'all'
        CHECK (council_assignment IN ('all', 'spread')),
    ADD COLUMN reviewers_per_initiative INTEGER NOT NULL DEFAULT 3
        CHECK (reviewers_per_initiative BETWEEN 1 AND 50);

CREATE TABLE council_assignments (
    campaign_id    BIGINT NOT NULL,
    initiative_id  BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    account_id     BIGINT NOT NULL,
    PRIMARY KEY (initiative_id, account_id),
    FOREIGN KEY (campaign_id, account_id) REFERENCES council_members (campaign_id, account_id) ON DELETE CASCADE
);
CREATE INDEX council_assignments_member_idx ON council_assignments (campaign_id, account_id);
