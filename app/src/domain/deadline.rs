//! Deadlines: instants in `Asia/Ho_Chi_Minh`. A deadline typed as a date means the end of that
//! day there (23:59:59 +07:00), whatever the server's or the browser's time zone; it has passed
//! only once that second is over. Dates are typed and shown `dd/mm/yyyy`, times `HH:mm`.
use crate::error::Problem;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Asia::Ho_Chi_Minh;
use serde::{Deserialize, Serialize};

/// A moment by which something must be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Deadline(DateTime<Utc>);

/// Days before a deadline from which what is still missing shows as a warning.
pub const DUE_SOON_DAYS: i64 = 14;

impl Deadline {
    /// The last second of `date` in Vietnam.
    pub fn end_of_day(date: NaiveDate) -> Self {
        let last_second = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default();
        // Vietnam has no daylight saving time, so every local time exists exactly once.
        let local = Ho_Chi_Minh
            .from_local_datetime(&date.and_time(last_second))
            .single();
        Self(
            local
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_else(|| date.and_time(last_second).and_utc()),
        )
    }

    /// Parses a date typed as `dd/mm/yyyy` into the end of that day.
    pub fn parse_date(text: &str) -> Result<Self, Problem> {
        parse_date(text).map(Self::end_of_day)
    }

    pub fn from_instant(instant: DateTime<Utc>) -> Self {
        Self(instant)
    }

    pub fn instant(self) -> DateTime<Utc> {
        self.0
    }

    /// True once the deadline's last second is over.
    pub fn has_passed(self, now: DateTime<Utc>) -> bool {
        now > self.0
    }

    /// Calendar days from `now`'s day to the deadline's day, both in Vietnam (0 on the day itself).
    pub fn days_left(self, now: DateTime<Utc>) -> i64 {
        let today = now.with_timezone(&Ho_Chi_Minh).date_naive();
        (self.local_date() - today).num_days()
    }

    /// Whether something due by this deadline and not done yet is worth a warning: within
    /// `DUE_SOON_DAYS` or past (months ahead, "not submitted" is only a fact).
    pub fn due_soon(self, now: DateTime<Utc>) -> bool {
        self.days_left(now) <= DUE_SOON_DAYS
    }

    /// How long is left, as a phone page says it: days while there are any, then hours.
    pub fn time_left(self, now: DateTime<Utc>) -> TimeLeft {
        if self.has_passed(now) {
            return TimeLeft::Passed;
        }
        match self.days_left(now) {
            0 => TimeLeft::Hours(((self.0 - now).num_minutes() + 59) / 60),
            days => TimeLeft::Days(days),
        }
    }

    /// The day of the deadline in Vietnam.
    pub fn local_date(self) -> NaiveDate {
        self.0.with_timezone(&Ho_Chi_Minh).date_naive()
    }

    /// `dd/mm/yyyy`
    pub fn date_text(self) -> String {
        format_date(self.local_date())
    }

    /// `dd/mm/yyyy HH:mm` in Vietnam.
    pub fn date_time_text(self) -> String {
        self.0
            .with_timezone(&Ho_Chi_Minh)
            .format("%d/%m/%Y %H:%M")
            .to_string()
    }

    /// `HH:mm` in Vietnam.
    pub fn time_text(self) -> String {
        self.0.with_timezone(&Ho_Chi_Minh).format("%H:%M").to_string()
    }

    /// The same local moment `years` later (29/02 becomes 28/02), for copying a campaign.
    pub fn shifted_by_years(self, years: i32) -> Self {
        let local = self.0.with_timezone(&Ho_Chi_Minh);
        let shifted = shift_date_by_years(local.date_naive(), years);
        let at = Ho_Chi_Minh
            .from_local_datetime(&shifted.and_time(local.time()))
            .single();
        Self(at.map(|t| t.with_timezone(&Utc)).unwrap_or(self.0))
    }
}

/// The same calendar day `years` later; 29/02 becomes 28/02 in a common year.
pub fn shift_date_by_years(date: NaiveDate, years: i32) -> NaiveDate {
    date.with_year(date.year() + years)
        .or_else(|| NaiveDate::from_ymd_opt(date.year() + years, date.month(), 28))
        .unwrap_or(date)
}

/// Parses `dd/mm/yyyy` (one-digit day and month, `-` or `.` as separators also accepted).
pub fn parse_date(text: &str) -> Result<NaiveDate, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Problem::Required);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(Problem::InvalidDate);
    };
    let number = |s: &str| s.parse::<u32>().map_err(|_| Problem::InvalidDate);
    let (day, month, year) = (number(day)?, number(month)?, number(year)?);
    if !(1900..=2200).contains(&year) {
        return Err(Problem::InvalidDate);
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(Problem::InvalidDate)
}

/// Time left before a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeLeft {
    Passed,
    /// Less than a day: whole hours, rounded up (at least 1).
    Hours(i64),
    /// Calendar days in Vietnam until the deadline's day.
    Days(i64),
}

/// Today's date in Vietnam at `now`.
pub fn local_today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Ho_Chi_Minh).date_naive()
}

/// `dd/mm/yyyy`
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_typed_date_means_the_end_of_that_day_in_vietnam() {
        let deadline = Deadline::parse_date("03/11/2018").unwrap();
        assert_eq!(deadline.instant(), utc("2018-11-03T23:59:59+07:00"));
        assert_eq!(deadline.instant(), utc("2018-11-03T16:59:59Z"));
    }

    #[test]
    fn the_deadline_passes_only_after_its_last_second() {
        let deadline = Deadline::parse_date("27/01/2019").unwrap();
        assert!(!deadline.has_passed(utc("2019-01-27T23:59:58+07:00")));
        assert!(!deadline.has_passed(utc("2019-01-27T23:59:59+07:00")));
        assert!(deadline.has_passed(utc("2019-01-28T00:00:00+07:00")));
        // Still the 27th in UTC, already the 28th in Vietnam.
        assert!(deadline.has_passed(utc("2019-01-27T17:00:00Z")));
    }

    #[test]
    fn the_server_time_zone_does_not_matter() {
        let from_utc_view = Deadline::end_of_day(NaiveDate::from_ymd_opt(2021, 2, 4).unwrap());
        assert_eq!(from_utc_view.date_text(), "04/02/2021");
        assert_eq!(from_utc_view.date_time_text(), "04/02/2021 23:59");
        assert_eq!(from_utc_view.time_text(), "23:59");
        assert_eq!(
            from_utc_view.local_date(),
            NaiveDate::from_ymd_opt(2021, 2, 4).unwrap()
        );
    }

    #[test]
    fn dates_are_read_day_first() {
        assert_eq!(
            parse_date("5/4/2022"),
            Ok(NaiveDate::from_ymd_opt(2022, 4, 5).unwrap())
        );
        assert_eq!(
            parse_date(" 10-04-2022 "),
            Ok(NaiveDate::from_ymd_opt(2022, 4, 10).unwrap())
        );
        assert_eq!(
            parse_date("05.12.2022"),
            Ok(NaiveDate::from_ymd_opt(2022, 12, 5).unwrap())
        );
    }

    #[test]
    fn impossible_or_malformed_dates_are_refused() {
        for text in [
            "31/02/2021",
            "2021-02-04x",
            "13/13/2021",
            "04/02",
            "hôm nay",
            "01/01/0021",
        ] {
            assert_eq!(parse_date(text), Err(Problem::InvalidDate), "{text:?}");
        }
        assert_eq!(parse_date("  "), Err(Problem::Required));
    }

    #[test]
    fn days_left_are_counted_in_vietnamese_days() {
        let deadline = Deadline::parse_date("03/11/2018").unwrap();
        // 02/11 23:30 in Vietnam is still the day before; 03/11 00:10 is the day itself.
        assert_eq!(deadline.days_left(utc("2018-11-02T16:30:00Z")), 1);
        assert_eq!(deadline.days_left(utc("2018-11-02T17:10:00Z")), 0);
    }

    #[test]
    fn shifting_by_a_year_keeps_the_local_time() {
        let deadline = Deadline::parse_date("29/02/2024").unwrap().shifted_by_years(1);
        assert_eq!(deadline.date_time_text(), "28/02/2025 23:59");
        let deadline = Deadline::parse_date("03/11/2018").unwrap().shifted_by_years(3);
        assert_eq!(deadline.instant(), utc("2021-11-03T23:59:59+07:00"));
    }

    #[test]
    fn time_left_counts_days_then_hours() {
        let deadline = Deadline::end_of_day(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert_eq!(deadline.time_left(utc("2026-11-27T03:00:00Z")), TimeLeft::Days(3));
        // 20:00 in Vietnam on the day itself: four hours to 23:59:59.
        assert_eq!(
            deadline.time_left(utc("2026-11-30T13:00:00Z")),
            TimeLeft::Hours(4)
        );
        assert_eq!(deadline.time_left(utc("2026-11-30T17:00:00Z")), TimeLeft::Passed);
    }

    #[test]
    fn missing_work_warns_only_in_the_last_two_weeks() {
        let deadline = Deadline::parse_date("30/06/2026").unwrap();
        let at = |text: &str| Deadline::parse_date(text).unwrap().instant();
        assert!(!deadline.due_soon(at("01/03/2026")), "four months ahead");
        assert!(!deadline.due_soon(at("15/06/2026")), "fifteen days ahead");
        assert!(deadline.due_soon(at("16/06/2026")), "fourteen days ahead");
        assert!(deadline.due_soon(at("05/07/2026")), "past");
    }
}
