//! Parts of the initiative form: the kind choice, the authors (the unit as a collective or named
//! people with their shares) and the attachments (stored ones to keep or drop, new ones to add).
use super::parts::{file_link, kind_label};
use crate::components::field::invalid;
use crate::components::problem_text::problem_text;
use crate::domain::initiative::attachment::{
    AttachmentInfo, MAX_FILES, MAX_FILE_MB, MAX_PHOTO_MB, MAX_TOTAL_MB,
};
use crate::domain::initiative::{author_field, AuthorInput, InitiativeKind, AUTHORS_MAX};
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

/// Problems of one field, as paragraphs (for fields laid out by hand).
pub fn problems_of(error: Signal<Option<AppError>>, field: String) -> impl IntoView {
    move || {
        error
            .get()
            .map(|e| e.problems_at(&field))
            .unwrap_or_default()
            .iter()
            .map(|p| view! { <p class="problem">{problem_text(p)}</p> })
            .collect_view()
    }
}

#[component]
pub fn KindChoice(chosen: String, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let options = InitiativeKind::ALL
        .into_iter()
        .map(|kind| {
            let id = format!("kind-{}", kind.as_str());
            let label_for = id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input
                        type="radio"
                        id=id
                        name="kind"
                        value=kind.as_str()
                        checked=chosen == kind.as_str()
                    />
                    <span>{kind_label(kind)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="field choices"
            class:field-invalid=move || error.get().is_some_and(|e| !e.problems_at("kind").is_empty())
            aria-describedby="kind-msg"
            aria-invalid=invalid(error, "kind")
        >
            <legend>{t!(i18n, initiative.kind)}</legend>
            <div class="choice-row">{options}</div>
            <div id="kind-msg" class="field-msg" aria-live="polite">
                {problems_of(error, "kind".into())}
            </div>
        </fieldset>
    }
}

#[component]
pub fn AuthorsPart(
    mode: String,
    authors: Vec<AuthorInput>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Without scripts rows cannot be added: there is always a free one (three at first).
    let shown = (authors.len() + 1).clamp(3, AUTHORS_MAX);
    let rows = (0..shown)
        .map(|i| {
            let typed = authors.get(i).cloned().unwrap_or_default();
            view! { <AuthorRow index=i typed error /> }
        })
        .collect_view();
    let collective = mode != "individuals";
    view! {
        <fieldset class="field authors" aria-describedby="author_mode-msg authors-msg">
            <legend>{t!(i18n, initiative.authors)}</legend>
            <div class="choice-row">
                <label class="choice" for="author_mode-collective">
                    <input
                        type="radio"
                        id="author_mode-collective"
                        name="author_mode"
                        value="collective"
                        checked=collective
                    />
                    <span>{t!(i18n, initiative.author_collective)}</span>
                </label>
                <label class="choice" for="author_mode-individuals">
                    <input
                        type="radio"
                        id="author_mode-individuals"
                        name="author_mode"
                        value="individuals"
                        checked=!collective
                    />
                    <span>{t!(i18n, initiative.author_individuals)}</span>
                </label>
            </div>
            <div id="author_mode-msg" class="field-msg" aria-live="polite">
                {problems_of(error, "author_mode".into())}
            </div>
            <p class="hint">{t!(i18n, initiative.authors_hint)}</p>
            <ol class="author-rows">{rows}</ol>
            <div id="authors-msg" class="field-msg" aria-live="polite">
                {problems_of(error, "authors".into())}
            </div>
        </fieldset>
    }
}

#[component]
fn AuthorRow(index: usize, typed: AuthorInput, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let cell = move |column: &'static str, label: String, value: String, inputmode: Option<&'static str>| {
        let name = author_field(index, column);
        let problems = {
            let name = name.clone();
            move || error.get().map(|e| e.problems_at(&name)).unwrap_or_default()
        };
        // Shares that do not add up to 100 mark every share box, not only the group.
        let bad = {
            let problems = problems.clone();
            move || {
                let shares_wrong = column == "share"
                    && error.get().is_some_and(|e| {
                        e.problems_at("authors")
                            .iter()
                            .any(|p| matches!(p, crate::error::Problem::SharesNotHundred { .. }))
                    });
                if problems().is_empty() && !shares_wrong {
                    "false"
                } else {
                    "true"
                }
            }
        };
        view! {
            <div class=format!("author-cell author-{column}")>
                <label for=name.clone()>{label}</label>
                <input
                    type="text"
                    id=name.clone()
                    name=name
                    value=value
                    inputmode=inputmode
                    aria-invalid=bad
                />
                {move || {
                    problems()
                        .iter()
                        .map(|p| view! { <p class="problem">{problem_text(p)}</p> })
                        .collect_view()
                }}
            </div>
        }
    };
    view! {
        <li class="author-row">
            <span class="author-number">{t!(i18n, initiative.author_number, n = index + 1)}</span>
            {cell("name", t_string!(i18n, initiative.author_name).to_string(), typed.name, None)}
            {cell("job_title", t_string!(i18n, initiative.author_job).to_string(), typed.job_title, None)}
            {cell(
                "share",
                t_string!(i18n, initiative.author_share).to_string(),
                typed.share,
                Some("numeric"),
            )}
        </li>
    }
}

/// Files the form keeps, each with its "remove" box (`remove_attachment`, for stored and held
/// files alike: the server drops each id from its own owner).
fn kept_files(files: &[AttachmentInfo], class: &'static str) -> Option<impl IntoView> {
    let i18n = use_i18n();
    let items = files
        .iter()
        .map(|a| {
            let id = format!("remove-{}", a.id);
            let label_for = id.clone();
            view! {
                <li>
                    {file_link(a)} " " <label class="check inline" for=label_for>
                        <input type="checkbox" id=id name="remove_attachment" value=a.id />
                        {t!(i18n, initiative.remove_file)}
                    </label>
                </li>
            }
        })
        .collect_view();
    (!files.is_empty()).then(|| view! { <ul class=class>{items}</ul> })
}

/// The form's files: those stored, those held from a refused plain post (`held`, saved with
/// the next send that succeeds), and the picker for new ones.
#[component]
pub fn AttachmentsPart(
    stored: Vec<AttachmentInfo>,
    held: Vec<AttachmentInfo>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kept = kept_files(&stored, "stored-files");
    let held_list = (!held.is_empty()).then(|| {
        view! {
            <p class="hint held-note">{t!(i18n, initiative.held_files)}</p>
            {kept_files(&held, "stored-files held-files")}
        }
    });
    view! {
        <div
            class="field"
            class:field-invalid=move || error.get().is_some_and(|e| !e.problems_at("attachments").is_empty())
        >
            <label for="attachments">{t!(i18n, initiative.attachments)}</label>
            {kept}
            {held_list}
            // With scripts on, the form's island makes it `enhanced` (`form_dom`).
            <div class="file-picker">
                <input
                    type="file"
                    id="attachments"
                    name="attachments"
                    class="file-input"
                    multiple
                    accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                    aria-describedby="attachments-msg"
                    aria-invalid=invalid(error, "attachments")
                />
                <label for="attachments" class="button secondary file-button" aria-hidden="true">
                    {t!(i18n, initiative.choose_files)}
                </label>
                <span class="file-name">{t!(i18n, initiative.no_files_chosen)}</span>
            </div>
            <div id="attachments-msg" class="field-msg" aria-live="polite">
                <p class="hint">
                    {t!(
                        i18n, initiative.attachments_hint, file_mb = MAX_FILE_MB, total_mb = MAX_TOTAL_MB, files = MAX_FILES, photo_mb = MAX_PHOTO_MB
                    )}
                </p>
                {problems_of(error, "attachments".into())}
            </div>
        </div>
    }
}
