//! One participating unit's registration, opened from the participation table: its commitment,
//! each initiative in full with its files, and its report, as the organizer reads them before
//! the council does. Read-only: the unit itself changes what it registered.
use crate::api::participation::{get_unit_registration, UnitRegistration};
use crate::components::campaign_tabs::CampaignHead;
use crate::components::id_param::{id_param, number_param};
use crate::components::page_loader::page_loader;
use crate::i18n::*;
use crate::pages::unit::initiative_text::{paragraphs, InitiativeText};
use crate::pages::unit::parts::{file_list, moment_text};
use crate::wire::initiatives::InitiativeContent;
use crate::wire::reports::FiledReport;
use crate::wire::unit_portal::Commitment;
use leptos::prelude::*;

#[component]
pub fn CampaignUnitRegistrationPage() -> impl IntoView {
    let id = id_param();
    let unit = number_param("unit");
    page_loader(
        move || (id(), unit()),
        |(id, unit)| get_unit_registration(id, unit),
        |registration| view! { <Registration registration /> },
    )
}

#[component]
fn Registration(registration: UnitRegistration) -> impl IntoView {
    let i18n = use_i18n();
    let r = registration;
    let back = format!("/admin/campaigns/{}/participation", r.campaign_id);
    let count = r.initiatives.len();
    // A single initiative is shown open; several start folded so the list reads at a glance.
    let open_each = count == 1;
    let initiatives = if r.initiatives.is_empty() {
        view! { <p class="alert alert-info">{t!(i18n, participation.unit_no_initiatives)}</p> }.into_any()
    } else {
        r.initiatives
            .into_iter()
            .map(|content| view! { <InitiativeItem content open=open_each /> })
            .collect_view()
            .into_any()
    };
    view! {
        <CampaignHead id=r.campaign_id title=r.campaign_title.clone() state=r.state active="participation" />
        <p>
            <a href=back>
                <span aria-hidden="true">"← "</span>
                {t!(i18n, participation.unit_back)}
            </a>
        </p>
        <section class="card unit-registration" aria-labelledby="unit-name">
            <h2 id="unit-name">{r.unit_name.clone()}</h2>
            <CommitmentPart commitment=r.commitment />
        </section>
        <section class="card" aria-labelledby="unit-initiatives">
            <h3 id="unit-initiatives">
                {t!(i18n, participation.unit_initiatives, count = count, min = r.min_initiatives)}
            </h3>
            {initiatives}
        </section>
        <ReportPart report=r.report />
    }
}

#[component]
fn CommitmentPart(commitment: Option<Commitment>) -> impl IntoView {
    let i18n = use_i18n();
    match commitment {
        Some(c) => view! {
            <p class="ok-text">
                {t!(
                    i18n, participation.unit_signed, at = moment_text(c.signed_at), name = c.head_name.clone(), position = c.head_position.clone()
                )}
            </p>
        }
        .into_any(),
        None => view! { <p class="due-text">{t!(i18n, participation.unit_not_signed)}</p> }.into_any(),
    }
}

#[component]
fn InitiativeItem(content: InitiativeContent, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let sent = t_string!(
        i18n,
        participation.sent_at,
        at = moment_text(content.submitted_at)
    )
    .to_string();
    view! {
        <details class="initiative-item" open=open>
            <summary>
                <strong class="receipt-code">{content.receipt_code.clone()}</strong>
                " · "
                <span class="initiative-item-title">{content.title.clone()}</span>
                <span class="hint">{format!(" · {sent}")}</span>
            </summary>
            <InitiativeText content in_list=true />
        </details>
    }
}

#[component]
fn ReportPart(report: Option<FiledReport>) -> impl IntoView {
    let i18n = use_i18n();
    let body = match report {
        None => view! { <p class="muted-text">{t!(i18n, participation.unit_no_report)}</p> }.into_any(),
        Some(r) => {
            let when = if r.on_time {
                t_string!(i18n, unit.on_time)
            } else {
                t_string!(i18n, unit.late)
            };
            let files = (!r.attachments.is_empty()).then(|| {
                view! {
                    <h4>{t!(i18n, initiative.attachments)}</h4>
                    {file_list(&r.attachments)}
                }
            });
            view! {
                <p class="meta-text">
                    {t!(i18n, report.filed, at = moment_text(r.submitted_at), when = when)}
                </p>
                {paragraphs(&r.body)}
                {files}
            }
            .into_any()
        }
    };
    view! {
        <section class="card" aria-labelledby="unit-report">
            <h3 id="unit-report">{t!(i18n, report.title)}</h3>
            {body}
        </section>
    }
}
