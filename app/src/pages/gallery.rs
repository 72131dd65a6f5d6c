//! The exemplary gallery (`/gallery`): every listed exemplary initiative as a card, searched
//! and filtered by the address's query, so the form works the same with scripts off. Each card
//! shows how far the initiative has spread.
pub mod initiative;
pub mod replication_form;

use crate::api::gallery::{get_gallery, Gallery, GalleryCard, GalleryQuery};
use crate::components::campaign_labels::level_label;
use crate::components::kind_label::kind_label as unit_kind_label;
use crate::components::page_loader::page_loader;
use crate::i18n::*;
use crate::pages::unit::parts::kind_label;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn GalleryPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let asked = move || {
        query
            .with(|q| GalleryQuery::parse(|k| q.get(k)))
            .query_string()
            .trim_start_matches('?')
            .to_owned()
    };
    view! {
        <Title text=move || t_string!(i18n, gallery.title) />
        <main id="main" class="page gallery-page">
            <header class="page-head">
                <div>
                    <h1>{t!(i18n, gallery.title)}</h1>
                    <p class="lead">{t!(i18n, gallery.lead)}</p>
                </div>
            </header>
            {page_loader(asked, get_gallery, move |gallery| view! { <GalleryBody gallery /> })}
        </main>
    }
}

#[component]
fn GalleryBody(gallery: Gallery) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().with_untracked(|q| GalleryQuery::parse(|k| q.get(k)));
    if gallery.total == 0 {
        return view! { <p class="card empty-state">{t!(i18n, gallery.empty)}</p> }.into_any();
    }
    let cards = if gallery.cards.is_empty() {
        view! { <p class="card empty-state">{t!(i18n, gallery.no_match)}</p> }.into_any()
    } else {
        view! {
            <ul class="gallery-cards">
                {gallery.cards.iter().cloned().map(|card| view! { <Card card /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let count = t_string!(
        i18n,
        gallery.count,
        matching = gallery.matching.to_string(),
        total = gallery.total.to_string()
    );
    view! {
        <Filters query=query.clone() gallery=gallery.clone() />
        <p class="hint" role="status">
            {count}
        </p>
        {cards}
        <Pager query pages=gallery.pages />
    }
    .into_any()
}

#[component]
fn Card(card: GalleryCard) -> impl IntoView {
    let i18n = use_i18n();
    let spread = if card.replications > 0 {
        view! { <span class="spread">{t!(i18n, gallery.spread, count = card.replications.to_string())}</span> }
        .into_any()
    } else {
        view! { <span class="hint">{t!(i18n, gallery.not_spread)}</span> }.into_any()
    };
    view! {
        <li class="gallery-card card">
            <p class="eyebrow">{format!("{} · {}", kind_label(card.kind), card.field)}</p>
            <h2>
                <a href=format!("/gallery/{}", card.id)>{card.title.clone()}</a>
            </h2>
            <p class="gallery-meta">
                <strong>{card.unit_name.clone()}</strong>
                {format!(" · {} · {}", card.campaign_title, card.organizer_name)}
            </p>
            <p class="gallery-badges">
                <span class="badge ok">{t!(i18n, gallery.exemplary)}</span>
                {card.level.map(|l| view! { <span class="badge">{level_label(l)}</span> })}
                {spread}
            </p>
        </li>
    }
}

#[component]
fn Filters(query: GalleryQuery, gallery: Gallery) -> impl IntoView {
    let i18n = use_i18n();
    let fields = gallery
        .fields
        .iter()
        .map(|f| {
            let selected = query.field.as_deref() == Some(f.as_str());
            view! {
                <option value=f.clone() selected=selected>
                    {f.clone()}
                </option>
            }
        })
        .collect_view();
    let years = gallery
        .years
        .iter()
        .map(|y| {
            view! {
                <option value=y.to_string() selected=query.year == Some(*y)>
                    {y.to_string()}
                </option>
            }
        })
        .collect_view();
    let organizers = gallery
        .organizers
        .iter()
        .map(|o| {
            view! {
                <option value=o.id.to_string() selected=query.organizer == Some(o.id)>
                    {o.name.clone()}
                </option>
            }
        })
        .collect_view();
    let kinds = gallery
        .unit_kinds
        .iter()
        .map(|k| {
            view! {
                <option value=k.as_str() selected=query.unit_kind == Some(*k)>
                    {unit_kind_label(*k)}
                </option>
            }
        })
        .collect_view();
    let filtered = query != GalleryQuery::default();
    view! {
        <form class="filters card gallery-filters" method="get" action="/gallery" role="search">
            <div class="field gallery-search">
                <label for="gallery-q">{t!(i18n, gallery.search)}</label>
                <input
                    id="gallery-q"
                    name="q"
                    type="search"
                    value=query.text.clone()
                    aria-describedby="gallery-q-hint"
                    autocomplete="off"
                />
                <p class="hint" id="gallery-q-hint">
                    {t!(i18n, gallery.search_hint)}
                </p>
            </div>
            <div class="field">
                <label for="gallery-field">{t!(i18n, gallery.field)}</label>
                <select id="gallery-field" name="field">
                    <option value="">{t!(i18n, gallery.all)}</option>
                    {fields}
                </select>
            </div>
            <div class="field">
                <label for="gallery-year">{t!(i18n, gallery.year)}</label>
                <select id="gallery-year" name="year">
                    <option value="">{t!(i18n, gallery.all)}</option>
                    {years}
                </select>
            </div>
            <div class="field">
                <label for="gallery-organizer">{t!(i18n, gallery.organizer)}</label>
                <select id="gallery-organizer" name="organizer">
                    <option value="">{t!(i18n, gallery.all)}</option>
                    {organizers}
                </select>
            </div>
            <div class="field">
                <label for="gallery-kind">{t!(i18n, gallery.unit_kind)}</label>
                <select id="gallery-kind" name="kind">
                    <option value="">{t!(i18n, gallery.all)}</option>
                    {kinds}
                </select>
            </div>
            <div class="filter-actions">
                <button type="submit" class="button">
                    {t!(i18n, gallery.apply)}
                </button>
                {filtered
                    .then(|| {
                        view! {
                            <a class="button secondary" href="/gallery">
                                {t!(i18n, gallery.clear)}
                            </a>
                        }
                    })}
            </div>
        </form>
    }
}

/// The gallery's pages, each address keeping the search and filters.
#[component]
fn Pager(query: GalleryQuery, pages: usize) -> impl IntoView {
    let i18n = use_i18n();
    let page = query.page;
    let link = move |to: usize| format!("/gallery{}", query.at_page(to).query_string());
    view! { <crate::components::pager::Pager page pages link label=t_string!(i18n, gallery.pages) /> }
}
