-- The unit tree's two walks, written once for every query that needs them (and so checked by
-- sqlx's query macros like any table). A cycle cannot make either loop forever: the tree code
-- refuses a move under a unit's own descendant, and the upward walk stops after 64 steps.

-- The unit `root` and every unit below it.
CREATE FUNCTION unit_subtree(root bigint) RETURNS TABLE (id bigint)
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE down(unit_id) AS (
        SELECT u.id FROM units u WHERE u.id = root
        UNION ALL
        SELECT u.id FROM units u JOIN down ON u.parent_id = down.unit_id)
    SELECT down.unit_id FROM down
$$;

-- The unit `start`, its parent, and so on up to its root, with each one's distance from `start`.
CREATE FUNCTION unit_lineage(start bigint) RETURNS TABLE (id bigint, depth int)
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up(unit_id, parent_id, steps) AS (
        SELECT u.id, u.parent_id, 0 FROM units u WHERE u.id = start
        UNION ALL
        SELECT u.id, u.parent_id, up.steps + 1 FROM units u JOIN up ON u.id = up.parent_id
        WHERE up.steps < 64)
    SELECT up.unit_id, up.steps FROM up
$$;
