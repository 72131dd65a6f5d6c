//! What the chair's desk server functions (`api::council_chair`) take and return. Rows the
//! viewer is conflicted on carry no score, scorer or level: only that they are his conflict.
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::decision::Level;
use crate::domain::council::role::CouncilRole;
use crate::domain::council::HalfPoints;
use serde::{Deserialize, Serialize};

/// One member's part in one initiative, as the chair's matrix shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MatrixCell {
    Scored(HalfPoints),
    Pending,
    Abstained,
    Recused,
    /// Outside the member's fields.
    NotAssigned,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatrixRow {
    pub initiative_id: i64,
    pub title: String,
    pub unit_name: String,
    /// The viewer may not score it: nothing else of the row is sent.
    pub conflicted: bool,
    pub cells: Vec<MatrixCell>,
    pub score: Option<f64>,
    /// The z-score view of the result (`domain::council::normalise`), for information.
    pub normalised: Option<f64>,
    pub scored: i32,
    pub expected: i32,
    pub below_quorum: bool,
    pub disagreement: bool,
    pub level: Option<Level>,
    pub override_score: Option<f64>,
    pub override_level: Option<Level>,
    pub override_reason: String,
    pub exemplary: bool,
}

impl MatrixRow {
    pub fn final_score(&self) -> Option<f64> {
        self.override_score.or(self.score)
    }

    pub fn final_level(&self) -> Option<Level> {
        self.override_level.or(self.level)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatrixMember {
    pub account_id: i64,
    pub name: String,
    pub role: CouncilRole,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChairDesk {
    pub campaign_id: i64,
    pub title: String,
    pub state: CampaignState,
    /// Published, not yet public: waiting for the conference.
    pub results_held: bool,
    /// The viewer's role: the chair acts; the secretary acts where the chair is conflicted.
    pub role: CouncilRole,
    pub members: Vec<MatrixMember>,
    pub rows: Vec<MatrixRow>,
}
