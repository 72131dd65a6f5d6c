//! Server functions: thin public endpoints that check the caller first, then parse the input,
//! call the db layer and map errors. Each one is reachable by anybody over HTTP.
pub mod accounts;
pub mod auth;
pub mod unit_import;
pub mod units;
