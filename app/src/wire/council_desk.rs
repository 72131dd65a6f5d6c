//! What the council's desk server functions (`api::council_desk`) take and return. Everything
//! here is what one member may see: an initiative he may not score never appears with a score.
use crate::domain::campaign::Criterion;
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::role::CouncilRole;
use crate::domain::council::HalfPoints;
use crate::wire::initiatives::InitiativeContent;
use serde::{Deserialize, Serialize};

/// A campaign whose council holds the signed-in account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatSummary {
    pub campaign_id: i64,
    pub title: String,
    pub state: CampaignState,
    pub role: CouncilRole,
}

/// Where one initiative stands for one member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeskStatus {
    /// To score; `draft` when something is already typed.
    Todo {
        draft: bool,
    },
    Skipped,
    Scored {
        total: HalfPoints,
    },
    Abstained,
    /// "Không chấm (đơn vị mình)": his unit, above or below it.
    RecusedUnit,
    /// "Đã khai xung đột lợi ích".
    RecusedDeclared,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueEntry {
    pub id: i64,
    pub title: String,
    pub unit_name: String,
    pub field_name: String,
    pub status: DeskStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskQueue {
    pub campaign_id: i64,
    pub title: String,
    pub state: CampaignState,
    pub role: CouncilRole,
    pub entries: Vec<QueueEntry>,
    /// The initiative "Chấm tiếp" opens: the one with the fewest scores among his to-do.
    pub next: Option<i64>,
}

/// A member's sheet as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSheet {
    /// "draft", "skipped", "submitted" or "abstained".
    pub state: String,
    pub points: Vec<Option<HalfPoints>>,
    pub comments: Vec<String>,
    pub overall: String,
    pub reason: String,
}

/// Another member's submitted sheet, shown once one's own is submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerSheet {
    pub name: String,
    pub points: Vec<Option<HalfPoints>>,
    pub comments: Vec<String>,
    pub overall: String,
    pub total: Option<HalfPoints>,
}

/// One initiative on a member's desk: its whole text beside his sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskInitiative {
    pub campaign_id: i64,
    pub campaign_title: String,
    /// Scores are saved only while it is `Evaluating`.
    pub state: CampaignState,
    pub content: InitiativeContent,
    pub criteria: Vec<Criterion>,
    pub sheet: Option<StoredSheet>,
    /// The sheet's version as read (0: none yet); a save names it, so two tabs never overwrite
    /// each other silently.
    pub version: i32,
    /// Empty until his own sheet is submitted.
    pub peers: Vec<PeerSheet>,
    /// His progress: submitted or abstained, of the initiatives he is to score.
    pub done: usize,
    pub assigned: usize,
}

/// What a save answers: the sheet's new version, and where "Lưu & tiếp" goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetSaved {
    pub version: i32,
    pub next: Option<i64>,
}
