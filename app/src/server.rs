//! Server-only code (feature `ssr`): application state, sessions and passwords, and all SQL.
pub mod access;
pub mod account_control;
pub mod accounts;
pub mod attachment_download;
pub mod audit_snapshot;
pub mod auth;
pub mod board_key;
pub mod campaign_lifecycle;
pub mod campaign_setup;
pub mod campaigns;
pub mod client_address;
pub mod council;
pub mod council_assignment;
pub mod council_chair;
pub mod council_desk;
pub mod council_meeting;
pub mod council_roster;
pub mod db;
pub mod endpoint;
pub mod final_scores;
pub mod import_file;
pub mod initiatives;
pub mod live_board;
pub mod live_events;
pub mod live_hub;
pub mod login_throttle;
pub mod page_policy;
pub mod participation;
pub mod refusal;
pub mod registration_queue;
pub mod reports;
pub mod respond;
pub mod results;
pub mod sign_in;
pub mod state;
pub mod unit_access;
pub mod unit_cookie;
pub mod unit_import;
pub mod unit_link;
pub mod unit_links;
pub mod unit_portal;
pub mod units;
pub mod upload_form;

pub use state::AppState;

/// The migrations every database of the app runs at start (and every `#[sqlx::test]`).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../server/migrations");
