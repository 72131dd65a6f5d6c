//! What a campaign's results page reads: every initiative with its final result, its field, its
//! named authors and the council meeting's vote, in one query.
use crate::domain::initiative::InitiativeKind;
use crate::error::AppError;
use sqlx::PgExecutor;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InitiativeRow {
    pub id: i64,
    pub receipt_code: String,
    pub title: String,
    pub kind: InitiativeKind,
    pub field_id: i64,
    pub field: String,
    pub unit_id: i64,
    pub unit_name: String,
    /// "Name (job title)" in the order typed; empty for a collective author.
    pub authors: Vec<String>,
    /// The chair's override when there is one.
    pub score: Option<f64>,
    pub scored: Option<i32>,
    pub expected: Option<i32>,
    pub level: Option<String>,
    pub recognised: Option<bool>,
    pub exemplary: Option<bool>,
}

pub async fn initiatives(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<InitiativeRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT i.id, i.receipt_code, i.title, i.kind, i.field_id, f.name AS field, i.unit_id,
                u.name::text AS unit_name,
                CASE WHEN i.collective_author THEN '{}'::text[] ELSE coalesce(
                    (SELECT array_agg(a.name || CASE WHEN a.job_title <> '' THEN ' (' || a.job_title || ')' ELSE '' END
                                      ORDER BY a.position)
                     FROM initiative_authors a WHERE a.initiative_id = i.id), '{}') END AS authors,
                COALESCE(r.override_score, r.score) AS score, r.scored, r.expected,
                COALESCE(r.override_level, r.level) AS level, v.recognised, r.exemplary
         FROM initiatives i
         JOIN units u ON u.id = i.unit_id
         JOIN campaign_fields f ON f.id = i.field_id
         LEFT JOIN initiative_results r ON r.initiative_id = i.id
         LEFT JOIN council_votes v ON v.initiative_id = i.id
         WHERE i.campaign_id = $1
         ORDER BY i.id",
    )
    .bind(campaign_id)
    .fetch_all(ex)
    .await?)
}
