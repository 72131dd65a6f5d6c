//! What the access layer reads: a unit's lineage, the organizer of a campaign, whose a stored
//! file is. No rule is applied here (`domain::access` and `server::access` hold them). The tree
//! walks are the SQL functions `unit_subtree` and `unit_lineage` (migration `unit_tree_walks`);
//! every query here is checked against the schema at compile time (`.sqlx/`).
use crate::error::AppError;
use sqlx::PgExecutor;

/// The unit's id, then its parent's, up to its root; empty for no such unit.
pub async fn lineage(ex: impl PgExecutor<'_>, unit_id: i64) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM unit_lineage($1) ORDER BY depth"#,
        unit_id
    )
    .fetch_all(ex)
    .await?)
}

/// The lineage of the unit that organizes the campaign; empty for no such campaign.
pub async fn campaign_lineage(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT l.id AS "id!" FROM campaigns c, unit_lineage(c.organizer_id) l
           WHERE c.id = $1 ORDER BY l.depth"#,
        campaign_id
    )
    .fetch_all(ex)
    .await?)
}

/// Whether the file belongs to a campaign organized inside the subtree of `root`.
pub async fn file_in_subtree(ex: impl PgExecutor<'_>, file_id: i64, root: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (
               SELECT 1 FROM attachments a LEFT JOIN initiatives i ON i.id = a.initiative_id
               JOIN campaigns c ON c.id = COALESCE(i.campaign_id, a.report_campaign)
               WHERE a.id = $1 AND c.organizer_id IN (SELECT id FROM unit_subtree($2))) AS "found!""#,
        file_id,
        root
    )
    .fetch_one(ex)
    .await?)
}

/// Whether one of `links` is a live link of the unit that sent the file, in its campaign.
pub async fn file_of_links(ex: impl PgExecutor<'_>, file_id: i64, links: &[i64]) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (
               SELECT 1 FROM attachments a LEFT JOIN initiatives i ON i.id = a.initiative_id
               JOIN unit_links l ON l.id = ANY($2)
                    AND l.campaign_id = COALESCE(i.campaign_id, a.report_campaign)
                    AND l.unit_id = COALESCE(i.unit_id, a.report_unit)
                    AND l.revoked_at IS NULL
               WHERE a.id = $1) AS "found!""#,
        file_id,
        links
    )
    .fetch_one(ex)
    .await?)
}
