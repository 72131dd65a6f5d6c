//! What the chair's desk reads and writes: every initiative with its stored result, and the
//! chair's decisions on them (reopening a sheet, overriding a result, marking it exemplary).
use crate::error::AppError;
use sqlx::{PgConnection, PgExecutor};

pub struct Row {
    pub id: i64,
    pub title: String,
    pub unit_id: i64,
    pub unit_name: String,
    pub field_id: i64,
    pub score: Option<f64>,
    pub scored: Option<i32>,
    pub expected: Option<i32>,
    pub below_quorum: Option<bool>,
    pub disagreement: Option<bool>,
    pub level: Option<String>,
    pub override_score: Option<f64>,
    pub override_level: Option<String>,
    pub override_reason: Option<String>,
    pub exemplary: Option<bool>,
}

pub async fn rows(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<Row>, AppError> {
    Ok(sqlx::query_as!(
        Row,
        r#"SELECT i.id, i.title, i.unit_id, u.name::text AS "unit_name!", i.field_id,
                  r.score AS "score?", r.scored AS "scored?", r.expected AS "expected?",
                  r.below_quorum AS "below_quorum?", r.disagreement AS "disagreement?", r.level AS "level?",
                  r.override_score AS "override_score?", r.override_level AS "override_level?",
                  r.override_reason AS "override_reason?", r.exemplary AS "exemplary?"
           FROM initiatives i JOIN units u ON u.id = i.unit_id
           LEFT JOIN initiative_results r ON r.initiative_id = i.id
           WHERE i.campaign_id = $1
           ORDER BY i.submitted_at, i.id"#,
        campaign_id
    )
    .fetch_all(ex)
    .await?)
}

/// Sends a submitted sheet back to its member as a draft; false when it was not submitted.
pub async fn reopen(conn: &mut PgConnection, initiative_id: i64, account_id: i64) -> Result<bool, AppError> {
    let done = sqlx::query!(
        "UPDATE council_scores SET state = 'draft', version = version + 1, updated_at = now()
         WHERE initiative_id = $1 AND account_id = $2 AND state = 'submitted'",
        initiative_id,
        account_id
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets (or with both `None`, clears) the chair's override of an initiative's result.
pub async fn set_override(
    conn: &mut PgConnection,
    (campaign_id, initiative_id): (i64, i64),
    score: Option<f64>,
    level: Option<&str>,
    reason: &str,
) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO initiative_results (initiative_id, campaign_id, scored, expected, below_quorum, disagreement,
                                         override_score, override_level, override_reason)
         VALUES ($1, $2, 0, 0, false, false, $3, $4, $5)
         ON CONFLICT (initiative_id) DO UPDATE SET override_score = $3, override_level = $4,
             override_reason = $5, updated_at = now()",
        initiative_id,
        campaign_id,
        score,
        level,
        reason
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_exemplary(
    conn: &mut PgConnection,
    (campaign_id, initiative_id): (i64, i64),
    exemplary: bool,
) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO initiative_results (initiative_id, campaign_id, scored, expected, below_quorum, disagreement,
                                         exemplary)
         VALUES ($1, $2, 0, 0, false, false, $3)
         ON CONFLICT (initiative_id) DO UPDATE SET exemplary = $3, updated_at = now()",
        initiative_id,
        campaign_id,
        exemplary
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether the campaign's council has a chair (then publishing is his step).
pub async fn has_chair(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM council_members WHERE campaign_id = $1 AND role = 'chair') AS "found!""#,
        campaign_id
    )
    .fetch_one(ex)
    .await?)
}
