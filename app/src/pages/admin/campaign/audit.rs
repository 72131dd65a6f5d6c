//! A campaign's audit trail, newest first, filterable by kind of change (a plain GET form).
use crate::api::audit::{campaign_audit, AuditEntry};
use crate::api::campaigns::{get_campaign, CampaignDetail};
use crate::components::audit_value::AuditDiff;
use crate::components::campaign_tabs::CampaignHead;
use crate::components::id_param::id_param;
use crate::components::notice::{ErrorNotice, Loading};
use crate::domain::audit::AuditKind;
use crate::i18n::*;
use crate::wire::codec::page_resource;
use chrono_tz::Asia::Ho_Chi_Minh;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

pub fn kind_label(kind: AuditKind) -> String {
    let i18n = use_i18n();
    match kind {
        AuditKind::Created => t_string!(i18n, audit.kind_created),
        AuditKind::General => t_string!(i18n, audit.kind_general),
        AuditKind::Units => t_string!(i18n, audit.kind_units),
        AuditKind::Fields => t_string!(i18n, audit.kind_fields),
        AuditKind::Criteria => t_string!(i18n, audit.kind_criteria),
        AuditKind::Scoring => t_string!(i18n, audit.kind_scoring),
        AuditKind::Deadline => t_string!(i18n, audit.kind_deadline),
        AuditKind::State => t_string!(i18n, audit.kind_state),
        AuditKind::Links => t_string!(i18n, audit.kind_links),
        AuditKind::Council => t_string!(i18n, audit.kind_council),
        AuditKind::Scores => t_string!(i18n, audit.kind_scores),
        AuditKind::Awards => t_string!(i18n, audit.kind_awards),
        AuditKind::Ceremony => t_string!(i18n, audit.kind_ceremony),
    }
    .to_string()
}

#[component]
pub fn CampaignAuditPage() -> impl IntoView {
    let id = id_param();
    let query = use_query_map();
    let kind = move || query.read().get("kind").unwrap_or_default();
    let data = page_resource(
        move || (id(), kind()),
        |(id, kind)| async move { (get_campaign(id).await, campaign_audit(id, kind).await) },
    );
    view! {
        <Suspense fallback=|| {
            view! { <Loading /> }
        }>
            {move || Suspend::new(async move {
                match data.await {
                    (Ok(c), Ok(entries)) => view! { <AuditView c entries kind=kind() /> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => view! { <ErrorNotice error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AuditView(c: CampaignDetail, entries: Vec<AuditEntry>, kind: String) -> impl IntoView {
    let i18n = use_i18n();
    let options = AuditKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <option value=k.as_str() selected=k.as_str() == kind>
                    {kind_label(k)}
                </option>
            }
        })
        .collect_view();
    let list = if entries.is_empty() {
        view! { <p class="empty">{t!(i18n, audit.empty)}</p> }.into_any()
    } else {
        view! { <ol class="audit-list">{entries.into_iter().map(|e| view! { <Entry e /> }).collect_view()}</ol> }
            .into_any()
    };
    view! {
        <CampaignHead id=c.id title=c.title.clone() state=c.state active="audit" />
        <section class="card">
            <h2>{t!(i18n, audit.title)}</h2>
            <p class="hint">{t!(i18n, audit.lead)}</p>
            <form method="get" class="filter">
                <label for="kind">{t!(i18n, audit.filter)}</label>
                <select id="kind" name="kind">
                    <option value="">{t!(i18n, audit.all)}</option>
                    {options}
                </select>
                <button type="submit" class="button small secondary">
                    {t!(i18n, audit.apply)}
                </button>
            </form>
            {list}
        </section>
    }
}

#[component]
fn Entry(e: AuditEntry) -> impl IntoView {
    let i18n = use_i18n();
    let at =
        e.at.with_timezone(&Ho_Chi_Minh)
            .format("%d/%m/%Y %H:%M")
            .to_string();
    view! {
        <li class="audit-entry">
            <p class="audit-head">
                <span class="strong">{kind_label(e.kind)}</span>
                <span class="meta-text">{at} " · " {e.actor}</span>
            </p>
            {(!e.reason.is_empty())
                .then(|| {
                    view! {
                        <p class="audit-reason">
                            <span class="strong">{t!(i18n, audit.reason)} ": "</span>
                            {e.reason.clone()}
                        </p>
                    }
                })}
            <AuditDiff before=e.before after=e.after />
        </li>
    }
}
