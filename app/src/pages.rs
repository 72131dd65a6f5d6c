//! Pages, one folder per area.
pub mod admin;
pub mod ceremony;
pub mod council;
pub mod gallery;
pub mod home;
pub mod live;
pub mod login;
pub mod not_found;
pub mod results;
pub mod summary;
pub mod unit;
