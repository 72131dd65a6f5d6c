//! Import runs: each upload is recorded with its counts or its problems, so the report page
//! can be reopened (and works the same with JavaScript off).
use crate::domain::unit_import::RowProblem;
use crate::error::AppError;
use crate::wire::unit_import::ImportReport;
use sqlx::types::Json;
use sqlx::PgExecutor;

pub struct NewRun<'a> {
    pub account_id: i64,
    pub file_name: &'a str,
    pub applied: bool,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub problems: &'a [RowProblem],
    pub elapsed_ms: u128,
}

pub async fn insert(ex: impl PgExecutor<'_>, run: NewRun<'_>) -> Result<i64, AppError> {
    let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    Ok(sqlx::query_scalar(
        "INSERT INTO unit_imports (account_id, file_name, applied, created, updated, unchanged, problems, elapsed_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(run.account_id)
    .bind(run.file_name)
    .bind(run.applied)
    .bind(count(run.created))
    .bind(count(run.updated))
    .bind(count(run.unchanged))
    .bind(Json(run.problems))
    .bind(i32::try_from(run.elapsed_ms).unwrap_or(i32::MAX))
    .fetch_one(ex)
    .await?)
}

#[derive(sqlx::FromRow)]
struct RunRow {
    id: i64,
    file_name: String,
    applied: bool,
    created: i32,
    updated: i32,
    unchanged: i32,
    problems: Json<Vec<RowProblem>>,
    elapsed_ms: i32,
    created_at: chrono::DateTime<chrono::Utc>,
}

/// The report of run `id`; with `account`, only if that account made the run.
pub async fn get(
    ex: impl PgExecutor<'_>,
    id: i64,
    account: Option<i64>,
) -> Result<Option<ImportReport>, AppError> {
    let row: Option<RunRow> = sqlx::query_as(
        "SELECT id, file_name, applied, created, updated, unchanged, problems, elapsed_ms, created_at
         FROM unit_imports WHERE id = $1 AND ($2::bigint IS NULL OR account_id = $2)",
    )
    .bind(id)
    .bind(account)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| ImportReport {
        id: r.id,
        file_name: r.file_name,
        applied: r.applied,
        created: r.created,
        updated: r.updated,
        unchanged: r.unchanged,
        problems: r.problems.0,
        elapsed_ms: r.elapsed_ms,
        created_at: r.created_at,
    }))
}
