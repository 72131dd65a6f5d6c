//! The confirmation before a lifecycle step: what the step means, what is still missing (for
//! opening), and one button. The server checks everything again.
use crate::api::campaign_lifecycle::{ChangeCampaignState, DeleteDraftCampaign, ReleaseCampaignResults};
use crate::api::campaigns::CampaignDetail;
use crate::components::campaign_labels::{
    action_explanation, action_label, missing_section, missing_text, state_label,
};
use crate::components::campaign_page::campaign_page;
use crate::components::campaign_tabs::CampaignHead;
use crate::components::field::FormAlert;
use crate::components::form_error::form_error;
use crate::domain::campaign_state::CampaignState;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn CampaignStatePage() -> impl IntoView {
    campaign_page(|| 0, |c| view! { <Confirm c /> })
}

/// A warning when a step would end something before its deadline.
fn early_warning(c: &CampaignDetail, next: CampaignState) -> Option<String> {
    let i18n = use_i18n();
    let deadline = match next {
        CampaignState::Evaluating => c.schedule.registration_deadline,
        CampaignState::Published => c.schedule.report_deadline,
        _ => None,
    }
    .filter(|d| !d.has_passed(c.loaded_at))?;
    let days = deadline.days_left(c.loaded_at);
    let text = deadline.date_time_text();
    Some(match next {
        CampaignState::Evaluating => {
            t_string!(i18n, lifecycle.early_registration, deadline = text, days = days)
        }
        _ => t_string!(i18n, lifecycle.early_report, deadline = text, days = days),
    })
}

#[component]
fn Confirm(c: CampaignDetail) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ChangeCampaignState>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let back = format!("/admin/campaigns/{}", c.id);
    let body = match c.state.next() {
        None => view! { <p>{t!(i18n, lifecycle.nothing_next)}</p> }.into_any(),
        Some(_) if !c.missing.is_empty() => {
            let items = c
                .missing
                .iter()
                .map(|item| {
                    view! {
                        <li>
                            <a href=format!(
                                "/admin/campaigns/{}/{}",
                                c.id,
                                missing_section(*item),
                            )>{missing_text(*item)}</a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="alert alert-error" role="alert">
                    <p>{t!(i18n, lifecycle.cannot_open)}</p>
                    <ul class="missing">{items}</ul>
                </div>
            }
            .into_any()
        }
        Some(next) => {
            let confirm = t_string!(i18n, lifecycle.confirm, action = action_label(next));
            let from_to = t_string!(
                i18n,
                lifecycle.from_to,
                from = state_label(c.state),
                to = state_label(next)
            );
            let early = early_warning(&c, next);
            // Closing archives the campaign: results held for the conference go public with it.
            let releases = (c.results_held && next == CampaignState::Closed)
                .then(|| view! { <p class="strong">{t!(i18n, lifecycle.close_releases)}</p> });
            view! {
                <div class="confirm">
                    <p class="strong">{from_to}</p>
                    <p>{action_explanation(next)}</p>
                    {releases}
                    {early
                        .map(|text| {
                            view! {
                                <p class="alert alert-error" role="alert">
                                    {text}
                                </p>
                            }
                        })}
                    <ActionForm action>
                        <FormAlert error />
                        <input type="hidden" name="id" value=c.id />
                        <input type="hidden" name="to" value=next.as_str() />
                        <button type="submit" class="button" disabled=action.pending()>
                            {confirm}
                        </button>
                        <a class="button secondary" href=back.clone()>
                            {t!(i18n, common.cancel)}
                        </a>
                    </ActionForm>
                </div>
            }
            .into_any()
        }
    };
    let held = c.results_held.then(|| view! { <ReleaseCard id=c.id /> });
    let deletable = (c.state == CampaignState::Draft)
        .then(|| view! { <DeleteDraftCard id=c.id title=c.title.clone() /> });
    view! {
        <CampaignHead id=c.id title=c.title.clone() state=c.state active="state" />
        {held}
        <section class="card form-card">
            <h2>{t!(i18n, lifecycle.title)}</h2>
            {body}
        </section>
        {deletable}
    }
}

/// A draft that was never opened can go, after a second, explicit confirmation.
#[component]
fn DeleteDraftCard(id: i64, title: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<DeleteDraftCampaign>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let confirm = t_string!(i18n, lifecycle.delete_confirm, title = title);
    view! {
        <section class="card form-card" aria-labelledby="delete-title">
            <h2 id="delete-title">{t!(i18n, lifecycle.delete_title)}</h2>
            <p>{t!(i18n, lifecycle.delete_lead)}</p>
            <details class="confirm">
                <summary class="button secondary">{t!(i18n, lifecycle.delete_open)}</summary>
                <ActionForm action>
                    <FormAlert error />
                    <input type="hidden" name="id" value=id />
                    <p class="strong">{t!(i18n, lifecycle.delete_warning)}</p>
                    <button type="submit" class="button danger" disabled=action.pending()>
                        {confirm}
                    </button>
                </ActionForm>
            </details>
        </section>
    }
}

/// Results held for the conference, and the organizer's way to make them public without it.
#[component]
fn ReleaseCard(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ReleaseCampaignResults>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    view! {
        <section class="card form-card" aria-labelledby="held-title">
            <h2 id="held-title">{t!(i18n, lifecycle.held_title)}</h2>
            <p>{t!(i18n, lifecycle.held_lead)}</p>
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="id" value=id />
                <p class="strong">{t!(i18n, lifecycle.release_confirm)}</p>
                <button type="submit" class="button" disabled=action.pending()>
                    {t!(i18n, lifecycle.release)}
                </button>
            </ActionForm>
        </section>
    }
}
