-- A unit registers at most `max_initiatives` initiatives in a campaign (a leaked unit link must
-- not fill the database). The count is exact however many submits race: the check takes a
-- transaction lock per campaign and unit first, and, being a function, counts with a snapshot
-- taken after that lock, so it sees what an earlier holder committed.
ALTER TABLE campaigns
    ADD COLUMN max_initiatives INTEGER NOT NULL DEFAULT 50,
    ADD CONSTRAINT campaigns_max_initiatives_check CHECK (max_initiatives >= min_initiatives);

CREATE FUNCTION initiative_room_left(p_campaign BIGINT, p_unit BIGINT) RETURNS BOOLEAN
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('initiatives.cap:' || p_campaign || ':' || p_unit, 0));
    RETURN (SELECT count(*) FROM initiatives WHERE campaign_id = p_campaign AND unit_id = p_unit)
         < (SELECT max_initiatives FROM campaigns WHERE id = p_campaign);
END $$;

-- A row over the cap is skipped, not an error: the batched registration statement then reports
-- that submit for a recheck, and the careful path answers it with the reason.
CREATE FUNCTION initiatives_within_cap() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF initiative_room_left(NEW.campaign_id, NEW.unit_id) THEN
        RETURN NEW;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER initiatives_within_cap BEFORE INSERT ON initiatives
    FOR EACH ROW EXECUTE FUNCTION initiatives_within_cap();
