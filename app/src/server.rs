//! Server-only code (feature `ssr`): application state, sessions and passwords, and all SQL.
pub mod audit_snapshot;
pub mod auth;
pub mod campaign_lifecycle;
pub mod campaign_setup;
pub mod campaigns;
pub mod db;
pub mod import_file;
pub mod respond;
pub mod state;

pub use state::AppState;

/// The migrations every database of the app runs at start (and every `#[sqlx::test]`).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../server/migrations");
