//! The conference screen (`/live/{campaign}/screen`): the board for the big screen behind the
//! podium, which nobody touches. Rules: it fills the screen and never scrolls (long lists are
//! paged, long names cut); every size follows the screen's height, so a 4K screen shows the
//! same as a 1080p one; panels turn every `SECONDS_PER_SLIDE` (`?panel=` pins one kind); rows
//! slide to their new places as standings change, except under reduced motion. While a reveal
//! ceremony runs live the screen shows its current step instead of the panels (`ceremony`).
use super::ceremony::{AwardLines, ScreenCeremony};
use super::slides::{
    page_of, slides, Pin, Slide, AWARD_NAMES_PER_FORM, LATEST_PER_PAGE, PROGRESS_PER_PAGE, RANKING_PER_PAGE,
};
use super::standings::{on_podium, row_cells, StandingsHead};
use super::{followed_board, key_param, reconnecting_marker, unit_noun, Followed};
use crate::api::live::{get_live_screen, BoardShare, LiveBoard, LiveRow, LiveScreen};
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::domain::deadline::Deadline;
use crate::i18n::*;
use crate::pages::unit::parts::kind_label;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LiveScreenPage() -> impl IntoView {
    let campaign = number_param("campaign");
    let key = key_param();
    let key_of_page = key.clone();
    view! {
        <main id="main" class="screen">
            {page_loader(
                move || (campaign(), key()),
                |(id, key)| get_live_screen(id, key),
                move |screen| {
                    let panel = use_query_map().read_untracked().get("panel");
                    view! {
                        <Title text=format!(
                            "{} · {}",
                            screen.board.title,
                            t_string!(use_i18n(), live.kicker),
                        ) />
                        <Screen screen key=key_of_page() panel />
                    }
                },
            )}
        </main>
    }
}

/// The screen rotates its panels and follows the server's pushes: an island
/// (`lazy_pages`). `panel`: the one panel pinned by the address's `?panel=`, if any.
#[cfg_attr(any(feature = "ssr", feature = "islands_boards"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands_boards")), component)]
fn Screen(screen: LiveScreen, key: Option<String>, panel: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let LiveScreen {
        board: initial,
        share,
        ceremony,
    } = screen;
    let pin = panel.as_deref().and_then(Pin::parse);
    let Followed {
        board,
        stage,
        connected,
    } = followed_board(initial.clone(), ceremony, key.clone(), true);
    // A memo: a stage event that changes nothing (each reconnection sends one) must not redraw
    // the panel under the hall's eyes.
    let ceremony_on = Memo::new(move |_| stage.with(Option::is_some));
    let in_ceremony = move || ceremony_on.get();
    let turn = RwSignal::new(0usize);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let timer = set_interval_with_handle(
            move || turn.update(|n| *n += 1),
            std::time::Duration::from_secs(super::slides::SECONDS_PER_SLIDE),
        );
        if let Ok(timer) = timer {
            on_cleanup(move || timer.clear());
        }
    });
    let rotation = Memo::new(move |_| board.with(|b| slides(b.rows.len(), !b.awards.is_empty(), pin)));
    let slide = Memo::new(move |_| rotation.with(|r| r[turn.get() % r.len()]));
    let theme =
        (!initial.theme.is_empty()).then(|| view! { <p class="screen-theme">{initial.theme.clone()}</p> });
    let panel = move || match slide.get() {
        _ if in_ceremony() => {
            let stage = Signal::derive(move || stage.get().unwrap_or_default());
            view! { <ScreenCeremony stage board key=key.clone() /> }.into_any()
        }
        Slide::Progress { page, pages } => view! { <ProgressPanel board page pages /> }.into_any(),
        Slide::Ranking { page, pages } => view! { <RankingPanel board page pages /> }.into_any(),
        Slide::Awards => view! { <AwardsPanel board /> }.into_any(),
        Slide::Latest => view! { <LatestPanel board /> }.into_any(),
        Slide::Qr => view! { <QrPanel share=share.clone() /> }.into_any(),
    };
    let dots = move || {
        let (count, current) = (rotation.with(Vec::len), turn.get() % rotation.with(Vec::len));
        (count > 1).then(|| {
            (0..count)
                .map(|i| view! { <span class:current=i == current></span> })
                .collect_view()
        })
    };
    view! {
        {reconnecting_marker(connected)}
        <header class="screen-head">
            <div class="screen-titles">
                <p class="screen-kicker">
                    {move || {
                        if in_ceremony() {
                            t_string!(i18n, ceremony.kicker)
                        } else {
                            t_string!(i18n, live.kicker)
                        }
                    }}
                </p>
                <h1>{initial.title.clone()}</h1>
                {theme}
            </div>
            <FullscreenButton />
        </header>
        <div class="screen-panel">{panel}</div>
        <footer class="screen-foot" class:ceremony-quiet=in_ceremony>
            <p>
                {move || {
                    t_string!(
                        i18n, live.updated, at = Deadline::from_instant(board.get().loaded_at).time_text()
                    )
                }}
                {move || {
                    (!board.get().published)
                        .then(|| format!(" · {}", t_string!(i18n, live.participation_only)))
                }}
            </p>
            <p class="screen-dots" aria-hidden="true">
                {dots}
            </p>
        </footer>
    }
}

/// "12/16 phường đã đăng ký" with a bar, and every unit's own bar towards the minimum.
#[component]
fn ProgressPanel(board: RwSignal<LiveBoard>, page: usize, pages: usize) -> impl IntoView {
    let i18n = use_i18n();
    let counts = move || board.with(|b| (b.registered_units(), b.rows.len()));
    let minimum = move || board.with(|b| i64::from(b.min_initiatives.max(1)));
    let headline = move || {
        let (registered, total) = counts();
        let noun = board.with(unit_noun);
        t_string!(
            i18n,
            live.screen_registered,
            registered = registered.to_string(),
            total = total.to_string(),
            noun = noun
        )
        .to_string()
    };
    let percent = move || {
        let (registered, total) = counts();
        (registered * 100).checked_div(total).unwrap_or(0)
    };
    let items = move || {
        let min = minimum();
        let mut units = board.with(|b| b.rows.clone());
        // Alphabetical, as the plan lists them: a delegate finds his unit at a glance.
        units.sort_by_key(|row| row.name_order);
        page_of(&units, page, PROGRESS_PER_PAGE)
            .into_iter()
            .map(|row| {
                let fill = (row.initiatives.min(min) * 100) / min;
                let met = row.initiatives >= min;
                view! {
                    <li class:met=met>
                        <span class="screen-unit">{row.unit_name}</span>
                        <span class="screen-unit-bar">
                            <span style=format!("width: {fill}%")></span>
                        </span>
                        <span class="screen-unit-count">{row.initiatives.to_string()}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="screen-progress" aria-labelledby="screen-progress-title">
            <h2 id="screen-progress-title">{headline}</h2>
            <div class="screen-bar" aria-hidden="true">
                <span style=move || format!("width: {}%", percent())></span>
            </div>
            <p class="screen-note">
                {move || t_string!(i18n, live.screen_minimum, min = minimum().to_string()).to_string()}
                <PageOf page pages />
            </p>
            <ol class="screen-units">{items}</ol>
        </section>
    }
}

#[component]
fn RankingPanel(board: RwSignal<LiveBoard>, page: usize, pages: usize) -> impl IntoView {
    let i18n = use_i18n();
    let published = move || board.with(|b| b.published);
    let rows = move || {
        let (rows, min) = board.with(|b| (page_of(&b.rows, page, RANKING_PER_PAGE), b.min_initiatives));
        rows.into_iter()
            .map(|row| view! { <RankingRow row min published=published() /> })
            .collect_view()
    };
    let title = move || {
        if published() {
            t_string!(i18n, live.ranking_title)
        } else {
            t_string!(i18n, live.progress_table_title)
        }
    };
    view! {
        <section
            class="screen-ranking"
            class:progress=move || !published()
            aria-labelledby="screen-ranking-title"
        >
            <h2 id="screen-ranking-title">{title} <PageOf page pages /></h2>
            <table>{move || view! { <StandingsHead published=published() /> }} <tbody>{rows}</tbody></table>
        </section>
    }
}

#[component]
fn RankingRow(row: LiveRow, min: i32, published: bool) -> impl IntoView {
    let (podium, id) = (on_podium(&row, published), row.unit_id.to_string());
    view! {
        <tr data-slide-key=id class:podium=podium>
            {row_cells(row, min, published)}
        </tr>
    }
}

/// The award list, once results are public (the ceremony's finale, kept in the rotation).
#[component]
fn AwardsPanel(board: RwSignal<LiveBoard>) -> impl IntoView {
    let i18n = use_i18n();
    let awards = move || {
        let awards = board.with(|b| b.awards.clone());
        view! { <AwardLines awards names=AWARD_NAMES_PER_FORM /> }
    };
    view! {
        <section class="screen-awards" aria-labelledby="screen-awards-title">
            <h2 id="screen-awards-title">{t!(i18n, results.awards_title)}</h2>
            {awards}
        </section>
    }
}

#[component]
fn LatestPanel(board: RwSignal<LiveBoard>) -> impl IntoView {
    let i18n = use_i18n();
    let items = move || {
        let (latest, today) = board.with(|b| {
            (
                page_of(&b.latest, 0, LATEST_PER_PAGE),
                Deadline::from_instant(b.loaded_at).local_date(),
            )
        });
        if latest.is_empty() {
            return view! { <p class="screen-empty">{t!(i18n, live.no_registrations)}</p> }.into_any();
        }
        let items = latest
            .into_iter()
            .map(|r| {
                let at = Deadline::from_instant(r.submitted_at);
                // Earlier days carry their date under the time.
                let day = (at.local_date() != today).then(|| view! { <small>{at.date_text()}</small> });
                view! {
                    <li>
                        <time datetime=r.submitted_at.to_rfc3339()>{at.time_text()} {day}</time>
                        <strong>{r.unit_name}</strong>
                        <span>{format!("{}: {}", kind_label(r.kind), r.title)}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="screen-latest">{items}</ol> }.into_any()
    };
    view! {
        <section aria-labelledby="screen-latest-title">
            <h2 id="screen-latest-title">{t!(i18n, live.screen_latest_title)}</h2>
            {items}
        </section>
    }
}

#[component]
fn QrPanel(share: BoardShare) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="screen-qr" aria-labelledby="screen-qr-title">
            <div class="screen-qr-code" role="img" aria-label=share.url.clone() inner_html=share.qr_svg></div>
            <div class="screen-qr-text">
                <h2 id="screen-qr-title">{t!(i18n, live.screen_qr_title)}</h2>
                <p>{t!(i18n, live.screen_qr_hint)}</p>
                <p class="screen-url">{share.short_url}</p>
            </div>
        </section>
    }
}

#[component]
fn PageOf(page: usize, pages: usize) -> impl IntoView {
    let i18n = use_i18n();
    (pages > 1).then(|| {
        view! {
            <span class="screen-page">
                {t!(i18n, live.screen_page, page = (page + 1).to_string(), pages = pages.to_string())}
            </span>
        }
    })
}

/// Shown until the screen is full screen; the person setting up the hall clicks it once. It
/// fades after a few seconds without the mouse, so a hall never watches it for a whole
/// conference, and comes back when the mouse moves or it takes the keyboard's focus.
#[component]
fn FullscreenButton() -> impl IntoView {
    let i18n = use_i18n();
    let idle = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let ticket = StoredValue::new(0u32);
        let wake = move || {
            idle.set(false);
            let mine = ticket.get_value().wrapping_add(1);
            ticket.set_value(mine);
            set_timeout(
                move || {
                    if ticket.try_get_value() == Some(mine) {
                        idle.set(true);
                    }
                },
                IDLE_AFTER,
            );
        };
        wake();
        let moves = window_event_listener(leptos::ev::mousemove, move |_| wake());
        on_cleanup(move || moves.remove());
    });
    let go_full = move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.request_fullscreen();
        }
    };
    view! {
        <button type="button" class="screen-fullscreen" class:idle=idle on:click=go_full>
            {t!(i18n, live.screen_fullscreen)}
        </button>
    }
}

/// How long the full-screen button stays without the mouse moving.
#[cfg(feature = "hydrate")]
const IDLE_AFTER: std::time::Duration = std::time::Duration::from_secs(4);
