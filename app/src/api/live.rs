//! The leaderboard of a campaign: standings, participation and the newest registrations.
//! Anybody may read it once the campaign has opened: a public campaign's with its id alone, a
//! link-only campaign's only with its key (`server::board_key`). Anything else, drafts included,
//! answers "not found". Organizers get the links to hand out.
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
    /// Reachable only with its key.
    pub link_only: bool,
    /// What every unit here is ("phường"), when they all are the same; else "đơn vị" is said.
    pub unit_noun: Option<String>,
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
    /// Position in the alphabetical (Vietnamese) list of the campaign's units.
    pub name_order: i64,
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

/// Where a board is opened from a phone: what the conference screen's QR code holds and writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardShare {
    /// The absolute address (with the key of a link-only board).
    pub url: String,
    /// The same without `https://`, as written under the QR code.
    pub short_url: String,
    /// The QR code of `url`, as SVG.
    pub qr_svg: String,
}

/// What a conference screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveScreen {
    pub board: LiveBoard,
    pub share: BoardShare,
}

/// An organizer's links to a campaign's board (`None` while it is a draft: no board yet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardLinks {
    pub board: Option<BoardShare>,
    pub screen_path: Option<String>,
}

#[server(prefix = "/api", endpoint = "live_board")]
pub async fn get_live_board(campaign_id: i64, key: Option<String>) -> Result<LiveBoard, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::live_board::load(campaign_id, key).await)
}

#[server(prefix = "/api", endpoint = "live_screen")]
pub async fn get_live_screen(campaign_id: i64, key: Option<String>) -> Result<LiveScreen, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::live_board::load_screen(campaign_id, key).await)
}

#[server(prefix = "/api", endpoint = "board_links")]
pub async fn get_board_links(campaign_id: i64) -> Result<BoardLinks, AppError> {
    use crate::server::{access, respond::finish};
    let result = async {
        access::campaign_admin(campaign_id).await?;
        crate::server::live_board::links(campaign_id).await
    }
    .await;
    finish(result)
}
