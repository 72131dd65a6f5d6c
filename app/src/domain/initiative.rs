//! An initiative as a unit registers it: kind, field, the five texts, the date it was first
//! applied and its authors. Parsing checks every field at once and reports each problem at its
//! field; named authors' shares are whole percents that add up to 100.
pub mod attachment;
pub mod receipt;

use crate::domain::deadline::{format_date, parse_date};
use crate::domain::text::{required_paragraphs, required_text};
use crate::error::{AppError, Checks, Problem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 300;
pub const PARAGRAPHS_MAX: usize = 5000;
pub const SCOPE_MAX: usize = 1000;
pub const AUTHORS_MAX: usize = 20;
pub const AUTHOR_TEXT_MAX: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeKind {
    Initiative,
    Solution,
    Model,
    GoodPractice,
}

impl InitiativeKind {
    pub const ALL: [InitiativeKind; 4] = [
        InitiativeKind::Initiative,
        InitiativeKind::Solution,
        InitiativeKind::Model,
        InitiativeKind::GoodPractice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InitiativeKind::Initiative => "initiative",
            InitiativeKind::Solution => "solution",
            InitiativeKind::Model => "model",
            InitiativeKind::GoodPractice => "good_practice",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// One named author as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub job_title: String,
    #[serde(default)]
    pub share: String,
}

/// The form as typed (also the shape of a draft).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InitiativeInput {
    pub kind: String,
    pub field_id: String,
    pub title: String,
    pub situation: String,
    pub solution: String,
    pub benefit: String,
    pub scope: String,
    pub first_applied: String,
    /// `collective` (the unit) or `individuals`.
    pub author_mode: String,
    pub authors: Vec<AuthorInput>,
}

impl InitiativeInput {
    /// Every field's name and typed text, to send back to a form after a refusal.
    pub fn typed(&self) -> Vec<(String, String)> {
        let mut typed: Vec<(String, String)> = [
            ("kind", &self.kind),
            ("field_id", &self.field_id),
            ("title", &self.title),
            ("situation", &self.situation),
            ("solution", &self.solution),
            ("benefit", &self.benefit),
            ("scope", &self.scope),
            ("first_applied", &self.first_applied),
            ("author_mode", &self.author_mode),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value.clone()))
        .collect();
        for (i, author) in self.authors.iter().enumerate() {
            typed.push((author_field(i, "name"), author.name.clone()));
            typed.push((author_field(i, "job_title"), author.job_title.clone()));
            typed.push((author_field(i, "share"), author.share.clone()));
        }
        typed
    }

    /// Author rows with nothing typed in them are not rows.
    fn typed_authors(&self) -> impl Iterator<Item = (usize, &AuthorInput)> {
        self.authors.iter().enumerate().filter(|(_, a)| {
            !(a.name.trim().is_empty() && a.job_title.trim().is_empty() && a.share.trim().is_empty())
        })
    }
}

/// The name of an author row's cell in the form: `authors[0][name]`.
pub fn author_field(row: usize, column: &str) -> String {
    format!("authors[{row}][{column}]")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    pub job_title: String,
    pub share_percent: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Authors {
    /// The unit itself, as a collective (tập thể).
    Collective,
    Individuals(Vec<Author>),
}

/// A checked initiative, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitiativeText {
    pub kind: InitiativeKind,
    pub field_id: i64,
    pub title: String,
    pub situation: String,
    pub solution: String,
    pub benefit: String,
    pub scope: String,
    pub first_applied: NaiveDate,
    pub authors: Authors,
}

impl InitiativeText {
    /// Checks `input` against the campaign's fields (`None`: any id, the database checks it);
    /// the date first applied may not be later than `latest_date` (the end of the period).
    pub fn parse(
        input: &InitiativeInput,
        field_ids: Option<&[i64]>,
        latest_date: NaiveDate,
    ) -> Result<Self, AppError> {
        let mut checks = Checks::default();
        let kind = checks.check(
            "kind",
            InitiativeKind::parse(input.kind.trim()).ok_or(if input.kind.trim().is_empty() {
                Problem::Choose
            } else {
                Problem::UnknownChoice
            }),
        );
        let field_id = checks.check("field_id", parse_field(&input.field_id, field_ids));
        let title = checks.check("title", required_text(&input.title, TITLE_MAX));
        let situation = checks.check("situation", required_paragraphs(&input.situation, PARAGRAPHS_MAX));
        let solution = checks.check("solution", required_paragraphs(&input.solution, PARAGRAPHS_MAX));
        let benefit = checks.check("benefit", required_paragraphs(&input.benefit, PARAGRAPHS_MAX));
        let scope = checks.check("scope", required_paragraphs(&input.scope, SCOPE_MAX));
        let first_applied = checks.check(
            "first_applied",
            parse_date(&input.first_applied).and_then(|date| {
                if date > latest_date {
                    Err(Problem::DateAfter {
                        latest: format_date(latest_date),
                    })
                } else {
                    Ok(date)
                }
            }),
        );
        let authors = parse_authors(input, &mut checks);
        checks.finish()?;
        match (
            kind,
            field_id,
            title,
            situation,
            solution,
            benefit,
            scope,
            first_applied,
            authors,
        ) {
            (
                Some(kind),
                Some(field_id),
                Some(title),
                Some(situation),
                Some(solution),
                Some(benefit),
                Some(scope),
                Some(first_applied),
                Some(authors),
            ) => Ok(Self {
                kind,
                field_id,
                title,
                situation,
                solution,
                benefit,
                scope,
                first_applied,
                authors,
            }),
            _ => Err(AppError::Internal),
        }
    }
}

fn parse_field(raw: &str, field_ids: Option<&[i64]>) -> Result<i64, Problem> {
    if raw.trim().is_empty() {
        return Err(Problem::Choose);
    }
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0 && field_ids.is_none_or(|ids| ids.contains(id)))
        .ok_or(Problem::UnknownChoice)
}

fn parse_authors(input: &InitiativeInput, checks: &mut Checks) -> Option<Authors> {
    match input.author_mode.trim() {
        "collective" => Some(Authors::Collective),
        "individuals" => {
            let rows: Vec<_> = input.typed_authors().collect();
            if rows.is_empty() {
                checks.check::<()>("authors", Err(Problem::Required));
                return None;
            }
            if rows.len() > AUTHORS_MAX {
                checks.check::<()>("authors", Err(Problem::TooManyItems { max: AUTHORS_MAX }));
                return None;
            }
            let single = rows.len() == 1;
            let mut authors = Vec::new();
            for (i, row) in rows {
                let name = checks.check(
                    &author_field(i, "name"),
                    required_text(&row.name, AUTHOR_TEXT_MAX),
                );
                let job_title = checks.check(
                    &author_field(i, "job_title"),
                    crate::domain::text::optional_text(&row.job_title, AUTHOR_TEXT_MAX),
                );
                let share = checks.check(&author_field(i, "share"), parse_share(&row.share, single));
                if let (Some(name), Some(job_title), Some(share_percent)) = (name, job_title, share) {
                    authors.push(Author {
                        name,
                        job_title,
                        share_percent,
                    });
                }
            }
            let total: i32 = authors.iter().map(|a| a.share_percent).sum();
            if total != 100 && authors.len() == input.typed_authors().count() {
                checks.check::<()>("authors", Err(Problem::SharesNotHundred { total }));
                return None;
            }
            Some(Authors::Individuals(authors))
        }
        "" => {
            checks.check::<()>("author_mode", Err(Problem::Choose));
            None
        }
        _ => {
            checks.check::<()>("author_mode", Err(Problem::UnknownChoice));
            None
        }
    }
}

/// A whole percent from 1 to 100, "%" allowed; a single author may leave it empty (100).
fn parse_share(raw: &str, single: bool) -> Result<i32, Problem> {
    let text = raw.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return if single { Ok(100) } else { Err(Problem::Required) };
    }
    match text.parse::<i32>() {
        Ok(n) if (1..=100).contains(&n) => Ok(n),
        Ok(_) => Err(Problem::OutOfRange { min: 1, max: 100 }),
        Err(_) => Err(Problem::NotAWholeNumber),
    }
}

#[cfg(test)]
mod tests;
