//! A member's queue in one campaign: his progress, what is left, what he skipped or declined,
//! what he scored, and the initiatives he does not score because of his unit or a declared
//! conflict (those are never links: their desk does not exist for him).
use super::CouncilFrame;
use crate::api::council_desk::{council_queue, DeskQueue, DeskStatus, QueueEntry};
use crate::components::campaign_labels::StateBadge;
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::role::CouncilRole;
use crate::domain::council::score_sheet::format_half_points;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CouncilQueuePage() -> impl IntoView {
    let campaign = number_param("campaign");
    view! {
        <CouncilFrame>
            {page_loader(campaign, council_queue, |queue| view! { <QueueView queue /> })}
        </CouncilFrame>
    }
}

fn counts(entries: &[QueueEntry]) -> (usize, usize) {
    let mine = entries
        .iter()
        .filter(|e| !matches!(e.status, DeskStatus::RecusedUnit | DeskStatus::RecusedDeclared));
    let (done, total) = mine.fold((0, 0), |(done, total), e| {
        let finished = matches!(e.status, DeskStatus::Scored { .. } | DeskStatus::Abstained);
        (done + usize::from(finished), total + 1)
    });
    (done, total)
}

#[component]
fn QueueView(queue: DeskQueue) -> impl IntoView {
    let i18n = use_i18n();
    let (done, total) = counts(&queue.entries);
    let title = queue.title.clone();
    let scoring = queue.state == CampaignState::Evaluating;
    let section = |label: String, pick: fn(&DeskStatus) -> bool, linked: bool| {
        let rows: Vec<QueueEntry> = queue
            .entries
            .iter()
            .filter(|e| pick(&e.status))
            .cloned()
            .collect();
        (!rows.is_empty()).then(|| {
            let count = rows.len();
            let items = rows
                .into_iter()
                .map(|e| view! { <QueueLine campaign_id=queue.campaign_id entry=e linked /> })
                .collect_view();
            view! {
                <section class="card queue-section">
                    <h2>{format!("{label} ({count})")}</h2>
                    <ul class="queue">{items}</ul>
                </section>
            }
        })
    };
    let todo = section(
        t_string!(i18n, desk.section_todo).to_string(),
        |s| matches!(s, DeskStatus::Todo { .. }),
        true,
    );
    let skipped = section(
        t_string!(i18n, desk.section_skipped).to_string(),
        |s| *s == DeskStatus::Skipped,
        true,
    );
    let finished = section(
        t_string!(i18n, desk.section_done).to_string(),
        |s| matches!(s, DeskStatus::Scored { .. } | DeskStatus::Abstained),
        true,
    );
    let recused = section(
        t_string!(i18n, desk.section_recused).to_string(),
        |s| matches!(s, DeskStatus::RecusedUnit | DeskStatus::RecusedDeclared),
        false,
    );
    let start = match (scoring, queue.next) {
        (true, Some(next)) => view! {
            <a class="button big" href=format!("/council/{}/initiatives/{next}", queue.campaign_id)>
                {if done == 0 { t_string!(i18n, desk.start) } else { t_string!(i18n, desk.resume) }}
            </a>
        }
        .into_any(),
        (true, None) if total > 0 => {
            view! { <p class="alert alert-success">{t!(i18n, desk.all_done)}</p> }.into_any()
        }
        (true, None) => view! { <p class="empty">{t!(i18n, desk.nothing_assigned)}</p> }.into_any(),
        (false, _) => view! { <p class="alert alert-info">{t!(i18n, desk.not_scoring)}</p> }.into_any(),
    };
    view! {
        <Title text=move || format!("{} · {}", title, t_string!(i18n, app_name)) />
        <nav class="breadcrumb">
            <a href="/council">{t!(i18n, council.title)}</a>
        </nav>
        <div class="page-head">
            <h1>{queue.title.clone()}</h1>
            <StateBadge state=queue.state />
        </div>
        {officer_link(queue.campaign_id, queue.role)}
        <p>
            <a class="button secondary" href=format!("/results/{}", queue.campaign_id)>
                {t!(i18n, results.link)}
            </a>
        </p>
        <section class="card desk-progress">
            <p class="progress-figure" role="status">
                {t!(i18n, desk.progress, done = done, total = total)}
            </p>
            <progress max=total.max(1) value=done aria-hidden="true"></progress>
            {start}
        </section>
        {todo}
        {skipped}
        {finished}
        {recused}
    }
}

#[component]
fn QueueLine(campaign_id: i64, entry: QueueEntry, linked: bool) -> impl IntoView {
    let i18n = use_i18n();
    let status = match entry.status {
        DeskStatus::Todo { draft: true } => t_string!(i18n, desk.status_draft).to_string(),
        DeskStatus::Todo { draft: false } => String::new(),
        DeskStatus::Skipped => t_string!(i18n, desk.status_skipped).to_string(),
        DeskStatus::Scored { total } => {
            t_string!(i18n, desk.status_scored, total = format_half_points(total)).to_string()
        }
        DeskStatus::Abstained => t_string!(i18n, desk.status_abstained).to_string(),
        DeskStatus::RecusedUnit => t_string!(i18n, desk.status_recused_unit).to_string(),
        DeskStatus::RecusedDeclared => t_string!(i18n, desk.status_recused_declared).to_string(),
    };
    let title = if linked {
        view! { <a href=format!("/council/{campaign_id}/initiatives/{}", entry.id)>{entry.title}</a> }
            .into_any()
    } else {
        view! { <span>{entry.title}</span> }.into_any()
    };
    view! {
        <li class="queue-line">
            <span class="queue-title">{title}</span>
            <span class="queue-meta">{format!("{} · {}", entry.unit_name, entry.field_name)}</span>
            {(!status.is_empty()).then(|| view! { <span class="queue-status">{status}</span> })}
        </li>
    }
}

/// The chair and the secretary also open the council's matrix.
fn officer_link(campaign_id: i64, role: CouncilRole) -> Option<impl IntoView> {
    let i18n = use_i18n();
    let label = match role {
        CouncilRole::Chair => t_string!(i18n, chair.open),
        CouncilRole::Secretary => t_string!(i18n, chair.open_secretary),
        CouncilRole::Member => return None,
    };
    Some(view! {
        <p>
            <a class="button secondary" href=format!("/council/{campaign_id}/chair")>
                {label}
            </a>
        </p>
    })
}
