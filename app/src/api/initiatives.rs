//! A unit's initiatives: the form (new or existing, with the draft kept on the server), the
//! submit (multipart, files included; the same `submit_key` twice gives one initiative), the
//! draft autosave and one initiative's page with its receipt code. Unit callers only.
use super::unit_portal::UnitCampaign;
use crate::domain::initiative::attachment::AttachmentInfo;
use crate::domain::initiative::{Authors, InitiativeInput, InitiativeKind};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::server;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldOption {
    pub id: i64,
    pub name: String,
}

/// What the form starts from: the stored initiative, or the draft, or nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeForm {
    pub campaign: UnitCampaign,
    pub fields: Vec<FieldOption>,
    /// `None` for a new initiative.
    pub initiative_id: Option<i64>,
    pub receipt_code: Option<String>,
    pub input: InitiativeInput,
    pub attachments: Vec<AttachmentInfo>,
    /// Made when the form was first opened, kept with its draft until the submit commits.
    pub submit_key: String,
    pub draft_saved_at: Option<DateTime<Utc>>,
}

/// The draft as kept on the server and on the phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub submit_key: String,
    pub input: InitiativeInput,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub initiative_id: i64,
    pub receipt_code: String,
    /// False when an existing initiative was changed.
    #[serde(default = "yes")]
    pub is_new: bool,
}

fn yes() -> bool {
    true
}

impl Receipt {
    /// The initiative's page as shown right after this submit.
    pub fn page(&self, campaign_id: i64) -> String {
        let flag = if self.is_new { "sent" } else { "saved" };
        format!("/unit/{campaign_id}/initiatives/{}?{flag}=1", self.initiative_id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeDetail {
    pub campaign: UnitCampaign,
    pub id: i64,
    pub receipt_code: String,
    pub kind: InitiativeKind,
    pub field_name: String,
    pub title: String,
    pub situation: String,
    pub solution: String,
    pub benefit: String,
    pub scope: String,
    pub first_applied: NaiveDate,
    pub authors: Authors,
    pub attachments: Vec<AttachmentInfo>,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The form for a new initiative (`initiative_id` = 0) or for changing one.
#[server(prefix = "/api", endpoint = "get_initiative_form")]
pub async fn get_initiative_form(campaign_id: i64, initiative_id: i64) -> Result<InitiativeForm, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::initiatives::form(campaign_id, initiative_id).await)
}

/// Sends an initiative. Fields: `campaign_id` first, then `initiative_id` (0 = new),
/// `submit_key`, the texts, `authors[i][…]`, files in `attachments`, ids in `remove_attachment`.
#[server(prefix = "/api", endpoint = "submit_initiative", input = MultipartFormData)]
pub async fn submit_initiative(data: MultipartData) -> Result<Receipt, AppError> {
    use crate::server::respond::{finish_form, NOTHING_TYPED};
    let result = crate::server::initiatives::submit(data).await;
    if let Ok((campaign_id, receipt)) = &result {
        crate::server::respond::redirect_plain_form(&receipt.page(*campaign_id));
    }
    // Typed text is not sent back in the address: a refused submit keeps it as the draft.
    finish_form(result.map(|(_, receipt)| receipt), NOTHING_TYPED)
}

/// Keeps what is being typed as the form's draft (`form` = "new" or the initiative's id).
#[server(prefix = "/api", endpoint = "save_initiative_draft")]
pub async fn save_initiative_draft(
    campaign_id: i64,
    form: String,
    draft: String,
) -> Result<DateTime<Utc>, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::initiatives::save_draft(campaign_id, &form, &draft).await)
}

#[server(prefix = "/api", endpoint = "get_unit_initiative")]
pub async fn get_unit_initiative(campaign_id: i64, id: i64) -> Result<InitiativeDetail, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::initiatives::detail(campaign_id, id).await)
}
