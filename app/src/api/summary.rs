//! A campaign's printable summary for its tổng kết conference; read as its results are
//! (`server::summary`).
use crate::error::AppError;
pub use crate::wire::summary::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "campaign_summary")]
pub async fn get_campaign_summary(
    campaign_id: i64,
    key: Option<String>,
) -> Result<CampaignSummary, AppError> {
    crate::server::respond::finish(crate::server::summary::summary(campaign_id, key).await)
}
