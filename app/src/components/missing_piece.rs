//! A page whose piece of WebAssembly cannot be fetched — most often a page left open across a new
//! deployment, whose old pieces are gone — is opened afresh from the server (the new build's
//! HTML and pieces) instead of stopping. Rules: at most once a minute per tab (sessionStorage),
//! so a broken deployment or a flaky network cannot loop; never while the browser is offline:
//! the page then says so and keeps what is on screen.
use crate::i18n::*;
use leptos::prelude::*;

#[cfg(feature = "hydrate")]
const LAST_TRY_KEY: &str = "thidua.opened-afresh-at";
#[cfg(feature = "hydrate")]
const RETRY_AFTER_MS: f64 = 60_000.0;

/// Loads `address` whole from the server, if allowed now.
#[cfg(feature = "hydrate")]
fn open_afresh(address: &str) {
    let window = window();
    if !window.navigator().on_line() {
        return;
    }
    let Ok(Some(storage)) = window.session_storage() else {
        return;
    };
    let now = js_sys::Date::now();
    let last_try = storage.get_item(LAST_TRY_KEY).ok().flatten();
    if last_try
        .and_then(|at| at.parse::<f64>().ok())
        .is_some_and(|at| now - at < RETRY_AFTER_MS)
    {
        return;
    }
    let _ = storage.set_item(LAST_TRY_KEY, &now.to_string());
    let _ = window.location().assign(address);
}

// On the server every piece is part of the binary.
#[cfg(not(feature = "hydrate"))]
fn open_afresh(_address: &str) {}

/// Shown in place of a page whose piece did not arrive, while the page opens afresh.
pub fn missing_piece_view() -> AnyView {
    let i18n = use_i18n();
    let location = leptos_router::hooks::use_location();
    // The router's query comes without its "?", the hash with its "#".
    let search = location.search.get_untracked();
    let query = if search.is_empty() {
        String::new()
    } else {
        format!("?{search}")
    };
    let address = format!(
        "{}{query}{}",
        location.pathname.get_untracked(),
        location.hash.get_untracked()
    );
    open_afresh(&address);
    view! {
        <main id="main" class="card">
            <p role="alert">{t!(i18n, common.piece_missing)}</p>
            <a class="button" href=address rel="external">
                {t!(i18n, common.piece_missing_reload)}
            </a>
        </main>
    }
    .into_any()
}
