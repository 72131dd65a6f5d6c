//! What the access layer reads: a unit's lineage, the organizer of a campaign, whose a stored
//! file is. No rule is applied here (`domain::access` and `server::access` hold them).
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
    Ok(
        sqlx::query_scalar(&lineage_from("SELECT id, parent_id, 0 FROM units WHERE id = $1"))
            .bind(unit_id)
            .fetch_all(ex)
            .await?,
    )
}

/// The lineage of the unit that organizes the campaign; empty for no such campaign.
pub async fn campaign_lineage(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar(&lineage_from(
        "SELECT u.id, u.parent_id, 0 FROM campaigns c JOIN units u ON u.id = c.organizer_id WHERE c.id = $1",
    ))
    .bind(campaign_id)
    .fetch_all(ex)
    .await?)
}

/// Whether the file belongs to a campaign organized inside the subtree of `root`.
pub async fn file_in_subtree(ex: impl PgExecutor<'_>, file_id: i64, root: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar(&format!(
        "SELECT EXISTS (
             SELECT 1 FROM attachments a LEFT JOIN initiatives i ON i.id = a.initiative_id
             JOIN campaigns c ON c.id = COALESCE(i.campaign_id, a.report_campaign)
             WHERE a.id = $1 AND c.organizer_id IN ({}))",
        subtree("$2")
    ))
    .bind(file_id)
    .bind(root)
    .fetch_one(ex)
    .await?)
}

/// Whether one of `links` is a live link of the unit that sent the file, in its campaign.
pub async fn file_of_links(ex: impl PgExecutor<'_>, file_id: i64, links: &[i64]) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (
             SELECT 1 FROM attachments a LEFT JOIN initiatives i ON i.id = a.initiative_id
             JOIN unit_links l ON l.id = ANY($2)
                  AND l.campaign_id = COALESCE(i.campaign_id, a.report_campaign)
                  AND l.unit_id = COALESCE(i.unit_id, a.report_unit)
                  AND l.revoked_at IS NULL
             WHERE a.id = $1)",
    )
    .bind(file_id)
    .bind(links)
    .fetch_one(ex)
    .await?)
}
