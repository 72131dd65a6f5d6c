//! One exported table, whatever its format: a title, the column headers and a stream of rows.
//! Rules: text stays text (neither writer ever makes a formula of it), numbers stay numbers, and
//! moments are shown in `Asia/Ho_Chi_Minh` (`dd/mm/yyyy`, `dd/mm/yyyy HH:mm`).
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Asia::Ho_Chi_Minh;
use std::pin::Pin;
use tokio_stream::Stream;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Integer(i64),
    /// A score: shown with two decimals.
    Decimal(f64),
    Date(NaiveDate),
    Moment(DateTime<Utc>),
    Blank,
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Self {
        Cell::Text(value.into())
    }

    pub fn optional_decimal(value: Option<f64>) -> Self {
        value.map_or(Cell::Blank, Cell::Decimal)
    }

    pub fn optional_moment(value: Option<DateTime<Utc>>) -> Self {
        value.map_or(Cell::Blank, Cell::Moment)
    }

    /// The cell as a person reads it (CSV, and the width it needs in a sheet).
    pub fn shown(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Integer(n) => n.to_string(),
            Cell::Decimal(x) => format!("{x:.2}"),
            Cell::Date(date) => crate::domain::deadline::format_date(*date),
            Cell::Moment(at) => local(*at).format("%d/%m/%Y %H:%M").to_string(),
            Cell::Blank => String::new(),
        }
    }
}

/// The wall-clock time in Vietnam.
pub fn local(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&Ho_Chi_Minh).naive_local()
}

pub type Rows = Pin<Box<dyn Stream<Item = Result<Vec<Cell>, AppError>> + Send>>;

/// What a table is, before its rows.
pub struct Heading {
    /// The download's name without its extension, e.g. `ket-qua-don-vi-3`.
    pub file_stem: String,
    /// The worksheet's tab (at most 31 characters).
    pub name: String,
    /// The first line of the workbook: what the table is and of which campaign.
    pub title: String,
    pub headers: Vec<String>,
}

pub struct Sheet {
    pub heading: Heading,
    pub rows: Rows,
}

impl Sheet {
    /// A table read into memory before it is written.
    pub fn of(heading: Heading, rows: Vec<Vec<Cell>>) -> Self {
        Sheet {
            heading,
            rows: Box::pin(tokio_stream::iter(rows.into_iter().map(Ok))),
        }
    }
}

/// "Có" / "Không" as the sheets write a yes or no.
pub fn yes_no(value: bool) -> Cell {
    use crate::i18n::Locale;
    use leptos_i18n::td_string;
    Cell::text(if value {
        td_string!(Locale::vi, export.yes)
    } else {
        td_string!(Locale::vi, export.no)
    })
}
