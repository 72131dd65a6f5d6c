//! Result reports, one per unit and campaign; their files are in `attachments`.
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};

#[derive(sqlx::FromRow, Debug, Clone)]
pub struct ReportRow {
    pub body: String,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub on_time: bool,
}

pub async fn get(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    unit_id: i64,
) -> Result<Option<ReportRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT body, submitted_at, updated_at, on_time FROM reports WHERE campaign_id = $1 AND unit_id = $2",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .fetch_optional(ex)
    .await?)
}

pub async fn upsert(
    conn: &mut PgConnection,
    campaign_id: i64,
    unit_id: i64,
    body: &str,
    on_time: bool,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO reports (campaign_id, unit_id, body, on_time) VALUES ($1, $2, $3, $4)
         ON CONFLICT (campaign_id, unit_id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .bind(body)
    .bind(on_time)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete_attachments(
    conn: &mut PgConnection,
    campaign_id: i64,
    unit_id: i64,
    ids: &[i64],
) -> Result<(), AppError> {
    sqlx::query("DELETE FROM attachments WHERE report_campaign = $1 AND report_unit = $2 AND id = ANY($3)")
        .bind(campaign_id)
        .bind(unit_id)
        .bind(ids)
        .execute(conn)
        .await?;
    Ok(())
}
