//! The frame of an administrative document as Nghị định 30/2020/NĐ-CP lays it out: A4 portrait,
//! margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman; the issuing body
//! beside the quốc hiệu and tiêu ngữ (each with a rule beneath), the number and symbol left blank
//! for the văn thư, place and date; the document's name and trích yếu; the body; the signature
//! block beside "Nơi nhận". Documents are built as a [`Draft`] (the same words for the Word file
//! and the printable page); [`bytes`] writes one out with `docx-rs`.
use crate::wire::documents::{Align, Block, Draft, Layout, Para, Span};
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

/// Text in the document's font at `size`.
pub fn run(text: impl Into<String>, size: usize) -> Span {
    Span {
        text: text.into(),
        size,
        bold: false,
        italic: false,
    }
}

fn spaced(paragraph: Para, before: u32, after: u32) -> Para {
    Para {
        before,
        after,
        ..paragraph
    }
}

fn left(span: Span) -> Para {
    Para {
        spans: vec![span],
        ..Para::default()
    }
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
pub fn centred(span: Span) -> Para {
    Para {
        align: Align::Centre,
        ..left(span)
    }
}

/// A short rule alone on its line, under a title that may wrap.
pub fn rule(inset: i32) -> Para {
    Para {
        rule_inset: Some(inset),
        after: 120,
        ..Para::default()
    }
}

/// A body paragraph: justified, first line indented, 6 pt after.
pub fn body(spans: Vec<Span>) -> Para {
    Para {
        spans,
        align: Align::Justify,
        first_line: true,
        after: 120,
        ..Para::default()
    }
}

pub fn blank() -> Para {
    Para::default()
}

/// A page break before what follows.
pub fn page_break() -> Para {
    Para {
        page_break: true,
        ..Para::default()
    }
}

/// Two columns without borders: the left 40 % of the text block (the quốc hiệu needs the rest).
fn two_columns(left: Vec<Para>, right: Vec<Para>) -> Layout {
    let left_width = TEXT_WIDTH * 2 / 5;
    Layout {
        widths: vec![left_width, TEXT_WIDTH - left_width],
        rows: vec![vec![left, right]],
        borders: false,
    }
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
pub fn header(issuer: &Issuer, words: &HeaderWords) -> Layout {
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
pub fn opening(issuer: &Issuer, words: &HeaderWords, name: &str, about: &str) -> Draft {
    Draft::default()
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
pub fn signature(receivers_title: &str, receivers: &[String], title: &str, name: &str) -> Layout {
    let mut left_column = vec![left(run(receivers_title, RECEIVERS_TITLE).bold().italic())];
    left_column.extend(receivers.iter().map(|r| left(run(format!("- {r}"), RECEIVERS))));
    // A title of two lines ("TM. HỘI ĐỒNG …" above "CHỦ TỊCH") is given with a line break.
    let mut right: Vec<Para> = title
        .lines()
        .map(|line| centred(run(line.to_uppercase(), BODY).bold()))
        .collect();
    right.extend((0..4).map(|_| blank()));
    right.push(centred(run(name, BODY).bold()));
    two_columns(left_column, right)
}

/// Two signers side by side (a biên bản: the secretary and the chair).
pub fn two_signers((left_title, left_name): (&str, &str), (right_title, right_name): (&str, &str)) -> Layout {
    let column = |title: &str, name: &str| {
        let mut paragraphs = vec![centred(run(title.to_uppercase(), BODY).bold())];
        paragraphs.extend((0..4).map(|_| blank()));
        paragraphs.push(centred(run(name, BODY).bold()));
        paragraphs
    };
    let half = TEXT_WIDTH / 2;
    Layout {
        widths: vec![half, half],
        rows: vec![vec![
            column(left_title, left_name),
            column(right_title, right_name),
        ]],
        borders: false,
    }
}

/// A bordered table: a bold header row, then the rows; `widths` in parts of the text width.
pub fn grid(headers: &[&str], rows: &[Vec<String>], widths: &[usize]) -> Layout {
    let total: usize = widths.iter().sum();
    let line = |cells: Vec<Span>| {
        cells
            .into_iter()
            .map(|span| vec![spaced(left(span), 40, 40)])
            .collect()
    };
    let mut table_rows = vec![line(headers.iter().map(|h| run(*h, HEADER).bold()).collect())];
    table_rows.extend(
        rows.iter()
            .map(|r| line(r.iter().map(|c| run(c.as_str(), HEADER)).collect())),
    );
    Layout {
        widths: widths.iter().map(|w| TEXT_WIDTH * w / total).collect(),
        rows: table_rows,
        borders: true,
    }
}

/// The draft as the bytes of a .docx file.
pub fn bytes(draft: &Draft) -> Result<Vec<u8>, crate::error::AppError> {
    let document = draft.blocks.iter().fold(page(), |doc, block| match block {
        Block::Para(p) => doc.add_paragraph(paragraph(p)),
        Block::Table(t) => doc.add_table(table(t)),
    });
    let mut buffer = std::io::Cursor::new(Vec::new());
    document.build().pack(&mut buffer).map_err(|e| {
        tracing::error!(error = %e, "docx packing failed");
        crate::error::AppError::Internal
    })?;
    Ok(buffer.into_inner())
}

/// A Word document with the page, margins and font set.
fn page() -> Docx {
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
        .default_fonts(fonts())
        .default_size(BODY)
}

fn fonts() -> RunFonts {
    RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT)
}

fn word_run(span: &Span) -> Run {
    let mut run = Run::new()
        .add_text(span.text.as_str())
        .size(span.size)
        .fonts(fonts());
    if span.bold {
        run = run.bold();
    }
    if span.italic {
        run = run.italic();
    }
    run
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

fn paragraph(p: &Para) -> Paragraph {
    if p.page_break {
        return Paragraph::new().add_run(Run::new().add_break(BreakType::Page));
    }
    if let Some(inset) = p.rule_inset {
        let mut rule = Paragraph::new()
            .add_run(Run::new().add_text("").size(4).fonts(fonts()))
            .line_spacing(LineSpacing::new().before(p.before).after(p.after))
            .indent(Some(inset), None, Some(inset), None);
        rule.property = rule.property.set_borders(underline());
        return rule;
    }
    let mut out = p
        .spans
        .iter()
        .fold(Paragraph::new(), |paragraph, span| {
            paragraph.add_run(word_run(span))
        })
        .line_spacing(LineSpacing::new().before(p.before).after(p.after));
    out = match p.align {
        Align::Left => out,
        Align::Centre => out.align(AlignmentType::Center),
        Align::Justify => out.align(AlignmentType::Both),
    };
    if p.first_line {
        out = out.indent(None, Some(SpecialIndentType::FirstLine(FIRST_LINE)), None, None);
    }
    out
}

fn table(t: &Layout) -> Table {
    let rows = t
        .rows
        .iter()
        .map(|cells| {
            TableRow::new(
                cells
                    .iter()
                    .zip(&t.widths)
                    .map(|(paragraphs, width)| {
                        paragraphs
                            .iter()
                            .fold(TableCell::new(), |cell, p| cell.add_paragraph(paragraph(p)))
                            .width(*width, WidthType::Dxa)
                    })
                    .collect(),
            )
        })
        .collect();
    let table = if t.borders {
        Table::new(rows)
    } else {
        Table::without_borders(rows)
    };
    table.set_grid(t.widths.clone()).width(TEXT_WIDTH, WidthType::Dxa)
}
