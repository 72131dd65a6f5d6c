//! What the ceremony's pages take and show: the organizer's preparation (`CeremonyDesk`) and the
//! driver's console (`Console`, the only one that holds the script). Screens and the public get
//! a `Stage` alone (`wire::live::LiveScreen`, the `stage` event), never the script.
use crate::domain::campaign_state::CampaignState;
use crate::domain::ceremony::{Check, Mode, Order, Stage, Step};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CeremonyDesk {
    pub campaign_id: i64,
    pub title: String,
    pub state: CampaignState,
    pub mode: Mode,
    pub order: Order,
    /// Every award, each marked when the reveal stops on it.
    pub lines: Vec<StopLine>,
    pub checks: Vec<Check>,
    /// Results are already public: the ceremony would reveal nothing new.
    pub released: bool,
}

/// An award the reveal may stop on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StopLine {
    pub award_id: i64,
    pub form: String,
    pub collective: bool,
    /// The unit, or "Nguyễn Văn A, Chuyên viên".
    pub recipient: String,
    pub unit_name: String,
    pub initiative: Option<String>,
    pub stop: bool,
    /// The size of its card's photo, when it has one.
    pub photo_bytes: Option<i32>,
}

/// The driver's console: where the ceremony stands and everything it will show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Console {
    pub campaign_id: i64,
    pub title: String,
    pub mode: Mode,
    pub checks: Vec<Check>,
    /// The frozen script (empty before a start).
    pub script: Vec<Step>,
    pub step: usize,
    /// What the screens show now (in a rehearsal: would show).
    pub stage: Stage,
    /// Whether the driver may also prepare it (an admin, not the chair alone).
    pub organizer: bool,
}

impl Console {
    pub fn next(&self) -> Option<&Step> {
        self.script.get(self.step + 1)
    }

    pub fn last_step(&self) -> usize {
        self.script.len().saturating_sub(1)
    }
}
