-- The per-unit cap counted every initiative of the unit on every insert, under an advisory lock:
-- registrations slowed as a unit's list grew (a quarter of the throughput in the benchmark). A
-- unit's count now lives on its campaign_units row, kept by the insert trigger itself, not by
-- an AFTER trigger: row-level AFTER triggers fire at the end of the statement, too late for the
-- next row of the same unit in one batched INSERT. The trigger locks the unit's row (FOR NO KEY
-- UPDATE: foreign-key checks of other inserts still pass), so every step below is serialized
-- per unit and sees what an earlier holder committed and what this statement inserted so far.
ALTER TABLE campaign_units ADD COLUMN initiative_count INTEGER NOT NULL DEFAULT 0;

UPDATE campaign_units cu
SET initiative_count = (SELECT count(*) FROM initiatives i
                        WHERE i.campaign_id = cu.campaign_id AND i.unit_id = cu.unit_id);

-- Whether the unit may register one more; holds the unit's row lock until the transaction ends.
CREATE OR REPLACE FUNCTION initiative_room_left(p_campaign BIGINT, p_unit BIGINT) RETURNS BOOLEAN
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    room BOOLEAN;
BEGIN
    SELECT cu.initiative_count < c.max_initiatives INTO room
    FROM campaign_units cu JOIN campaigns c ON c.id = cu.campaign_id
    WHERE cu.campaign_id = p_campaign AND cu.unit_id = p_unit
    FOR NO KEY UPDATE OF cu;
    -- A unit outside the campaign: the foreign key refuses the insert with its own error.
    RETURN coalesce(room, true);
END $$;

-- A row that ON CONFLICT DO NOTHING will skip (same submit key, or same receipt code) is let
-- through uncounted; a row over the cap is skipped, and the batched statement reports it.
CREATE OR REPLACE FUNCTION initiatives_within_cap() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    room BOOLEAN := initiative_room_left(NEW.campaign_id, NEW.unit_id);
BEGIN
    IF EXISTS (SELECT 1 FROM initiatives WHERE campaign_id = NEW.campaign_id AND unit_id = NEW.unit_id
                                           AND submit_key = NEW.submit_key)
       OR EXISTS (SELECT 1 FROM initiatives WHERE receipt_code = NEW.receipt_code) THEN
        RETURN NEW;
    END IF;
    IF NOT room THEN
        RETURN NULL;
    END IF;
    UPDATE campaign_units SET initiative_count = initiative_count + 1
    WHERE campaign_id = NEW.campaign_id AND unit_id = NEW.unit_id;
    RETURN NEW;
END $$;

CREATE FUNCTION initiatives_uncounted() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE campaign_units SET initiative_count = initiative_count - 1
    WHERE campaign_id = OLD.campaign_id AND unit_id = OLD.unit_id;
    RETURN NULL;
END $$;

CREATE TRIGGER initiatives_uncounted AFTER DELETE ON initiatives
    FOR EACH ROW EXECUTE FUNCTION initiatives_uncounted();
