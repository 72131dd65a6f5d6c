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

/// A centred line.
pub fn centred(run: Run) -> Paragraph {
    spaced(Paragraph::new().add_run(run).align(AlignmentType::Center), 0, 0)
}

/// A centred line with a short rule beneath (under the tiêu ngữ, the issuing body, the trích yếu).
pub fn ruled(run: Run, inset: i32) -> Paragraph {
    let mut paragraph = centred(run).indent(Some(inset), None, Some(inset), None);
    paragraph.property = paragraph.property.set_borders(underline());
    paragraph
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

/// Two columns without borders: the left a third of the text block wide.
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
    /// The body's name, one line each (the last one ruled).
    pub body: Vec<String>,
    pub symbol: &'a str,
    pub place: &'a str,
    pub year: i32,
}

/// The header: issuing body and blank number on the left; quốc hiệu, tiêu ngữ and place and
/// date (day and month left for the signing day) on the right.
pub fn header(issuer: &Issuer, words: &HeaderWords) -> Table {
    let mut left = Vec::new();
    if let Some(parent) = issuer.parent {
        left.push(centred(run(parent.to_uppercase(), HEADER)));
    }
    let last = issuer.body.len().saturating_sub(1);
    for (i, line) in issuer.body.iter().enumerate() {
        let line = run(line.to_uppercase(), HEADER).bold();
        left.push(if i == last {
            ruled(line, mm(14))
        } else {
            centred(line)
        });
    }
    left.push(spaced(
        centred(run(format!("{}      /{}", words.number, issuer.symbol), HEADER)),
        120,
        0,
    ));
    let right = vec![
        centred(run(words.nation, HEADER - 2).bold()),
        ruled(run(words.motto, BODY).bold(), mm(14)),
        spaced(
            centred(
                run(
                    format!("{}, {} {}", issuer.place, words.date_blank, issuer.year),
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
    let mut right = vec![centred(run(title.to_uppercase(), BODY).bold())];
    right.extend((0..4).map(|_| blank()));
    right.push(centred(run(name, BODY).bold()));
    two_columns(left, right)
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
