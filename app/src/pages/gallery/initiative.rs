//! An exemplary initiative's page (`/gallery/{id}`): its text, unit, authors, campaign, level
//! and public files; how far it spread (the units that adopted it, oldest first, with their
//! notes and photos); and the forms to record a replication — the unit's own, through a live
//! link on this browser, or an organizer's for a unit in its scope. An organizer also chooses
//! here which files the public may open.
use super::replication_form::{OrganizerReplicationForm, UnitReplicationForm};
use crate::api::gallery::{
    get_exemplary_initiative, ExemplaryInitiative, FileChoice, ReplicationEntry, SetFilePublic,
};
use crate::components::campaign_labels::level_label;
use crate::components::form_error::form_error;
use crate::components::id_param::id_param;
use crate::components::notice::SavedNotice;
use crate::components::page_loader::page_loader;
use crate::components::problem_text::error_text;
use crate::domain::deadline::format_date;
use crate::i18n::*;
use crate::pages::unit::initiative_text::InitiativeText;
use crate::pages::unit::parts::{file_link, moment_text};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ExemplaryPage() -> impl IntoView {
    let id = id_param();
    view! {
        <main id="main" class="page gallery-initiative">
            {page_loader(id, get_exemplary_initiative, move |initiative| view! { <Exemplary initiative /> })}
        </main>
    }
}

#[component]
fn Exemplary(initiative: ExemplaryInitiative) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let flag = move |key: &str| query.with_untracked(|q| q.get(key).is_some());
    let notice = if flag("recorded") {
        Some(t_string!(i18n, gallery.recorded).to_string())
    } else if flag("removed") {
        Some(t_string!(i18n, gallery.removed).to_string())
    } else {
        None
    };
    let title = initiative.content.title.clone();
    let count = initiative.replications.len();
    let spread = if count > 0 {
        t_string!(i18n, gallery.spread, count = count.to_string())
    } else {
        t_string!(i18n, gallery.not_spread).to_string()
    };
    let files = initiative
        .organizer
        .as_ref()
        .and_then(|o| o.files.clone())
        .map(|files| view! { <PublicFiles initiative_id=initiative.content.id files /> });
    view! {
        <Title text=title />
        <p>
            <a href="/gallery">{t!(i18n, gallery.back)}</a>
        </p>
        {(!initiative.listed)
            .then(|| view! { <p class="alert alert-warning">{t!(i18n, gallery.not_listed)}</p> })}
        <p class="gallery-badges">
            <span class="badge ok">{t!(i18n, gallery.exemplary)}</span>
            {initiative.level.map(|l| view! { <span class="badge">{level_label(l)}</span> })}
            <a href="#replications" class="spread">
                {spread}
            </a>
        </p>
        <dl class="gallery-facts">
            <dt>{t!(i18n, gallery.meta_campaign)}</dt>
            <dd>{format!("{} ({})", initiative.campaign_title, initiative.year)}</dd>
            <dt>{t!(i18n, gallery.meta_organizer)}</dt>
            <dd>{initiative.organizer_name.clone()}</dd>
        </dl>
        <div class="card">
            <InitiativeText
                content=initiative.content.clone()
                meta_prefix=format!("{} · ", initiative.content.unit_name)
            />
        </div>
        {files}
        <Replications initiative notice />
    }
}

/// `notice`: what was just saved, shown where the page lands after a save (`#replications`).
#[component]
fn Replications(initiative: ExemplaryInitiative, notice: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let id = initiative.content.id;
    let timeline = if initiative.replications.is_empty() {
        view! { <p class="empty-state">{t!(i18n, gallery.replications_none)}</p> }.into_any()
    } else {
        view! {
            <h3>{t!(i18n, gallery.timeline)}</h3>
            <ol class="replication-timeline">
                {initiative
                    .replications
                    .iter()
                    .cloned()
                    .map(|entry| view! { <Entry entry /> })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    let eligible: Vec<_> = initiative
        .adopters
        .iter()
        .filter(|a| !a.recorded && !a.own)
        .cloned()
        .collect();
    let statuses = initiative
        .adopters
        .iter()
        .filter(|a| a.recorded || a.own)
        .map(|a| {
            let text = if a.own {
                t_string!(i18n, gallery.own_unit, unit = a.unit_name.clone())
            } else {
                t_string!(i18n, gallery.already_recorded, unit = a.unit_name.clone())
            };
            view! { <p class="hint">{text}</p> }
        })
        .collect_view();
    let form = match (&initiative.organizer, eligible.is_empty()) {
        (_, false) => view! { <UnitReplicationForm initiative_id=id adopters=eligible today=initiative.today /> }.into_any(),
        (Some(tools), true) => {
            view! { <OrganizerReplicationForm initiative_id=id units=tools.units.clone() today=initiative.today /> }.into_any()
        }
        (None, true) if initiative.adopters.is_empty() => {
            view! { <p class="hint how-to-record">{t!(i18n, gallery.how_to_record)}</p> }.into_any()
        }
        (None, true) => ().into_any(),
    };
    view! {
        <section class="card" id="replications" aria-labelledby="replications-title">
            <h2 id="replications-title">
                {t!(i18n, gallery.replications_title)}
                {(!initiative.replications.is_empty())
                    .then(|| {
                        view! { <span class="count-badge">{initiative.replications.len().to_string()}</span> }
                    })}
            </h2>
            {notice.map(|text| view! { <SavedNotice text /> })}
            {timeline}
            {statuses}
            {form}
        </section>
    }
}

#[component]
fn Entry(entry: ReplicationEntry) -> impl IntoView {
    let i18n = use_i18n();
    let photo = entry.photo.map(|file| {
        let href = format!("/files/{file}");
        let src = href.clone();
        view! {
            <a href=href target="_blank" rel="noopener" class="replication-photo">
                <img
                    src=src
                    alt=t_string!(i18n, gallery.photo_alt, unit = entry.unit_name.clone())
                    loading="lazy"
                />
            </a>
        }
    });
    let remove = entry.removable.then(|| {
        let label = t_string!(i18n, gallery.remove_confirm, unit = entry.unit_name.clone());
        view! {
            <details class="replication-remove">
                <summary>{t!(i18n, gallery.remove)}</summary>
                <form method="post" action="/api/remove_replication">
                    <input type="hidden" name="replication_id" value=entry.id />
                    <button type="submit" class="button danger small">
                        {label}
                    </button>
                </form>
            </details>
        }
    });
    view! {
        <li>
            <p class="replication-head">
                <time datetime=entry.adopted_on.to_string()>{format_date(entry.adopted_on)}</time>
                " · "
                <strong>{entry.unit_name.clone()}</strong>
            </p>
            <p class="prose">{entry.note.clone()}</p>
            {photo}
            <p class="meta-text">{t!(i18n, gallery.recorded_at, at = moment_text(entry.recorded_at))}</p>
            {remove}
        </li>
    }
}

/// The organizer's choice of the files the public may open.
#[component]
fn PublicFiles(initiative_id: i64, files: Vec<FileChoice>) -> impl IntoView {
    let i18n = use_i18n();
    let saved = use_query_map().with_untracked(|q| q.get("saved").as_deref() == Some("files"));
    let rows = if files.is_empty() {
        view! { <p class="empty-state">{t!(i18n, gallery.no_files)}</p> }.into_any()
    } else {
        view! {
            <ul class="plain-list file-choices">
                {files.into_iter().map(|choice| view! { <FileToggle initiative_id choice /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="card" id="files" aria-labelledby="files-title">
            <h2 id="files-title">{t!(i18n, gallery.files_admin_title)}</h2>
            <p class="hint">{t!(i18n, gallery.files_admin_lead)}</p>
            {saved.then(|| view! { <SavedNotice text=t_string!(i18n, gallery.files_saved) /> })}
            {rows}
        </section>
    }
}

/// One file, public or not, with the button that turns it round (a plain form without scripts).
#[component]
fn FileToggle(initiative_id: i64, choice: FileChoice) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetFilePublic>::new();
    let shown = RwSignal::new(choice.public);
    // Turned round once the server has saved it, so the next press asks for the other state.
    Effect::new(move |_| {
        action.version().get();
        if matches!(action.value().get_untracked(), Some(Ok(()))) {
            shown.update(|s| *s = !*s);
        }
    });
    let error = form_error(move || action.value().get().and_then(Result::err));
    view! {
        <li class="file-choice">
            {file_link(&choice.file)}
            <span class=move || {
                if shown.get() { "badge ok" } else { "badge" }
            }>
                {move || {
                    if shown.get() {
                        t_string!(i18n, gallery.file_public)
                    } else {
                        t_string!(i18n, gallery.file_private)
                    }
                }}
            </span> <ActionForm action>
                <input type="hidden" name="file_id" value=choice.file.id />
                <input type="hidden" name="initiative_id" value=initiative_id />
                <input type="hidden" name="public" value=move || (!shown.get()).to_string() />
                <button type="submit" class="button secondary small">
                    {move || {
                        if shown.get() {
                            t_string!(i18n, gallery.make_private)
                        } else {
                            t_string!(i18n, gallery.make_public)
                        }
                    }}
                </button>
            </ActionForm> {move || error.get().map(|e| view! { <p class="problem">{error_text(&e)}</p> })}
        </li>
    }
}
