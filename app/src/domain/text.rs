//! Vietnamese text rules: names are stored in Unicode NFC with whitespace trimmed and runs of
//! spaces collapsed; search compares a folded form without diacritics or case ("đ" folds to "d").
//! Control characters other than line breaks and tabs are dropped from every typed text: none
//! belongs in a name or a description, and PostgreSQL refuses NUL in text.
use crate::error::Problem;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// `raw` in NFC without control characters, line breaks and tabs kept.
fn nfc_without_controls(raw: &str) -> String {
    raw.nfc()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .collect()
}

/// NFC, trimmed, every run of whitespace (including NBSP and tabs) collapsed to one space.
pub fn normalize_text(raw: &str) -> String {
    let nfc = nfc_without_controls(raw);
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The search form of a text: no diacritics, lower case, "đ" as "d", spaces collapsed.
pub fn fold_for_search(raw: &str) -> String {
    let folded: String = raw
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Length as a reader counts it: NFC characters, so a composed "ệ" counts once.
pub fn char_len(text: &str) -> usize {
    text.nfc().count()
}

/// Required text of at most `max` characters, in NFC.
pub fn required_text(raw: &str, max: usize) -> Result<String, Problem> {
    let text = optional_text(raw, max)?;
    if text.is_empty() {
        Err(Problem::Required)
    } else {
        Ok(text)
    }
}

/// Paragraph text (a description): NFC, line breaks kept, trailing spaces and runs of blank lines
/// dropped, at most `max` characters, not empty.
pub fn required_paragraphs(raw: &str, max: usize) -> Result<String, Problem> {
    let nfc = nfc_without_controls(raw);
    let mut lines: Vec<&str> = Vec::new();
    for line in nfc.lines().map(str::trim_end) {
        let blank_run = line.trim().is_empty() && lines.last().is_none_or(|l| l.trim().is_empty());
        if !blank_run {
            lines.push(line);
        }
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let joined = lines.join("\n");
    let text = joined.trim_start().to_owned();
    match char_len(&text) {
        0 => Err(Problem::Required),
        n if n > max => Err(Problem::TooLong { max }),
        _ => Ok(text),
    }
}

pub fn optional_text(raw: &str, max: usize) -> Result<String, Problem> {
    let text = normalize_text(raw);
    if char_len(&text) > max {
        Err(Problem::TooLong { max })
    } else {
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_input_is_stored_as_nfc() {
        let nfd: String = "Phường Nguyễn Cư Trinh".nfd().collect();
        assert_ne!(nfd, "Phường Nguyễn Cư Trinh");
        assert_eq!(normalize_text(&nfd), "Phường Nguyễn Cư Trinh");
    }

    #[test]
    fn whitespace_is_trimmed_and_collapsed() {
        assert_eq!(normalize_text("  Phường \t 4\u{a0} "), "Phường 4");
    }

    #[test]
    fn search_folding_ignores_diacritics_and_case() {
        for query in ["phuong 4", "PHƯỜNG 4", "Phuờng 4", "  phường   4 "] {
            assert_eq!(fold_for_search(query), "phuong 4", "query {query:?}");
        }
    }

    #[test]
    fn d_with_stroke_folds_to_d() {
        assert_eq!(fold_for_search("Đoàn Thanh niên"), "doan thanh nien");
        assert_eq!(fold_for_search("Gò Vấp"), "go vap");
    }

    #[test]
    fn paragraphs_keep_their_breaks_but_not_blank_runs() {
        let typed = "\n  Dòng một  \r\n\r\n\r\nDòng hai\n\n";
        assert_eq!(required_paragraphs(typed, 100), Ok("Dòng một\n\nDòng hai".into()));
        assert_eq!(required_paragraphs(" \n\n ", 100), Err(Problem::Required));
        assert_eq!(required_paragraphs("abcdef", 5), Err(Problem::TooLong { max: 5 }));
    }

    #[test]
    fn control_characters_are_dropped_but_line_breaks_kept() {
        assert_eq!(normalize_text("Phường\u{0}\u{1} 4\u{7f}"), "Phường 4");
        assert_eq!(
            required_paragraphs("Dòng\u{0} một\nDòng hai\u{1b}", 100),
            Ok("Dòng một\nDòng hai".into())
        );
        assert_eq!(required_paragraphs("\u{0}\u{1}", 100), Err(Problem::Required));
    }

    #[test]
    fn length_counts_composed_characters() {
        let nfd: String = "Việt".nfd().collect();
        assert_eq!(char_len(&nfd), 4);
    }
}
