//! The drafted official documents (`GET /documents/{document}.docx`, served by
//! `server::documents`, and their printable pages), named the same way by the pages that link
//! to them and the route; and the laid-out draft both are written from.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficialDocument {
    /// Quyết định khen thưởng, with its danh sách.
    AwardDecision,
    /// Tờ trình đề nghị khen thưởng, with the same lists.
    Proposal,
    /// Biên bản họp Hội đồng.
    CouncilMinutes,
}

impl OfficialDocument {
    pub const ALL: [OfficialDocument; 3] = [
        OfficialDocument::AwardDecision,
        OfficialDocument::Proposal,
        OfficialDocument::CouncilMinutes,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            OfficialDocument::AwardDecision => "award-decision",
            OfficialDocument::Proposal => "award-proposal",
            OfficialDocument::CouncilMinutes => "council-minutes",
        }
    }

    /// The start of the downloaded file's name, in Vietnamese without diacritics.
    pub fn file_name(self) -> &'static str {
        match self {
            OfficialDocument::AwardDecision => "du-thao-quyet-dinh-khen-thuong",
            OfficialDocument::Proposal => "du-thao-to-trinh-khen-thuong",
            OfficialDocument::CouncilMinutes => "du-thao-bien-ban-hop-hoi-dong",
        }
    }
}

/// Reads the last part of a document's address, `award-decision.docx`.
pub fn parse_document(file: &str) -> Option<OfficialDocument> {
    OfficialDocument::from_slug(file.strip_suffix(".docx")?)
}

impl OfficialDocument {
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.slug() == slug)
    }
}

pub fn document_address(document: OfficialDocument, campaign: i64) -> String {
    format!("/documents/{}.docx?campaign={campaign}", document.slug())
}

/// The document's printable page.
pub fn print_address(document: OfficialDocument, campaign: i64) -> String {
    format!("/admin/campaigns/{campaign}/documents/{}", document.slug())
}

/// A drafted document as laid out on the page, made once by the server (`server::documents`)
/// and written out as a Word file or shown as a printable page: the same words either way.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub blocks: Vec<Block>,
}

impl Draft {
    pub fn add_paragraph(mut self, paragraph: Para) -> Self {
        self.blocks.push(Block::Para(paragraph));
        self
    }

    pub fn add_table(mut self, table: Layout) -> Self {
        self.blocks.push(Block::Table(table));
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Para(Para),
    Table(Layout),
}

/// Text in one style; sizes in half-points, as Word counts them (28 is 14 pt).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub size: usize,
    pub bold: bool,
    pub italic: bool,
}

impl Span {
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    pub fn italic(mut self) -> Self {
        self.italic = true;
        self
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    #[default]
    Left,
    Centre,
    Justify,
}

/// A paragraph; spacing in twentieths of a point, as Word counts it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Para {
    pub spans: Vec<Span>,
    pub align: Align,
    /// The first line indented 1 cm (a body paragraph).
    pub first_line: bool,
    pub before: u32,
    pub after: u32,
    /// A short rule alone on its line, this far in from each side (twentieths of a point).
    pub rule_inset: Option<i32>,
    /// What follows starts a new page.
    pub page_break: bool,
}

/// A table: a layout of columns without borders (the header, the signatures) or a bordered
/// grid of data. Widths in twentieths of a point; each cell holds paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    pub widths: Vec<usize>,
    pub rows: Vec<Vec<Vec<Para>>>,
    pub borders: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_reads_back_from_its_address() {
        for document in OfficialDocument::ALL {
            let address = document_address(document, 3);
            let file = address
                .trim_start_matches("/documents/")
                .split('?')
                .next()
                .unwrap();
            assert_eq!(parse_document(file), Some(document));
        }
        assert_eq!(parse_document("award-decision.pdf"), None);
    }
}
