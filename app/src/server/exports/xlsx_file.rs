//! The .xlsx form of a table (`rust_xlsxwriter`, constant-memory mode: rows go to a temporary
//! file as they come, so memory does not grow with the table). Layout: a title line (the table,
//! the campaign, the time of export), the header row frozen and filterable, dates as real Excel
//! dates shown `dd/mm/yyyy`, scores as numbers with two decimals, and each column as wide as its
//! longest text (within bounds); printed on A4 across, one page wide, the header on each page.
use super::sheet::{local, Cell, Heading, Sheet};
use crate::error::AppError;
use crate::i18n::Locale;
use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};
use leptos_i18n::td_string;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use tokio_stream::StreamExt;

const TITLE_ROW: u32 = 0;
const HEADER_ROW: u32 = 1;
const MIN_WIDTH: usize = 8;
/// Excel's paper code for A4.
const A4: u8 = 9;
/// Wider columns would push the others off a laptop screen; long text stays readable in its cell.
const MAX_WIDTH: usize = 60;
/// Excel's limit for one cell's text.
const MAX_CELL_CHARS: usize = 32_767;

pub const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct Formats {
    title: Format,
    header: Format,
    date: Format,
    moment: Format,
    decimal: Format,
}

impl Formats {
    fn new() -> Self {
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color("#E8EEF7")
                .set_border_bottom(FormatBorder::Thin),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            moment: Format::new().set_num_format("dd/mm/yyyy hh:mm"),
            decimal: Format::new().set_num_format("0.00"),
        }
    }
}

fn failed(e: XlsxError) -> AppError {
    tracing::error!(error = %e, "xlsx writing failed");
    AppError::Internal
}

fn excel_time(at: NaiveDateTime) -> Result<ExcelDateTime, AppError> {
    let day = ExcelDateTime::from_ymd(at.year() as u16, at.month() as u8, at.day() as u8).map_err(failed)?;
    day.and_hms(at.hour() as u16, at.minute() as u8, 0)
        .map_err(failed)
}

fn write_cell(
    sheet: &mut Worksheet,
    formats: &Formats,
    (row, column): (u32, u16),
    cell: &Cell,
) -> Result<(), AppError> {
    match cell {
        Cell::Text(text) if text.chars().count() > MAX_CELL_CHARS => {
            let cut: String = text.chars().take(MAX_CELL_CHARS).collect();
            sheet.write_string(row, column, cut).map(|_| ())
        }
        Cell::Text(text) => sheet.write_string(row, column, text).map(|_| ()),
        Cell::Integer(n) => sheet.write_number(row, column, *n as f64).map(|_| ()),
        Cell::Decimal(x) => sheet
            .write_number_with_format(row, column, *x, &formats.decimal)
            .map(|_| ()),
        Cell::Date(date) => {
            let day = ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
                .map_err(failed)?;
            sheet
                .write_datetime_with_format(row, column, &day, &formats.date)
                .map(|_| ())
        }
        Cell::Moment(at) => {
            let time = excel_time(local(*at))?;
            sheet
                .write_datetime_with_format(row, column, &time, &formats.moment)
                .map(|_| ())
        }
        Cell::Blank => Ok(()),
    }
    .map_err(failed)
}

/// Characters a column needs, Vietnamese letters counted once each (the text is NFC).
fn needed(cell: &Cell) -> usize {
    match cell {
        Cell::Text(text) => text.chars().count(),
        Cell::Date(_) => 10,
        Cell::Moment(_) => 16,
        other => other.shown().len(),
    }
}

/// The whole workbook: rows are written as they are read; the file is assembled at the end.
pub async fn workbook(sheet: Sheet, exported_at: DateTime<Utc>) -> Result<Vec<u8>, AppError> {
    let Sheet { heading, mut rows } = sheet;
    let Heading {
        name, title, headers, ..
    } = heading;
    let formats = Formats::new();
    let mut book = Workbook::new();
    let page = book.add_worksheet_with_constant_memory().map_err(failed)?;
    page.set_name(&name).map_err(failed)?;
    let stamp = local(exported_at).format("%H:%M %d/%m/%Y").to_string();
    let heading = format!(
        "{title} · {}",
        td_string!(Locale::vi, export.exported_at, at = stamp)
    );
    page.write_string_with_format(TITLE_ROW, 0, heading, &formats.title)
        .map_err(failed)?;
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for (column, header) in headers.iter().enumerate() {
        page.write_string_with_format(HEADER_ROW, column as u16, header, &formats.header)
            .map_err(failed)?;
    }
    let mut row = HEADER_ROW;
    while let Some(cells) = rows.next().await {
        row += 1;
        for (column, cell) in cells?.iter().enumerate() {
            write_cell(page, &formats, (row, column as u16), cell)?;
            if let Some(width) = widths.get_mut(column) {
                *width = (*width).max(needed(cell));
            }
        }
    }
    for (column, width) in widths.iter().enumerate() {
        let fitted = (*width).clamp(MIN_WIDTH, MAX_WIDTH) as f64 * 1.1 + 2.0;
        page.set_column_width(column as u16, fitted).map_err(failed)?;
    }
    page.set_freeze_panes(HEADER_ROW + 1, 0).map_err(failed)?;
    // Printed as the office prints it: A4 across, one page wide, the header on every page.
    page.set_paper_size(A4)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    page.set_repeat_rows(HEADER_ROW, HEADER_ROW).map_err(failed)?;
    if !headers.is_empty() {
        page.autofilter(HEADER_ROW, 0, row, headers.len() as u16 - 1)
            .map_err(failed)?;
    }
    tokio::task::spawn_blocking(move || book.save_to_buffer().map_err(failed))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "xlsx task failed");
            AppError::Internal
        })?
}
