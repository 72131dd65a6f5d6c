//! A drafted document as a printable page (`/admin/campaigns/{id}/documents/{document}`): the
//! same words and layout as its Word file (`server::documents` builds both from one draft), on
//! A4 with the NĐ 30 margins, for reading on screen and printing without Word.
use crate::api::documents::get_document_draft;
use crate::components::id_param::id_param;
use crate::components::page_loader::page_loader;
use crate::components::print_button::PrintButton;
use crate::i18n::*;
use crate::wire::documents::{document_address, Align, Block, Draft, Layout, OfficialDocument, Para, Span};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Twentieths of a point in millimetres, for the page's CSS.
fn mm(twips: f64) -> f64 {
    twips * 25.4 / 1440.0
}

#[component]
pub fn DocumentPrintPage() -> impl IntoView {
    let id = id_param();
    let campaign = id.clone();
    let params = use_params_map();
    let slug = move || params.read().get("document").unwrap_or_default();
    page_loader(
        move || (id(), slug()),
        |(id, slug)| get_document_draft(id, slug),
        move |draft| {
            let document = OfficialDocument::from_slug(&slug());
            view! { <Printed draft campaign=campaign() document /> }
        },
    )
}

#[component]
fn Printed(draft: Draft, campaign: i64, document: Option<OfficialDocument>) -> impl IntoView {
    let i18n = use_i18n();
    let back = match document {
        Some(OfficialDocument::CouncilMinutes) => format!("/admin/campaigns/{campaign}/council"),
        _ => format!("/admin/campaigns/{campaign}/awards"),
    };
    let word = document.map(|d| {
        view! {
            <a class="button secondary" href=document_address(d, campaign) rel="external">
                {t!(i18n, documents.word_file)}
            </a>
        }
    });
    view! {
        <Title text=move || t_string!(i18n, documents.print_title) />
        <nav class="no-print summary-tools">
            <a href=back>{t!(i18n, documents.print_back)}</a>
            <PrintButton />
            {word}
            <p class="hint">{t!(i18n, documents.print_hint)}</p>
        </nav>
        <article class="nd30-page">{draft.blocks.iter().map(block).collect_view()}</article>
    }
}

fn block(block: &Block) -> AnyView {
    match block {
        Block::Para(p) => paragraph(p),
        Block::Table(t) => table(t),
    }
}

fn span(s: &Span) -> impl IntoView {
    let style = format!(
        "font-size: {}pt;{}{}",
        s.size as f64 / 2.0,
        if s.bold { " font-weight: 700;" } else { "" },
        if s.italic { " font-style: italic;" } else { "" }
    );
    view! { <span style=style>{s.text.clone()}</span> }
}

fn paragraph(p: &Para) -> AnyView {
    if p.page_break {
        return view! { <div class="nd30-page-break"></div> }.into_any();
    }
    if let Some(inset) = p.rule_inset {
        let style = format!(
            "margin: 0 {:.1}mm {:.1}pt",
            mm(inset as f64),
            p.after as f64 / 20.0
        );
        return view! { <hr class="nd30-rule" style=style /> }.into_any();
    }
    let align = match p.align {
        Align::Left => "left",
        Align::Centre => "center",
        Align::Justify => "justify",
    };
    let style = format!(
        "text-align: {align}; margin: {:.1}pt 0 {:.1}pt;{}",
        p.before as f64 / 20.0,
        p.after as f64 / 20.0,
        if p.first_line { " text-indent: 10mm;" } else { "" }
    );
    if p.spans.iter().all(|s| s.text.is_empty()) {
        return view! { <p class="nd30-blank" style=style></p> }.into_any();
    }
    view! { <p style=style>{p.spans.iter().map(span).collect_view()}</p> }.into_any()
}

fn table(t: &Layout) -> AnyView {
    let total: usize = t.widths.iter().sum::<usize>().max(1);
    let columns = t
        .widths
        .iter()
        .map(|w| view! { <col style=format!("width: {:.2}%", *w as f64 * 100.0 / total as f64) /> })
        .collect_view();
    let rows = t
        .rows
        .iter()
        .map(|cells| {
            view! {
                <tr>
                    {cells
                        .iter()
                        .map(|paragraphs| {
                            view! { <td>{paragraphs.iter().map(paragraph).collect_view()}</td> }
                        })
                        .collect_view()}
                </tr>
            }
        })
        .collect_view();
    let class = if t.borders { "nd30-grid" } else { "nd30-layout" };
    view! {
        <table class=class>
            <colgroup>{columns}</colgroup>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
