//! The public leaderboard of a campaign (`/live/{campaign}`), for phones and desktops: how many
//! units have registered, the standings, the newest registrations. With scripts on it follows
//! the server's pushed boards (`follow`) and says so discreetly while it reconnects; without
//! them it is a complete page as of its loading. A link-only board carries its key (`?k=`) in
//! every request it makes. While a reveal ceremony runs live, its current step shows above the
//! board (`ceremony`).
pub mod ceremony;
#[cfg(feature = "hydrate")]
mod follow;
#[cfg(feature = "hydrate")]
mod rank_slide;
pub mod screen;
pub mod slides;
pub mod standings;

use crate::api::live::{get_live_board, LiveBoard};
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::domain::ceremony::Stage;
use crate::i18n::*;
use crate::pages::results::AwardsSection;
use crate::pages::unit::parts::{kind_label, moment_text};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use standings::{on_podium, row_cells, tie_note, StandingsHead};

#[component]
pub fn LivePage() -> impl IntoView {
    let campaign = number_param("campaign");
    let key = key_param();
    let key_of_page = key.clone();
    view! {
        <main id="main" class="page live-page">
            {page_loader(
                move || (campaign(), key()),
                |(id, key)| get_live_board(id, key),
                move |board| {
                    view! {
                        <Title text=format!("{} · {}", board.title, t_string!(use_i18n(), live.kicker)) />
                        <Board initial=board key=key_of_page() />
                    }
                },
            )}
        </main>
    }
}

/// The key of a link-only board, as given in `?k=`.
pub fn key_param() -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get("k")
}

/// What a followed board shows, as the server pushes it.
#[derive(Clone, Copy)]
pub struct Followed {
    pub board: RwSignal<LiveBoard>,
    /// The ceremony's current step while one runs live.
    pub stage: RwSignal<Option<Stage>>,
    /// Whether the stream is up.
    pub connected: RwSignal<bool>,
}

/// The board and the ceremony as the server pushes them from now on. With `slide`, rows marked
/// `data-slide-key` glide to their new places at each change.
pub fn followed_board(
    initial: LiveBoard,
    initial_stage: Option<Stage>,
    key: Option<String>,
    slide: bool,
) -> Followed {
    let url = events_url(initial.campaign_id, key.as_deref());
    let board = RwSignal::new(initial);
    let stage = RwSignal::new(initial_stage);
    let connected = RwSignal::new(true);
    #[cfg(not(feature = "hydrate"))]
    let _ = (url, slide);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let follower = follow::follow(
            url.clone(),
            move |json| {
                // A board that does not parse is skipped; the next one will do.
                let Ok(fresh) = crate::wire::codec::from_json::<LiveBoard>(&json) else {
                    return;
                };
                let places = slide.then(rank_slide::measure).flatten();
                board.try_set(fresh);
                if let Some(places) = places {
                    rank_slide::play(places);
                }
            },
            move |json| {
                let Ok(fresh) = crate::wire::codec::from_json::<Option<Stage>>(&json) else {
                    return;
                };
                let places = slide.then(rank_slide::measure).flatten();
                stage.try_set(fresh);
                if let Some(places) = places {
                    rank_slide::play(places);
                }
            },
            move |up| {
                connected.try_set(up);
            },
        );
        // Kept while the page is open; dropping it closes the stream.
        StoredValue::new_local(follower);
    });
    Followed {
        board,
        stage,
        connected,
    }
}

fn events_url(campaign_id: i64, key: Option<&str>) -> String {
    match key {
        // A key is base32; anything else in it could only break the address.
        Some(key) => format!(
            "/live/{campaign_id}/events?k={}",
            key.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        ),
        None => format!("/live/{campaign_id}/events"),
    }
}

/// "Đang kết nối lại…" while the stream is down.
pub fn reconnecting_marker(connected: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        (!connected.get()).then(|| {
            view! {
                <p class="live-reconnecting" role="status">
                    {t!(i18n, live.reconnecting)}
                </p>
            }
        })
    }
}

/// "phường" when every unit is one, else "đơn vị".
pub fn unit_noun(board: &LiveBoard) -> String {
    let i18n = use_i18n();
    board
        .unit_noun
        .clone()
        .unwrap_or_else(|| t_string!(i18n, live.units_generic).to_string())
}

/// The whole board follows the server's pushes: an island (`lazy_pages`).
#[cfg_attr(any(feature = "ssr", feature = "islands_boards"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands_boards")), component)]
fn Board(initial: LiveBoard, key: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let results_address = match &key {
        Some(k) => format!("/results/{}?k={k}", initial.campaign_id),
        None => format!("/results/{}", initial.campaign_id),
    };
    let Followed {
        board,
        stage,
        connected,
    } = followed_board(initial.clone(), None, key.clone(), false);
    let reconnecting = reconnecting_marker(connected);
    let ceremony = move || {
        stage.get().map(|stage| {
            let noun = board.with(unit_noun);
            view! { <ceremony::BoardCeremony stage noun key=key.clone() /> }
        })
    };
    let theme =
        (!initial.theme.is_empty()).then(|| view! { <p class="live-theme">{initial.theme.clone()}</p> });
    let progress = move || {
        let b = board.get();
        let (registered, total) = (b.registered_units(), b.rows.len());
        let percent = (registered * 100).checked_div(total).unwrap_or(0);
        view! {
            <p class="live-count">
                {t!(
                    i18n, live.registered, registered = registered.to_string(), total = total.to_string(), noun = unit_noun(&b)
                )}
            </p>
            <div
                class="live-bar"
                role="progressbar"
                aria-label=t_string!(i18n, live.progress_title)
                aria-valuemin="0"
                aria-valuemax=total.to_string()
                aria-valuenow=registered.to_string()
            >
                <span style=format!("width: {percent}%")></span>
            </div>
            <p class="hint">
                {t!(i18n, live.updated, at = moment_text(b.loaded_at))}
                {(!b.published)
                    .then(|| {
                        view! {
                            " · "
                            {t!(i18n, live.participation_only)}
                        }
                    })}
            </p>
        }
    };
    let rows = move || {
        let b = board.get();
        if b.rows.is_empty() {
            return view! { <p class="empty">{t!(i18n, live.no_units)}</p> }.into_any();
        }
        let (min, published) = (b.min_initiatives, b.published);
        let note = tie_note(&b.rows, published);
        let body = b
            .rows
            .into_iter()
            .map(|row| {
                let (podium, id) = (on_podium(&row, published), row.unit_id.to_string());
                view! {
                    <tr data-unit=id class:podium=podium>
                        {row_cells(row, min, published)}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="live-table">
                <StandingsHead published />
                <tbody>{body}</tbody>
            </table>
            {note}
        }
        .into_any()
    };
    let latest = move || {
        let b = board.get();
        if b.latest.is_empty() {
            return view! { <p class="empty">{t!(i18n, live.no_registrations)}</p> }.into_any();
        }
        let items = b
            .latest
            .into_iter()
            .map(|r| {
                view! {
                    <li>
                        <time datetime=r.submitted_at.to_rfc3339()>{moment_text(r.submitted_at)}</time>
                        <strong>{r.unit_name}</strong>
                        <span>{format!("{}: {}", kind_label(r.kind), r.title)}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="live-latest">{items}</ol> }.into_any()
    };
    let awards = move || {
        let awards = board.with(|b| b.awards.clone());
        view! { <AwardsSection awards /> }
    };
    view! {
        {reconnecting}
        <header class="live-head">
            <p class="live-kicker">{t!(i18n, live.kicker)}</p>
            <h1>{initial.title.clone()}</h1>
            {theme}
        </header>
        {ceremony}
        <section class="live-progress" aria-labelledby="live-progress-title">
            <h2 id="live-progress-title" class="sr-only">
                {t!(i18n, live.progress_title)}
            </h2>
            {progress}
        </section>
        {awards}
        <div class="live-columns">
            <section aria-labelledby="live-ranking-title">
                <h2 id="live-ranking-title">
                    {move || {
                        if board.with(|b| b.published) {
                            t_string!(i18n, live.ranking_title)
                        } else {
                            t_string!(i18n, live.progress_table_title)
                        }
                    }}
                </h2>
                {rows}
                {move || {
                    board
                        .with(|b| b.published)
                        .then(|| {
                            view! {
                                <p>
                                    <a href=results_address.clone()>{t!(i18n, results.link)}</a>
                                </p>
                            }
                        })
                }}
            </section>
            <section aria-labelledby="live-latest-title">
                <h2 id="live-latest-title">{t!(i18n, live.latest_title)}</h2>
                {latest}
            </section>
        </div>
    }
}
