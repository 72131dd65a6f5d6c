//! How a unit's score is formed: points for each participation duty met (commitment signed,
//! minimum met on time, report on time) and for each exemplary initiative it adopted within the
//! campaign's period (nhân rộng; none by default), plus the evaluation part (best / mean / sum of its
//! initiatives' final scores) times a weight; and how the council's totals become an
//! initiative's final score (combination, quorum, disagreement threshold), which is fixed once
//! the council starts scoring.
use super::numbers::{parse_count, parse_weight};
use super::EvaluationMode;
use crate::domain::council::final_score::{Combine, FinalScoreRules, Quorum, DISAGREEMENT_PERCENT};
use crate::domain::council::HalfPoints;
use crate::error::{AppError, Checks, Problem};
use serde::{Deserialize, Serialize};

pub const PARTICIPATION_POINTS_MAX: i64 = 1000;
pub const WEIGHT_MAX: i64 = 100;
/// The disagreement threshold is a share of the maximum total, in percent.
pub const DISAGREEMENT_RANGE: (i64, i64) = (1, 100);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoringInput {
    pub points_commitment: String,
    pub points_minimum: String,
    pub points_report: String,
    /// Empty means none: forms saved before replication points existed send nothing.
    pub points_replication: String,
    pub evaluation_mode: String,
    pub evaluation_weight: String,
    pub final_combine: String,
    pub quorum: String,
    pub disagreement_percent: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scoring {
    pub points_commitment: i32,
    pub points_minimum: i32,
    pub points_report: i32,
    /// For each exemplary initiative adopted within the period.
    pub points_replication: i32,
    pub evaluation_mode: EvaluationMode,
    pub evaluation_weight: f64,
    pub final_combine: Combine,
    pub quorum: Quorum,
    pub disagreement_percent: i32,
}

impl Scoring {
    pub fn parse(input: &ScoringInput) -> Result<Self, AppError> {
        let mut checks = Checks::default();
        let points = |raw: &str| parse_count(raw, 0, PARTICIPATION_POINTS_MAX).map(|p| p as i32);
        let commitment = checks.check("points_commitment", points(&input.points_commitment));
        let minimum = checks.check("points_minimum", points(&input.points_minimum));
        let report = checks.check("points_report", points(&input.points_report));
        let replication = checks.check(
            "points_replication",
            match input.points_replication.trim() {
                "" => Ok(0),
                typed => points(typed),
            },
        );
        let mode = checks.check(
            "evaluation_mode",
            EvaluationMode::parse(&input.evaluation_mode).ok_or(Problem::Required),
        );
        let weight = checks.check(
            "evaluation_weight",
            parse_weight(&input.evaluation_weight, WEIGHT_MAX),
        );
        let combine = checks.check(
            "final_combine",
            Combine::parse(&input.final_combine).ok_or(Problem::Required),
        );
        let quorum = checks.check("quorum", Quorum::parse(&input.quorum).ok_or(Problem::Required));
        let (low, high) = DISAGREEMENT_RANGE;
        let disagreement = checks.check(
            "disagreement_percent",
            parse_count(input.disagreement_percent.trim().trim_end_matches('%'), low, high),
        );
        checks.finish()?;
        match (
            (commitment, replication),
            minimum,
            report,
            mode,
            weight,
            combine,
            quorum,
            disagreement,
        ) {
            (
                (Some(points_commitment), Some(points_replication)),
                Some(points_minimum),
                Some(points_report),
                Some(evaluation_mode),
                Some(evaluation_weight),
                Some(final_combine),
                Some(quorum),
                Some(disagreement),
            ) => Ok(Self {
                points_commitment,
                points_minimum,
                points_report,
                points_replication,
                evaluation_mode,
                evaluation_weight,
                final_combine,
                quorum,
                disagreement_percent: disagreement as i32,
            }),
            _ => Err(AppError::Internal),
        }
    }

    /// The council's rules for an initiative whose criteria sum to `max_total` half points.
    pub fn final_score_rules(&self, max_total: HalfPoints) -> FinalScoreRules {
        FinalScoreRules {
            combine: self.final_combine,
            quorum: self.quorum.fraction(),
            disagreement_percent: self.disagreement_percent.clamp(1, 100) as u32,
            max_total,
        }
    }

    /// Whether the council's part differs from `other`'s (it is fixed once scoring starts).
    pub fn council_rules_differ(&self, other: &Scoring) -> bool {
        (self.final_combine, self.quorum, self.disagreement_percent)
            != (other.final_combine, other.quorum, other.disagreement_percent)
    }
}

impl Default for Scoring {
    fn default() -> Self {
        Self {
            points_commitment: 10,
            points_minimum: 10,
            points_report: 10,
            points_replication: 0,
            evaluation_mode: EvaluationMode::Best,
            evaluation_weight: 1.0,
            final_combine: Combine::Mean,
            quorum: Quorum::TwoThirds,
            disagreement_percent: DISAGREEMENT_PERCENT as i32,
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
            points_replication: "3".into(),
            evaluation_mode: "mean".into(),
            evaluation_weight: "0,5".into(),
            final_combine: "median".into(),
            quorum: "half".into(),
            disagreement_percent: "25 %".into(),
        }
    }

    #[test]
    fn a_formula_is_read_with_a_decimal_comma_weight() {
        let scoring = Scoring::parse(&input()).expect("valid");
        assert_eq!(scoring.points_minimum, 20);
        assert_eq!(scoring.points_replication, 3);
        let unset = Scoring::parse(&ScoringInput {
            points_replication: " ".into(),
            ..input()
        });
        assert_eq!(
            unset.expect("valid").points_replication,
            0,
            "left empty gives none"
        );
        let negative = ScoringInput {
            points_replication: "-1".into(),
            ..input()
        };
        let Err(AppError::Invalid(errors)) = Scoring::parse(&negative) else {
            panic!("negative replication points are refused");
        };
        assert_eq!(errors[0].field, "points_replication");
        assert_eq!(scoring.evaluation_mode, EvaluationMode::Mean);
        assert_eq!(scoring.evaluation_weight, 0.5);
        assert_eq!(scoring.final_combine, Combine::Median);
        assert_eq!(scoring.quorum.fraction(), (1, 2));
        assert_eq!(scoring.final_score_rules(200).disagreement_percent, 25);
    }

    #[test]
    fn a_council_rule_out_of_range_or_unknown_is_refused_at_its_field() {
        for (combine, quorum, percent, field) in [
            ("mean", "two_thirds", "0", "disagreement_percent"),
            ("mean", "two_thirds", "101", "disagreement_percent"),
            ("mean", "two_thirds", "", "disagreement_percent"),
            ("best", "two_thirds", "30", "final_combine"),
            ("mean", "most", "30", "quorum"),
        ] {
            let bad = ScoringInput {
                final_combine: combine.into(),
                quorum: quorum.into(),
                disagreement_percent: percent.into(),
                ..input()
            };
            let Err(AppError::Invalid(errors)) = Scoring::parse(&bad) else {
                panic!("{combine}/{quorum}/{percent} should be refused");
            };
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].field, field);
        }
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
