-- The unique (campaign_id, unit_id, submit_key) index already serves a unit's list. With a
-- second index on the same prefix the planner could pick it for the submit-key lookup, made
-- on every registration, and read all of the unit's initiatives to find one key.
DROP INDEX initiatives_by_unit;
