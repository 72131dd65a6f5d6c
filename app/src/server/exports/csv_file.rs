//! UTF-8 CSV that Excel opens with its diacritics intact (a byte-order mark first), sent as the
//! rows are read. Rule: a text cell a spreadsheet would run as a formula (it starts with `=`,
//! `+`, `-`, `@`, a tab or a carriage return) goes out with an apostrophe in front; numbers,
//! dates and times are written by the app and never start so (a negative number is a number).
use super::sheet::{Cell, Rows};
use crate::error::AppError;
use axum::body::Bytes;
use std::borrow::Cow;
use std::time::Duration;
use tokio_stream::{Stream, StreamExt};

const BOM: &str = "\u{feff}";
/// Rows sent together: fewer, larger writes, while the first ones still leave at once.
const ROWS_PER_CHUNK: usize = 256;
const CHUNK_WAIT: Duration = Duration::from_millis(20);

/// The text as written: formula-looking text is neutralised.
pub fn neutralised(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

fn record<'a>(cells: impl IntoIterator<Item = Cow<'a, str>>) -> Result<Vec<u8>, AppError> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fields: Vec<Cow<'a, str>> = cells.into_iter().collect();
    let failed = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "csv line failed");
        AppError::Internal
    };
    writer
        .write_record(fields.iter().map(|f| f.as_bytes()))
        .map_err(|e| failed(&e))?;
    writer.into_inner().map_err(|e| failed(&e))
}

/// The header line, with the byte-order mark before it.
pub fn header(headers: &[String]) -> Result<Vec<u8>, AppError> {
    let mut bytes = BOM.as_bytes().to_vec();
    bytes.extend(record(headers.iter().map(|h| neutralised(h)))?);
    Ok(bytes)
}

pub fn line(cells: &[Cell]) -> Result<Vec<u8>, AppError> {
    record(cells.iter().map(|cell| match cell {
        Cell::Text(text) => neutralised(text),
        other => Cow::Owned(other.shown()),
    }))
}

/// The whole file as a stream of chunks: the header at once, then the rows as they come.
pub fn stream(headers: &[String], rows: Rows) -> impl Stream<Item = Result<Bytes, AppError>> + Send {
    let first = tokio_stream::once(header(headers).map(Bytes::from));
    let rest = rows.chunks_timeout(ROWS_PER_CHUNK, CHUNK_WAIT).map(|chunk| {
        let mut bytes = Vec::new();
        for row in chunk {
            bytes.extend(line(&row?)?);
        }
        Ok(Bytes::from(bytes))
    });
    first.chain(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn formula_looking_text_is_neutralised_and_numbers_are_not() {
        let row = line(&[
            Cell::text("=HYPERLINK(\"http://x\")"),
            Cell::text("+84 912"),
            Cell::text("-1"),
            Cell::text("@SUM(A1)"),
            Cell::text("\tx"),
            Cell::text("Phường 1"),
            Cell::Integer(-3),
            Cell::Decimal(-1.5),
        ])
        .unwrap();
        assert_eq!(
            String::from_utf8(row).unwrap(),
            "\"'=HYPERLINK(\"\"http://x\"\")\",'+84 912,'-1,'@SUM(A1),'\tx,Phường 1,-3,-1.50\r\n"
        );
    }

    #[test]
    fn the_file_starts_with_a_bom_and_dates_read_the_vietnamese_way() {
        let head = header(&["Đơn vị".to_owned(), "Ngày".to_owned()]).unwrap();
        assert!(head.starts_with("\u{feff}Đơn vị,Ngày\r\n".as_bytes()));
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let moment = chrono::DateTime::parse_from_rfc3339("2026-12-04T02:05:00Z")
            .unwrap()
            .to_utc();
        let row = line(&[Cell::Date(day), Cell::Moment(moment), Cell::Blank]).unwrap();
        assert_eq!(
            String::from_utf8(row).unwrap(),
            "04/12/2026,04/12/2026 09:05,\r\n"
        );
    }
}
