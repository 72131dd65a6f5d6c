//! What a final score means. Rules: the rating level follows from the campaign's thresholds
//! (at or above `excellent` is hoàn thành xuất sắc, then `good`, then `pass`, below it không hoàn
//! thành); an initiative is recognised (công nhận sáng kiến) only when at least two thirds of the
//! members present at the council's meeting agreed, and a meeting with nobody present recognises
//! nothing; the proposal to the meeting defaults to the initiatives rated hoàn thành or better.
use crate::domain::campaign::Thresholds;
use crate::error::Problem;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    /// Không hoàn thành.
    Fail,
    /// Hoàn thành.
    Pass,
    /// Hoàn thành tốt.
    Good,
    /// Hoàn thành xuất sắc.
    Excellent,
}

impl Level {
    pub fn of(score: f64, thresholds: &Thresholds) -> Level {
        let at_least = |min: i32| score >= f64::from(min);
        if at_least(thresholds.excellent) {
            Level::Excellent
        } else if at_least(thresholds.good) {
            Level::Good
        } else if at_least(thresholds.pass) {
            Level::Pass
        } else {
            Level::Fail
        }
    }

    /// Whether the meeting is asked to recognise an initiative of this level by default.
    pub fn proposed_for_recognition(self) -> bool {
        self >= Level::Pass
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Fail => "fail",
            Level::Pass => "pass",
            Level::Good => "good",
            Level::Excellent => "excellent",
        }
    }

    pub fn parse(raw: &str) -> Option<Level> {
        [Level::Fail, Level::Pass, Level::Good, Level::Excellent]
            .into_iter()
            .find(|l| l.as_str() == raw)
    }
}

/// The meeting's vote on one initiative: recognised with at least two thirds of those present.
pub fn recognised(present: u32, agreed: u32) -> bool {
    present > 0 && agreed <= present && u64::from(agreed) * 3 >= u64::from(present) * 2
}

/// The number of members who agreed, as the secretary typed it: blank when the initiative was
/// not put to the vote, else a whole number from 0 to `present`.
pub fn parse_agreed(text: &str, present: u32) -> Result<Option<u32>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let agreed: u32 = text.parse().map_err(|_| Problem::NotAWholeNumber)?;
    if agreed > present {
        return Err(Problem::OutOfRange {
            min: 0,
            max: i64::from(present),
        });
    }
    Ok(Some(agreed))
}

#[cfg(test)]
mod tests {
    use super::*;

    const THRESHOLDS: Thresholds = Thresholds {
        excellent: 90,
        good: 70,
        pass: 50,
    };

    #[test]
    fn levels_start_at_their_thresholds() {
        let level = |score| Level::of(score, &THRESHOLDS);
        assert_eq!(level(100.0), Level::Excellent);
        assert_eq!(level(90.0), Level::Excellent);
        assert_eq!(level(89.5), Level::Good);
        assert_eq!(level(70.0), Level::Good);
        assert_eq!(level(69.75), Level::Pass);
        assert_eq!(level(50.0), Level::Pass);
        assert_eq!(level(49.5), Level::Fail);
        assert_eq!(level(0.0), Level::Fail);
    }

    #[test]
    fn hoan_thanh_or_better_is_proposed() {
        assert!(Level::Pass.proposed_for_recognition());
        assert!(Level::Excellent.proposed_for_recognition());
        assert!(!Level::Fail.proposed_for_recognition());
    }

    #[test]
    fn two_thirds_of_those_present_recognise() {
        assert!(recognised(9, 6));
        assert!(!recognised(9, 5));
        assert!(recognised(7, 5), "5 of 7 is above two thirds");
        assert!(!recognised(7, 4));
        assert!(recognised(3, 2));
        assert!(!recognised(0, 0), "nobody present");
        assert!(!recognised(3, 4), "more agreed than present is no vote");
    }

    #[test]
    fn the_agreed_count_is_blank_or_a_whole_number_up_to_those_present() {
        assert_eq!(parse_agreed(" ", 5), Ok(None));
        assert_eq!(parse_agreed("4", 5), Ok(Some(4)));
        assert_eq!(parse_agreed("0", 5), Ok(Some(0)));
        assert_eq!(parse_agreed("6", 5), Err(Problem::OutOfRange { min: 0, max: 5 }));
        assert_eq!(parse_agreed("-1", 5), Err(Problem::NotAWholeNumber));
        assert_eq!(parse_agreed("4,5", 5), Err(Problem::NotAWholeNumber));
    }

    #[test]
    fn level_names_round_trip() {
        for level in [Level::Fail, Level::Pass, Level::Good, Level::Excellent] {
            assert_eq!(Level::parse(level.as_str()), Some(level));
        }
        assert_eq!(Level::parse("xuat_sac"), None);
    }
}
