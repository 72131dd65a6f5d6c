//! The unit's page: what is still due (commitment, initiatives against the minimum, the result
//! report) with deadlines and time left, then the unit's initiatives with their receipt codes.
use super::parts::{kind_label, moment_text, DeadlineLine, UnitHead};
use crate::api::unit_portal::{get_unit_home, UnitHome};
use crate::components::id_param::number_param;
use crate::components::notice::SavedNotice;
use crate::components::page_loader::page_loader;
use crate::domain::campaign_state::CampaignState;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn UnitHomePage() -> impl IntoView {
    let campaign = number_param("campaign");
    page_loader(campaign, get_unit_home, |home| view! { <Home home /> })
}

#[component]
fn Home(home: UnitHome) -> impl IntoView {
    let i18n = use_i18n();
    let c = home.campaign.clone();
    let board_path = home.board_path.clone();
    let now = c.loaded_at;
    let saved = use_query_map().read_untracked().get("saved");
    let notice = (saved.as_deref() == Some("commitment"))
        .then(|| view! { <SavedNotice text=t_string!(i18n, commitment.saved) /> });
    let count = home.initiatives.len();
    let enough = count as i32 >= c.min_initiatives;
    let new_href = format!("/unit/{}/initiatives/new", c.id);
    let commitment = match &home.commitment {
        Some(signed) => view! {
            <li class="due done">
                <h2>{t!(i18n, unit.commitment_done)}</h2>
                <p>
                    {t!(
                        i18n, unit.commitment_by, name = signed.head_name.clone(), position = signed.head_position.clone(), at = moment_text(signed.signed_at)
                    )}
                </p>
            </li>
        }
        .into_any(),
        None => view! {
            <li class="due todo">
                <h2>{t!(i18n, unit.commitment_todo)}</h2>
                <p class="hint">{t!(i18n, unit.commitment_why)}</p>
                {c
                    .state
                    .accepts_registrations()
                    .then(|| {
                        view! {
                            <a class="button" href=format!("/unit/{}/commitment", c.id)>
                                {t!(i18n, unit.commitment_go)}
                            </a>
                        }
                    })}
            </li>
        }
        .into_any(),
    };
    let full = count as i32 >= c.max_initiatives;
    let register_action = if c.registration_open() && full {
        view! { <p class="alert alert-info">{t!(i18n, unit.registration_full, max = c.max_initiatives)}</p> }
            .into_any()
    } else if c.registration_open() {
        let draft = home
            .has_draft
            .then(|| view! { <p class="hint">{t!(i18n, unit.has_draft)}</p> });
        view! {
            {draft}
            <a class="button" href=new_href.clone()>
                {if home.has_draft {
                    t_string!(i18n, unit.continue_draft)
                } else {
                    t_string!(i18n, unit.register)
                }}
            </a>
        }
        .into_any()
    } else {
        let text = if c.state == CampaignState::Draft {
            t_string!(i18n, unit.registration_not_open)
        } else {
            t_string!(i18n, unit.registration_closed)
        };
        view! { <p class="alert alert-info">{text}</p> }.into_any()
    };
    let report = match &home.report {
        Some(r) => view! {
            <li class="due done">
                <h2>{t!(i18n, unit.report_done)}</h2>
                <p>
                    {t!(i18n, unit.report_at, at = moment_text(r.submitted_at))} " · "
                    {if r.on_time { t_string!(i18n, unit.on_time) } else { t_string!(i18n, unit.late) }}
                </p>
                <a class="button secondary" href=format!("/unit/{}/report", c.id)>
                    {t!(i18n, unit.report_view)}
                </a>
            </li>
        }
        .into_any(),
        None => view! {
            // Months ahead the report is only a date to keep in mind, not a warning.
            <li class="due" class:todo=c.report_deadline.is_none_or(|due| due.due_soon(now))>
                <h2>{t!(i18n, unit.report_todo)}</h2>
                <DeadlineLine label=t_string!(i18n, unit.report_deadline) deadline=c.report_deadline now />
                {c
                    .report_open()
                    .then(|| {
                        view! {
                            <a class="button" href=format!("/unit/{}/report", c.id)>
                                {t!(i18n, unit.report_go)}
                            </a>
                        }
                    })}
            </li>
        }
        .into_any(),
    };
    let list = if home.initiatives.is_empty() {
        view! { <p class="empty">{t!(i18n, unit.no_initiatives)}</p> }.into_any()
    } else {
        let cards = home
            .initiatives
            .iter()
            .map(|i| {
                let href = format!("/unit/{}/initiatives/{}", c.id, i.id);
                view! {
                    <li class="initiative-card">
                        <p class="meta-text">{kind_label(i.kind)} " · " {i.field_name.clone()}</p>
                        <h3>
                            <a href=href>{i.title.clone()}</a>
                        </h3>
                        <p class="meta-text">
                            {t!(i18n, unit.receipt_short)} " "
                            <strong class="receipt-code">{i.receipt_code.clone()}</strong> " · "
                            {t!(i18n, unit.sent_at, at = moment_text(i.submitted_at))}
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="initiative-list">{cards}</ul> }.into_any()
    };
    view! {
        <UnitHead campaign=c.clone() page=t_string!(i18n, unit.home_title) />
        {notice}
        <h1 class="unit-title">{t!(i18n, unit.due_title)}</h1>
        <ul class="due-list">
            {commitment} <li class="due" class:done=enough class:todo=!enough>
                <h2>{t!(i18n, unit.count, count = count, min = c.min_initiatives)}</h2>
                <DeadlineLine
                    label=t_string!(i18n, unit.registration_deadline)
                    deadline=c.registration_deadline
                    now
                />
                {register_action}
            </li> {report}
        </ul>
        <section class="unit-initiatives">
            <h2>{t!(i18n, unit.initiatives_title)}</h2>
            {list}
        </section>
        <p class="unit-board-link">
            <a href=board_path>{t!(i18n, unit.board_link)}</a>
        </p>
        <p class="unit-board-link">
            <a href="/gallery">{t!(i18n, unit.gallery_link)}</a>
        </p>
    }
}
