//! Forming a campaign's council: admins who manage the campaign only (`server::council` states
//! the rules). Each change answers like a form: a plain post comes back to the council page.
use crate::error::AppError;
pub use crate::wire::council::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "campaign_council")]
pub async fn campaign_council(id: i64) -> Result<CouncilView, AppError> {
    use crate::server::endpoint::as_campaign_admin;
    as_campaign_admin(id, crate::server::council::view).await
}

#[server(prefix = "/api", endpoint = "add_council_member")]
pub async fn add_council_member(id: i64, account_id: i64) -> Result<(), AppError> {
    use crate::server::{access, council, respond::finish_form};
    let result = async { council::add(access::campaign_admin(id).await?, account_id).await }.await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}

/// The member's role and the fields he scores (none: every field).
#[server(prefix = "/api", endpoint = "save_council_member")]
pub async fn save_council_member(
    id: i64,
    account_id: i64,
    role: String,
    #[server(default)] fields: Vec<i64>,
) -> Result<(), AppError> {
    use crate::server::{access, council, respond::finish_form};
    let result =
        async { council::update(access::campaign_admin(id).await?, account_id, &role, &fields).await }.await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}

#[server(prefix = "/api", endpoint = "remove_council_member")]
pub async fn remove_council_member(id: i64, account_id: i64) -> Result<(), AppError> {
    use crate::server::{access, council, respond::finish_form};
    let result = async { council::remove(access::campaign_admin(id).await?, account_id).await }.await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}
