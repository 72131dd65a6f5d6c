-- The exemplary gallery and replication (nhân rộng). A campaign's exemplary initiatives are
-- public once its results are released; a link-only campaign's only when its organizer lists
-- them (`gallery_listed`). Attachments stay private unless the organizer marks one public.
ALTER TABLE campaigns ADD COLUMN gallery_listed BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE attachments ADD COLUMN public BOOLEAN NOT NULL DEFAULT false;

-- A replication belongs to the adopting unit, not to a campaign: one row per initiative and
-- unit, recorded through one of the unit's live links or by an organizer over it.
CREATE TABLE replications (
    id                  BIGSERIAL PRIMARY KEY,
    initiative_id       BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    unit_id             BIGINT NOT NULL REFERENCES units (id),
    adopted_on          DATE NOT NULL,
    note                TEXT NOT NULL CHECK (note <> ''),
    recorded_by_link    BIGINT REFERENCES unit_links (id),
    recorded_by_account BIGINT REFERENCES accounts (id),
    recorded_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT replications_once UNIQUE (initiative_id, unit_id),
    CONSTRAINT replications_one_recorder CHECK ((recorded_by_link IS NULL) <> (recorded_by_account IS NULL))
);
CREATE INDEX replications_by_unit ON replications (unit_id, adopted_on);

-- A replication's photo is a stored file like the others (always public with its initiative).
ALTER TABLE attachments ADD COLUMN replication_id BIGINT REFERENCES replications (id) ON DELETE CASCADE;
ALTER TABLE attachments DROP CONSTRAINT attachments_one_owner;
ALTER TABLE attachments ADD CONSTRAINT attachments_one_owner
    CHECK (num_nonnulls(initiative_id, report_campaign, replication_id) = 1);
CREATE INDEX attachments_by_replication ON attachments (replication_id) WHERE replication_id IS NOT NULL;

-- The initiatives everybody may see in the gallery: exemplary, of a campaign whose results are
-- released, public or listed by its organizer. Every public reader of the gallery and of its
-- files goes through this one definition.
CREATE VIEW gallery_initiatives AS
    SELECT r.initiative_id, r.campaign_id
    FROM initiative_results r
    JOIN campaigns c ON c.id = r.campaign_id
    WHERE r.exemplary
      AND c.state IN ('published', 'closed')
      AND c.results_released_at IS NOT NULL
      AND (c.visibility = 'public' OR c.gallery_listed);

-- A campaign may give points for each exemplary initiative a participating unit adopted within
-- its period (part of participation, shown from the start); a record added or removed then
-- changes those campaigns' standings and notifies their boards.
ALTER TABLE campaigns ADD COLUMN points_replication INTEGER NOT NULL DEFAULT 0 CHECK (points_replication >= 0);

CREATE FUNCTION notify_standings_of_replications() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('standings', affected.campaign_id::text)
    FROM (SELECT DISTINCT cu.campaign_id
          FROM changed_rows r
          JOIN campaign_units cu ON cu.unit_id = r.unit_id
          JOIN campaigns c ON c.id = cu.campaign_id
          WHERE c.points_replication > 0 AND r.adopted_on BETWEEN c.period_start AND c.period_end) affected;
    RETURN NULL;
END $$;

CREATE TRIGGER replications_added_notify AFTER INSERT ON replications
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_replications();
CREATE TRIGGER replications_removed_notify AFTER DELETE ON replications
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_replications();
