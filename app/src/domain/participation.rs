//! How far each participating unit is: commitment, initiatives against the minimum, the result
//! report. The organizer's table sorts and filters these rows; the rules live here, unit-tested.
use crate::domain::text::fold_for_search;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipationRow {
    pub unit_id: i64,
    pub unit_name: String,
    pub committed_at: Option<DateTime<Utc>>,
    pub initiatives: i64,
    pub last_submitted_at: Option<DateTime<Utc>>,
    /// `None`: no report yet; `Some(true)`: on time.
    pub report_on_time: Option<bool>,
}

impl ParticipationRow {
    pub fn meets_minimum(&self, minimum: i32) -> bool {
        self.initiatives >= i64::from(minimum)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortBy {
    #[default]
    Name,
    /// Most initiatives first.
    Initiatives,
    /// Not signed first, then the earliest signers.
    Commitment,
    /// No report first, then late, then on time.
    Report,
}

impl SortBy {
    pub const ALL: [SortBy; 4] = [
        SortBy::Name,
        SortBy::Initiatives,
        SortBy::Commitment,
        SortBy::Report,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortBy::Name => "name",
            SortBy::Initiatives => "initiatives",
            SortBy::Commitment => "commitment",
            SortBy::Report => "report",
        }
    }

    pub fn parse(raw: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == raw)
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Show {
    #[default]
    All,
    NotCommitted,
    BelowMinimum,
    NoReport,
}

impl Show {
    pub const ALL: [Show; 4] = [Show::All, Show::NotCommitted, Show::BelowMinimum, Show::NoReport];

    pub fn as_str(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::NotCommitted => "not_committed",
            Show::BelowMinimum => "below_minimum",
            Show::NoReport => "no_report",
        }
    }

    pub fn parse(raw: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == raw)
            .unwrap_or_default()
    }

    fn keeps(self, row: &ParticipationRow, minimum: i32) -> bool {
        match self {
            Show::All => true,
            Show::NotCommitted => row.committed_at.is_none(),
            Show::BelowMinimum => !row.meets_minimum(minimum),
            Show::NoReport => row.report_on_time.is_none(),
        }
    }
}

/// The rows to show: filtered by `show` and by a name search (diacritics ignored), then sorted
/// (`reversed`: the other way round); ties keep the incoming (Vietnamese name) order.
pub fn arrange(
    rows: &[ParticipationRow],
    minimum: i32,
    show: Show,
    search: &str,
    (sort, reversed): (SortBy, bool),
) -> Vec<ParticipationRow> {
    let query = fold_for_search(search);
    let mut kept: Vec<ParticipationRow> = rows
        .iter()
        .filter(|r| {
            show.keeps(r, minimum) && (query.is_empty() || fold_for_search(&r.unit_name).contains(&query))
        })
        .cloned()
        .collect();
    let report_rank = |r: &ParticipationRow| match r.report_on_time {
        None => 0,
        Some(false) => 1,
        Some(true) => 2,
    };
    let order = |a: &ParticipationRow, b: &ParticipationRow| match sort {
        SortBy::Name => std::cmp::Ordering::Equal,
        SortBy::Initiatives => b.initiatives.cmp(&a.initiatives),
        SortBy::Commitment => {
            (a.committed_at.is_some(), a.committed_at).cmp(&(b.committed_at.is_some(), b.committed_at))
        }
        SortBy::Report => report_rank(a).cmp(&report_rank(b)),
    };
    match (sort, reversed) {
        (SortBy::Name, true) => kept.reverse(),
        (_, false) => kept.sort_by(order),
        (_, true) => kept.sort_by(|a, b| order(b, a)),
    }
    kept
}

/// Totals for the head of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub units: usize,
    pub committed: usize,
    pub registered: usize,
    pub meeting_minimum: usize,
    pub initiatives: i64,
    pub reports: usize,
}

pub fn totals(rows: &[ParticipationRow], minimum: i32) -> Totals {
    Totals {
        units: rows.len(),
        committed: rows.iter().filter(|r| r.committed_at.is_some()).count(),
        registered: rows.iter().filter(|r| r.initiatives > 0).count(),
        meeting_minimum: rows.iter().filter(|r| r.meets_minimum(minimum)).count(),
        initiatives: rows.iter().map(|r| r.initiatives).sum(),
        reports: rows.iter().filter(|r| r.report_on_time.is_some()).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        name: &str,
        committed_day: Option<u32>,
        initiatives: i64,
        report: Option<bool>,
    ) -> ParticipationRow {
        ParticipationRow {
            unit_id: i64::from(name.len() as u32),
            unit_name: name.to_owned(),
            committed_at: committed_day.map(|d| format!("2026-11-{d:02}T03:00:00Z").parse().unwrap()),
            initiatives,
            last_submitted_at: None,
            report_on_time: report,
        }
    }

    fn names(rows: &[ParticipationRow]) -> Vec<&str> {
        rows.iter().map(|r| r.unit_name.as_str()).collect()
    }

    fn sample() -> Vec<ParticipationRow> {
        vec![
            row("Phường 1", Some(5), 2, Some(true)),
            row("Phường 2", None, 0, None),
            row("Phường Đông Hòa", Some(3), 1, Some(false)),
            row("Xã Vĩnh Trung", Some(9), 0, None),
        ]
    }

    #[test]
    fn a_sort_goes_the_other_way_round_and_ties_keep_name_order() {
        let rows = sample();
        let (forward, backward) = (
            arrange(&rows, 1, Show::All, "", (SortBy::Initiatives, false)),
            arrange(&rows, 1, Show::All, "", (SortBy::Initiatives, true)),
        );
        let (forward, backward) = (names(&forward), names(&backward));
        assert_ne!(forward, backward);
        let counts = |list: &[&str]| -> Vec<i64> {
            list.iter()
                .map(|n| rows.iter().find(|r| r.unit_name == *n).unwrap().initiatives)
                .collect()
        };
        let mut ascending = counts(&forward);
        ascending.reverse();
        assert_eq!(counts(&backward), ascending);
        let by_name = arrange(&rows, 1, Show::All, "", (SortBy::Name, true));
        let by_name = names(&by_name);
        let mut expected = names(&rows);
        expected.reverse();
        assert_eq!(by_name, expected);
    }

    #[test]
    fn filters_pick_the_units_that_still_owe_something() {
        let rows = sample();
        assert_eq!(
            names(&arrange(&rows, 1, Show::NotCommitted, "", (SortBy::Name, false))),
            ["Phường 2"]
        );
        assert_eq!(
            names(&arrange(&rows, 2, Show::BelowMinimum, "", (SortBy::Name, false))),
            ["Phường 2", "Phường Đông Hòa", "Xã Vĩnh Trung"]
        );
        assert_eq!(
            names(&arrange(&rows, 1, Show::NoReport, "", (SortBy::Name, false))),
            ["Phường 2", "Xã Vĩnh Trung"]
        );
    }

    #[test]
    fn search_ignores_diacritics_and_case() {
        assert_eq!(
            names(&arrange(
                &sample(),
                1,
                Show::All,
                "dong hoa",
                (SortBy::Name, false)
            )),
            ["Phường Đông Hòa"]
        );
    }

    #[test]
    fn sorting_puts_what_needs_attention_first_and_keeps_name_order_for_ties() {
        let rows = sample();
        assert_eq!(
            names(&arrange(&rows, 1, Show::All, "", (SortBy::Initiatives, false))),
            ["Phường 1", "Phường Đông Hòa", "Phường 2", "Xã Vĩnh Trung"]
        );
        assert_eq!(
            names(&arrange(&rows, 1, Show::All, "", (SortBy::Commitment, false))),
            ["Phường 2", "Phường Đông Hòa", "Phường 1", "Xã Vĩnh Trung"]
        );
        assert_eq!(
            names(&arrange(&rows, 1, Show::All, "", (SortBy::Report, false))),
            ["Phường 2", "Xã Vĩnh Trung", "Phường Đông Hòa", "Phường 1"]
        );
    }

    #[test]
    fn totals_count_each_part() {
        let t = totals(&sample(), 1);
        assert_eq!(
            (
                t.units,
                t.committed,
                t.registered,
                t.meeting_minimum,
                t.initiatives,
                t.reports
            ),
            (4, 3, 2, 2, 3, 2)
        );
    }

    #[test]
    fn unknown_codes_fall_back_to_the_defaults() {
        assert_eq!(SortBy::parse("x"), SortBy::Name);
        assert_eq!(Show::parse("below_minimum"), Show::BelowMinimum);
    }
}
