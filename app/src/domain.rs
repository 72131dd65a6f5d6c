//! Pure types and rules, without I/O; shared by the server and the browser.
pub mod account;
pub mod text;
pub mod unit;
pub mod unit_import;
