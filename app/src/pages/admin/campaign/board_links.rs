//! The overview's card for the live leaderboard: the public page's address to hand out (with its
//! key for a link-only campaign) and the way to the conference screen. Before opening there is
//! no board yet, and the card says when there will be.
use crate::api::live::BoardLinks;
use crate::components::copy_button::CopyButton;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn BoardLinksCard(links: BoardLinks, link_only: bool) -> impl IntoView {
    let i18n = use_i18n();
    let body = match (links.board, links.screen_path) {
        (Some(board), Some(screen_path)) => view! {
            <div class="field">
                <label for="board-url">{t!(i18n, live.links_public)}</label>
                <div class="copy-row">
                    <input type="text" id="board-url" readonly value=board.url.clone() />
                    <CopyButton target="board-url".to_string() label=t_string!(i18n, live.links_copy) />
                </div>
                {link_only.then(|| view! { <p class="hint">{t!(i18n, live.links_link_only)}</p> })}
            </div>
            <p class="hint">{t!(i18n, live.links_screen_hint)}</p>
            <div class="actions">
                <a class="button" href=screen_path target="_blank" rel="noopener">
                    {t!(i18n, live.links_screen)}
                </a>
                <a class="button secondary" href=board.url target="_blank" rel="noopener">
                    {t!(i18n, live.links_open)}
                </a>
            </div>
        }
        .into_any(),
        _ => view! { <p class="hint">{t!(i18n, live.links_none)}</p> }.into_any(),
    };
    view! {
        <section class="card">
            <h2>{t!(i18n, live.links_title)}</h2>
            {body}
        </section>
    }
}
