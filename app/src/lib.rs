//! Thi đua CCHC: the Leptos application (pages, server functions, domain rules) shared by the
//! server build (`ssr`) and the browser build (`hydrate`).
#![recursion_limit = "256"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod api;
mod app;
pub mod components;
pub mod domain;
pub mod error;
mod lazy_pages;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
pub mod wire;
pub mod words;

pub use app::{shell, App};

/// The whole app's start: the page is hydrated from the body down and later pages render here.
/// The body is marked `data-hydrated` once all of it is, its lazy route included (the tests wait
/// for it; an effect of `App` would run while the route's piece is still loading).
#[cfg(all(feature = "hydrate", not(feature = "islands_bundle")))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // The page's own piece of WebAssembly loads before its route hydrates (`lazy_pages`).
    wasm_bindgen_futures::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else {
            return;
        };
        leptos::mount::hydrate_from_async(body.clone(), App)
            .await
            .forget();
        let _ = body.set_attribute("data-hydrated", "true");
    });
}

/// The islands bundle's start (`lazy_pages`): a unit's and the public pages stay server
/// HTML but for their islands, which the page's script hydrates one by one after this.
#[cfg(all(feature = "hydrate", feature = "islands_bundle"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // Every island's owner descends from this root: what App provides, provided here once (a
    // refused plain post reaches an island as a prop). The forms' islands read the one locale
    // directly and need none of it, so their bundle does without the translations' context.
    #[cfg(feature = "islands_boards")]
    {
        let translations = leptos_i18n::context::init_i18n_context::<i18n::Locale>();
        leptos::prelude::provide_context(translations);
        leptos_meta::provide_meta_context();
        components::field::provide_field_labels();
    }
}
