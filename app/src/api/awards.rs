//! The organizer's awards of a campaign: each form's rule, recipients and decision. Admins of
//! the campaign only (`server::awards` says when each change is allowed).
use crate::error::AppError;
pub use crate::wire::awards::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "awards_desk")]
pub async fn get_awards_desk(campaign_id: i64) -> Result<AwardsDesk, AppError> {
    crate::server::respond::finish(crate::server::awards::desk(campaign_id).await)
}

/// Sets how form `form_id` proposes recipients (`count` is N of "the first N units").
#[server(prefix = "/api", endpoint = "set_award_rule")]
pub async fn set_award_rule(
    campaign_id: i64,
    form_id: i64,
    rule: String,
    #[server(default)] count: String,
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::awards::set_rule(campaign_id, form_id, &rule, &count).await;
    let form = form_id.to_string();
    finish_form(
        result,
        &[
            ("form_id", form.as_str()),
            ("rule", rule.as_str()),
            ("count", count.as_str()),
        ],
    )
}

/// Gives form `form_id` to `candidate`; a reason is needed unless the form's rule proposes it.
#[server(prefix = "/api", endpoint = "add_award")]
pub async fn add_award(
    campaign_id: i64,
    form_id: i64,
    #[server(default)] candidate: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::awards::add(campaign_id, form_id, &candidate, &reason).await;
    let form = form_id.to_string();
    finish_form(
        result,
        &[
            ("form_id", form.as_str()),
            ("candidate", candidate.as_str()),
            ("reason", reason.as_str()),
        ],
    )
}

/// Gives form `form_id` to everyone its rule proposes.
#[server(prefix = "/api", endpoint = "add_proposed_awards")]
pub async fn add_proposed_awards(campaign_id: i64, form_id: i64) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let form = form_id.to_string();
    finish_form(
        crate::server::awards::add_proposed(campaign_id, form_id).await,
        &[("form_id", form.as_str())],
    )
}

#[server(prefix = "/api", endpoint = "remove_award")]
pub async fn remove_award(
    campaign_id: i64,
    form_id: i64,
    award_id: i64,
    #[server(default)] removal_reason: String,
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::awards::remove(campaign_id, award_id, &removal_reason).await;
    let form = form_id.to_string();
    finish_form(
        result,
        &[
            ("form_id", form.as_str()),
            ("removal_reason", removal_reason.as_str()),
        ],
    )
}

/// Records the decision granting form `form_id` (number, date dd/mm/yyyy, signer).
#[server(prefix = "/api", endpoint = "record_award_decision")]
pub async fn record_award_decision(
    campaign_id: i64,
    form_id: i64,
    #[server(default)] decision_number: String,
    #[server(default)] decision_date: String,
    #[server(default)] decision_signer: String,
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::awards::record_decision(
        campaign_id,
        form_id,
        &decision_number,
        &decision_date,
        &decision_signer,
    )
    .await;
    let form = form_id.to_string();
    finish_form(
        result,
        &[
            ("form_id", form.as_str()),
            ("decision_number", decision_number.as_str()),
            ("decision_date", decision_date.as_str()),
            ("decision_signer", decision_signer.as_str()),
        ],
    )
}
