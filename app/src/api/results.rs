//! A campaign's results: per initiative and per unit, for its organizer and its council (each
//! seeing what `server::results` allows), and for everybody once they are released.
use crate::error::AppError;
pub use crate::wire::results::*;
use leptos::server;

/// `query` is the page's address query (`table=initiatives&sort=…&page=2`): only the rows it
/// asks for are answered.
#[server(prefix = "/api", endpoint = "campaign_results")]
pub async fn get_campaign_results(
    campaign_id: i64,
    key: Option<String>,
    #[server(default)] query: String,
) -> Result<CampaignResults, AppError> {
    use crate::server::respond::finish;
    // An address's query is short; anything longer did not come from the page.
    let query: String = query.chars().take(1000).collect();
    finish(crate::server::results::load(campaign_id, key, &query).await)
}
