//! The drafted official documents (`GET /documents/{document}.docx`, served by
//! `server::documents`), named the same way by the pages that link to them and the route.

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
    let slug = file.strip_suffix(".docx")?;
    OfficialDocument::ALL.into_iter().find(|d| d.slug() == slug)
}

pub fn document_address(document: OfficialDocument, campaign: i64) -> String {
    format!("/documents/{}.docx?campaign={campaign}", document.slug())
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
