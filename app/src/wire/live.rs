//! What the `api::live` server functions take and return, shared by the browser and the server.
use crate::domain::ceremony::Stage;
use crate::domain::deadline::Deadline;
use crate::domain::initiative::InitiativeKind;
use crate::domain::ranking::TieBreak;
use crate::wire::awards::AwardList;
use chrono::{DateTime, Utc};
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
    /// Award forms with their recipients, once results are public.
    pub awards: Vec<AwardList>,
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
    /// Equal scores share a place (1, 1, 1, 4).
    pub place: usize,
    /// Other rows have the same place.
    pub shared: bool,
    /// Why this row stands above the next one of its place.
    pub ahead_by: Option<TieBreak>,
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
    /// The reveal ceremony's current step, while one runs live.
    pub ceremony: Option<Stage>,
}

/// An organizer's links to a campaign's board (`None` while it is a draft: no board yet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardLinks {
    pub board: Option<BoardShare>,
    pub screen_path: Option<String>,
}
