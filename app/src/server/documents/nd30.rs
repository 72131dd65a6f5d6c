//! The frame of an administrative document as Nghị định 30/2020/NĐ-CP lays it out: A4 portrait,
//! margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman; the issuing body
//! beside the quốc hiệu and tiêu ngữ (each with a rule beneath), the number and symbol left blank
//! for the văn thư, place and date; the document's name and trích yếu; the body; the signature
//! block beside "Nơi nhận".
use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, LineSpacing, PageMargin, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType, Table, TableCell, TableRow,
    WidthType,
};

const FONT: &str = "Times New Roman";
/// A4 in twentieths of a point.
const A4: (u32, u32) = (11_906, 16_838);
const fn mm(millimetres: i32) -> i32 {
    millimetres * 1_440 * 10 / 254
}

/// How far a title's rule stays in from each side of the text block.
pub const fn mm_inset() -> i32 {
    mm(45)
}
/// The text block's width: A4 less the left and right margins.
const TEXT_WIDTH: usize = (A4.0 as i32 - mm(30) - mm(15)) as usize;
/// Sizes in half-points: the body at 14 pt, the header lines at 13 pt, "Nơi nhận" at 12 and 11.
pub const BODY: usize = 28;
pub const HEADER: usize = 26;
const RECEIVERS_TITLE: usize = 24;
const RECEIVERS: usize = 22;
/// The first line of a body paragraph is indented 1 cm.
const FIRST_LINE: i32 = mm(10);

/// A document with the page, margins and font set.
pub fn document() -> Docx {
    Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(mm(20))
                .bottom(mm(20))
                .left(mm(30))
                .right(mm(15))
                .header(mm(10))
                .footer(mm(10)),
        )
        .default_fonts(RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT))
        .default_size(BODY)
}

/// A run of text in the document's font at `size`.
pub fn run(text: impl Into<String>, size: usize) -> Run {
    Run::new()
        .add_text(text)
        .size(size)
        .fonts(RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT))
}

fn spaced(paragraph: Paragraph, before: u32, after: u32) -> Paragraph {
    paragraph.line_spacing(LineSpacing::new().before(before).after(after))
}

/// A month as NĐ 30 writes it in a date: January and February with a leading zero.
pub fn month_text(month: u32) -> String {
    if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// A centred line.
pub fn centred(run: Run) -> Paragraph {
    spaced(Paragraph::new().add_run(run).align(AlignmentType::Center), 0, 0)
}

/// A bottom border only (the default set draws all four).
fn underline() -> ParagraphBorders {
    ParagraphBorders::with_empty().set(
        ParagraphBorder::new(ParagraphBorderPosition::Bottom)
            .val(BorderType::Single)
            .size(6)
            .space(1)
            .color("000000"),
    )
}

/// A short rule alone on its line, under a title that may wrap.
pub fn rule(inset: i32) -> Paragraph {
    let mut paragraph =
        spaced(Paragraph::new().add_run(run("", 4)), 0, 120).indent(Some(inset), None, Some(inset), None);
    paragraph.property = paragraph.property.set_borders(underline());
    paragraph
}

/// A body paragraph: justified, first line indented, 6 pt after.
pub fn body(runs: Vec<Run>) -> Paragraph {
    let paragraph = runs.into_iter().fold(Paragraph::new(), Paragraph::add_run);
    spaced(paragraph, 0, 120).align(AlignmentType::Both).indent(
        None,
        Some(SpecialIndentType::FirstLine(FIRST_LINE)),
        None,
        None,
    )
}

pub fn blank() -> Paragraph {
    spaced(Paragraph::new(), 0, 0)
}

/// A page break before what follows.
pub fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
        .width(width, WidthType::Dxa)
}

/// Two columns without borders: the left 40 % of the text block (the quốc hiệu needs the rest).
fn two_columns(left: Vec<Paragraph>, right: Vec<Paragraph>) -> Table {
    let left_width = TEXT_WIDTH * 2 / 5;
    let right_width = TEXT_WIDTH - left_width;
    Table::without_borders(vec![TableRow::new(vec![
        cell(left, left_width),
        cell(right, right_width),
    ])])
    .set_grid(vec![left_width, right_width])
    .width(TEXT_WIDTH, WidthType::Dxa)
}

/// What the header names: the issuing body (its parent above, if any), the symbol after the
/// blank number, the place; the year the draft is for.
pub struct Issuer<'a> {
    pub parent: Option<&'a str>,
    /// The body's name, one line each (a rule beneath the last).
    pub body: Vec<String>,
    pub symbol: &'a str,
    pub place: &'a str,
    pub year: i32,
    /// "ngày 15 tháng 12 năm 2022" for what records a day (a biên bản); `None` leaves day and
    /// month blank for the signing day.
    pub day: Option<String>,
}

/// The header: issuing body and blank number on the left; quốc hiệu, tiêu ngữ and place and
/// date (day and month left for the signing day) on the right.
pub fn header(issuer: &Issuer, words: &HeaderWords) -> Table {
    let mut left = Vec::new();
    if let Some(parent) = issuer.parent {
        left.push(centred(run(parent.to_uppercase(), HEADER)));
    }
    for line in &issuer.body {
        left.push(centred(run(line.to_uppercase(), HEADER).bold()));
    }
    left.push(rule(mm(22)));
    left.push(centred(run(
        format!("{}      /{}", words.number, issuer.symbol),
        HEADER,
    )));
    let right = vec![
        centred(run(words.nation, HEADER - 2).bold()),
        centred(run(words.motto, BODY).bold()),
        rule(mm(18)),
        spaced(
            centred(
                run(
                    match &issuer.day {
                        Some(day) => format!("{}, {day}", issuer.place),
                        None => format!("{}, {} {}", issuer.place, words.date_blank, issuer.year),
                    },
                    BODY,
                )
                .italic(),
            ),
            120,
            0,
        ),
    ];
    two_columns(left, right)
}

/// A new document with its header, its name and its trích yếu ruled beneath.
pub fn opening(issuer: &Issuer, words: &HeaderWords, name: &str, about: &str) -> Docx {
    document()
        .add_table(header(issuer, words))
        .add_paragraph(blank())
        .add_paragraph(centred(run(name, BODY).bold()))
        .add_paragraph(centred(run(about, BODY).bold()))
        .add_paragraph(rule(mm_inset()))
}

/// Fixed words of the header, from the translation file.
pub struct HeaderWords {
    pub nation: &'static str,
    pub motto: &'static str,
    /// "Số:"
    pub number: &'static str,
    /// "ngày      tháng      năm"
    pub date_blank: &'static str,
}

/// "Nơi nhận" on the left; the signer's title and name on the right, room for the signature
/// and seal between.
pub fn signature(receivers_title: &str, receivers: &[String], title: &str, name: &str) -> Table {
    let mut left = vec![Paragraph::new().add_run(run(receivers_title, RECEIVERS_TITLE).bold().italic())];
    left.extend(
        receivers
            .iter()
            .map(|r| spaced(Paragraph::new().add_run(run(format!("- {r}"), RECEIVERS)), 0, 0)),
    );
    // A title of two lines ("TM. HỘI ĐỒNG …" above "CHỦ TỊCH") is given with a line break.
    let mut right: Vec<Paragraph> = title
        .lines()
        .map(|line| centred(run(line.to_uppercase(), BODY).bold()))
        .collect();
    right.extend((0..4).map(|_| blank()));
    right.push(centred(run(name, BODY).bold()));
    two_columns(left, right)
}

/// Two signers side by side (a biên bản: the secretary and the chair).
pub fn two_signers((left_title, left_name): (&str, &str), (right_title, right_name): (&str, &str)) -> Table {
    let column = |title: &str, name: &str| {
        let mut paragraphs = vec![centred(run(title.to_uppercase(), BODY).bold())];
        paragraphs.extend((0..4).map(|_| blank()));
        paragraphs.push(centred(run(name, BODY).bold()));
        paragraphs
    };
    let half = TEXT_WIDTH / 2;
    Table::without_borders(vec![TableRow::new(vec![
        cell(column(left_title, left_name), half),
        cell(column(right_title, right_name), half),
    ])])
    .set_grid(vec![half, half])
    .width(TEXT_WIDTH, WidthType::Dxa)
}

/// A bordered table: a bold header row, then the rows; `widths` in parts of the text width.
pub fn grid(headers: &[&str], rows: &[Vec<String>], widths: &[usize]) -> Table {
    let total: usize = widths.iter().sum();
    let twips: Vec<usize> = widths.iter().map(|w| TEXT_WIDTH * w / total).collect();
    let line = |cells: Vec<Run>| {
        TableRow::new(
            cells
                .into_iter()
                .zip(&twips)
                .map(|(r, w)| cell(vec![spaced(Paragraph::new().add_run(r), 40, 40)], *w))
                .collect(),
        )
    };
    let mut table_rows = vec![line(headers.iter().map(|h| run(*h, HEADER).bold()).collect())];
    table_rows.extend(
        rows.iter()
            .map(|r| line(r.iter().map(|c| run(c.as_str(), HEADER)).collect())),
    );
    Table::new(table_rows)
        .set_grid(twips)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// The document as the bytes of a .docx file.
pub fn bytes(document: Docx) -> Result<Vec<u8>, crate::error::AppError> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    document.build().pack(&mut buffer).map_err(|e| {
        tracing::error!(error = %e, "docx packing failed");
        crate::error::AppError::Internal
    })?;
    Ok(buffer.into_inner())
}
