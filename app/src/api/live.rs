//! The public leaderboard of a campaign: standings, participation and the newest registrations.
//! Anybody may read it for a public campaign that has opened; a draft or link-only campaign
//! answers "not found" (link-only boards come with their secret link).
use crate::domain::deadline::Deadline;
use crate::domain::initiative::InitiativeKind;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::server;
use serde::{Deserialize, Serialize};

/// How many of the newest registrations a board lists.
pub const LATEST_SHOWN: i64 = 8;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveBoard {
    pub campaign_id: i64,
    pub title: String,
    pub theme: String,
    /// Evaluation scores count (and are shown) only once results are published.
    pub published: bool,
    pub min_initiatives: i32,
    pub registration_deadline: Option<Deadline>,
    /// Best first.
    pub rows: Vec<LiveRow>,
    pub latest: Vec<LatestRegistration>,
    pub loaded_at: DateTime<Utc>,
}

impl LiveBoard {
    /// Units with at least one initiative.
    pub fn registered_units(&self) -> usize {
        self.rows.iter().filter(|r| r.initiatives > 0).count()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveRow {
    pub unit_id: i64,
    pub unit_name: String,
    pub place: usize,
    pub score_hundredths: i64,
    pub initiatives: i64,
    pub committed: bool,
    pub report_on_time: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LatestRegistration {
    pub unit_name: String,
    pub title: String,
    pub kind: InitiativeKind,
    pub submitted_at: DateTime<Utc>,
}

#[server(prefix = "/api", endpoint = "live_board")]
pub async fn get_live_board(campaign_id: i64) -> Result<LiveBoard, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::live_board::load(campaign_id).await)
}
