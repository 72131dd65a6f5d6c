//! Moving a campaign through its lifecycle and extending its deadlines. Admins only; the
//! server decides every step (see `CampaignState`), and each one is audited.
use crate::error::AppError;
use leptos::server;

/// Moves campaign `id` to state `to` (its one next state); opening needs a complete setup.
#[server(prefix = "/api", endpoint = "change_campaign_state")]
pub async fn change_campaign_state(id: i64, to: String) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::campaign_lifecycle::change_state(id, &to).await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}

/// Moves a deadline (`registration` or `report`) later, with the reason recorded.
#[server(prefix = "/api", endpoint = "extend_campaign_deadline")]
pub async fn extend_campaign_deadline(
    id: i64,
    deadline: String,
    new_date: String,
    reason: String,
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::campaign_lifecycle::extend(id, &deadline, &new_date, &reason).await;
    finish_form(
        result,
        &[
            ("deadline", deadline.as_str()),
            ("new_date", new_date.as_str()),
            ("reason", reason.as_str()),
        ],
    )
}

/// Makes results held for the conference public now (the organizer's choice, when no ceremony
/// reveals them).
#[server(prefix = "/api", endpoint = "release_campaign_results")]
pub async fn release_campaign_results(id: i64) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::campaign_lifecycle::release(id).await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}

/// Deletes a draft campaign that was never opened; its audit trail is kept.
#[server(prefix = "/api", endpoint = "delete_draft_campaign")]
pub async fn delete_draft_campaign(id: i64) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::campaign_lifecycle::delete_draft(id).await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}
