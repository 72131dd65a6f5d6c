//! A unit's score and its place in the campaign. Rules: the score is the participation points
//! of the duties met (commitment signed, minimum met before the deadline, report on time) plus,
//! once results are published, the evaluation part (best / mean / sum of its initiatives' final
//! scores) times the campaign's weight; before publication only participation counts. Higher
//! score first; ties go to the earlier on-time submission, then to the name in Vietnamese order
//! (given as a position the database computed with its Vietnamese collation), then to the unit
//! id, so the order is total and does not depend on the order of the input.
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
}

/// One row of the standings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    pub unit_id: i64,
    /// 1 for the first row; every row has its own place.
    pub place: usize,
    pub participation_points: i64,
    /// `None` before results are published.
    pub evaluation_points: Option<f64>,
    /// The score in hundredths, as shown and compared (so two scores that look equal are equal).
    pub score_hundredths: i64,
}

/// The standings of a campaign, best first.
pub fn rank(scoring: &Scoring, published: bool, units: &[UnitFacts]) -> Vec<Standing> {
    let mut scored: Vec<(&UnitFacts, Standing)> = units
        .iter()
        .map(|unit| (unit, score(scoring, published, unit)))
        .collect();
    scored.sort_by(|(a, sa), (b, sb)| compare(a, sa, b, sb));
    scored
        .into_iter()
        .enumerate()
        .map(|(i, (_, standing))| Standing {
            place: i + 1,
            ..standing
        })
        .collect()
}

fn score(scoring: &Scoring, published: bool, unit: &UnitFacts) -> Standing {
    let duty = |met: bool, points: i32| if met { i64::from(points) } else { 0 };
    let participation_points = duty(unit.commitment_signed, scoring.points_commitment)
        + duty(unit.minimum_met_on_time, scoring.points_minimum)
        + duty(unit.report_on_time, scoring.points_report);
    let evaluation_points = published
        .then(|| evaluation(scoring.evaluation_mode, &unit.initiative_scores) * scoring.evaluation_weight);
    let total = participation_points as f64 + evaluation_points.unwrap_or(0.0);
    Standing {
        unit_id: unit.unit_id,
        place: 0,
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

fn compare(a: &UnitFacts, sa: &Standing, b: &UnitFacts, sb: &Standing) -> Ordering {
    // A unit with no on-time submission comes after every unit with one.
    let submitted = |u: &UnitFacts| (u.first_on_time_submission.is_none(), u.first_on_time_submission);
    sb.score_hundredths
        .cmp(&sa.score_hundredths)
        .then_with(|| submitted(a).cmp(&submitted(b)))
        .then_with(|| a.name_order.cmp(&b.name_order))
        .then_with(|| a.unit_id.cmp(&b.unit_id))
}

#[cfg(test)]
mod tests;
