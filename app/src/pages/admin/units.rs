//! The unit list: search (diacritics and case ignored) or the tree, and the ways to add units.
use super::unit_tree::UnitTree;
use crate::api::units::{search_units, SearchHit};
use crate::components::export_links::ExportLinks;
use crate::components::kind_label::kind_label;
use crate::components::notice::{ErrorNotice, Loading};
use crate::i18n::*;
use crate::wire::codec::page_resource;
use crate::wire::exports::ExportTable;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn UnitsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    view! {
        <Title text=move || format!("{} · {}", t_string!(i18n, units.title), t_string!(i18n, app_name)) />
        <div class="page-head">
            <div>
                <h1>{t!(i18n, units.title)}</h1>
                <p class="lead">{t!(i18n, units.lead)}</p>
            </div>
            <div class="actions">
                <a class="button" href="/admin/units/new">
                    {t!(i18n, units.add)}
                </a>
                <a class="button secondary" href="/admin/units/import">
                    {t!(i18n, units.import)}
                </a>
            </div>
        </div>
        <form method="get" action="/admin/units" role="search" class="search">
            <label for="q">{t!(i18n, units.search_label)}</label>
            <div class="search-row">
                <input id="q" name="q" type="search" value=q aria-describedby="q-hint" autocomplete="off" />
                <button type="submit" class="button">
                    {t!(i18n, units.search_submit)}
                </button>
            </div>
            <p class="hint" id="q-hint">
                {t!(i18n, units.search_hint)}
            </p>
        </form>
        <ExportLinks table=ExportTable::Units label=t_string!(i18n, export.units_link) />
        {move || {
            let text = q();
            if text.trim().is_empty() {
                view! { <UnitTree /> }.into_any()
            } else {
                view! { <SearchResults query=text /> }.into_any()
            }
        }}
    }
}

#[component]
fn SearchResults(query: String) -> impl IntoView {
    let i18n = use_i18n();
    let shown = query.clone();
    let hits = page_resource(move || query.clone(), search_units);
    view! {
        <section class="card" aria-live="polite">
            <Suspense fallback=|| {
                view! { <Loading /> }
            }>
                {
                    let shown = shown.clone();
                    move || {
                        let shown = shown.clone();
                        Suspend::new(async move {
                            match hits.await {
                                Ok(hits) if hits.is_empty() => {
                                    view! { <p class="empty">{t!(i18n, units.no_results)}</p> }.into_any()
                                }
                                Ok(hits) => {
                                    let count = hits.len();
                                    view! {
                                        <p class="result-count">
                                            {t_string!(
                                                i18n, units.results, count = count, query = shown.clone()
                                            )}
                                        </p>
                                        <ul class="hits">
                                            {hits.into_iter().map(|hit| view! { <Hit hit /> }).collect_view()}
                                        </ul>
                                        <a href="/admin/units">{t!(i18n, units.search_clear)}</a>
                                    }
                                        .into_any()
                                }
                                Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                            }
                        })
                    }
                }
            </Suspense>
        </section>
    }
}

#[component]
fn Hit(hit: SearchHit) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="hit" class:inactive=!hit.active>
            <a href=format!("/admin/units/{}", hit.id)>{hit.name}</a>
            <span class="code">{hit.code}</span>
            <span class="kind">{kind_label(hit.kind)}</span>
            {(!hit.active).then(|| view! { <span class="badge">{t!(i18n, units.inactive)}</span> })}
            {(!hit.path.is_empty()).then(|| view! { <div class="path">{hit.path}</div> })}
        </li>
    }
}
