-- A renamed unit changes what the boards of its campaigns show (its name and its place in the
-- alphabetical progress list): notify `standings` for each of them, as other changes do.
-- Transition tables cannot go with `UPDATE OF name`, so the trigger compares old and new names.
CREATE FUNCTION notify_standings_of_renamed_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('standings', c.campaign_id::text)
    FROM (
        SELECT DISTINCT cu.campaign_id
        FROM new_units n
        JOIN old_units o ON o.id = n.id
        JOIN campaign_units cu ON cu.unit_id = n.id
        WHERE n.name IS DISTINCT FROM o.name
    ) c;
    RETURN NULL;
END $$;

CREATE TRIGGER units_renamed_notify AFTER UPDATE ON units
    REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units
    FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_renamed_units();

-- Finds a unit's campaigns (the primary key starts with the campaign).
CREATE INDEX campaign_units_unit_idx ON campaign_units (unit_id);
