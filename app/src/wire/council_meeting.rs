//! What the council meeting's server functions (`api::council_meeting`) take and return. Lines
//! the viewer is conflicted on carry no score, level or vote: only that they are his conflict.
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::decision::Level;
use crate::domain::council::role::CouncilRole;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingMember {
    pub account_id: i64,
    pub name: String,
    pub role: CouncilRole,
    /// Recorded present (everyone, before the meeting is first recorded).
    pub present: bool,
}

/// One initiative as the meeting votes on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteLine {
    pub initiative_id: i64,
    pub title: String,
    pub unit_name: String,
    pub conflicted: bool,
    pub score: Option<f64>,
    pub level: Option<Level>,
    /// Put to the vote by default: rated hoàn thành or better.
    pub proposed: bool,
    pub agreed: Option<u32>,
    pub present: Option<u32>,
    pub recognised: Option<bool>,
}

impl VoteLine {
    /// A line the viewer may not see: its title and unit only.
    pub fn conflicted(initiative_id: i64, title: String, unit_name: String) -> Self {
        VoteLine {
            initiative_id,
            title,
            unit_name,
            conflicted: true,
            score: None,
            level: None,
            proposed: false,
            agreed: None,
            present: None,
            recognised: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingView {
    pub campaign_id: i64,
    pub title: String,
    pub state: CampaignState,
    pub role: CouncilRole,
    /// `dd/mm/yyyy`, once recorded.
    pub held_on: Option<String>,
    /// Today in Vietnam, `dd/mm/yyyy`: the date proposed before the meeting is recorded (read on
    /// the server: the browser's WebAssembly has no clock of its own here).
    pub today: String,
    pub members: Vec<MeetingMember>,
    /// The proposal first, best first; the viewer's conflicts last.
    pub lines: Vec<VoteLine>,
    /// Recorded only while the council is scoring.
    pub editable: bool,
}
