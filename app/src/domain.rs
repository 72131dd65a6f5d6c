//! Pure types and rules, without I/O; shared by the server and the browser.
pub mod access;
pub mod account;
pub mod audit;
pub mod awards;
pub mod campaign;
pub mod campaign_state;
pub mod ceremony;
pub mod council;
pub mod deadline;
pub mod initiative;
pub mod participation;
pub mod ranking;
pub mod replication;
pub mod text;
pub mod unit;
pub mod unit_import;
pub mod unit_noun;
