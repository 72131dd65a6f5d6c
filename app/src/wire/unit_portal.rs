//! What the `api::unit_portal` server functions take and return, shared by the browser and the server.
use crate::domain::campaign_state::CampaignState;
use crate::domain::deadline::Deadline;
use crate::domain::initiative::InitiativeKind;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What a unit sees of its campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitCampaign {
    pub id: i64,
    pub title: String,
    pub theme: String,
    pub organizer_name: String,
    pub state: CampaignState,
    pub period_end: Option<NaiveDate>,
    pub registration_deadline: Option<Deadline>,
    pub report_deadline: Option<Deadline>,
    pub min_initiatives: i32,
    /// The most initiatives the unit may register in this campaign.
    pub max_initiatives: i32,
    pub unit_id: i64,
    pub unit_name: String,
    /// The server's clock when this was read; time left is counted from it.
    pub loaded_at: DateTime<Utc>,
}

impl UnitCampaign {
    /// Initiatives may be sent or changed now (the server checks again on every save).
    pub fn registration_open(&self) -> bool {
        self.state
            .registration_open(self.registration_deadline, self.loaded_at)
    }

    /// Reports are taken while the campaign runs; after the deadline they are marked late.
    pub fn report_open(&self) -> bool {
        self.state.accepts_reports()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    pub head_name: String,
    pub head_position: String,
    pub signed_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeSummary {
    pub id: i64,
    pub receipt_code: String,
    pub kind: InitiativeKind,
    pub title: String,
    pub field_name: String,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub attachment_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSummary {
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub on_time: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitHome {
    pub campaign: UnitCampaign,
    pub commitment: Option<Commitment>,
    pub initiatives: Vec<InitiativeSummary>,
    pub report: Option<ReportSummary>,
    /// A draft of a new initiative is kept on the server.
    pub has_draft: bool,
    /// The campaign's live board (with its key when link-only): units follow the standings too.
    pub board_path: String,
}

/// What opening a unit link did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkOpened {
    /// This browser now acts for the link's unit.
    Bound { campaign_id: i64 },
    /// This browser acts for another unit of the campaign; nothing changed, the person is asked.
    Switch {
        campaign_id: i64,
        current_unit: String,
        new_unit: String,
    },
}
