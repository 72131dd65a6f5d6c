//! The unit list, cut to the admin's scope, in the columns the unit import reads: a file
//! downloaded here imports back as it is (nothing to create, nothing to change).
use super::sheet::{Cell, Heading, Sheet};
use super::sheets::headers;
use crate::domain::access::Scope;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::{access, db, state::pool};
use crate::wire::exports::ExportTable;
use crate::words;
use leptos_i18n::td_string;

pub async fn units() -> Result<Sheet, AppError> {
    let admin = access::admin().await?;
    let root = match admin.scope() {
        Scope::System => None,
        Scope::Subtree(unit) => Some(unit),
    };
    let units = db::exports::units(&pool()?, root).await?;
    let rows = units
        .into_iter()
        .map(|u| {
            vec![
                Cell::Text(u.code),
                Cell::Text(u.name),
                Cell::text(words::unit_kind(Locale::vi, u.kind)),
                Cell::Text(u.parent_code.unwrap_or_default()),
                Cell::text(if u.active {
                    td_string!(Locale::vi, export.active)
                } else {
                    td_string!(Locale::vi, export.inactive)
                }),
            ]
        })
        .collect();
    let what = td_string!(Locale::vi, export.units_title);
    let today = super::sheet::local(chrono::Utc::now()).format("%Y-%m-%d");
    let heading = Heading {
        file_stem: format!("{}-{today}", ExportTable::Units.file_name()),
        name: what.to_owned(),
        title: what.to_owned(),
        headers: headers(&[
            td_string!(Locale::vi, export.col_code),
            td_string!(Locale::vi, export.col_name),
            td_string!(Locale::vi, export.col_kind),
            td_string!(Locale::vi, export.col_parent_code),
            td_string!(Locale::vi, export.col_status),
        ]),
    };
    Ok(Sheet::of(heading, rows))
}
