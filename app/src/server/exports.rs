//! Tables out as .xlsx and .csv: `GET /exports/{table}.{format}` (`route`). Rules: a table goes
//! to whom its page shows it, as that page shows it, and nothing is read before the caller is
//! checked by `server::access`:
//! - the unit list: admins, cut to their scope, in the columns the import reads back;
//! - a campaign's participation table and its initiatives (authors, field, full text): the
//!   campaign's admins;
//! - the council's scores per member: the campaign's admins and its council's chair, whose own
//!   conflicts stay blank (`server::council_chair`);
//! - results by unit and by initiative, and the award list: whoever may read the results page,
//!   with what it hides from him hidden (`server::results`); the public nothing before release.
//!
//! Anyone else is told the table does not exist (404), or to sign in (401). A CSV starts with a
//! byte-order mark and neutralises formula-looking text; an .xlsx is written in constant memory.
mod campaign_sheets;
mod council_sheet;
pub mod csv_file;
pub(crate) mod labels;
mod result_sheets;
pub mod route;
pub mod sheet;
pub(crate) mod sheets;
mod unit_sheet;
pub mod xlsx_file;
