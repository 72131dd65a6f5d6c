//! Importing units from an uploaded file. Rules: the whole file is checked before anything is
//! written, and a file with any bad row changes nothing; an organizer's file may only create or
//! change units below its own unit; the tree is locked while a file is applied; every run, applied
//! or not, is recorded for its report page.
use super::import_file::{read_unit_rows, MAX_FILE_BYTES};
use super::{access, db, state::pool};
use crate::domain::unit::UnitCode;
use crate::domain::unit_import::{outside_scope, plan_import, ImportPlan, RowProblem};
use crate::error::{AppError, Problem};
use leptos::server_fn::codec::MultipartData;
use std::time::Instant;

/// The import form has one field; a few more are tolerated, not thousands.
const MAX_FIELDS: usize = 8;

#[tracing::instrument(skip_all)]
pub async fn import(data: MultipartData) -> Result<i64, AppError> {
    let admin = access::admin().await?;
    let (file_name, bytes) = read_upload(data).await?;
    let id = import_within(&pool()?, admin.id(), admin.scope().root(), &file_name, &bytes).await?;
    leptos_axum::redirect(&format!("/admin/units/import/{id}"));
    Ok(id)
}

/// The `file` field, read within its limit as it streams; other fields are skipped unread.
async fn read_upload(data: MultipartData) -> Result<(String, Vec<u8>), AppError> {
    let cut_off = |_| AppError::Transport("the upload was cut off".into());
    let mut multipart = data.into_inner().ok_or(AppError::Internal)?;
    for _ in 0..MAX_FIELDS {
        let Some(mut field) = multipart.next_field().await.map_err(cut_off)? else {
            break;
        };
        if field.name() != Some("file") {
            continue;
        }
        let file_name = field.file_name().unwrap_or_default().to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(cut_off)? {
            if bytes.len() + chunk.len() > MAX_FILE_BYTES {
                let max_mb = MAX_FILE_BYTES / 1024 / 1024;
                return Err(AppError::field("file", Problem::FileTooLarge { max_mb }));
            }
            bytes.extend_from_slice(&chunk);
        }
        return match (file_name.is_empty(), bytes.is_empty()) {
            (true, true) => break,
            (false, true) => Err(AppError::field("file", Problem::EmptyFile)),
            _ => Ok((file_name, bytes)),
        };
    }
    Err(AppError::field("file", Problem::Required))
}

/// Checks and applies a file to the whole tree in one transaction (a system admin's
/// import); returns the id of the recorded run.
pub async fn import_bytes(
    pool: &sqlx::PgPool,
    account_id: i64,
    file_name: &str,
    bytes: &[u8],
) -> Result<i64, AppError> {
    import_within(pool, account_id, None, file_name, bytes).await
}

/// Like [`import_bytes`]; with `root`, every unit the file creates or changes must end up
/// below that unit (an organizer's import), or nothing is imported.
pub async fn import_within(
    pool: &sqlx::PgPool,
    account_id: i64,
    root: Option<i64>,
    file_name: &str,
    bytes: &[u8],
) -> Result<i64, AppError> {
    let started = Instant::now();
    let rows = read_unit_rows(bytes);
    let mut tx = pool.begin().await?;
    db::units::lock_tree(&mut tx).await?;
    let root_code = match root {
        Some(id) => {
            let unit = db::units::summary(&mut *tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            Some(UnitCode::parse(&unit.code).map_err(|_| AppError::Internal)?)
        }
        None => None,
    };
    let outcome: Result<ImportPlan, Vec<RowProblem>> = match rows {
        Ok(rows) => {
            let existing = db::units::all_for_import(&mut *tx).await?;
            plan_import(&rows, &existing).and_then(|plan| {
                let refused = root_code
                    .as_ref()
                    .map(|root| outside_scope(&rows, &plan, &existing, root))
                    .unwrap_or_default();
                if refused.is_empty() {
                    Ok(plan)
                } else {
                    Err(refused)
                }
            })
        }
        Err(problems) => Err(problems),
    };
    if let Ok(plan) = &outcome {
        db::units::apply_import(&mut tx, plan).await?;
    }
    let (plan, problems) = match outcome {
        Ok(plan) => (plan, Vec::new()),
        Err(problems) => (ImportPlan::default(), problems),
    };
    let run = db::unit_imports::NewRun {
        account_id,
        file_name,
        applied: problems.is_empty(),
        created: plan.creates.len(),
        updated: plan.updates.len(),
        unchanged: plan.unchanged,
        problems: &problems,
        elapsed_ms: started.elapsed().as_millis(),
    };
    let id = db::unit_imports::insert(&mut *tx, run).await?;
    tx.commit().await?;
    tracing::info!(
        import.id = id,
        account.id = account_id,
        problems = problems.len(),
        "unit import recorded"
    );
    Ok(id)
}
