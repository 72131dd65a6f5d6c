//! A campaign at a glance: where it is in its lifecycle, what it still lacks, the next step,
//! its deadlines (with "Gia hạn"), a summary of the setup, and copy / audit links.
use super::board_links::BoardLinksCard;
use crate::api::campaigns::{get_campaign, CampaignDetail};
use crate::api::live::{get_board_links, BoardLinks};
use crate::components::campaign_labels::{
    action_label, missing_section, missing_text, state_label, visibility_label,
};
use crate::components::campaign_tabs::CampaignHead;
use crate::components::id_param::id_param;
use crate::components::notice::SavedNotice;
use crate::components::page_loader::page_loader;
use crate::domain::campaign::Visibility;
use crate::domain::campaign_state::{CampaignState, DeadlineKind};
use crate::domain::deadline::{format_date, Deadline};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CampaignOverviewPage() -> impl IntoView {
    // One resource for both: a second one inside the page would hydrate out of step.
    page_loader(
        id_param(),
        |id| async move { Ok((get_campaign(id).await?, get_board_links(id).await?)) },
        |(c, links)| view! { <Overview c links /> },
    )
}

#[component]
fn Overview(c: CampaignDetail, links: BoardLinks) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let saved = move || {
        query.read().get("saved").and_then(|s| match s.as_str() {
            "created" => Some(t_string!(i18n, campaigns.saved_created).to_string()),
            "copied" => Some(t_string!(i18n, campaigns.saved_copied).to_string()),
            "state" => Some(t_string!(i18n, campaigns.saved_state).to_string()),
            "extended" => Some(t_string!(i18n, campaigns.saved_extended).to_string()),
            "released" => Some(t_string!(i18n, lifecycle.released).to_string()),
            _ => None,
        })
    };
    view! {
        <CampaignHead id=c.id title=c.title.clone() state=c.state active="" />
        {move || saved().map(|text| view! { <SavedNotice text /> })}
        <Lifecycle state=c.state />
        {c
            .results_held
            .then(|| {
                view! {
                    <p class="alert alert-info">
                        <strong>{t!(i18n, lifecycle.held_title)}</strong>
                        " "
                        <a href=format!("/admin/campaigns/{}/state", c.id)>{t!(i18n, lifecycle.release)}</a>
                    </p>
                }
            })}
        <div class="grid">
            <NextStep c=c.clone() />
            <Deadlines c=c.clone() />
            <Summary c=c.clone() />
            <BoardLinksCard links link_only=c.visibility == Visibility::LinkOnly />
            <section class="card">
                <h2>{t!(i18n, campaigns.plan)}</h2>
                <dl class="facts">
                    <dt>{t!(i18n, campaigns.organizer)}</dt>
                    <dd>{c.organizer.name.clone()}</dd>
                    {(!c.plan_ref.is_empty())
                        .then(|| {
                            let date = c.plan_date.map(format_date).unwrap_or_default();
                            view! {
                                <dt>{t!(i18n, campaigns.plan)}</dt>
                                <dd>
                                    {t_string!(
                                        i18n, campaigns.plan_of, plan_ref = c.plan_ref.clone(), date = date
                                    )}
                                </dd>
                            }
                        })}
                    {c
                        .copied_from
                        .clone()
                        .map(|from| {
                            view! {
                                <dt>{t!(i18n, campaigns.copied_from)}</dt>
                                <dd>
                                    <a href=format!("/admin/campaigns/{}", from.id)>{from.title}</a>
                                </dd>
                            }
                        })}
                </dl>
                <div class="actions">
                    <a class="button secondary" href=format!("/admin/campaigns/{}/copy", c.id)>
                        {t!(i18n, campaigns.copy_as_new)}
                    </a>
                    <a class="button secondary" href=format!("/admin/campaigns/{}/audit", c.id)>
                        {t!(i18n, campaigns.see_audit)}
                    </a>
                </div>
            </section>
        </div>
    }
}

/// The five steps, the current one marked.
#[component]
fn Lifecycle(state: CampaignState) -> impl IntoView {
    let i18n = use_i18n();
    let current = CampaignState::ALL.iter().position(|s| *s == state).unwrap_or(0);
    view! {
        <ol class="stepper" aria-label=move || t_string!(i18n, campaigns.lifecycle)>
            {CampaignState::ALL
                .into_iter()
                .enumerate()
                .map(|(i, s)| {
                    let class = match i.cmp(&current) {
                        std::cmp::Ordering::Less => "done",
                        std::cmp::Ordering::Equal => "current",
                        std::cmp::Ordering::Greater => "todo",
                    };
                    view! {
                        <li class=class aria-current=(i == current).then_some("step")>
                            {state_label(s)}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

#[component]
fn NextStep(c: CampaignDetail) -> impl IntoView {
    let i18n = use_i18n();
    let body = match c.state.next() {
        None => view! { <p>{t!(i18n, campaigns.closed_note)}</p> }.into_any(),
        Some(_) if !c.missing.is_empty() => {
            let items = c
                .missing
                .iter()
                .map(|item| {
                    let href = format!("/admin/campaigns/{}/{}", c.id, missing_section(*item));
                    view! {
                        <li>
                            <a href=href>{missing_text(*item)}</a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p>{t!(i18n, campaigns.missing_lead)}</p>
                <ul class="missing">{items}</ul>
            }
            .into_any()
        }
        Some(next) => {
            let deadline_text = |d: Option<Deadline>| d.map(Deadline::date_time_text).unwrap_or_default();
            let (note, early) = match c.state {
                CampaignState::Draft => (Some(t_string!(i18n, campaigns.ready).to_string()), false),
                CampaignState::Open => {
                    let deadline = c.schedule.registration_deadline;
                    let text = t_string!(i18n, campaigns.open_until, deadline = deadline_text(deadline));
                    (Some(text), deadline.is_some_and(|d| !d.has_passed(c.loaded_at)))
                }
                CampaignState::Evaluating => {
                    let deadline = c.schedule.report_deadline;
                    let text = t_string!(i18n, campaigns.scoring_until, deadline = deadline_text(deadline));
                    (Some(text), false)
                }
                _ => (None, false),
            };
            // While registration is still running, closing it is not the obvious next click.
            let class = if early { "button secondary" } else { "button" };
            view! {
                {note.map(|text| view! { <p>{text}</p> })}
                <a class=class href=format!("/admin/campaigns/{}/state", c.id)>
                    {action_label(next)}
                </a>
            }
            .into_any()
        }
    };
    view! {
        <section class="card next-step">
            <h2>{t!(i18n, campaigns.next_step)}</h2>
            {body}
        </section>
    }
}

/// Days left until a deadline, counted in Vietnam's calendar.
fn time_left(deadline: Deadline, now: chrono::DateTime<chrono::Utc>) -> String {
    let i18n = use_i18n();
    if deadline.has_passed(now) {
        return t_string!(i18n, campaigns.time_passed).to_string();
    }
    let days = deadline.days_left(now);
    t_string!(i18n, campaigns.time_left, days = days)
}

#[component]
fn Deadlines(c: CampaignDetail) -> impl IntoView {
    let i18n = use_i18n();
    let not_set = move || t_string!(i18n, campaigns.not_set).to_string();
    let s = c.schedule;
    let period = match (s.period_start, s.period_end) {
        (Some(a), Some(b)) => t_string!(
            i18n,
            campaigns.period_text,
            start = format_date(a),
            end = format_date(b)
        ),
        _ => not_set(),
    };
    let now = c.loaded_at;
    // A countdown only while the deadline still matters to someone.
    let deadline_row = move |d: Option<Deadline>, counting: bool| match d {
        Some(d) if counting => format!("{} ({})", d.date_time_text(), time_left(d, now)),
        Some(d) => d.date_time_text(),
        None => not_set(),
    };
    let registration_counts = matches!(c.state, CampaignState::Draft | CampaignState::Open);
    let report_counts = registration_counts || c.state == CampaignState::Evaluating;
    let can_extend =
        c.state.can_extend(DeadlineKind::Registration) || c.state.can_extend(DeadlineKind::Report);
    view! {
        <section class="card">
            <h2>{t!(i18n, campaigns.deadlines)}</h2>
            <dl class="facts">
                <dt>{t!(i18n, campaigns.period)}</dt>
                <dd>{period}</dd>
                <dt>{t!(i18n, campaigns.registration)}</dt>
                <dd>{deadline_row(s.registration_deadline, registration_counts)}</dd>
                <dt>{t!(i18n, campaigns.report)}</dt>
                <dd>{deadline_row(s.report_deadline, report_counts)}</dd>
            </dl>
            {can_extend
                .then(|| {
                    view! {
                        <a class="button secondary" href=format!("/admin/campaigns/{}/extend", c.id)>
                            {t!(i18n, campaigns.extend)}
                        </a>
                    }
                })}
        </section>
    }
}

#[component]
fn Summary(c: CampaignDetail) -> impl IntoView {
    let i18n = use_i18n();
    let total: i32 = c.criteria.iter().map(|x| x.max_points).sum();
    let criteria = t_string!(
        i18n,
        campaigns.summary_criteria_total,
        count = c.criteria.len(),
        total = total
    );
    let thresholds = c
        .thresholds
        .map(|t| {
            t_string!(
                i18n,
                campaigns.summary_thresholds_text,
                excellent = t.excellent,
                good = t.good,
                pass = t.pass
            )
        })
        .unwrap_or_else(|| t_string!(i18n, campaigns.not_set).to_string());
    let link = |segment: &str| format!("/admin/campaigns/{}/{segment}", c.id);
    view! {
        <section class="card">
            <h2>{t!(i18n, campaigns.setup_summary)}</h2>
            <dl class="facts">
                <dt>
                    <a href=link("units")>{t!(i18n, campaigns.summary_units)}</a>
                </dt>
                <dd>{c.unit_count}</dd>
                <dt>
                    <a href=link("fields")>{t!(i18n, campaigns.summary_fields)}</a>
                </dt>
                <dd>{c.fields.len()}</dd>
                <dt>
                    <a href=link("criteria")>{t!(i18n, campaigns.summary_criteria)}</a>
                </dt>
                <dd>{criteria}</dd>
                <dt>{t!(i18n, campaigns.summary_thresholds)}</dt>
                <dd>{thresholds}</dd>
                <dt>{t!(i18n, campaigns.summary_min)}</dt>
                <dd>{t_string!(i18n, campaigns.summary_min_text, count = c.min_initiatives)}</dd>
                <dt>{t!(i18n, campaigns.summary_max)}</dt>
                <dd>{t_string!(i18n, campaigns.summary_min_text, count = c.max_initiatives)}</dd>
                <dt>{t!(i18n, campaigns.summary_visibility)}</dt>
                <dd>{visibility_label(c.visibility)}</dd>
            </dl>
        </section>
    }
}
