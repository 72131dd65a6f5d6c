//! Server functions, and nothing else: each is a public HTTP endpoint that anybody can call, so
//! each hands its arguments to its work in `server/`, which obtains the caller's proof from
//! `server::access` before anything else (admin work through `server::endpoint`), and answers
//! through `server::respond`. What they take and return lives in `wire/`.
pub mod accounts;
pub mod audit;
pub mod auth;
pub mod awards;
pub mod campaign_lifecycle;
pub mod campaign_setup;
pub mod campaigns;
pub mod ceremony;
pub mod council;
pub mod council_assignment;
pub mod council_chair;
pub mod council_desk;
pub mod council_meeting;
pub mod documents;
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

#[cfg(test)]
mod tests {
    use crate::wire::{
        CEREMONY_PHOTO_PATH, IMPORT_UNITS_PATH, REPLICATION_PATH, SUBMIT_INITIATIVE_PATH, SUBMIT_REPORT_PATH,
    };
    use leptos::server_fn::ServerFn;

    #[test]
    fn upload_paths_name_the_multipart_endpoints() {
        assert_eq!(super::initiatives::SubmitInitiative::PATH, SUBMIT_INITIATIVE_PATH);
        assert_eq!(super::reports::SubmitReport::PATH, SUBMIT_REPORT_PATH);
        assert_eq!(super::unit_import::ImportUnits::PATH, IMPORT_UNITS_PATH);
        assert_eq!(super::ceremony::UploadCeremonyPhoto::PATH, CEREMONY_PHOTO_PATH);
        assert_eq!(super::gallery::RecordReplication::PATH, REPLICATION_PATH);
    }
}
