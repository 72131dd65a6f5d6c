//! One initiative of the unit, as stored: with its receipt code in large type right after a
//! submit (the page is rendered from the committed row), and a way to change it until the deadline.
use super::initiative_text::InitiativeText;
use super::parts::{moment_text, UnitHead};
use crate::api::initiatives::{get_unit_initiative, InitiativeDetail};
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn InitiativePage() -> impl IntoView {
    let campaign = number_param("campaign");
    let id = number_param("id");
    page_loader(
        move || (campaign(), id()),
        |(c, id)| get_unit_initiative(c, id),
        |detail| view! { <Detail detail /> },
    )
}

#[component]
fn Detail(detail: InitiativeDetail) -> impl IntoView {
    let i18n = use_i18n();
    let c = detail.campaign.clone();
    let query = use_query_map().read_untracked();
    let (just_sent, just_saved) = (query.get("sent").is_some(), query.get("saved").is_some());
    let headline = if just_sent {
        Some(t_string!(i18n, initiative.sent_title))
    } else if just_saved {
        Some(t_string!(i18n, initiative.saved_title))
    } else {
        None
    };
    let fresh = headline.is_some();
    let receipt = view! {
        <div class="receipt" class:receipt-new=fresh role=if fresh { "status" } else { "group" }>
            {headline.map(|text| view! { <p class="receipt-title">{text}</p> })}
            <p>{t!(i18n, initiative.receipt_label)}</p>
            <p class="receipt-code big">{detail.content.receipt_code.clone()}</p>
            <p class="hint">
                {t!(i18n, initiative.receipt_hint, at = moment_text(detail.content.submitted_at))}
            </p>
        </div>
    };
    let change = if c.registration_open() {
        view! {
            <a class="button" href=format!("/unit/{}/initiatives/{}/edit", c.id, detail.content.id)>
                {t!(i18n, initiative.change)}
            </a>
        }
        .into_any()
    } else {
        view! { <p class="alert alert-info">{t!(i18n, initiative.read_only)}</p> }.into_any()
    };
    view! {
        <UnitHead campaign=c.clone() page=detail.content.title.clone() />
        {receipt}
        <InitiativeText content=detail.content.clone() />
        <div class="actions">
            {change} <a class="button secondary" href=format!("/unit/{}", c.id)>
                {t!(i18n, unit.back_home)}
            </a>
        </div>
    }
}
