//! What the `api::initiatives` server functions take and return, shared by the browser and the server.
use super::unit_portal::UnitCampaign;
use crate::domain::initiative::attachment::AttachmentInfo;
use crate::domain::initiative::{Authors, InitiativeInput, InitiativeKind};
use chrono::{DateTime, NaiveDate, Utc};
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
    /// Files of a refused plain post, held with the draft until the submit saves them.
    pub held: Vec<AttachmentInfo>,
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

/// An initiative as registered, as every reader of it sees it (its unit, the council).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeContent {
    pub id: i64,
    pub receipt_code: String,
    pub kind: InitiativeKind,
    pub unit_name: String,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeDetail {
    pub campaign: UnitCampaign,
    pub content: InitiativeContent,
}
