//! The leaderboard of a campaign: standings, participation and the newest registrations.
//! Anybody may read it once the campaign has opened: a public campaign's with its id alone, a
//! link-only campaign's only with its key (`server::board_key`). Anything else, drafts included,
//! answers "not found". Organizers get the links to hand out.
use crate::error::AppError;
pub use crate::wire::live::*;
use leptos::server;

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
    use crate::server::endpoint::as_campaign_admin;
    as_campaign_admin(campaign_id, |_| async move {
        crate::server::live_board::links(campaign_id).await
    })
    .await
}
