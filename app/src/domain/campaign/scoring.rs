//! How a unit's score is formed: points for each participation duty met (commitment signed,
//! minimum met on time, report on time) plus the evaluation part (best / mean / sum of its
//! initiatives' final scores) times a weight.
use super::numbers::{parse_count, parse_weight};
use super::EvaluationMode;
use crate::error::{AppError, Checks, Problem};
use serde::{Deserialize, Serialize};

pub const PARTICIPATION_POINTS_MAX: i64 = 1000;
pub const WEIGHT_MAX: i64 = 100;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoringInput {
    pub points_commitment: String,
    pub points_minimum: String,
    pub points_report: String,
    pub evaluation_mode: String,
    pub evaluation_weight: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scoring {
    pub points_commitment: i32,
    pub points_minimum: i32,
    pub points_report: i32,
    pub evaluation_mode: EvaluationMode,
    pub evaluation_weight: f64,
}

impl Scoring {
    pub fn parse(input: &ScoringInput) -> Result<Self, AppError> {
        let mut checks = Checks::default();
        let points = |raw: &str| parse_count(raw, 0, PARTICIPATION_POINTS_MAX).map(|p| p as i32);
        let commitment = checks.check("points_commitment", points(&input.points_commitment));
        let minimum = checks.check("points_minimum", points(&input.points_minimum));
        let report = checks.check("points_report", points(&input.points_report));
        let mode = checks.check(
            "evaluation_mode",
            EvaluationMode::parse(&input.evaluation_mode).ok_or(Problem::Required),
        );
        let weight = checks.check(
            "evaluation_weight",
            parse_weight(&input.evaluation_weight, WEIGHT_MAX),
        );
        checks.finish()?;
        match (commitment, minimum, report, mode, weight) {
            (
                Some(points_commitment),
                Some(points_minimum),
                Some(points_report),
                Some(mode),
                Some(weight),
            ) => Ok(Self {
                points_commitment,
                points_minimum,
                points_report,
                evaluation_mode: mode,
                evaluation_weight: weight,
            }),
            _ => Err(AppError::Internal),
        }
    }
}

impl Default for Scoring {
    fn default() -> Self {
        Self {
            points_commitment: 10,
            points_minimum: 10,
            points_report: 10,
            evaluation_mode: EvaluationMode::Best,
            evaluation_weight: 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ScoringInput {
        ScoringInput {
            points_commitment: "10".into(),
            points_minimum: "20".into(),
            points_report: "0".into(),
            evaluation_mode: "mean".into(),
            evaluation_weight: "0,5".into(),
        }
    }

    #[test]
    fn a_formula_is_read_with_a_decimal_comma_weight() {
        let scoring = Scoring::parse(&input()).expect("valid");
        assert_eq!(scoring.points_minimum, 20);
        assert_eq!(scoring.evaluation_mode, EvaluationMode::Mean);
        assert_eq!(scoring.evaluation_weight, 0.5);
    }

    #[test]
    fn negative_points_and_unknown_modes_are_refused() {
        let bad = ScoringInput {
            points_commitment: "-5".into(),
            evaluation_mode: "median".into(),
            ..input()
        };
        let Err(AppError::Invalid(errors)) = Scoring::parse(&bad) else {
            panic!("expected problems");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["points_commitment", "evaluation_mode"]);
    }
}
