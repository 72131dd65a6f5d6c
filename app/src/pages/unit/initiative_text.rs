//! An initiative's registered text as its readers see it: kind, field, title, the four
//! sections, the date first applied, the authors and the files. The unit lists its files as
//! links; the council sees them inline (PDFs in the page, images at full size).
use super::parts::{file_list, kind_label, moment_text};
use crate::domain::deadline::format_date;
use crate::domain::initiative::attachment::{size_text, AttachmentInfo, MediaType};
use crate::domain::initiative::Authors;
use crate::i18n::*;
use crate::wire::initiatives::InitiativeContent;
use leptos::prelude::*;

/// Text typed with blank lines between paragraphs, as paragraphs.
pub fn paragraphs(text: &str) -> impl IntoView {
    text.split("\n\n")
        .map(|p| view! { <p class="prose">{p.to_owned()}</p> })
        .collect_view()
}

#[component]
pub fn InitiativeText(
    content: InitiativeContent,
    /// What goes before the kind and field (the council also sees the unit and receipt code).
    #[prop(optional)]
    meta_prefix: Option<String>,
    #[prop(optional)] inline_files: bool,
    /// One of a list under its own heading (the organizer's view of a unit): the title is
    /// shown by the list, the sections are fourth-level headings.
    #[prop(optional)]
    in_list: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let authors = match &content.authors {
        Authors::Collective => {
            view! { <p class="prose">{t!(i18n, initiative.collective_of, unit = content.unit_name.clone())}</p> }.into_any()
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
    let files = match (content.attachments.is_empty(), inline_files) {
        (true, _) => view! { <p class="hint">{t!(i18n, initiative.no_files)}</p> }.into_any(),
        (false, true) => content
            .attachments
            .iter()
            .map(|a| view! { <InlineFile file=a.clone() /> })
            .collect_view()
            .into_any(),
        (false, false) => file_list(&content.attachments).into_any(),
    };
    let meta = format!(
        "{}{} · {}",
        meta_prefix.unwrap_or_default(),
        kind_label(content.kind),
        content.field_name
    );
    let heading = move |text: String| {
        if in_list {
            view! { <h4>{text}</h4> }.into_any()
        } else {
            view! { <h2>{text}</h2> }.into_any()
        }
    };
    view! {
        <article class="initiative-detail">
            <p class="meta-text">{meta}</p>
            {(!in_list).then(|| view! { <h1 class="unit-title">{content.title.clone()}</h1> })}
            {heading(t_string!(i18n, initiative.situation).to_string())}
            {paragraphs(&content.situation)}
            {heading(t_string!(i18n, initiative.solution).to_string())}
            {paragraphs(&content.solution)}
            {heading(t_string!(i18n, initiative.benefit).to_string())}
            {paragraphs(&content.benefit)}
            {heading(t_string!(i18n, initiative.scope).to_string())}
            {paragraphs(&content.scope)}
            {heading(t_string!(i18n, initiative.first_applied).to_string())}
            <p class="prose">{format_date(content.first_applied)}</p>
            {heading(t_string!(i18n, initiative.authors).to_string())}
            {authors}
            {heading(t_string!(i18n, initiative.attachments).to_string())}
            {files}
            {(content.updated_at > content.submitted_at)
                .then(|| {
                    view! {
                        <p class="meta-text">
                            {t!(i18n, initiative.updated_at, at = moment_text(content.updated_at))}
                        </p>
                    }
                })}
        </article>
    }
}

/// A PDF shown in the page (with its link for browsers that cannot), an image at full size.
#[component]
fn InlineFile(file: AttachmentInfo) -> impl IntoView {
    let href = format!("/files/{}", file.id);
    let caption = format!("{} ({})", file.file_name, size_text(file.size_bytes.into()));
    let shown = match file.media_type {
        MediaType::Pdf => view! {
            <object
                class="desk-pdf"
                data=href.clone()
                type="application/pdf"
                aria-label=file.file_name.clone()
            ></object>
        }
        .into_any(),
        _ => view! { <img class="desk-image" src=href.clone() alt=file.file_name.clone() loading="lazy" /> }
            .into_any(),
    };
    view! {
        <figure class="desk-file">
            {shown} <figcaption>
                <a href=href target="_blank" rel="noopener">
                    {caption}
                </a>
            </figcaption>
        </figure>
    }
}
