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

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // The page's own piece of WebAssembly loads before hydration starts (`lazy_pages`).
    leptos::mount::hydrate_lazy(App);
}
