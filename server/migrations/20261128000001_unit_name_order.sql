-- Every unit's place in Vietnamese name order (numbers as numbers), kept as a number: standings
-- sort units by name to break the last ties, and collating 3,500 names on every leaderboard
-- refresh took a third of its time. Renumbered after each statement that adds or renames units;
-- only the places that change are written.
ALTER TABLE units ADD COLUMN name_order INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION renumber_unit_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- One renumbering at a time, so the last one sees every committed name.
    PERFORM pg_advisory_xact_lock(hashtext('units.name_order'));
    UPDATE units u SET name_order = o.place
    FROM (SELECT id, row_number() OVER (ORDER BY name, code, id) AS place FROM units) o
    WHERE u.id = o.id AND u.name_order <> o.place;
    RETURN NULL;
END $$;

-- Setting only name_order does not fire these (they watch name and code), so nothing recurses.
CREATE TRIGGER units_added_renumber AFTER INSERT ON units
    FOR EACH STATEMENT EXECUTE FUNCTION renumber_unit_names();
CREATE TRIGGER units_renamed_renumber AFTER UPDATE OF name, code ON units
    FOR EACH STATEMENT EXECUTE FUNCTION renumber_unit_names();

UPDATE units u SET name_order = o.place
FROM (SELECT id, row_number() OVER (ORDER BY name, code, id) AS place FROM units) o
WHERE u.id = o.id;
