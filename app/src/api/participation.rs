//! The organizer's view of registration: every participating unit's commitment, initiatives
//! against the minimum and report; and looking up a receipt code a unit quotes. Admins only.
use crate::domain::campaign_state::CampaignState;
use crate::domain::deadline::Deadline;
use crate::domain::initiative::InitiativeKind;
use crate::domain::participation::ParticipationRow;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::server;
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
    pub receipt_code: String,
    pub unit_name: String,
    pub kind: InitiativeKind,
    pub title: String,
    pub field_name: String,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[server(prefix = "/api", endpoint = "campaign_participation")]
pub async fn campaign_participation(id: i64) -> Result<Participation, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::participation::participation(id).await)
}

/// The initiative of campaign `id` with receipt code `code` (case, spaces and dash forgiven).
#[server(prefix = "/api", endpoint = "lookup_receipt")]
pub async fn lookup_receipt(id: i64, code: String) -> Result<Option<ReceiptMatch>, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::participation::lookup(id, &code).await)
}
