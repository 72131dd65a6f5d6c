//! The audit trail: one row per change, written inside the changing transaction, read newest
//! first. Before and after are JSON snapshots of the changed part.
use crate::domain::audit::AuditKind;
use crate::error::AppError;
use crate::wire::audit::AuditEntry;
use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::{PgConnection, PgExecutor};

/// One change about to be recorded.
pub struct Change<'a> {
    pub campaign_id: i64,
    pub account_id: i64,
    pub kind: AuditKind,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub reason: &'a str,
}

pub async fn record(conn: &mut PgConnection, change: Change<'_>) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO audit_log (campaign_id, account_id, kind, entity, before, after, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(change.campaign_id)
    .bind(change.account_id)
    .bind(change.kind.as_str())
    .bind(change.kind.entity())
    .bind(change.before)
    .bind(change.after)
    .bind(change.reason)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    at: DateTime<Utc>,
    actor: String,
    kind: String,
    before: Option<Value>,
    after: Option<Value>,
    reason: String,
}

/// A campaign's trail, newest first, optionally of one kind.
pub async fn list(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    kind: Option<AuditKind>,
) -> Result<Vec<AuditEntry>, AppError> {
    let rows: Vec<EntryRow> = sqlx::query_as(
        "SELECT l.id, l.at, a.display_name AS actor, l.kind, l.before, l.after, l.reason
         FROM audit_log l JOIN accounts a ON a.id = l.account_id
         WHERE l.campaign_id = $1 AND ($2::text IS NULL OR l.kind = $2)
         ORDER BY l.at DESC, l.id DESC LIMIT 500",
    )
    .bind(campaign_id)
    .bind(kind.map(AuditKind::as_str))
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(AuditEntry {
                id: r.id,
                at: r.at,
                actor: r.actor,
                kind: AuditKind::parse(&r.kind)?,
                before: r.before.unwrap_or(Value::Null),
                after: r.after.unwrap_or(Value::Null),
                reason: r.reason,
            })
        })
        .collect())
}
