//! Replication (nhân rộng): a unit records that it adopted another unit's exemplary initiative.
//! Rules: one record per unit and initiative; never the initiative's own unit; adopted on a day
//! between the initiative's first application and today (Vietnam time); a short note of how it
//! was done is required.
use super::deadline::{format_date, parse_date};
use super::text::required_paragraphs;
use crate::error::{AppError, Checks, Problem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A note of how the unit adopted it: a few sentences, not a report.
pub const NOTE_MAX: usize = 1000;

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicationInput {
    pub adopted_on: String,
    pub note: String,
}

/// A checked replication, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replication {
    pub adopted_on: NaiveDate,
    pub note: String,
}

impl Replication {
    /// Checks the form for an initiative first applied on `first_applied`, on `today`.
    pub fn parse(
        input: &ReplicationInput,
        first_applied: NaiveDate,
        today: NaiveDate,
    ) -> Result<Self, AppError> {
        let mut checks = Checks::default();
        let adopted_on = checks.check(
            "adopted_on",
            parse_date(&input.adopted_on).and_then(|date| adopted_day(date, first_applied, today)),
        );
        let note = checks.check("note", required_paragraphs(&input.note, NOTE_MAX));
        checks.finish()?;
        match (adopted_on, note) {
            (Some(adopted_on), Some(note)) => Ok(Self { adopted_on, note }),
            _ => Err(AppError::Internal),
        }
    }
}

fn adopted_day(date: NaiveDate, first_applied: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Problem> {
    if date > today {
        Err(Problem::FutureDate {
            today: format_date(today),
        })
    } else if date < first_applied {
        Err(Problem::BeforeFirstApplied {
            earliest: format_date(first_applied),
        })
    } else {
        Ok(date)
    }
}

/// Whether `adopter` may record a replication of an initiative of `author_unit` that it has
/// `already` recorded or not.
pub fn may_adopt(adopter: i64, author_unit: i64, already: bool) -> Result<(), Problem> {
    if adopter == author_unit {
        Err(Problem::OwnInitiative)
    } else if already {
        Err(Problem::AlreadyReplicated)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32, m: u32, y: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn input(adopted_on: &str, note: &str) -> ReplicationInput {
        ReplicationInput {
            adopted_on: adopted_on.into(),
            note: note.into(),
        }
    }

    #[test]
    fn a_day_between_first_application_and_today_is_kept() {
        let r = Replication::parse(
            &input("15/03/2023", "  Áp dụng tại bộ phận một cửa. "),
            day(1, 1, 2022),
            day(4, 12, 2026),
        )
        .unwrap();
        assert_eq!(r.adopted_on, day(15, 3, 2023));
        assert_eq!(r.note, "Áp dụng tại bộ phận một cửa.");
    }

    #[test]
    fn future_and_too_early_days_are_refused_at_the_date() {
        let err =
            Replication::parse(&input("05/12/2026", "x"), day(1, 1, 2022), day(4, 12, 2026)).unwrap_err();
        assert_eq!(
            err.problems_at("adopted_on"),
            vec![Problem::FutureDate {
                today: "04/12/2026".into()
            }]
        );
        let err =
            Replication::parse(&input("31/12/2021", "x"), day(1, 1, 2022), day(4, 12, 2026)).unwrap_err();
        assert_eq!(
            err.problems_at("adopted_on"),
            vec![Problem::BeforeFirstApplied {
                earliest: "01/01/2022".into()
            }]
        );
    }

    #[test]
    fn an_empty_or_long_note_and_a_bad_date_are_each_told() {
        let err =
            Replication::parse(&input("31/02/2024", "   "), day(1, 1, 2022), day(4, 12, 2026)).unwrap_err();
        assert_eq!(err.problems_at("adopted_on"), vec![Problem::InvalidDate]);
        assert_eq!(err.problems_at("note"), vec![Problem::Required]);
        let long = "a".repeat(NOTE_MAX + 1);
        let err =
            Replication::parse(&input("01/02/2024", &long), day(1, 1, 2022), day(4, 12, 2026)).unwrap_err();
        assert_eq!(err.problems_at("note"), vec![Problem::TooLong { max: NOTE_MAX }]);
    }

    #[test]
    fn a_unit_adopts_only_what_another_unit_made_and_only_once() {
        assert_eq!(may_adopt(7, 7, false), Err(Problem::OwnInitiative));
        assert_eq!(may_adopt(8, 7, true), Err(Problem::AlreadyReplicated));
        assert_eq!(may_adopt(8, 7, false), Ok(()));
    }
}
