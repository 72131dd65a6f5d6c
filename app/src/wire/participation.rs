//! What the `api::participation` server functions take and return, shared by the browser and the server.
use crate::domain::campaign_state::CampaignState;
use crate::domain::deadline::Deadline;
use crate::domain::initiative::InitiativeKind;
use crate::domain::participation::ParticipationRow;
use crate::wire::initiatives::InitiativeContent;
use crate::wire::reports::FiledReport;
use crate::wire::unit_portal::Commitment;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation {
    pub id: i64,
    pub title: String,
    pub state: CampaignState,
    pub min_initiatives: i32,
    pub registration_deadline: Option<Deadline>,
    pub report_deadline: Option<Deadline>,
    pub rows: Vec<ParticipationRow>,
    pub loaded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptMatch {
    pub unit_id: i64,
    pub receipt_code: String,
    pub unit_name: String,
    pub kind: InitiativeKind,
    pub title: String,
    pub field_name: String,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One participating unit's registration as its organizer reads it: the commitment, each
/// initiative in full and the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRegistration {
    pub campaign_id: i64,
    pub campaign_title: String,
    pub state: CampaignState,
    pub min_initiatives: i32,
    pub unit_name: String,
    pub commitment: Option<Commitment>,
    pub initiatives: Vec<InitiativeContent>,
    pub report: Option<FiledReport>,
}
