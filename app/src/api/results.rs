//! A campaign's results: per initiative and per unit, for its organizer and its council (each
//! seeing what `server::results` allows), and for everybody once they are released.
use crate::error::AppError;
pub use crate::wire::results::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "campaign_results")]
pub async fn get_campaign_results(
    campaign_id: i64,
    key: Option<String>,
) -> Result<CampaignResults, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::results::load(campaign_id, key).await)
}
