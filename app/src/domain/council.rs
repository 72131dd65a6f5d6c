//! The council's rules (DESIGN part 5), pure: who scores what (`assignment`), who may not score
//! what (`conflict`), how members' totals become an initiative's final score with its coverage,
//! quorum and disagreement (`final_score`), a z-score view for the chair (`normalise`), the
//! chair and the secretary (`role`), a member's score sheet (`score_sheet`), the rating level a
//! score earns and the meeting's recognition vote (`decision`). Scores are counted in half
//! points, so sums and comparisons are exact.
pub mod assignment;
pub mod conflict;
pub mod decision;
pub mod final_score;
pub mod normalise;
pub mod role;
pub mod score_sheet;

/// A score in half points (a criterion scored 7.5 is 15 half points).
pub type HalfPoints = u32;
