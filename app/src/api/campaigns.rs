//! Campaigns: list, read, create, the general section, copy as template. Admins only. Each change
//! writes its audit row in the same transaction.

// The general section's server functions take one argument per form field (plain form posts).
#![allow(clippy::too_many_arguments)]
use crate::error::AppError;
pub use crate::wire::campaigns::*;
use crate::wire::units::OrganizerOption;
use leptos::server;

#[server(prefix = "/api", endpoint = "list_campaigns")]
pub async fn list_campaigns() -> Result<Vec<CampaignSummary>, AppError> {
    use crate::server::{db, endpoint::as_admin, state::pool};
    as_admin(|admin| async move { db::campaigns::list(&pool()?, admin.scope()).await }).await
}

/// Units that can organize a campaign: active units in the caller's scope with active units below them.
#[server(prefix = "/api", endpoint = "organizer_options")]
pub async fn organizer_options() -> Result<Vec<OrganizerOption>, AppError> {
    use crate::server::{db, endpoint::as_admin, state::pool};
    as_admin(|admin| async move { db::campaigns::organizer_options(&pool()?, admin.scope()).await }).await
}

#[server(prefix = "/api", endpoint = "get_campaign")]
pub async fn get_campaign(id: i64) -> Result<CampaignDetail, AppError> {
    use crate::server::{campaigns, endpoint::as_campaign_admin, state::pool};
    as_campaign_admin(id, |_| async move {
        campaigns::load(&mut *pool()?.acquire().await?, id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "create_campaign")]
pub async fn create_campaign(
    title: String,
    theme: String,
    plan_ref: String,
    plan_date: String,
    organizer_code: String,
    period_start: String,
    period_end: String,
    registration_deadline: String,
    report_deadline: String,
    min_initiatives: String,
    max_initiatives: String,
    visibility: String,
) -> Result<(), AppError> {
    use crate::domain::campaign::general::GeneralInput;
    use crate::server::respond::finish_form;
    let input = GeneralInput {
        title,
        theme,
        plan_ref,
        plan_date,
        organizer_code,
        period_start,
        period_end,
        registration_deadline,
        report_deadline,
        min_initiatives,
        max_initiatives,
        visibility,
    };
    let result = crate::server::campaigns::create(&input).await;
    finish_form(result, &input.typed())
}

#[server(prefix = "/api", endpoint = "save_campaign_general")]
pub async fn save_campaign_general(
    id: i64,
    title: String,
    theme: String,
    plan_ref: String,
    plan_date: String,
    organizer_code: String,
    period_start: String,
    period_end: String,
    registration_deadline: String,
    report_deadline: String,
    min_initiatives: String,
    max_initiatives: String,
    visibility: String,
) -> Result<(), AppError> {
    use crate::domain::campaign::general::GeneralInput;
    use crate::server::respond::finish_form;
    let input = GeneralInput {
        title,
        theme,
        plan_ref,
        plan_date,
        organizer_code,
        period_start,
        period_end,
        registration_deadline,
        report_deadline,
        min_initiatives,
        max_initiatives,
        visibility,
    };
    let result = crate::server::campaigns::save_general(id, &input).await;
    finish_form(result, &input.typed())
}

/// A new draft with all of `id`'s configuration, its dates moved by `shift_years`.
#[server(prefix = "/api", endpoint = "copy_campaign")]
pub async fn copy_campaign(id: i64, title: String, shift_years: String) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::campaigns::copy(id, &title, &shift_years).await;
    finish_form(
        result,
        &[("title", title.as_str()), ("shift_years", shift_years.as_str())],
    )
}
