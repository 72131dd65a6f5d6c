//! Where an evaluator lands after signing in: who is signed in, for which unit, and the
//! campaigns whose council holds him; his queue and desk per campaign (`queue`, `desk`); and his
//! password page. All sit in the council's own frame: admin navigation is not shown to evaluators.
pub mod chair;
pub mod desk;
pub mod meeting;
pub mod queue;
pub mod sheet_form;

use crate::api::auth::whoami;
use crate::api::council_desk::{council_seats, SeatSummary};
use crate::components::account_links::AccountLinks;
use crate::components::campaign_labels::{council_role_label, StateBadge};
use crate::components::notice::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::admin::password::PasswordForm;
use crate::wire::codec::page_resource;
use leptos::prelude::*;
use leptos_meta::Title;

/// A final score in points with a decimal comma and at most two decimals, or a dash.
pub fn points(score: Option<f64>) -> String {
    score
        .map(|s| {
            format!("{s:.2}")
                .trim_end_matches('0')
                .trim_end_matches('.')
                .replace('.', ",")
        })
        .unwrap_or_else(|| "—".into())
}

#[component]
pub fn CouncilHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let me = page_resource(|| (), |_| async { (whoami().await, council_seats().await) });
    view! {
        <Title text=move || format!("{} · {}", t_string!(i18n, council.title), t_string!(i18n, app_name)) />
        <CouncilFrame>
            <h1>{t!(i18n, council.title)}</h1>
            <Suspense fallback=|| {
                view! { <Loading /> }
            }>
                {move || Suspend::new(async move {
                    match me.await {
                        (Ok(Some(account)), Ok(seats)) => {
                            let unit = account
                                .unit
                                .map(|u| u.name)
                                .unwrap_or_else(|| t_string!(i18n, council.no_unit).to_owned());
                            view! {
                                <p class="lead">
                                    {t!(i18n, council.greeting, name = account.display_name, unit = unit)}
                                </p>
                                <Seats seats />
                                {account
                                    .role
                                    .is_admin()
                                    .then(|| {
                                        view! {
                                            <a class="button secondary" href="/admin/campaigns">
                                                {t!(i18n, council.to_admin)}
                                            </a>
                                        }
                                    })}
                            }
                                .into_any()
                        }
                        (Ok(None), _) => view! { <ErrorNotice error=AppError::Unauthorized /> }.into_any(),
                        (Err(e), _) | (_, Err(e)) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </CouncilFrame>
    }
}

/// The campaigns whose council holds him, each opening its queue.
#[component]
fn Seats(seats: Vec<SeatSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if seats.is_empty() {
        return view! {
            <section class="card">
                <p class="empty">{t!(i18n, council.nothing_yet)}</p>
            </section>
        }
        .into_any();
    }
    let items = seats
        .into_iter()
        .map(|s| {
            view! {
                <li class="seat">
                    <a class="seat-title" href=format!("/council/{}", s.campaign_id)>
                        {s.title}
                    </a>
                    <span class="seat-meta">
                        <StateBadge state=s.state />
                        {format!(" {}", council_role_label(s.role))}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{t!(i18n, council.seats)}</h2>
            <ul class="seats">{items}</ul>
        </section>
    }
    .into_any()
}

#[component]
pub fn CouncilPasswordPage() -> impl IntoView {
    view! {
        <CouncilFrame>
            <PasswordForm />
        </CouncilFrame>
    }
}

/// Skip link, top bar (the council's page, the password page, sign-out) and the page.
#[component]
pub fn CouncilFrame(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">
            {t!(i18n, nav.skip)}
        </a>
        <header class="topbar">
            <a class="brand" href="/council">
                {t!(i18n, app_name)}
            </a>
            <AccountLinks password_href="/council/password" />
        </header>
        <main id="main" class="page">
            {children()}
        </main>
    }
}
