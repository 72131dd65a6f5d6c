//! One initiative on a member's desk: its whole text, authors and files (PDFs inline, images
//! full size) beside his score sheet on a wide screen, one above the other on a phone. Once his
//! sheet is submitted he sees it with the other members' sheets side by side.
use super::sheet_form::SheetForm;
use super::CouncilFrame;
use crate::api::council_desk::{council_initiative, DeskInitiative, PeerSheet};
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::domain::council::score_sheet::format_half_points;
use crate::i18n::*;
use crate::pages::unit::initiative_text::InitiativeText;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CouncilDeskPage() -> impl IntoView {
    let campaign = number_param("campaign");
    let initiative = number_param("id");
    view! {
        <CouncilFrame>
            {page_loader(
                move || (campaign(), initiative()),
                |(c, i)| council_initiative(c, i),
                |desk| view! { <DeskView desk /> },
            )}
        </CouncilFrame>
    }
}

#[component]
fn DeskView(desk: DeskInitiative) -> impl IntoView {
    let i18n = use_i18n();
    let title = desk.content.title.clone();
    let meta = format!("{} · {} · ", desk.content.receipt_code, desk.content.unit_name);
    let submitted = desk.sheet.as_ref().is_some_and(|s| s.state == "submitted");
    let side = if submitted {
        view! { <SubmittedSheets desk=desk.clone() /> }.into_any()
    } else {
        view! { <SheetForm desk=desk.clone() /> }.into_any()
    };
    view! {
        <Title text=move || format!("{} · {}", title, t_string!(i18n, app_name)) />
        <nav class="breadcrumb">
            <a href="/council">{t!(i18n, council.title)}</a>
            " › "
            <a href=format!("/council/{}", desk.campaign_id)>{desk.campaign_title.clone()}</a>
        </nav>
        <p class="progress-figure small" role="status">
            {t!(i18n, desk.progress, done = desk.done, total = desk.assigned)}
        </p>
        <div class="desk-grid">
            <div class="desk-text">
                <InitiativeText content=desk.content.clone() meta_prefix=meta inline_files=true />
            </div>
            <aside class="desk-side" aria-label=move || t_string!(i18n, desk.sheet_title)>
                {side}
            </aside>
        </div>
    }
}

/// His submitted sheet beside the other members' submitted sheets, per criterion.
#[component]
fn SubmittedSheets(desk: DeskInitiative) -> impl IntoView {
    let i18n = use_i18n();
    let mine = desk.sheet.clone().unwrap_or_default();
    let me = PeerSheet {
        name: t_string!(i18n, desk.me).to_string(),
        total: mine.points.iter().copied().sum(),
        points: mine.points,
        comments: mine.comments,
        overall: mine.overall,
    };
    let sheets: Vec<PeerSheet> = std::iter::once(me).chain(desk.peers.clone()).collect();
    let head = sheets
        .iter()
        .map(|s| view! { <th scope="col">{s.name.clone()}</th> })
        .collect_view();
    let cell = |p: Option<u32>| p.map(format_half_points).unwrap_or_else(|| "—".into());
    let rows = desk
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cells = sheets
                .iter()
                .map(|s| {
                    let comment = s.comments.get(i).cloned().unwrap_or_default();
                    view! {
                        <td>
                            <strong>{cell(s.points.get(i).copied().flatten())}</strong>
                            {(!comment.is_empty()).then(|| view! { <p class="hint">{comment}</p> })}
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{format!("{} (/{})", c.name, c.max_points)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let totals = sheets
        .iter()
        .map(|s| {
            view! {
                <td>
                    <strong>{cell(s.total)}</strong>
                </td>
            }
        })
        .collect_view();
    let overall = sheets
        .iter()
        .filter(|s| !s.overall.is_empty())
        .map(|s| {
            view! {
                <li>
                    <strong>{format!("{}: ", s.name)}</strong>
                    {s.overall.clone()}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{t!(i18n, desk.submitted_title)}</h2>
            <p class="hint">{t!(i18n, desk.submitted_hint)}</p>
            <div class="table-scroll">
                <table class="peer-sheets">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, desk.criterion)}</th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>
                        {rows} <tr class="total-row">
                            <th scope="row">{t!(i18n, desk.total)}</th>
                            {totals}
                        </tr>
                    </tbody>
                </table>
            </div>
            {desk.peers.is_empty().then(|| view! { <p class="hint">{t!(i18n, desk.no_peers)}</p> })}
            <ul class="plain-list">{overall}</ul>
            <a class="button" href=format!("/council/{}", desk.campaign_id)>
                {t!(i18n, desk.back_to_queue)}
            </a>
        </section>
    }
}
