//! Registration progress per participating unit, in one query, in Vietnamese name order.
use crate::domain::initiative::InitiativeKind;
use crate::domain::participation::ParticipationRow;
use crate::error::AppError;
use crate::wire::participation::ReceiptMatch;
use chrono::{DateTime, Utc};
use sqlx::PgExecutor;

#[derive(sqlx::FromRow)]
struct Row {
    unit_id: i64,
    unit_name: String,
    committed_at: Option<DateTime<Utc>>,
    initiatives: i64,
    last_submitted_at: Option<DateTime<Utc>>,
    report_on_time: Option<bool>,
}

pub async fn rows(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<ParticipationRow>, AppError> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT u.id AS unit_id, u.name::text AS unit_name, c.signed_at AS committed_at,
                coalesce(i.n, 0) AS initiatives, i.last AS last_submitted_at, r.on_time AS report_on_time
         FROM campaign_units cu
         JOIN units u ON u.id = cu.unit_id
         LEFT JOIN commitments c ON c.campaign_id = cu.campaign_id AND c.unit_id = cu.unit_id
         LEFT JOIN (SELECT unit_id, count(*) AS n, max(submitted_at) AS last FROM initiatives
                    WHERE campaign_id = $1 GROUP BY unit_id) i ON i.unit_id = cu.unit_id
         LEFT JOIN reports r ON r.campaign_id = cu.campaign_id AND r.unit_id = cu.unit_id
         WHERE cu.campaign_id = $1
         ORDER BY u.name, u.code",
    )
    .bind(campaign_id)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ParticipationRow {
            unit_id: r.unit_id,
            unit_name: r.unit_name,
            committed_at: r.committed_at,
            initiatives: r.initiatives,
            last_submitted_at: r.last_submitted_at,
            report_on_time: r.report_on_time,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct MatchRow {
    unit_id: i64,
    receipt_code: String,
    unit_name: String,
    kind: InitiativeKind,
    title: String,
    field_name: String,
    submitted_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

pub async fn by_receipt(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    code: &str,
) -> Result<Option<ReceiptMatch>, AppError> {
    let row: Option<MatchRow> = sqlx::query_as(
        "SELECT i.unit_id, i.receipt_code, u.name::text AS unit_name, i.kind, i.title, f.name AS field_name,
                i.submitted_at, i.updated_at
         FROM initiatives i JOIN units u ON u.id = i.unit_id JOIN campaign_fields f ON f.id = i.field_id
         WHERE i.campaign_id = $1 AND i.receipt_code = $2",
    )
    .bind(campaign_id)
    .bind(code)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| ReceiptMatch {
        unit_id: r.unit_id,
        receipt_code: r.receipt_code,
        unit_name: r.unit_name,
        kind: r.kind,
        title: r.title,
        field_name: r.field_name,
        submitted_at: r.submitted_at,
        updated_at: r.updated_at,
    }))
}

/// The name of unit `unit_id` when it takes part in the campaign; `None` for any other unit.
pub async fn participant_name(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    unit_id: i64,
) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT u.name::text FROM campaign_units cu JOIN units u ON u.id = cu.unit_id
         WHERE cu.campaign_id = $1 AND cu.unit_id = $2",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .fetch_optional(ex)
    .await?)
}
