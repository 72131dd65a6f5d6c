//! All campaigns, newest period first, with their state and a way to copy each one.
use crate::api::campaigns::{list_campaigns, CampaignSummary};
use crate::components::campaign_labels::StateBadge;
use crate::components::notice::{ErrorNotice, Loading};
use crate::domain::deadline::{format_date, Deadline};
use crate::i18n::*;
use crate::wire::codec::page_resource;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CampaignsPage() -> impl IntoView {
    let i18n = use_i18n();
    let campaigns = page_resource(|| (), |_| list_campaigns());
    view! {
        <Title text=move || {
            format!("{} · {}", t_string!(i18n, campaigns.title), t_string!(i18n, app_name))
        } />
        <div class="page-head">
            <div>
                <h1>{t!(i18n, campaigns.title)}</h1>
                <p class="lead">{t!(i18n, campaigns.lead)}</p>
            </div>
            <a class="button" href="/admin/campaigns/new">
                {t!(i18n, campaigns.create_new)}
            </a>
        </div>
        <Suspense fallback=|| {
            view! { <Loading /> }
        }>
            {move || Suspend::new(async move {
                match campaigns.await {
                    Ok(list) if list.is_empty() => {
                        view! { <p class="card empty">{t!(i18n, campaigns.empty)}</p> }.into_any()
                    }
                    Ok(list) => view! { <CampaignTable list /> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CampaignTable(list: Vec<CampaignSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let not_set = move || t_string!(i18n, campaigns.not_set).to_string();
    let rows = list
        .into_iter()
        .map(|c| {
            let period = match (c.period_start, c.period_end) {
                (Some(s), Some(e)) => format!("{} – {}", format_date(s), format_date(e)),
                _ => not_set(),
            };
            let registration = c
                .registration_deadline
                .map(Deadline::date_text)
                .unwrap_or_else(not_set);
            let copy_aria = t_string!(i18n, campaigns.copy_aria, title = c.title.clone());
            view! {
                <tr>
                    <td data-label=move || t_string!(i18n, campaigns.col_title)>
                        <a class="strong" href=format!("/admin/campaigns/{}", c.id)>
                            {c.title}
                        </a>
                    </td>
                    <td data-label=move || t_string!(i18n, campaigns.col_state)>
                        <StateBadge state=c.state />
                    </td>
                    <td data-label=move || t_string!(i18n, campaigns.col_organizer)>{c.organizer_name}</td>
                    <td data-label=move || t_string!(i18n, campaigns.col_period)>{period}</td>
                    <td data-label=move || t_string!(i18n, campaigns.col_registration)>{registration}</td>
                    <td data-label=move || t_string!(i18n, campaigns.col_units) class="num">
                        {c.unit_count}
                    </td>
                    <td data-label=move || t_string!(i18n, campaigns.col_actions)>
                        <a
                            class="button small secondary"
                            href=format!("/admin/campaigns/{}/copy", c.id)
                            aria-label=copy_aria
                        >
                            {t!(i18n, campaigns.copy)}
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="card">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, campaigns.col_title)}</th>
                        <th scope="col">{t!(i18n, campaigns.col_state)}</th>
                        <th scope="col">{t!(i18n, campaigns.col_organizer)}</th>
                        <th scope="col">{t!(i18n, campaigns.col_period)}</th>
                        <th scope="col">{t!(i18n, campaigns.col_registration)}</th>
                        <th scope="col" class="num">
                            {t!(i18n, campaigns.col_units)}
                        </th>
                        <th scope="col">{t!(i18n, campaigns.col_actions)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
