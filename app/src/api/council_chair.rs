//! The chair's desk: the chair and the secretary of a campaign's council only
//! (`server::council_chair` states the rules). Each decision answers like a form.
use crate::error::AppError;
pub use crate::wire::council_chair::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "chair_matrix")]
pub async fn chair_matrix(campaign_id: i64, #[server(default)] sort: String) -> Result<ChairDesk, AppError> {
    crate::server::respond::finish(crate::server::council_chair::matrix(campaign_id, &sort).await)
}

#[server(prefix = "/api", endpoint = "reopen_score")]
pub async fn reopen_score(
    campaign_id: i64,
    initiative_id: i64,
    account_id: i64,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    let result = crate::server::council_chair::reopen(campaign_id, initiative_id, account_id, &reason).await;
    crate::server::respond::finish_form(result, &[("reason", reason.as_str())])
}

#[server(prefix = "/api", endpoint = "override_result")]
pub async fn override_result(
    campaign_id: i64,
    initiative_id: i64,
    #[server(default)] override_score: String,
    #[server(default)] override_level: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    let typed = (override_score.as_str(), override_level.as_str(), reason.as_str());
    let result = crate::server::council_chair::set_override(campaign_id, initiative_id, typed).await;
    crate::server::respond::finish_form(
        result,
        &[
            ("override_score", override_score.as_str()),
            ("override_level", override_level.as_str()),
            ("reason", reason.as_str()),
        ],
    )
}

#[server(prefix = "/api", endpoint = "set_exemplary")]
pub async fn set_exemplary(campaign_id: i64, initiative_id: i64, exemplary: bool) -> Result<(), AppError> {
    let result = crate::server::council_chair::set_exemplary(campaign_id, initiative_id, exemplary).await;
    crate::server::respond::finish_form(result, crate::server::respond::NOTHING_TYPED)
}

/// Publishes the results; `confirm` lists the initiatives below quorum the chair accepts;
/// `release` is `now` (public at once) or `ceremony` (public at the conference).
#[server(prefix = "/api", endpoint = "publish_results")]
pub async fn publish_results(
    campaign_id: i64,
    #[server(default)] confirm: Vec<i64>,
    #[server(default)] release: String,
) -> Result<(), AppError> {
    let result = crate::server::council_chair::publish(campaign_id, &confirm, &release).await;
    crate::server::respond::finish_form(result, crate::server::respond::NOTHING_TYPED)
}
