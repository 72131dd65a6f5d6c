//! One member's score sheet for one initiative, as typed: per criterion a score from 0 to its
//! maximum in half points ("7", "7,5" or "7.5"), an optional comment per criterion and an
//! overall comment. A draft may leave scores blank; a submitted sheet has every score. An
//! abstention needs its reason. Problems are reported at `points[i]`, `comments[i]`, `overall`
//! or `reason`, so each shows beside its own field.
use super::HalfPoints;
use crate::domain::text::required_paragraphs;
use crate::error::{AppError, Checks, Problem};
use serde::{Deserialize, Serialize};

pub const COMMENT_MAX: usize = 2_000;
pub const REASON_MAX: usize = 500;

/// What the member does with the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SheetAction {
    /// Keep what is typed, blanks allowed.
    Draft,
    /// Final: every criterion scored (the chair may reopen it).
    Submit,
    /// Not now; the initiative comes back at the end of the queue.
    Skip,
    /// Decline to score it, with a reason ("Không chấm").
    Abstain,
}

impl SheetAction {
    pub fn parse(raw: &str) -> Option<SheetAction> {
        match raw {
            "draft" => Some(SheetAction::Draft),
            "submit" => Some(SheetAction::Submit),
            "skip" => Some(SheetAction::Skip),
            "abstain" => Some(SheetAction::Abstain),
            _ => None,
        }
    }

    /// The stored state it leaves the sheet in.
    pub fn state(self) -> &'static str {
        match self {
            SheetAction::Draft => "draft",
            SheetAction::Submit => "submitted",
            SheetAction::Skip => "skipped",
            SheetAction::Abstain => "abstained",
        }
    }
}

/// The sheet as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetInput {
    pub points: Vec<String>,
    pub comments: Vec<String>,
    pub overall: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    /// One per criterion; `None` only in a draft.
    pub points: Vec<Option<HalfPoints>>,
    pub comments: Vec<String>,
    pub overall: String,
    pub reason: String,
}

impl Sheet {
    /// The total in half points, once every criterion is scored.
    pub fn total(&self) -> Option<HalfPoints> {
        self.points.iter().copied().sum()
    }

    /// Reads the sheet for criteria with these maxima (whole points).
    pub fn parse(input: &SheetInput, maxima: &[i32], action: SheetAction) -> Result<Sheet, AppError> {
        let mut checks = Checks::default();
        let mut points = Vec::with_capacity(maxima.len());
        let mut comments = Vec::with_capacity(maxima.len());
        for (i, max) in maxima.iter().enumerate() {
            let raw = input.points.get(i).map_or("", |p| p.as_str());
            let needed = action == SheetAction::Submit;
            let parsed = match raw.trim() {
                "" if needed => Err(Problem::Required),
                "" => Ok(None),
                text => parse_half_points(text, *max).map(Some),
            };
            points.push(checks.check(&format!("points[{i}]"), parsed).flatten());
            let comment = input.comments.get(i).map_or("", |c| c.as_str());
            comments.push(
                checks
                    .check(
                        &format!("comments[{i}]"),
                        optional_paragraphs(comment, COMMENT_MAX),
                    )
                    .unwrap_or_default(),
            );
        }
        let overall = checks
            .check("overall", optional_paragraphs(&input.overall, COMMENT_MAX))
            .unwrap_or_default();
        let reason = match action {
            SheetAction::Abstain => checks.check("reason", required_paragraphs(&input.reason, REASON_MAX)),
            _ => Some(String::new()),
        }
        .unwrap_or_default();
        checks.finish()?;
        Ok(Sheet {
            points,
            comments,
            overall,
            reason,
        })
    }
}

/// "7", "7,5", "7.5" (and "7,0") within 0..=max, in half points.
pub fn parse_half_points(text: &str, max: i32) -> Result<HalfPoints, Problem> {
    let text = text.trim().replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !(fraction.is_empty() || digits(fraction)) {
        return Err(Problem::NotAHalfPoint);
    }
    let whole: u32 = whole.parse().map_err(|_| Problem::NotAHalfPoint)?;
    let half = match fraction.trim_end_matches('0') {
        "" => 0,
        "5" => 1,
        _ => return Err(Problem::NotAHalfPoint),
    };
    let halves = whole * 2 + half;
    if halves > (max.max(0) as u32) * 2 {
        return Err(Problem::OutOfRange {
            min: 0,
            max: i64::from(max),
        });
    }
    Ok(halves)
}

fn optional_paragraphs(raw: &str, max: usize) -> Result<String, Problem> {
    if raw.trim().is_empty() {
        return Ok(String::new());
    }
    required_paragraphs(raw, max)
}

/// Half points as Vietnamese write them: "7", "7,5".
pub fn format_half_points(halves: HalfPoints) -> String {
    match halves % 2 {
        0 => (halves / 2).to_string(),
        _ => format!("{},5", halves / 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(points: &[&str]) -> SheetInput {
        SheetInput {
            points: points.iter().map(|p| p.to_string()).collect(),
            ..SheetInput::default()
        }
    }

    #[test]
    fn half_points_read_with_a_comma_or_a_dot() {
        assert_eq!(parse_half_points("7", 10), Ok(14));
        assert_eq!(parse_half_points("7,5", 10), Ok(15));
        assert_eq!(parse_half_points(" 7.50 ", 10), Ok(15));
        assert_eq!(parse_half_points("0", 10), Ok(0));
        assert_eq!(parse_half_points("10", 10), Ok(20));
        for bad in ["7,25", "-1", "abc", "1e3", ".5", "7,5,5", "99999"] {
            assert!(parse_half_points(bad, 10).is_err(), "{bad}");
        }
        assert_eq!(
            parse_half_points("10,5", 10),
            Err(Problem::OutOfRange { min: 0, max: 10 })
        );
    }

    #[test]
    fn a_submitted_sheet_needs_every_score_a_draft_does_not() {
        let maxima = [10, 20];
        let draft = Sheet::parse(&input(&["7,5", ""]), &maxima, SheetAction::Draft).unwrap();
        assert_eq!(draft.points, vec![Some(15), None]);
        assert_eq!(draft.total(), None);
        let Err(AppError::Invalid(problems)) = Sheet::parse(&input(&["7,5"]), &maxima, SheetAction::Submit)
        else {
            panic!("a blank score cannot be submitted");
        };
        assert_eq!(problems[0].field, "points[1]");
        assert_eq!(problems[0].problem, Problem::Required);
        let full = Sheet::parse(&input(&["7,5", "20"]), &maxima, SheetAction::Submit).unwrap();
        assert_eq!(full.total(), Some(55));
        assert_eq!(format_half_points(55), "27,5");
    }

    #[test]
    fn an_abstention_needs_a_reason_and_each_problem_names_its_field() {
        let Err(AppError::Invalid(problems)) =
            Sheet::parse(&input(&["11", "x"]), &[10, 20], SheetAction::Abstain)
        else {
            panic!("expected problems");
        };
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["points[0]", "points[1]", "reason"]);
    }
}
