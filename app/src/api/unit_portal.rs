//! The unit's side: opening its secret link, its page (what is still due), and the commitment.
//! A unit caller is a browser that opened the unit's link (no account); every function here
//! checks that link before anything else, and reaches only that unit's rows.
use crate::domain::campaign_state::CampaignState;
use crate::domain::deadline::Deadline;
use crate::domain::initiative::InitiativeKind;
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::server;
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

/// Opens `/l/{token}`: binds this browser to the link's unit, then sends it to the unit's page
/// (the token leaves the address bar); a browser bound to another unit is asked first.
#[server(prefix = "/api", endpoint = "open_unit_link")]
pub async fn open_unit_link(token: String) -> Result<LinkOpened, AppError> {
    use crate::server::respond::finish;
    let result = crate::server::unit_access::open_link(&token, false).await;
    if let Ok(LinkOpened::Bound { campaign_id }) = &result {
        leptos_axum::redirect(&format!("/unit/{campaign_id}"));
    }
    finish(result)
}

/// The confirmed switch of this browser to the unit of `token` (a form post from the question).
#[server(prefix = "/api", endpoint = "switch_unit_link")]
pub async fn switch_unit_link(token: String) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::unit_access::open_link(&token, true).await;
    if let Ok(LinkOpened::Bound { campaign_id }) = &result {
        leptos_axum::redirect(&format!("/unit/{campaign_id}"));
    }
    finish_form(result.map(|_| ()), crate::server::respond::NOTHING_TYPED)
}

#[server(prefix = "/api", endpoint = "get_unit_home")]
pub async fn get_unit_home(campaign_id: i64) -> Result<UnitHome, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::unit_portal::home(campaign_id).await)
}

/// The unit's campaign only (for its form pages).
#[server(prefix = "/api", endpoint = "get_unit_campaign")]
pub async fn get_unit_campaign(campaign_id: i64) -> Result<UnitCampaign, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::unit_portal::campaign(campaign_id).await)
}

/// Signs the unit's commitment, once.
#[server(prefix = "/api", endpoint = "sign_commitment")]
pub async fn sign_commitment(
    campaign_id: i64,
    head_name: String,
    head_position: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::unit_portal::sign_commitment(
        campaign_id,
        &head_name,
        &head_position,
        confirm.is_some(),
    )
    .await;
    if result.is_ok() {
        crate::server::respond::redirect_plain_form(&format!("/unit/{campaign_id}?saved=commitment"));
    }
    finish_form(
        result,
        &[
            ("head_name", head_name.as_str()),
            ("head_position", head_position.as_str()),
        ],
    )
}
