//! An initiative's final score from its members' totals. Rules: only submitted scores count,
//! never a conflicted member's (he has none) or an abstention; the totals combine by the
//! campaign's method (mean by default; median; or a trimmed mean that drops the highest and the
//! lowest when at least five scored); coverage is how many scored of the members expected to
//! (assigned and not conflicted; an abstention stays expected), and a score below the quorum
//! (two thirds of them by default) is shown with a warning; members disagree when the highest
//! and the lowest total differ by more than a share of the maximum total (30 % by default).
//! The result never depends on the order of the totals.
use super::HalfPoints;
use serde::{Deserialize, Serialize};

/// How members' totals combine; apart from `EvaluationMode`, which combines a unit's initiatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Combine {
    #[default]
    Mean,
    Median,
    /// The mean without the highest and the lowest total, when at least five scored.
    TrimmedMean,
}

/// Fewest scores from which a trimmed mean drops its two ends.
pub const TRIM_FROM: usize = 5;

impl Combine {
    pub const ALL: [Combine; 3] = [Combine::Mean, Combine::Median, Combine::TrimmedMean];

    pub fn as_str(self) -> &'static str {
        match self {
            Combine::Mean => "mean",
            Combine::Median => "median",
            Combine::TrimmedMean => "trimmed_mean",
        }
    }

    pub fn parse(raw: &str) -> Option<Combine> {
        Self::ALL.into_iter().find(|c| c.as_str() == raw)
    }
}

/// How many of the expected members must have scored for a final score without a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Quorum {
    #[default]
    TwoThirds,
    Half,
    All,
}

impl Quorum {
    pub const ALL: [Quorum; 3] = [Quorum::TwoThirds, Quorum::Half, Quorum::All];

    pub fn as_str(self) -> &'static str {
        match self {
            Quorum::TwoThirds => "two_thirds",
            Quorum::Half => "half",
            Quorum::All => "all",
        }
    }

    pub fn parse(raw: &str) -> Option<Quorum> {
        Self::ALL.into_iter().find(|q| q.as_str() == raw)
    }

    /// The share as (numerator, denominator).
    pub fn fraction(self) -> (u32, u32) {
        match self {
            Quorum::TwoThirds => (2, 3),
            Quorum::Half => (1, 2),
            Quorum::All => (1, 1),
        }
    }
}

/// Default share of the maximum total above which members disagree, in percent.
pub const DISAGREEMENT_PERCENT: u32 = 30;

/// The campaign's rules for final scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalScoreRules {
    pub combine: Combine,
    /// The quorum as a fraction of the expected members: (numerator, denominator).
    pub quorum: (u32, u32),
    /// Members disagree above this share of the maximum total, in percent.
    pub disagreement_percent: u32,
    /// The highest total an initiative can get (the criteria's maxima summed), in half points.
    pub max_total: HalfPoints,
}

impl FinalScoreRules {
    pub fn with_defaults(max_total: HalfPoints) -> Self {
        FinalScoreRules {
            combine: Combine::Mean,
            quorum: Quorum::TwoThirds.fraction(),
            disagreement_percent: DISAGREEMENT_PERCENT,
            max_total,
        }
    }
}

/// What one member did with one initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Submitted, with its total.
    Scored(HalfPoints),
    /// Assigned, not yet submitted (or skipped for now).
    Pending,
    /// Declined with a reason ("Không chấm").
    Abstained,
    /// Conflicted, by the unit tree or by his own declaration.
    Recused,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FinalScore {
    /// In points (half points halved); `None` while nobody has scored.
    pub score: Option<f64>,
    /// Members who scored.
    pub scored: usize,
    /// Members expected to score: assigned, not conflicted.
    pub expected: usize,
    pub below_quorum: bool,
    pub disagreement: bool,
}

pub fn final_score(parts: &[Part], rules: &FinalScoreRules) -> FinalScore {
    let mut totals: Vec<HalfPoints> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Scored(total) => Some(*total),
            _ => None,
        })
        .collect();
    totals.sort_unstable();
    let expected = parts.iter().filter(|p| **p != Part::Recused).count();
    let (numerator, denominator) = rules.quorum;
    let below_quorum =
        (totals.len() as u64) * u64::from(denominator) < (expected as u64) * u64::from(numerator);
    let disagreement = match (totals.first(), totals.last()) {
        (Some(low), Some(high)) => {
            u64::from(high - low) * 100 > u64::from(rules.disagreement_percent) * u64::from(rules.max_total)
        }
        _ => false,
    };
    FinalScore {
        score: combine_sorted(&totals, rules.combine).map(|halves| halves / 2.0),
        scored: totals.len(),
        expected,
        below_quorum,
        disagreement,
    }
}

/// The combined total of ascending `totals`, in half points.
fn combine_sorted(totals: &[HalfPoints], combine: Combine) -> Option<f64> {
    let n = totals.len();
    if n == 0 {
        return None;
    }
    let mean =
        |values: &[HalfPoints]| values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64;
    Some(match combine {
        Combine::Mean => mean(totals),
        Combine::Median if n % 2 == 1 => f64::from(totals[n / 2]),
        Combine::Median => (f64::from(totals[n / 2 - 1]) + f64::from(totals[n / 2])) / 2.0,
        Combine::TrimmedMean if n >= TRIM_FROM => mean(&totals[1..n - 1]),
        Combine::TrimmedMean => mean(totals),
    })
}

#[cfg(test)]
mod tests;
