//! What server functions take and return: the types the browser and the server share.
//! `api/` (the endpoints) and `server/` (their work) both import from here, never from each other.
pub mod accounts;
pub mod audit;
pub mod auth;
pub mod awards;
pub mod campaign_setup;
pub mod campaigns;
pub mod ceremony;
pub mod codec;
pub mod council;
pub mod council_assignment;
pub mod council_chair;
pub mod council_desk;
pub mod council_meeting;
pub mod documents;
pub mod exports;
pub mod form_refusal;
pub mod gallery;
pub mod initiatives;
pub mod live;
pub mod participation;
pub mod reports;
pub mod results;
pub mod summary;
pub mod unit_import;
pub mod unit_links;
pub mod unit_portal;
pub mod units;

/// The server functions that take multipart uploads; every other one takes a url-encoded form.
/// Written out because the request guard needs them before any endpoint runs; `api` tests that
/// they are the paths of its multipart endpoints.
pub const UPLOAD_PATHS: [&str; 5] = [
    SUBMIT_INITIATIVE_PATH,
    SUBMIT_REPORT_PATH,
    IMPORT_UNITS_PATH,
    CEREMONY_PHOTO_PATH,
    REPLICATION_PATH,
];
pub const REPLICATION_PATH: &str = "/api/record_replication";
pub const CEREMONY_PHOTO_PATH: &str = "/api/upload_ceremony_photo";
pub const SUBMIT_INITIATIVE_PATH: &str = "/api/submit_initiative";
pub const SUBMIT_REPORT_PATH: &str = "/api/submit_report";
pub const IMPORT_UNITS_PATH: &str = "/api/import_units";
