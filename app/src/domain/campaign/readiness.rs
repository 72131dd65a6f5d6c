//! What a draft still lacks before it may open. The same list is shown on the campaign's page
//! and returned by the server when opening is refused.
use super::general::Schedule;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    Period,
    RegistrationDeadline,
    ReportDeadline,
    RegistrationDeadlinePassed,
    Units,
    Fields,
    Criteria,
    Thresholds,
}

/// The facts about a campaign's setup that decide whether it may open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetupFacts {
    pub schedule: Schedule,
    pub unit_count: i64,
    pub field_count: i64,
    pub criterion_count: i64,
    pub has_thresholds: bool,
}

pub fn missing_for_opening(facts: &SetupFacts, now: DateTime<Utc>) -> Vec<Missing> {
    let schedule = &facts.schedule;
    let mut missing = Vec::new();
    if schedule.period_start.is_none() || schedule.period_end.is_none() {
        missing.push(Missing::Period);
    }
    match schedule.registration_deadline {
        None => missing.push(Missing::RegistrationDeadline),
        Some(deadline) if deadline.has_passed(now) => missing.push(Missing::RegistrationDeadlinePassed),
        Some(_) => {}
    }
    if schedule.report_deadline.is_none() {
        missing.push(Missing::ReportDeadline);
    }
    for (count, item) in [
        (facts.unit_count, Missing::Units),
        (facts.field_count, Missing::Fields),
        (facts.criterion_count, Missing::Criteria),
    ] {
        if count == 0 {
            missing.push(item);
        }
    }
    if !facts.has_thresholds {
        missing.push(Missing::Thresholds);
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deadline::{parse_date, Deadline};

    fn complete() -> SetupFacts {
        let day = |s: &str| parse_date(s).ok();
        SetupFacts {
            schedule: Schedule {
                period_start: day("01/01/2027"),
                period_end: day("31/12/2027"),
                registration_deadline: day("31/03/2027").map(Deadline::end_of_day),
                report_deadline: day("30/11/2027").map(Deadline::end_of_day),
            },
            unit_count: 16,
            field_count: 6,
            criterion_count: 5,
            has_thresholds: true,
        }
    }

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn a_complete_setup_lacks_nothing() {
        assert!(missing_for_opening(&complete(), at("2027-01-05T00:00:00Z")).is_empty());
    }

    #[test]
    fn every_missing_part_is_listed() {
        let empty = SetupFacts {
            schedule: Schedule {
                period_start: None,
                period_end: None,
                registration_deadline: None,
                report_deadline: None,
            },
            unit_count: 0,
            field_count: 0,
            criterion_count: 0,
            has_thresholds: false,
        };
        assert_eq!(
            missing_for_opening(&empty, at("2027-01-05T00:00:00Z")),
            [
                Missing::Period,
                Missing::RegistrationDeadline,
                Missing::ReportDeadline,
                Missing::Units,
                Missing::Fields,
                Missing::Criteria,
                Missing::Thresholds
            ]
        );
    }

    #[test]
    fn a_campaign_cannot_open_after_its_registration_deadline() {
        // 31/03/2027 23:59:59 in Vietnam is 16:59:59 UTC.
        assert!(missing_for_opening(&complete(), at("2027-03-31T16:59:59Z")).is_empty());
        assert_eq!(
            missing_for_opening(&complete(), at("2027-03-31T17:00:00Z")),
            [Missing::RegistrationDeadlinePassed]
        );
    }
}
