//! What the `api::reports` server functions take and return, shared by the browser and the server.
use super::unit_portal::UnitCampaign;
use crate::domain::initiative::attachment::AttachmentInfo;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiledReport {
    pub body: String,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub on_time: bool,
    pub attachments: Vec<AttachmentInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportPage {
    pub campaign: UnitCampaign,
    pub report: Option<FiledReport>,
    /// The unit may file or correct it now (the server checks again).
    pub can_file: bool,
    /// Text of a refused submit, kept to fill the form again.
    pub draft: Option<String>,
    /// Files of a refused plain post, held with the draft until the report is saved.
    pub held: Vec<AttachmentInfo>,
}
