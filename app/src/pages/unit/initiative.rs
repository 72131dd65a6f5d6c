//! One initiative of the unit, as stored: with its receipt code in large type right after a
//! submit (the page is rendered from the committed row), and a way to change it until the deadline.
use super::parts::{file_link, kind_label, moment_text, UnitHead};
use crate::api::initiatives::{get_unit_initiative, InitiativeDetail};
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::domain::deadline::format_date;
use crate::domain::initiative::Authors;
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

fn paragraphs(text: &str) -> impl IntoView {
    text.split("\n\n")
        .map(|p| view! { <p class="prose">{p.to_owned()}</p> })
        .collect_view()
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
            <p class="receipt-code big">{detail.receipt_code.clone()}</p>
            <p class="hint">{t!(i18n, initiative.receipt_hint, at = moment_text(detail.submitted_at))}</p>
        </div>
    };
    let authors = match &detail.authors {
        Authors::Collective => {
            view! { <p>{t!(i18n, initiative.collective_of, unit = c.unit_name.clone())}</p> }.into_any()
        }
        Authors::Individuals(list) => view! {
            <ul class="plain-list">
                {list
                    .iter()
                    .map(|a| {
                        view! { <li>{format!("{} — {} ({}%)", a.name, a.job_title, a.share_percent)}</li> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    };
    let files = if detail.attachments.is_empty() {
        view! { <p class="hint">{t!(i18n, initiative.no_files)}</p> }.into_any()
    } else {
        view! {
            <ul class="plain-list">
                {detail
                    .attachments
                    .iter()
                    .map(|a| {
                        view! { <li>{file_link(a)}</li> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let change = if c.registration_open() {
        view! {
            <a class="button" href=format!("/unit/{}/initiatives/{}/edit", c.id, detail.id)>
                {t!(i18n, initiative.change)}
            </a>
        }
        .into_any()
    } else {
        view! { <p class="alert alert-info">{t!(i18n, initiative.read_only)}</p> }.into_any()
    };
    view! {
        <UnitHead campaign=c.clone() page=detail.title.clone() />
        {receipt}
        <article class="initiative-detail">
            <p class="meta-text">{kind_label(detail.kind)} " · " {detail.field_name.clone()}</p>
            <h1 class="unit-title">{detail.title.clone()}</h1>
            <h2>{t!(i18n, initiative.situation)}</h2>
            {paragraphs(&detail.situation)}
            <h2>{t!(i18n, initiative.solution)}</h2>
            {paragraphs(&detail.solution)}
            <h2>{t!(i18n, initiative.benefit)}</h2>
            {paragraphs(&detail.benefit)}
            <h2>{t!(i18n, initiative.scope)}</h2>
            {paragraphs(&detail.scope)}
            <h2>{t!(i18n, initiative.first_applied)}</h2>
            <p>{format_date(detail.first_applied)}</p>
            <h2>{t!(i18n, initiative.authors)}</h2>
            {authors}
            <h2>{t!(i18n, initiative.attachments)}</h2>
            {files}
            {(detail.updated_at > detail.submitted_at)
                .then(|| {
                    view! {
                        <p class="meta-text">
                            {t!(i18n, initiative.updated_at, at = moment_text(detail.updated_at))}
                        </p>
                    }
                })}
        </article>
        <div class="actions">
            {change} <a class="button secondary" href=format!("/unit/{}", c.id)>
                {t!(i18n, unit.back_home)}
            </a>
        </div>
    }
}
