//! All SQL of the app, in functions that take an executor and return domain or wire types.
//! Unique violations are mapped to field problems by constraint name, never by message text;
//! a database out of reach (restarting, failing over) answers 503 so callers try again.
pub mod access;
pub mod accounts;
pub mod audit;
pub mod awards;
pub mod campaign_units;
pub mod campaigns;
pub mod ceremonies;
pub mod council;
pub mod council_chair;
pub mod council_desk;
pub mod council_meeting;
pub mod council_roster;
pub mod draft_files;
pub mod drafts;
pub mod exports;
pub mod final_scores;
pub mod gallery;
pub mod initiatives;
pub mod participation;
pub mod registration;
pub mod reports;
pub mod results;
pub mod standings;
pub mod text_enum;
pub mod unit_imports;
pub mod unit_links;
pub mod unit_portal;
pub mod units;

use crate::error::{AppError, Problem};

/// Maps a database error: known constraints become field problems, the rest is logged and opaque.
/// Every database error reaches callers through `?`: a known unique violation as its field's
/// problem, anything else logged and internal.
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        map_err(err)
    }
}

fn map_err(err: sqlx::Error) -> AppError {
    if is_outage(&err) {
        tracing::warn!(error = %err, "database unavailable");
        return AppError::Unavailable;
    }
    if let Some(db_err) = err.as_database_error() {
        let known = match db_err.constraint() {
            Some("units_code_key") => Some(("code", Problem::CodeTaken)),
            Some("accounts_username_key") => Some(("username", Problem::UsernameTaken)),
            _ => None,
        };
        if let Some((field, problem)) = known {
            return AppError::field(field, problem);
        }
    }
    tracing::error!(error = %err, "database error");
    AppError::Internal
}

/// Errors of a database that is restarting or out of reach: the same request may succeed shortly.
fn is_outage(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Io(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        // Class 08: connection exceptions; 57P0x: shutting down, crashed, starting; 53300: full.
        sqlx::Error::Database(db) => db
            .code()
            .is_some_and(|code| code.starts_with("08") || code.starts_with("57P") || code == "53300"),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
