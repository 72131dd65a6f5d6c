//! The reveal ceremony as the audience sees it, on the conference screen and on a phone
//! following the board. Rules: only the stage the server sent is drawn (never anything ahead of
//! it); rows revealed so far stand best first, the one just revealed marked, the newest
//! `SCREEN_ROWS` on the screen, with how many are still hidden; a card shows alone, large; the
//! finale shows the final standings beside the award list. On the screen everything stays above
//! its bottom fifth (people stand on the stage in front of it).
use crate::api::live::LiveBoard;
use crate::components::campaign_labels::recipient_label;
use crate::domain::campaign::Recipient;
use crate::domain::ceremony::{Citation, Row, Stage};
use crate::domain::ranking::score_text;
use crate::i18n::*;
use crate::wire::awards::AwardList;
use leptos::prelude::*;

/// Rows on the screen at once: each at least 6 % of its height, all above its bottom fifth.
const SCREEN_ROWS: usize = 7;
/// Recipients of one award form named on the finale's list before "và n … khác".
const FINALE_NAMES: usize = 4;

/// The ceremony on the conference screen.
#[component]
pub fn ScreenCeremony(
    stage: Signal<Stage>,
    board: RwSignal<LiveBoard>,
    key: Option<String>,
) -> impl IntoView {
    move || {
        let stage = stage.get();
        if let Some(card) = stage.card {
            view! { <CitationCard card key=key.clone() /> }.into_any()
        } else if stage.finale {
            let awards = board.with(|b| b.awards.clone());
            view! { <Finale rows=stage.revealed awards /> }.into_any()
        } else {
            let noun = board.with(super::unit_noun);
            view! { <Reveal stage noun /> }.into_any()
        }
    }
}

#[component]
fn Reveal(stage: Stage, noun: String) -> impl IntoView {
    let i18n = use_i18n();
    let hidden = (stage.hidden > 0).then(|| {
        view! {
            <span class="ceremony-hidden">
                {t!(i18n, ceremony.hidden, count = stage.hidden, noun = noun.clone())}
            </span>
        }
    });
    let body = if stage.revealed.is_empty() {
        view! {
            <p class="ceremony-opening">
                {t!(i18n, ceremony.opening, count = stage.hidden, noun = noun.clone())}
            </p>
        }
        .into_any()
    } else {
        let just = stage.just_revealed;
        let rows = stage
            .revealed
            .into_iter()
            .take(SCREEN_ROWS)
            .map(|row| view! { <RevealedRow just=just == Some(row.unit_id) row /> })
            .collect_view();
        view! { <ol class="ceremony-rows">{rows}</ol> }.into_any()
    };
    view! {
        <section class="ceremony" aria-labelledby="ceremony-title">
            <h2 id="ceremony-title">{t!(i18n, ceremony.reveal_title)} {hidden}</h2>
            {body}
        </section>
    }
}

#[component]
fn RevealedRow(row: Row, just: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li data-slide-key=row.unit_id.to_string() class:just=just>
            <span class="ceremony-place" title=t_string!(i18n, live.col_place)>
                {row.place.to_string()}
            </span>
            <span class="ceremony-name">{row.unit_name}</span>
            <span class="ceremony-score">{score_text(row.score_hundredths)}</span>
        </li>
    }
}

#[component]
pub fn CitationCard(card: Citation, key: Option<String>) -> impl IntoView {
    // A link-only board's photos need its key, like the board itself.
    let with_photo = card.photo.is_some();
    let photo = card.photo.map(|path| {
        let src = match key {
            Some(key) => format!(
                "{path}?k={}",
                key.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
            ),
            None => path,
        };
        view! { <img class="ceremony-photo" src=src alt="" /> }
    });
    let kind = recipient_label(if card.collective {
        Recipient::Collective
    } else {
        Recipient::Individual
    });
    // A unit's own award names it once; a person's names the position and unit under the name.
    let position = card
        .position
        .map(|p| view! { <p class="ceremony-position">{p}</p> });
    let unit =
        (card.recipient != card.unit_name).then(|| view! { <p class="ceremony-unit">{card.unit_name}</p> });
    let initiative = card
        .initiative
        .map(|title| view! { <p class="ceremony-initiative">{format!("«{title}»")}</p> });
    view! {
        <section class="ceremony-card" class:with-photo=with_photo aria-live="polite">
            {photo}
            <div class="ceremony-citation">
                <p class="ceremony-form">{format!("{} · {kind}", card.form)}</p>
                <p class="ceremony-recipient">{card.recipient}</p>
                {position}
                {unit}
                {initiative}
            </div>
        </section>
    }
}

#[component]
fn Finale(rows: Vec<Row>, awards: Vec<AwardList>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = rows
        .into_iter()
        .take(SCREEN_ROWS)
        .map(|row| view! { <RevealedRow just=false row /> })
        .collect_view();
    view! {
        <section class="ceremony finale" aria-labelledby="ceremony-title">
            <h2 id="ceremony-title">{t!(i18n, ceremony.finale_title)}</h2>
            <div class="ceremony-finale">
                <ol class="ceremony-rows">{rows}</ol>
                <AwardLines awards names=FINALE_NAMES />
            </div>
        </section>
    }
}

/// Each award form with its first `names` recipients and how many more, for a big screen.
#[component]
pub fn AwardLines(awards: Vec<AwardList>, names: usize) -> impl IntoView {
    let i18n = use_i18n();
    let forms = awards
        .into_iter()
        .map(|list| {
            let more = list.recipients.len().saturating_sub(names);
            let shown = list
                .recipients
                .into_iter()
                .take(names)
                .map(|name| view! { <li>{name}</li> })
                .collect_view();
            let more =
                (more > 0).then(|| view! { <li class="more">{t!(i18n, ceremony.more, count = more)}</li> });
            view! {
                <li>
                    <h3>{format!("{} · {}", list.name, recipient_label(list.recipient))}</h3>
                    <ul>{shown} {more}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="ceremony-awards" aria-label=t_string!(i18n, results.awards_title)>
            {forms}
        </ul>
    }
}

/// The ceremony on the public board (a phone in the hall): the card, or the rows revealed so far.
#[component]
pub fn BoardCeremony(stage: Stage, noun: String, key: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let card = stage.card.clone().map(|card| view! { <CitationCard card key /> });
    let hidden = (stage.hidden > 0).then(
        || view! { <p class="hint">{t!(i18n, ceremony.hidden, count = stage.hidden, noun = noun)}</p> },
    );
    let rows = stage
        .revealed
        .into_iter()
        .map(|row| view! { <RevealedRow just=stage.just_revealed == Some(row.unit_id) row /> })
        .collect_view();
    view! {
        <section class="card board-ceremony" aria-labelledby="board-ceremony-title">
            <h2 id="board-ceremony-title">{t!(i18n, ceremony.board_title)}</h2>
            {card}
            {hidden}
            <ol class="ceremony-rows">{rows}</ol>
        </section>
    }
}
