//! Who scores which initiative: admins who manage the campaign only (`server::council_assignment`
//! states the rules). Each change answers like a form: a plain post comes back to the page.
use crate::error::AppError;
pub use crate::wire::council_assignment::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "council_assignment")]
pub async fn council_assignment(id: i64) -> Result<AssignmentView, AppError> {
    use crate::server::endpoint::as_campaign_admin;
    as_campaign_admin(id, crate::server::council_assignment::view).await
}

/// `mode`: "all" (everyone scores everything) or "spread" (`per_initiative` members each).
#[server(prefix = "/api", endpoint = "save_assignment_mode")]
pub async fn save_assignment_mode(id: i64, mode: String, per_initiative: String) -> Result<(), AppError> {
    use crate::server::{access, council_assignment, respond::finish_form};
    let result = async {
        council_assignment::set_mode(access::campaign_admin(id).await?, &mode, &per_initiative).await
    }
    .await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}

/// Spreads what is missing; `afresh` first takes back every pair not yet decided.
#[server(prefix = "/api", endpoint = "spread_assignment")]
pub async fn spread_assignment(id: i64, #[server(default)] afresh: bool) -> Result<(), AppError> {
    use crate::server::{access, council_assignment, respond::finish_form};
    let result =
        async { council_assignment::spread_now(access::campaign_admin(id).await?, afresh).await }.await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}

/// Gives the initiative to the member (`assigned`), or takes it back.
#[server(prefix = "/api", endpoint = "set_assignment")]
pub async fn set_assignment(
    id: i64,
    initiative_id: i64,
    account_id: i64,
    #[server(default)] assigned: bool,
) -> Result<(), AppError> {
    use crate::server::{access, council_assignment, respond::finish_form};
    let result = async {
        let admin = access::campaign_admin(id).await?;
        council_assignment::set_pair(admin, initiative_id, account_id, assigned).await
    }
    .await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}
