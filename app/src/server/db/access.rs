//! What the access layer reads: a unit's lineage and the organizer of a campaign. No rule is
//! applied here (`domain::access` holds them).
use super::map_err;
use crate::error::AppError;
use sqlx::PgExecutor;

/// The ids of the unit given by the query parameter `param` and of every unit below it, as a
/// subquery (`x IN ({subtree("$1")})`).
pub fn subtree(param: &str) -> String {
    format!(
        "WITH RECURSIVE down(id) AS (
             SELECT id FROM units WHERE id = {param}
             UNION ALL SELECT u.id FROM units u JOIN down ON u.parent_id = down.id)
         SELECT id FROM down"
    )
}

/// The lineage query: the units named by `start` (id, parent_id, 0), then their ancestors.
fn lineage_from(start: &str) -> String {
    format!(
        "WITH RECURSIVE up(id, parent_id, depth) AS (
             {start}
             UNION ALL
             SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id
             WHERE up.depth < 64
         )
         SELECT id FROM up ORDER BY depth"
    )
}

/// The unit's id, then its parent's, up to its root; empty for no such unit.
pub async fn lineage(ex: impl PgExecutor<'_>, unit_id: i64) -> Result<Vec<i64>, AppError> {
    sqlx::query_scalar(&lineage_from("SELECT id, parent_id, 0 FROM units WHERE id = $1"))
        .bind(unit_id)
        .fetch_all(ex)
        .await
        .map_err(map_err)
}

/// The lineage of the unit that organizes the campaign; empty for no such campaign.
pub async fn campaign_lineage(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<i64>, AppError> {
    sqlx::query_scalar(&lineage_from(
        "SELECT u.id, u.parent_id, 0 FROM campaigns c JOIN units u ON u.id = c.organizer_id WHERE c.id = $1",
    ))
    .bind(campaign_id)
    .fetch_all(ex)
    .await
    .map_err(map_err)
}
