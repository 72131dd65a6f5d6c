//! Generated hostile input for everything that reads what a caller sends, or writes what callers
//! typed: the unit list reader and import planner (CSV text and .xlsx bytes, whole and damaged),
//! the initiative form, the score sheet, the sign-in `next` address, and the CSV and .xlsx
//! writers of the downloads. Rules: no input makes any of them panic (the runner catches and
//! reports panics), and each keeps its promise: an accepted form is within its limits, `next` is
//! a same-site path, a written file reads back as the text that went in.
//! `./x bench` runs [`CASES_IN_BENCH`] cases per target; `./x test` runs fewer (this file's tests).
use app::domain::council::score_sheet::{Sheet, SheetAction, SheetInput};
use app::domain::initiative::{AuthorInput, InitiativeInput, InitiativeText};
use app::domain::unit_import::plan_import;
use app::server::exports::csv_file;
use app::server::exports::sheet::{Cell, Heading, Sheet as Table};
use app::server::exports::xlsx_file;
use app::server::import_file::read_unit_rows;
use app::wire::auth::safe_next;
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::time::{Duration, Instant};

pub const CASES_IN_BENCH: u32 = 100_000;

pub struct Target {
    pub name: &'static str,
    pub cases: u32,
    pub took: Duration,
}

/// Every target with `cases` cases each; the first failure (a panic or a broken promise) is the
/// error, with the smallest input proptest found for it.
/// [`run_all`] with [`CASES_IN_BENCH`], on a thread of its own: the xlsx writer's round trip runs
/// its own small runtime, which cannot start inside the benchmark's.
pub fn run_in_bench() -> anyhow::Result<Vec<Target>> {
    std::thread::spawn(|| run_all(CASES_IN_BENCH))
        .join()
        .map_err(|_| anyhow::anyhow!("the generated-input run panicked"))?
}

pub fn run_all(cases: u32) -> anyhow::Result<Vec<Target>> {
    Ok(vec![
        run("unit list as CSV text", cases, csv_text(), unit_list)?,
        run(
            "unit list as .xlsx (whole and damaged)",
            cases,
            xlsx_bytes(),
            unit_list,
        )?,
        run("unit list as any bytes", cases, any_bytes(), unit_list)?,
        run("initiative form", cases, initiative_input(), initiative_form)?,
        run("score sheet", cases, sheet_input(), score_sheet)?,
        run("sign-in next address", cases, next_address(), sign_in_next)?,
        run("CSV download writer", cases, table_rows(), csv_round_trip)?,
        run("xlsx download writer", cases, table_rows(), xlsx_round_trip)?,
    ])
}

fn run<S: Strategy>(
    name: &'static str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> anyhow::Result<Target> {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let started = Instant::now();
    runner
        .run(&strategy, test)
        .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let took = started.elapsed();
    eprintln!("properties: {name}, {cases} cases in {:.1} s", took.as_secs_f64());
    Ok(Target { name, cases, took })
}

/// Text a person, a spreadsheet or an attacker might type: Vietnamese, separators, quotes,
/// formula starts, control characters, combining marks, long runs.
fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("Phường Bến Nghé".to_owned()),
        Just("Xã Đặc khu Côn Đảo".to_owned()),
        Just("tỉnh".to_owned()),
        Just("thành phố trực thuộc trung ương".to_owned()),
        Just("\"".to_owned()),
        Just(",".to_owned()),
        Just(";".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        Just("=SUM(A1)".to_owned()),
        Just("+1".to_owned()),
        Just("-".to_owned()),
        Just("@".to_owned()),
        Just("\t".to_owned()),
        Just("\u{0}".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\u{202e}".to_owned()),
        Just("e\u{301}\u{301}\u{301}".to_owned()),
        Just("<script>".to_owned()),
        Just("💥".to_owned()),
        "[0-9]{1,12}",
        "[0-9]{1,2}/[0-9]{1,2}/[0-9]{1,5}",
        "[0-9]{1,3}[.,][0-9]{0,3}",
        any::<String>(),
    ];
    proptest::collection::vec(pieces, 0..8).prop_map(move |parts| {
        let mut text: String = parts.concat();
        if text.len() > max {
            let mut end = max;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.truncate(end);
        }
        text
    })
}

fn header_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Mã đơn vị".to_owned()),
        Just("Tên đơn vị".to_owned()),
        Just("Loại".to_owned()),
        Just("Mã cấp trên".to_owned()),
        Just("code".to_owned()),
        Just("PARENT".to_owned()),
        hostile_text(20),
    ]
}

fn unit_kind() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("tỉnh".to_owned()),
        Just("thành phố trung ương".to_owned()),
        Just("xã".to_owned()),
        Just("phường".to_owned()),
        Just("đặc khu".to_owned()),
        Just("quận".to_owned()),
        hostile_text(20),
    ]
}

/// A table: mostly a unit list's header and rows whose parents often exist, sometimes anything.
fn table() -> impl Strategy<Value = Vec<Vec<String>>> {
    let header = proptest::collection::vec(header_cell(), 0..6);
    let row = (
        prop_oneof!["[A-Z]{1,3}[0-9]{0,3}", hostile_text(12)],
        hostile_text(40),
        unit_kind(),
        prop_oneof!["[A-Z]{1,3}[0-9]{0,3}", Just(String::new()), hostile_text(12)],
        proptest::collection::vec(hostile_text(10), 0..3),
    )
        .prop_map(|(code, name, kind, parent, extra)| {
            let mut cells = vec![code, name, kind, parent];
            cells.extend(extra);
            cells
        });
    (header, proptest::collection::vec(row, 0..40)).prop_map(|(header, rows)| {
        let mut table = vec![header];
        table.extend(rows);
        table
    })
}

fn csv_text() -> impl Strategy<Value = Vec<u8>> {
    (
        table(),
        prop_oneof![Just(","), Just(";")],
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(table, separator, bom, quoted)| {
            let mut text = if bom { "\u{feff}".to_owned() } else { String::new() };
            for row in table {
                let cells: Vec<String> = row
                    .iter()
                    .map(|c| {
                        if quoted {
                            format!("\"{}\"", c.replace('"', "\"\""))
                        } else {
                            c.clone()
                        }
                    })
                    .collect();
                text.push_str(&cells.join(separator));
                text.push_str("\r\n");
            }
            text.into_bytes()
        })
}

/// A workbook written by a real spreadsheet library, then sometimes damaged: bytes flipped,
/// cut short, or a run of bytes overwritten.
fn xlsx_bytes() -> impl Strategy<Value = Vec<u8>> {
    let damage = proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4);
    (
        table(),
        damage,
        proptest::option::of(any::<prop::sample::Index>()),
    )
        .prop_map(|(table, flips, cut)| {
            let mut bytes = workbook_of(&table);
            for (at, value) in flips {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            if let Some(cut) = cut {
                bytes.truncate(cut.index(bytes.len()).max(4));
            }
            bytes
        })
}

fn workbook_of(table: &[Vec<String>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in table.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            // Text the library itself refuses (too long, say) is left out, as a spreadsheet would.
            let _ = sheet.write_string(r as u32, c as u16, cell);
        }
    }
    book.save_to_buffer().unwrap_or_default()
}

fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..2048),
        proptest::collection::vec(any::<u8>(), 0..256).prop_map(|mut b| {
            let mut zip = b"PK\x03\x04".to_vec();
            zip.append(&mut b);
            zip
        }),
    ]
}

/// Reading never panics; rows kept are numbered within the file, and the planner's problems
/// point at rows that exist.
fn unit_list(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    match read_unit_rows(&bytes) {
        Ok(rows) => {
            prop_assert!(rows.len() <= app::server::import_file::MAX_ROWS);
            let last = rows.iter().map(|r| r.row).max().unwrap_or(0);
            if let Err(problems) = plan_import(&rows, &[]) {
                prop_assert!(!problems.is_empty());
                prop_assert!(problems.iter().all(|p| p.row <= last));
            }
        }
        Err(problems) => prop_assert!(!problems.is_empty()),
    }
    Ok(())
}

fn initiative_input() -> impl Strategy<Value = InitiativeInput> {
    let author = (
        hostile_text(80),
        hostile_text(40),
        prop_oneof!["[0-9]{1,3}", hostile_text(8)],
    )
        .prop_map(|(name, job_title, share)| AuthorInput {
            name,
            job_title,
            share,
        });
    (
        (
            prop_oneof![
                Just("model".to_owned()),
                Just("solution".to_owned()),
                hostile_text(12)
            ],
            prop_oneof!["[0-9]{1,3}", hostile_text(8)],
            hostile_text(300),
            hostile_text(400),
            hostile_text(400),
        ),
        (
            hostile_text(400),
            hostile_text(200),
            prop_oneof!["[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}", hostile_text(12)],
            prop_oneof![
                Just("collective".to_owned()),
                Just("individuals".to_owned()),
                hostile_text(12)
            ],
            proptest::collection::vec(author, 0..6),
        ),
    )
        .prop_map(
            |(
                (kind, field_id, title, situation, solution),
                (benefit, scope, first_applied, author_mode, authors),
            )| {
                InitiativeInput {
                    kind,
                    field_id,
                    title,
                    situation,
                    solution,
                    benefit,
                    scope,
                    first_applied,
                    author_mode,
                    authors,
                }
            },
        )
}

/// An accepted form has a title, a field among the campaign's and a date within the period.
fn initiative_form(input: InitiativeInput) -> Result<(), TestCaseError> {
    let latest = NaiveDate::from_ymd_opt(2026, 12, 31).expect("a date");
    let fields = [1, 2, 3];
    if let Ok(text) = InitiativeText::parse(&input, Some(&fields), latest) {
        prop_assert!(!text.title.trim().is_empty());
        prop_assert!(fields.contains(&text.field_id));
        prop_assert!(text.first_applied <= latest);
    }
    Ok(())
}

fn sheet_input() -> impl Strategy<Value = (SheetInput, Vec<i32>, SheetAction)> {
    let points = prop_oneof![
        "[0-9]{1,3}",
        "[0-9]{1,2}[.,]5",
        "[0-9]{1,2}[.,][0-9]{1,4}",
        Just(String::new()),
        hostile_text(10),
    ];
    (
        proptest::collection::vec(points, 0..12),
        proptest::collection::vec(hostile_text(60), 0..12),
        hostile_text(200),
        hostile_text(200),
        proptest::collection::vec(0i32..=100, 0..10),
        prop_oneof![
            Just(SheetAction::Draft),
            Just(SheetAction::Submit),
            Just(SheetAction::Skip),
            Just(SheetAction::Abstain)
        ],
    )
        .prop_map(|(points, comments, overall, reason, maxima, action)| {
            (
                SheetInput {
                    points,
                    comments,
                    overall,
                    reason,
                },
                maxima,
                action,
            )
        })
}

/// Accepted points never pass a criterion's maximum; a submitted sheet has them all.
fn score_sheet((input, maxima, action): (SheetInput, Vec<i32>, SheetAction)) -> Result<(), TestCaseError> {
    if let Ok(sheet) = Sheet::parse(&input, &maxima, action) {
        prop_assert_eq!(sheet.points.len(), maxima.len());
        for (points, max) in sheet.points.iter().zip(&maxima) {
            if let Some(points) = points {
                prop_assert!(*points <= (*max as u32) * 2, "{points:?} of {max}");
            }
        }
        if action == SheetAction::Submit {
            prop_assert!(sheet.total().is_some());
        }
    }
    Ok(())
}

fn next_address() -> impl Strategy<Value = String> {
    prop_oneof![
        "/[a-z/?=&0-9]{0,30}",
        "//[a-z.]{1,20}",
        "/[\\\\\t\n ]/[a-z.]{1,20}",
        "(https?|javascript|data):[a-z/.]{0,20}",
        hostile_text(60),
        any::<String>(),
    ]
}

/// Where a sign-in leads is this site's own path, never another host.
fn sign_in_next(next: String) -> Result<(), TestCaseError> {
    let target = safe_next(&next);
    prop_assert!(target.starts_with('/') && !target.starts_with("//"));
    prop_assert!(!target
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\'));
    prop_assert!(target == next || target == safe_next("//"));
    Ok(())
}

fn table_rows() -> impl Strategy<Value = Vec<Vec<String>>> {
    proptest::collection::vec(proptest::collection::vec(hostile_text(80), 1..5), 0..8)
}

/// Each line of the CSV file reads back as the cells written, with formula starts neutralised.
fn csv_round_trip(rows: Vec<Vec<String>>) -> Result<(), TestCaseError> {
    // As a download is: the header line (with the byte-order mark) first.
    let mut file =
        csv_file::header(&["Cột".to_owned()]).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    for row in &rows {
        let cells: Vec<Cell> = row.iter().cloned().map(Cell::Text).collect();
        file.extend(csv_file::line(&cells).map_err(|e| TestCaseError::fail(format!("{e:?}")))?);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(file.as_slice());
    let read: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_owned).collect()))
        .skip(1)
        .collect::<Result<_, _>>()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let expected: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| csv_file::neutralised(c).into_owned())
                .collect()
        })
        .collect();
    prop_assert_eq!(read, expected);
    Ok(())
}

/// The workbook opens, and every text cell reads back as written (as text, never a formula).
fn xlsx_round_trip(rows: Vec<Vec<String>>) -> Result<(), TestCaseError> {
    use calamine::{Data, Reader, Xlsx};
    let heading = Heading {
        file_stem: "thu".into(),
        name: "Bảng".into(),
        title: "Bảng thử".into(),
        headers: vec!["Cột".into()],
    };
    let table = Table::of(
        heading,
        rows.iter()
            .map(|row| row.iter().cloned().map(Cell::Text).collect())
            .collect(),
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let bytes = runtime
        .block_on(xlsx_file::workbook(table, chrono::Utc::now()))
        .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let name = book.sheet_names()[0].clone();
    let range = book
        .worksheet_range(&name)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let formulas = book
        .worksheet_formula(&name)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    for row in &rows {
        for cell in row.iter().filter(|c| !c.is_empty()) {
            let kept: String = cell
                .chars()
                .filter(|c| !c.is_control() || *c == '\t' || *c == '\n' || *c == '\r')
                .collect();
            let found = range.used_cells().any(|(_, _, d)| match d {
                Data::String(s) => *s == kept || *s == *cell,
                _ => false,
            });
            prop_assert!(found, "{cell:?} not found in the workbook");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// Fewer cases than the benchmark's, so `./x test` stays quick (unoptimised, a unit list
    /// case takes about 50 ms); the same targets.
    #[test]
    fn hostile_input_never_panics_and_every_promise_holds() {
        let targets = super::run_all(300).unwrap();
        assert_eq!(targets.len(), 8);
    }
}
