//! What the `api::unit_links` server functions take and return, shared by the browser and the server.
use crate::domain::campaign_state::CampaignState;
use crate::domain::unit::UnitKind;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitLink {
    pub unit_id: i64,
    pub unit_name: String,
    pub unit_kind: UnitKind,
    /// The full link, while the unit has a live one.
    pub url: Option<String>,
    /// Its QR code as SVG.
    pub qr_svg: Option<String>,
    pub issued_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinksOfCampaign {
    pub id: i64,
    pub title: String,
    pub state: CampaignState,
    pub organizer_name: String,
    pub registration_deadline: Option<crate::domain::deadline::Deadline>,
    pub units: Vec<UnitLink>,
}
