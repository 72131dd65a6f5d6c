//! A unit's score and its place in the campaign. Rules: the score is the participation points
//! of the duties met (commitment signed, minimum met before the deadline, report on time) and of
//! the exemplary initiatives it adopted within the period (nhân rộng), plus,
//! once results are published, the evaluation part (best / mean / sum of its initiatives' final
//! scores) times the campaign's weight; before publication only participation counts. Higher
//! score first; equal scores (to the hundredth, as shown) share a place, đồng hạng: 1, 1, 1, 4.
//! Inside a shared place rows go by the earlier on-time submission, then by the name in
//! Vietnamese order (given as a position the database computed with its Vietnamese collation),
//! then by the unit id, so the order is total and does not depend on the order of the input; each
//! row says why it stands above the next one of its place. "The first N units" follow shared
//! places: a place that straddles N is neither in nor out, its units are listed for a person
//! to decide.
use super::campaign::scoring::Scoring;
use super::campaign::EvaluationMode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// What is known of one participating unit.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitFacts {
    pub unit_id: i64,
    /// The unit's place among the campaign's units by name, Vietnamese order (0 first).
    pub name_order: i64,
    pub commitment_signed: bool,
    pub minimum_met_on_time: bool,
    pub report_on_time: bool,
    /// When its first initiative arrived, if before the registration deadline.
    pub first_on_time_submission: Option<DateTime<Utc>>,
    /// Final scores of its evaluated initiatives.
    pub initiative_scores: Vec<f64>,
    /// Exemplary initiatives it adopted within the campaign's period.
    pub replications: i64,
}

/// One row of the standings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    pub unit_id: i64,
    /// 1 for the first row; equal scores share the place of the first of them (1, 1, 1, 4).
    pub place: usize,
    /// Other rows have the same place.
    pub shared: bool,
    /// Why this row stands above the next one, when that one shares its place.
    pub ahead_by: Option<TieBreak>,
    pub participation_points: i64,
    /// `None` before results are published.
    pub evaluation_points: Option<f64>,
    /// The score in hundredths, as shown and compared (so two scores that look equal are equal).
    pub score_hundredths: i64,
}

/// Why a row stands above the next one of its shared place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TieBreak {
    /// Its first on-time initiative came earlier ("nộp sớm hơn").
    EarlierSubmission,
    /// Submitted at the same moment, or neither on time: the name, in Vietnamese order.
    Name,
}

/// The standings of a campaign, best first.
pub fn rank(scoring: &Scoring, published: bool, units: &[UnitFacts]) -> Vec<Standing> {
    let mut scored: Vec<(&UnitFacts, Standing)> = units
        .iter()
        .map(|unit| (unit, score(scoring, published, unit)))
        .collect();
    scored.sort_by(|(a, sa), (b, sb)| compare(a, sa, b, sb));
    let mut standings: Vec<Standing> = Vec::with_capacity(scored.len());
    for (i, (unit, standing)) in scored.iter().enumerate() {
        let tied_above = standings
            .last()
            .filter(|above| above.score_hundredths == standing.score_hundredths);
        let place = tied_above.map_or(i + 1, |above| above.place);
        let ahead_by = scored
            .get(i + 1)
            .filter(|(_, below)| below.score_hundredths == standing.score_hundredths)
            .map(|(below, _)| tie_break(unit, below));
        standings.push(Standing {
            place,
            shared: tied_above.is_some() || ahead_by.is_some(),
            ahead_by,
            ..standing.clone()
        });
    }
    standings
}

/// The units within the first `n` places, and those of a shared place that straddles `n`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstPlaces {
    /// Whole places that end at or before `n`: these units are in.
    pub within: Vec<i64>,
    /// The units of the place that begins at or before `n` and ends after it: someone decides.
    pub tied_at_cut: Vec<i64>,
}

/// "The first `n` units", following shared places.
pub fn first_places(standings: &[Standing], n: usize) -> FirstPlaces {
    let mut first = FirstPlaces::default();
    for (i, row) in standings.iter().enumerate() {
        if row.place > n {
            break;
        }
        let last_of_place = standings[i..].iter().take_while(|r| r.place == row.place).count() + i;
        if last_of_place <= n {
            first.within.push(row.unit_id);
        } else {
            first.tied_at_cut.push(row.unit_id);
        }
    }
    first
}

fn score(scoring: &Scoring, published: bool, unit: &UnitFacts) -> Standing {
    let duty = |met: bool, points: i32| if met { i64::from(points) } else { 0 };
    let participation_points = duty(unit.commitment_signed, scoring.points_commitment)
        + duty(unit.minimum_met_on_time, scoring.points_minimum)
        + duty(unit.report_on_time, scoring.points_report)
        + unit.replications * i64::from(scoring.points_replication);
    let evaluation_points = published
        .then(|| evaluation(scoring.evaluation_mode, &unit.initiative_scores) * scoring.evaluation_weight);
    let total = participation_points as f64 + evaluation_points.unwrap_or(0.0);
    Standing {
        unit_id: unit.unit_id,
        place: 0,
        shared: false,
        ahead_by: None,
        participation_points,
        evaluation_points,
        score_hundredths: (total * 100.0).round() as i64,
    }
}

/// The evaluation part before its weight; a unit without evaluated initiatives has 0.
fn evaluation(mode: EvaluationMode, scores: &[f64]) -> f64 {
    let finite = scores.iter().copied().filter(|s| s.is_finite());
    match mode {
        EvaluationMode::Best => finite.fold(0.0, f64::max),
        EvaluationMode::Sum => finite.sum(),
        EvaluationMode::Mean => {
            let (sum, n) = finite.fold((0.0, 0u32), |(sum, n), s| (sum + s, n + 1));
            if n == 0 {
                0.0
            } else {
                sum / f64::from(n)
            }
        }
    }
}

/// A score as Vietnamese readers write it: `1.234,5` (dot for thousands, comma for decimals),
/// with no decimals when it is whole.
pub fn score_text(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let (whole, cents) = (hundredths.unsigned_abs() / 100, hundredths.unsigned_abs() % 100);
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    match cents {
        0 => format!("{sign}{grouped}"),
        c if c % 10 == 0 => format!("{sign}{grouped},{}", c / 10),
        c => format!("{sign}{grouped},{c:02}"),
    }
}

/// A unit with no on-time submission comes after every unit with one.
fn submitted(u: &UnitFacts) -> (bool, Option<DateTime<Utc>>) {
    (u.first_on_time_submission.is_none(), u.first_on_time_submission)
}

fn compare(a: &UnitFacts, sa: &Standing, b: &UnitFacts, sb: &Standing) -> Ordering {
    sb.score_hundredths
        .cmp(&sa.score_hundredths)
        .then_with(|| submitted(a).cmp(&submitted(b)))
        .then_with(|| a.name_order.cmp(&b.name_order))
        .then_with(|| a.unit_id.cmp(&b.unit_id))
}

/// Why `above` comes before `below`, two units of equal score in that order.
fn tie_break(above: &UnitFacts, below: &UnitFacts) -> TieBreak {
    if submitted(above) < submitted(below) {
        TieBreak::EarlierSubmission
    } else {
        TieBreak::Name
    }
}

#[cfg(test)]
mod tests;
