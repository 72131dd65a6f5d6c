//! What a unit is typing, kept per form (`new`, an initiative's id, `report`) as JSON until the
//! submit that saves it removes it in the same transaction. NUL is dropped from the kept text:
//! PostgreSQL's `jsonb` refuses it, and no form needs it.
use crate::error::AppError;
use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use sqlx::types::Json;
use sqlx::{PgConnection, PgExecutor};

/// The form under which a refused report's text is kept.
pub const REPORT: &str = "report";

pub async fn load<T: DeserializeOwned + Send + Unpin + 'static>(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    unit_id: i64,
    form: &str,
) -> Result<Option<(T, DateTime<Utc>)>, AppError> {
    let row: Option<(Json<T>, DateTime<Utc>)> = sqlx::query_as(
        "SELECT body, updated_at FROM drafts WHERE campaign_id = $1 AND unit_id = $2 AND form = $3",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .bind(form)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|(body, at)| (body.0, at)))
}

/// Keeps `body` as the form's draft; answers with when it was kept.
pub async fn save<T: Serialize + Sync>(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    unit_id: i64,
    form: &str,
    body: &T,
) -> Result<DateTime<Utc>, AppError> {
    let mut body = serde_json::to_value(body).map_err(|err| {
        tracing::error!(%err, "a draft could not be written as JSON");
        AppError::Internal
    })?;
    drop_nul(&mut body);
    Ok(sqlx::query_scalar(
        "INSERT INTO drafts (campaign_id, unit_id, form, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (campaign_id, unit_id, form) DO UPDATE SET body = EXCLUDED.body, updated_at = now()
         RETURNING updated_at",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .bind(form)
    .bind(Json(body))
    .fetch_one(ex)
    .await?)
}

fn drop_nul(value: &mut Value) {
    match value {
        Value::String(text) => text.retain(|c| c != '\0'),
        Value::Array(items) => items.iter_mut().for_each(drop_nul),
        Value::Object(fields) => fields.values_mut().for_each(drop_nul),
        _ => {}
    }
}

pub async fn delete(
    conn: &mut PgConnection,
    campaign_id: i64,
    unit_id: i64,
    form: &str,
) -> Result<(), AppError> {
    Ok(
        sqlx::query("DELETE FROM drafts WHERE campaign_id = $1 AND unit_id = $2 AND form = $3")
            .bind(campaign_id)
            .bind(unit_id)
            .bind(form)
            .execute(conn)
            .await?,
    )
    .map(|_| ())
}

pub async fn exists(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    unit_id: i64,
    form: &str,
) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM drafts WHERE campaign_id = $1 AND unit_id = $2 AND form = $3)",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .bind(form)
    .fetch_one(ex)
    .await?)
}
