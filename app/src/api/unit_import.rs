//! Importing units from a CSV or .xlsx upload. The whole file is checked first; a file with any
//! bad row changes nothing. Every run is recorded and shown on its own report page.
use crate::domain::unit_import::RowProblem;
use crate::error::AppError;
use leptos::server;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub id: i64,
    pub file_name: String,
    pub applied: bool,
    pub created: i32,
    pub updated: i32,
    pub unchanged: i32,
    pub problems: Vec<RowProblem>,
    pub elapsed_ms: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// Takes the multipart field `file`; answers with the id of the run's report.
#[server(prefix = "/api", endpoint = "import_units", input = MultipartFormData)]
pub async fn import_units(data: MultipartData) -> Result<i64, AppError> {
    use crate::server::respond::finish_form;
    let result = ssr::import_units(data).await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}

#[server(prefix = "/api", endpoint = "get_import_report")]
pub async fn get_import_report(id: i64) -> Result<ImportReport, AppError> {
    use crate::domain::access::Scope;
    use crate::server::{access, db, respond::finish, state::pool};
    let result = async {
        let admin = access::admin().await?;
        // A system admin reads every run; an organizer its own.
        let own = (admin.scope() != Scope::System).then(|| admin.id());
        db::unit_imports::get(&pool()?, id, own)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await;
    finish(result)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::MultipartData;
    use crate::domain::unit::UnitCode;
    use crate::domain::unit_import::{outside_scope, plan_import, ImportPlan, RowProblem};
    use crate::error::{AppError, Problem};
    use crate::server::import_file::{read_unit_rows, MAX_FILE_BYTES};
    use crate::server::{access, db, state::pool};
    use std::time::Instant;

    /// The import form has one field; a few more are tolerated, not thousands.
    const MAX_FIELDS: usize = 8;

    pub async fn import_units(data: MultipartData) -> Result<i64, AppError> {
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
}
