//! The general section: title, theme, plan, organizer, period, deadlines, the minimum and maximum
//! of initiatives per unit (the maximum is at least the minimum), visibility.
//! In a draft any date may still be empty; the dates that are given must be in order: the
//! period starts before it ends, both deadlines lie inside it, registration closes before the
//! report is due.
use super::numbers::parse_count;
use super::Visibility;
use crate::domain::deadline::{parse_date, Deadline};
pub use crate::domain::text::{optional_text, required_text};
use crate::domain::unit::UnitCode;
use crate::error::{AppError, Checks, FieldError, Problem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 200;
pub const THEME_MAX: usize = 300;
pub const PLAN_REF_MAX: usize = 100;
pub const MIN_INITIATIVES_MAX: i64 = 50;
/// A unit's maximum of initiatives is at most this: a leaked unit link must not fill the database.
pub const MAX_INITIATIVES_LIMIT: i64 = 500;
/// The maximum a new campaign starts with.
pub const DEFAULT_MAX_INITIATIVES: i32 = 50;

/// The section as typed in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneralInput {
    pub title: String,
    pub theme: String,
    pub plan_ref: String,
    pub plan_date: String,
    pub organizer_code: String,
    pub period_start: String,
    pub period_end: String,
    pub registration_deadline: String,
    pub report_deadline: String,
    pub min_initiatives: String,
    pub max_initiatives: String,
    pub visibility: String,
}

impl GeneralInput {
    /// Each field's name and typed text, to send back to a form after a refusal.
    pub fn typed(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("title", &self.title),
            ("theme", &self.theme),
            ("plan_ref", &self.plan_ref),
            ("plan_date", &self.plan_date),
            ("organizer_code", &self.organizer_code),
            ("period_start", &self.period_start),
            ("period_end", &self.period_end),
            ("registration_deadline", &self.registration_deadline),
            ("report_deadline", &self.report_deadline),
            ("min_initiatives", &self.min_initiatives),
            ("max_initiatives", &self.max_initiatives),
            ("visibility", &self.visibility),
        ]
    }
}

/// The dates of a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub registration_deadline: Option<Deadline>,
    pub report_deadline: Option<Deadline>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneralSettings {
    pub title: String,
    pub theme: String,
    pub plan_ref: String,
    pub plan_date: Option<NaiveDate>,
    pub organizer_code: UnitCode,
    pub schedule: Schedule,
    pub min_initiatives: i32,
    pub max_initiatives: i32,
    pub visibility: Visibility,
}

/// An empty date is "not set yet".
pub fn optional_date(raw: &str) -> Result<Option<NaiveDate>, Problem> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(raw).map(Some)
    }
}

impl GeneralSettings {
    pub fn parse(input: &GeneralInput) -> Result<Self, AppError> {
        let mut checks = Checks::default();
        let title = checks.check("title", required_text(&input.title, TITLE_MAX));
        let theme = checks.check("theme", optional_text(&input.theme, THEME_MAX));
        let plan_ref = checks.check("plan_ref", optional_text(&input.plan_ref, PLAN_REF_MAX));
        let plan_date = checks.check("plan_date", optional_date(&input.plan_date));
        let organizer_code = checks.check("organizer_code", UnitCode::parse(&input.organizer_code));
        let period_start = checks.check("period_start", optional_date(&input.period_start));
        let period_end = checks.check("period_end", optional_date(&input.period_end));
        let registration = checks.check(
            "registration_deadline",
            optional_date(&input.registration_deadline),
        );
        let report = checks.check("report_deadline", optional_date(&input.report_deadline));
        let min_initiatives = checks.check(
            "min_initiatives",
            parse_count(&input.min_initiatives, 1, MIN_INITIATIVES_MAX),
        );
        let max_initiatives = checks.check(
            "max_initiatives",
            parse_count(
                &input.max_initiatives,
                min_initiatives.unwrap_or(1),
                MAX_INITIATIVES_LIMIT,
            ),
        );
        let visibility = checks.check(
            "visibility",
            Visibility::parse(&input.visibility).ok_or(Problem::Required),
        );
        let schedule = match (period_start, period_end, registration, report) {
            (Some(period_start), Some(period_end), Some(registration), Some(report)) => Some(Schedule {
                period_start,
                period_end,
                registration_deadline: registration.map(Deadline::end_of_day),
                report_deadline: report.map(Deadline::end_of_day),
            }),
            _ => None,
        };
        if let Some(schedule) = &schedule {
            checks.extend(schedule.problems());
        }
        checks.finish()?;
        match (
            title,
            theme,
            plan_ref,
            plan_date,
            organizer_code,
            schedule,
            min_initiatives,
            max_initiatives,
            visibility,
        ) {
            (
                Some(title),
                Some(theme),
                Some(plan_ref),
                Some(plan_date),
                Some(organizer_code),
                Some(schedule),
                Some(min_initiatives),
                Some(max_initiatives),
                Some(visibility),
            ) => Ok(Self {
                title,
                theme,
                plan_ref,
                plan_date,
                organizer_code,
                schedule,
                min_initiatives: min_initiatives as i32,
                max_initiatives: max_initiatives as i32,
                visibility,
            }),
            _ => Err(AppError::Internal),
        }
    }
}

impl Schedule {
    /// Every ordering rule the given dates break, at the field that should change.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut problems = Vec::new();
        if let (Some(start), Some(end)) = (self.period_start, self.period_end) {
            if end < start {
                problems.push(FieldError::new("period_end", Problem::EndBeforeStart));
            }
        }
        for (field, deadline) in [
            ("registration_deadline", self.registration_deadline),
            ("report_deadline", self.report_deadline),
        ] {
            let Some(day) = deadline.map(Deadline::local_date) else {
                continue;
            };
            let before_start = self.period_start.is_some_and(|s| day < s);
            let after_end = self.period_end.is_some_and(|e| day > e);
            if before_start || after_end {
                problems.push(FieldError::new(field, Problem::OutsidePeriod));
            }
        }
        if let (Some(registration), Some(report)) = (self.registration_deadline, self.report_deadline) {
            if report <= registration {
                problems.push(FieldError::new(
                    "report_deadline",
                    Problem::ReportNotAfterRegistration,
                ));
            }
        }
        problems
    }

    /// The same schedule `years` later, for a copy of last year's campaign.
    pub fn shifted_by_years(&self, years: i32) -> Self {
        let shift = |d: NaiveDate| crate::domain::deadline::shift_date_by_years(d, years);
        Self {
            period_start: self.period_start.map(shift),
            period_end: self.period_end.map(shift),
            registration_deadline: self.registration_deadline.map(|d| d.shifted_by_years(years)),
            report_deadline: self.report_deadline.map(|d| d.shifted_by_years(years)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> GeneralInput {
        GeneralInput {
            title: " Đợt thi đua cao điểm về  CCHC ".into(),
            theme: "Năm xây dựng chính quyền đô thị".into(),
            plan_ref: "Kế hoạch số 4776/KH-UBND".into(),
            plan_date: "23/10/2018".into(),
            organizer_code: "gv".into(),
            period_start: "23/10/2018".into(),
            period_end: "31/01/2019".into(),
            registration_deadline: "03/11/2018".into(),
            report_deadline: "27/01/2019".into(),
            min_initiatives: "1".into(),
            max_initiatives: "50".into(),
            visibility: "public".into(),
        }
    }

    fn fields_with_problems(input: &GeneralInput) -> Vec<(String, Problem)> {
        match GeneralSettings::parse(input) {
            Err(AppError::Invalid(errors)) => errors.into_iter().map(|e| (e.field, e.problem)).collect(),
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn a_complete_section_is_read_and_normalized() {
        let settings = GeneralSettings::parse(&input()).expect("valid");
        assert_eq!(settings.title, "Đợt thi đua cao điểm về CCHC");
        assert_eq!(settings.organizer_code.as_str(), "GV");
        assert_eq!(
            settings
                .schedule
                .registration_deadline
                .map(|d| d.date_time_text()),
            Some("03/11/2018 23:59".to_owned())
        );
    }

    #[test]
    fn a_draft_may_leave_dates_empty() {
        let mut draft = input();
        draft.period_start.clear();
        draft.report_deadline.clear();
        let settings = GeneralSettings::parse(&draft).expect("valid draft");
        assert_eq!(settings.schedule.period_start, None);
        assert_eq!(settings.schedule.report_deadline, None);
    }

    #[test]
    fn the_period_must_not_end_before_it_starts() {
        let mut bad = input();
        bad.period_end = "22/10/2018".into();
        let problems = fields_with_problems(&bad);
        assert!(problems.contains(&("period_end".into(), Problem::EndBeforeStart)));
    }

    #[test]
    fn deadlines_lie_inside_the_period() {
        let mut bad = input();
        bad.registration_deadline = "22/10/2018".into();
        bad.report_deadline = "01/02/2019".into();
        let problems = fields_with_problems(&bad);
        assert!(problems.contains(&("registration_deadline".into(), Problem::OutsidePeriod)));
        assert!(problems.contains(&("report_deadline".into(), Problem::OutsidePeriod)));
    }

    #[test]
    fn a_deadline_on_the_last_day_of_the_period_is_inside_it() {
        let mut edge = input();
        edge.report_deadline = "31/01/2019".into();
        assert!(GeneralSettings::parse(&edge).is_ok());
    }

    #[test]
    fn registration_closes_before_the_report_is_due() {
        let mut bad = input();
        bad.report_deadline = "03/11/2018".into();
        let problems = fields_with_problems(&bad);
        assert_eq!(
            problems,
            vec![("report_deadline".to_owned(), Problem::ReportNotAfterRegistration)]
        );
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let bad = GeneralInput {
            title: "  ".into(),
            plan_date: "31/02/2018".into(),
            organizer_code: "".into(),
            min_initiatives: "0".into(),
            visibility: "secret".into(),
            ..input()
        };
        let fields: Vec<String> = fields_with_problems(&bad).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "title",
                "plan_date",
                "organizer_code",
                "min_initiatives",
                "visibility"
            ]
        );
    }

    #[test]
    fn the_maximum_of_initiatives_is_at_least_the_minimum_and_bounded() {
        let below = GeneralInput {
            min_initiatives: "5".into(),
            max_initiatives: "4".into(),
            ..input()
        };
        assert_eq!(
            fields_with_problems(&below),
            vec![(
                "max_initiatives".to_owned(),
                Problem::OutOfRange {
                    min: 5,
                    max: MAX_INITIATIVES_LIMIT
                }
            )]
        );
        let huge = GeneralInput {
            max_initiatives: "100000".into(),
            ..input()
        };
        assert_eq!(fields_with_problems(&huge)[0].0, "max_initiatives");
        let equal = GeneralInput {
            min_initiatives: "5".into(),
            max_initiatives: "5".into(),
            ..input()
        };
        assert_eq!(GeneralSettings::parse(&equal).expect("valid").max_initiatives, 5);
    }

    #[test]
    fn shifting_a_schedule_keeps_days_and_end_of_day_deadlines() {
        let settings = GeneralSettings::parse(&input()).expect("valid");
        let next = settings.schedule.shifted_by_years(1);
        assert_eq!(next.period_start, NaiveDate::from_ymd_opt(2019, 10, 23));
        assert_eq!(
            next.report_deadline.map(|d| d.date_time_text()),
            Some("27/01/2020 23:59".to_owned())
        );
        assert!(next.problems().is_empty());
    }
}
