//! What the downloads read that no page reads whole: the unit list in tree order, and every
//! initiative of a campaign with its full text, streamed.
use crate::domain::initiative::InitiativeKind;
use crate::domain::unit::UnitKind;
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgExecutor, PgPool};
use tokio_stream::Stream;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UnitLine {
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub parent_code: Option<String>,
    pub active: bool,
}

/// The units under `root` (itself included), or every unit; parents before their children,
/// brothers in Vietnamese name order.
pub async fn units(ex: impl PgExecutor<'_>, root: Option<i64>) -> Result<Vec<UnitLine>, AppError> {
    Ok(sqlx::query_as(
        "WITH RECURSIVE walk(id, path) AS (
             SELECT u.id, ARRAY[u.name_order] FROM units u
             WHERE CASE WHEN $1::bigint IS NULL THEN u.parent_id IS NULL ELSE u.id = $1 END
             UNION ALL
             SELECT u.id, walk.path || u.name_order FROM units u JOIN walk ON u.parent_id = walk.id
             WHERE cardinality(walk.path) < 64)
         SELECT u.code, u.name::text AS name, u.kind, p.code AS parent_code, u.active
         FROM walk JOIN units u ON u.id = walk.id LEFT JOIN units p ON p.id = u.parent_id
         ORDER BY walk.path",
    )
    .bind(root)
    .fetch_all(ex)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InitiativeLine {
    pub receipt_code: String,
    pub unit_name: String,
    pub kind: InitiativeKind,
    pub field: String,
    pub title: String,
    pub collective_author: bool,
    /// "Name (job title, 60 %)" in the order typed.
    pub authors: Vec<String>,
    pub situation: String,
    pub solution: String,
    pub benefit: String,
    pub scope: String,
    pub first_applied: NaiveDate,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub attachments: i64,
}

/// Every initiative of the campaign, by unit name then time of sending, as the rows are read.
pub fn initiatives(
    pool: &PgPool,
    campaign_id: i64,
) -> impl Stream<Item = Result<InitiativeLine, sqlx::Error>> + Send + '_ {
    sqlx::query_as(
        "SELECT i.receipt_code, u.name::text AS unit_name, i.kind, f.name AS field, i.title,
                i.collective_author,
                coalesce((SELECT array_agg(a.name || ' (' ||
                                  CASE WHEN a.job_title <> '' THEN a.job_title || ', ' ELSE '' END ||
                                  a.share_percent || ' %)' ORDER BY a.position)
                          FROM initiative_authors a WHERE a.initiative_id = i.id), '{}') AS authors,
                i.situation, i.solution, i.benefit, i.scope, i.first_applied, i.submitted_at,
                i.updated_at,
                (SELECT count(*) FROM attachments t WHERE t.initiative_id = i.id) AS attachments
         FROM initiatives i
         JOIN units u ON u.id = i.unit_id
         JOIN campaign_fields f ON f.id = i.field_id
         WHERE i.campaign_id = $1
         ORDER BY u.name_order, i.submitted_at, i.id",
    )
    .bind(campaign_id)
    .fetch(pool)
}
