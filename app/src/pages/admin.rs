//! Organizer pages; all of them sit inside `AdminLayout`, which asks for a signed-in account.
pub mod account_detail;
pub mod accounts;
pub mod campaign;
pub mod import_report;
pub mod layout;
pub mod password;
pub mod replications;
pub mod unit_detail;
pub mod unit_import;
pub mod unit_new;
pub mod unit_tree;
pub mod units;
