//! The page for an unknown address (HTTP 404).
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, not_found.title) />
        <main id="main" class="page page-narrow">
            <h1>{t!(i18n, not_found.title)}</h1>
            <p>
                <a href="/">{t!(i18n, not_found.back)}</a>
            </p>
        </main>
    }
}
