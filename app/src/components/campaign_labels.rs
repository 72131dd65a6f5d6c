//! Vietnamese words for campaign states, lifecycle actions, missing setup items and choices.
use crate::domain::campaign::readiness::Missing;
use crate::domain::campaign::{EvaluationMode, Recipient, Visibility};
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::decision::Level;
use crate::domain::council::final_score::{Combine, Quorum};
use crate::domain::council::role::CouncilRole;
use crate::i18n::*;
use leptos::prelude::*;

/// Of the one locale, as `problem_text`, which shows it.
pub fn state_label(state: CampaignState) -> String {
    match state {
        CampaignState::Draft => td_string!(Locale::vi, states.draft),
        CampaignState::Open => td_string!(Locale::vi, states.open),
        CampaignState::Evaluating => td_string!(Locale::vi, states.evaluating),
        CampaignState::Published => td_string!(Locale::vi, states.published),
        CampaignState::Closed => td_string!(Locale::vi, states.closed),
    }
    .to_string()
}

/// The button text that moves a campaign into `target`.
pub fn action_label(target: CampaignState) -> String {
    let i18n = use_i18n();
    match target {
        CampaignState::Draft => t_string!(i18n, states.draft),
        CampaignState::Open => t_string!(i18n, lifecycle.action_open),
        CampaignState::Evaluating => t_string!(i18n, lifecycle.action_evaluating),
        CampaignState::Published => t_string!(i18n, lifecycle.action_published),
        CampaignState::Closed => t_string!(i18n, lifecycle.action_closed),
    }
    .to_string()
}

/// What moving into `target` means for the people involved.
pub fn action_explanation(target: CampaignState) -> String {
    let i18n = use_i18n();
    match target {
        CampaignState::Draft => t_string!(i18n, states.draft),
        CampaignState::Open => t_string!(i18n, lifecycle.explain_open),
        CampaignState::Evaluating => t_string!(i18n, lifecycle.explain_evaluating),
        CampaignState::Published => t_string!(i18n, lifecycle.explain_published),
        CampaignState::Closed => t_string!(i18n, lifecycle.explain_closed),
    }
    .to_string()
}

/// Of the one locale, as `problem_text`, which shows it.
pub fn missing_text(item: Missing) -> String {
    match item {
        Missing::Period => td_string!(Locale::vi, missing.period),
        Missing::RegistrationDeadline => td_string!(Locale::vi, missing.registration_deadline),
        Missing::ReportDeadline => td_string!(Locale::vi, missing.report_deadline),
        Missing::RegistrationDeadlinePassed => td_string!(Locale::vi, missing.registration_deadline_passed),
        Missing::Units => td_string!(Locale::vi, missing.units),
        Missing::Fields => td_string!(Locale::vi, missing.fields),
        Missing::Criteria => td_string!(Locale::vi, missing.criteria),
        Missing::Thresholds => td_string!(Locale::vi, missing.thresholds),
    }
    .to_string()
}

/// The section page where a missing item is set.
pub fn missing_section(item: Missing) -> &'static str {
    match item {
        Missing::Period | Missing::RegistrationDeadline | Missing::ReportDeadline => "general",
        Missing::RegistrationDeadlinePassed => "general",
        Missing::Units => "units",
        Missing::Fields => "fields",
        Missing::Criteria | Missing::Thresholds => "criteria",
    }
}

pub fn visibility_label(visibility: Visibility) -> String {
    let i18n = use_i18n();
    match visibility {
        Visibility::Public => t_string!(i18n, campaigns.visibility_public),
        Visibility::LinkOnly => t_string!(i18n, campaigns.visibility_link_only),
    }
    .to_string()
}

pub fn mode_label(mode: EvaluationMode) -> String {
    let i18n = use_i18n();
    match mode {
        EvaluationMode::Best => t_string!(i18n, scoring_page.mode_best),
        EvaluationMode::Mean => t_string!(i18n, scoring_page.mode_mean),
        EvaluationMode::Sum => t_string!(i18n, scoring_page.mode_sum),
    }
    .to_string()
}

pub fn combine_label(combine: Combine) -> String {
    let i18n = use_i18n();
    match combine {
        Combine::Mean => t_string!(i18n, scoring_page.combine_mean),
        Combine::Median => t_string!(i18n, scoring_page.combine_median),
        Combine::TrimmedMean => t_string!(i18n, scoring_page.combine_trimmed_mean),
    }
    .to_string()
}

pub fn quorum_label(quorum: Quorum) -> String {
    let i18n = use_i18n();
    match quorum {
        Quorum::TwoThirds => t_string!(i18n, scoring_page.quorum_two_thirds),
        Quorum::Half => t_string!(i18n, scoring_page.quorum_half),
        Quorum::All => t_string!(i18n, scoring_page.quorum_all),
    }
    .to_string()
}

pub fn council_role_label(role: CouncilRole) -> String {
    let i18n = use_i18n();
    match role {
        CouncilRole::Chair => t_string!(i18n, council_page.chair),
        CouncilRole::Secretary => t_string!(i18n, council_page.secretary),
        CouncilRole::Member => t_string!(i18n, council_page.member),
    }
    .to_string()
}

pub fn level_label(level: Level) -> String {
    let i18n = use_i18n();
    match level {
        Level::Excellent => t_string!(i18n, chair.level_excellent),
        Level::Good => t_string!(i18n, chair.level_good),
        Level::Pass => t_string!(i18n, chair.level_pass),
        Level::Fail => t_string!(i18n, chair.level_fail),
    }
    .to_string()
}

pub fn recipient_label(recipient: Recipient) -> String {
    let i18n = use_i18n();
    match recipient {
        Recipient::Collective => t_string!(i18n, scoring_page.collective),
        Recipient::Individual => t_string!(i18n, scoring_page.individual),
    }
    .to_string()
}

/// A state as a coloured badge.
#[component]
pub fn StateBadge(state: CampaignState) -> impl IntoView {
    view! { <span class=format!("badge state state-{}", state.as_str())>{state_label(state)}</span> }
}
