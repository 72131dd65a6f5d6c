//! Reading an uploaded unit list (CSV or .xlsx) into raw rows. Columns are found by their header
//! (Vietnamese or English, with or without diacritics); a UTF-8 BOM, Windows line ends and a `;`
//! separator are accepted. Only reading happens here: every rule is checked by the planner.
use crate::domain::text::fold_for_search;
use crate::domain::unit_import::{RawUnitRow, RowProblem};
use crate::error::Problem;
use std::io::Cursor;

pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_ROWS: usize = 20_000;

fn file_problem(problem: Problem) -> Vec<RowProblem> {
    vec![RowProblem {
        row: 0,
        column: None,
        problem,
    }]
}

/// Reads a file by its content: the ZIP signature means .xlsx, anything else must be UTF-8 CSV.
pub fn read_unit_rows(bytes: &[u8]) -> Result<Vec<RawUnitRow>, Vec<RowProblem>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(file_problem(Problem::FileTooLarge {
            max_mb: MAX_FILE_BYTES / 1024 / 1024,
        }));
    }
    let table = if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)?
    } else {
        read_csv(bytes)?
    };
    rows_from_table(table)
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, Vec<RowProblem>> {
    let text = std::str::from_utf8(bytes).map_err(|_| file_problem(Problem::NotUtf8))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\0') {
        return Err(file_problem(Problem::UnsupportedFileType));
    }
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| record.map(|r| r.iter().map(str::to_owned).collect()))
        .collect::<Result<_, _>>()
        .map_err(|_| file_problem(Problem::UnreadableFile))
}

/// Columns a unit list may span (it needs four).
const MAX_COLUMNS: u32 = 64;
/// Cells with a value a unit list may hold: 20,000 rows of about ten columns.
const MAX_CELLS: usize = 200_000;

/// What an .xlsx may unpack to, all its parts together: a unit list of 20,000 rows is a few MB.
const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// Unpacks every part of the archive without keeping it, refusing past [`MAX_UNPACKED_BYTES`]:
/// calamine holds a workbook's shared strings in memory, and a few MB of deflate can claim
/// gigabytes (sizes declared in the archive can lie, so the bytes are counted, not read off it).
fn check_unpacked_size(bytes: &[u8]) -> Result<(), Vec<RowProblem>> {
    use std::io::Read;
    let unreadable = |_| file_problem(Problem::UnreadableFile);
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let mut left = MAX_UNPACKED_BYTES;
    for index in 0..archive.len() {
        let part = archive.by_index(index).map_err(unreadable)?;
        let unpacked = std::io::copy(&mut part.take(left + 1), &mut std::io::sink())
            .map_err(|_| file_problem(Problem::UnreadableFile))?;
        if unpacked > left {
            return Err(file_problem(Problem::TooManyRows { max: MAX_ROWS }));
        }
        left -= unpacked;
    }
    Ok(())
}

/// Reads the first sheet cell by cell, refusing it by its declared size and then by each cell's
/// place before anything is built: a sheet claiming cells A1 and XFD1048576 must not make us
/// allocate the billions of cells in between.
fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, Vec<RowProblem>> {
    use calamine::{Data, Reader, Xlsx};
    check_unpacked_size(bytes)?;
    let unreadable = |_| file_problem(Problem::UnreadableFile);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let sheet = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| file_problem(Problem::EmptyFile))?;
    let mut reader = book.worksheet_cells_reader(&sheet).map_err(unreadable)?;
    let declared = reader.dimensions();
    check_extent(declared.end)?;
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let place = cell.get_position();
        check_extent(place)?;
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if text.is_empty() {
            continue;
        }
        if cells.len() == MAX_CELLS {
            return Err(file_problem(Problem::TooManyRows { max: MAX_ROWS }));
        }
        cells.push((place, text));
    }
    Ok(table_from_cells(cells))
}

/// A sheet row or column beyond what a unit list can have refuses the whole file.
fn check_extent((row, column): (u32, u32)) -> Result<(), Vec<RowProblem>> {
    if row as usize > MAX_ROWS + 1 {
        return Err(file_problem(Problem::TooManyRows { max: MAX_ROWS }));
    }
    if column >= MAX_COLUMNS {
        return Err(file_problem(Problem::UnreadableFile));
    }
    Ok(())
}

fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// Lines from the first row and column holding a value, as a spreadsheet's used range reads.
fn table_from_cells(cells: Vec<((u32, u32), String)>) -> Vec<Vec<String>> {
    let top = cells.iter().map(|((r, _), _)| *r).min().unwrap_or(0);
    let left = cells.iter().map(|((_, c), _)| *c).min().unwrap_or(0);
    let mut table: Vec<Vec<String>> = Vec::new();
    for ((row, column), text) in cells {
        let (row, column) = ((row - top) as usize, (column - left) as usize);
        if table.len() <= row {
            table.resize_with(row + 1, Vec::new);
        }
        let line = &mut table[row];
        if line.len() <= column {
            line.resize(column + 1, String::new());
        }
        line[column] = text;
    }
    table
}

/// Lines above the header a file may have (an exported sheet's title line, a blank line).
const MAX_LINES_ABOVE_HEADER: usize = 5;

/// Where each column is, if `line` is a header naming all four.
fn header_columns(line: &[String]) -> Option<(usize, usize, usize, usize)> {
    let position = |names: &[&str]| {
        line.iter()
            .position(|h| names.contains(&fold_for_search(h).as_str()))
    };
    Some((
        position(&["code", "ma", "ma don vi"])?,
        position(&["name", "ten", "ten don vi"])?,
        position(&["kind", "loai", "loai don vi"])?,
        position(&[
            "parent",
            "parent code",
            "parent_code",
            "ma cap tren",
            "ma don vi cap tren",
            "cap tren",
        ])?,
    ))
}

/// Finds the header (the first line naming the four columns, within the first few lines) and
/// turns each non-blank line below it into a row numbered as the spreadsheet numbers it.
fn rows_from_table(table: Vec<Vec<String>>) -> Result<Vec<RawUnitRow>, Vec<RowProblem>> {
    if table.is_empty() {
        return Err(file_problem(Problem::EmptyFile));
    }
    let (header_index, (code, name, kind, parent)) = table
        .iter()
        .take(MAX_LINES_ABOVE_HEADER + 1)
        .enumerate()
        .find_map(|(i, line)| header_columns(line).map(|columns| (i, columns)))
        .ok_or_else(|| file_problem(Problem::MissingColumns))?;
    let cell = |line: &[String], i: usize| line.get(i).cloned().unwrap_or_default();
    let rows: Vec<RawUnitRow> = table
        .into_iter()
        .enumerate()
        .skip(header_index + 1)
        .filter(|(_, line)| line.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, line)| RawUnitRow {
            row: i + 1,
            code: cell(&line, code),
            name: cell(&line, name),
            kind: cell(&line, kind),
            parent: cell(&line, parent),
        })
        .collect();
    if rows.len() > MAX_ROWS {
        return Err(file_problem(Problem::TooManyRows { max: MAX_ROWS }));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An archive of a few KB whose shared strings unpack to just over the limit.
    fn xlsx_bomb() -> Vec<u8> {
        use std::io::Write;
        use zip::write::SimpleFileOptions;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let deflated = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/sharedStrings.xml", deflated).unwrap();
        let chunk = vec![b'a'; 1024 * 1024];
        for _ in 0..=MAX_UNPACKED_BYTES / chunk.len() as u64 {
            zip.write_all(&chunk).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn an_xlsx_that_unpacks_to_more_than_a_unit_list_can_is_refused_unread() {
        let bomb = xlsx_bomb();
        assert!(bomb.len() < MAX_FILE_BYTES / 10, "{} bytes", bomb.len());
        let problems = read_unit_rows(&bomb).unwrap_err();
        assert_eq!(problems[0].problem, Problem::TooManyRows { max: MAX_ROWS });
    }
    use unicode_normalization::UnicodeNormalization;

    const CSV: &str = "code,name,kind,parent code\nGV,Quận Gò Vấp,quận,\nGV-P1,Phường 1,phường,GV\n";

    #[test]
    fn reads_a_plain_csv_with_row_numbers() {
        let rows = read_unit_rows(CSV.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[1].row, rows[1].code.as_str(), rows[1].parent.as_str()),
            (3, "GV-P1", "GV")
        );
    }

    #[test]
    fn bom_crlf_and_nfd_read_the_same_after_normalizing() {
        let variant: String = format!("\u{feff}{}", CSV.replace('\n', "\r\n")).nfd().collect();
        let rows = read_unit_rows(variant.as_bytes()).unwrap();
        let plain = read_unit_rows(CSV.as_bytes()).unwrap();
        assert_eq!(rows.len(), plain.len());
        for (a, b) in rows.iter().zip(&plain) {
            assert_eq!(crate::domain::text::normalize_text(&a.name), b.name);
            assert_eq!(a.code, b.code);
        }
    }

    #[test]
    fn vietnamese_headers_and_semicolons_are_accepted() {
        let csv = "Mã;Tên đơn vị;Loại;Mã cấp trên\nGV;Quận Gò Vấp;Quận;\n";
        assert_eq!(read_unit_rows(csv.as_bytes()).unwrap()[0].name, "Quận Gò Vấp");
    }

    #[test]
    fn a_file_without_the_columns_is_refused() {
        let problems = read_unit_rows("a,b\n1,2\n".as_bytes()).unwrap_err();
        assert_eq!(problems[0].problem, Problem::MissingColumns);
    }

    #[test]
    fn a_non_utf8_file_is_refused() {
        assert_eq!(
            read_unit_rows(&[0x4d, 0xe3, 0x0a]).unwrap_err()[0].problem,
            Problem::NotUtf8
        );
    }
}
