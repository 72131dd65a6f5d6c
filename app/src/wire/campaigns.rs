//! What the `api::campaigns` server functions take and return, shared by the browser and the server.
use super::units::UnitRef;
use crate::domain::campaign::general::Schedule;
use crate::domain::campaign::readiness::Missing;
use crate::domain::campaign::scoring::Scoring;
use crate::domain::campaign::{AwardForm, Criterion, Thresholds, Visibility};
use crate::domain::campaign_state::CampaignState;
use crate::domain::deadline::Deadline;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignSummary {
    pub id: i64,
    pub title: String,
    pub state: CampaignState,
    pub organizer_name: String,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub registration_deadline: Option<Deadline>,
    pub unit_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignRef {
    pub id: i64,
    pub title: String,
}

/// Everything about one campaign's configuration, for its pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignDetail {
    pub id: i64,
    pub title: String,
    pub theme: String,
    pub plan_ref: String,
    pub plan_date: Option<NaiveDate>,
    pub organizer: UnitRef,
    pub schedule: Schedule,
    pub min_initiatives: i32,
    pub max_initiatives: i32,
    pub visibility: Visibility,
    pub state: CampaignState,
    /// Published, but shown to the public only once released (at the conference).
    pub results_held: bool,
    pub thresholds: Option<Thresholds>,
    pub scoring: Scoring,
    pub fields: Vec<String>,
    pub criteria: Vec<Criterion>,
    pub award_forms: Vec<AwardForm>,
    pub unit_count: i64,
    pub copied_from: Option<CampaignRef>,
    /// What must still be set before it can open (empty once it is past the draft).
    pub missing: Vec<Missing>,
    /// The server's clock when this was read: pages count days left from it, never from the
    /// browser's clock.
    pub loaded_at: chrono::DateTime<chrono::Utc>,
}
