//! The frame of a unit's pages: a slim bar with the app's name and the page, sized for phones.
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::Outlet;

#[component]
pub fn UnitLayout() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">
            {t!(i18n, nav.skip)}
        </a>
        <header class="topbar unit-bar">
            <span class="brand">{t!(i18n, app_name)}</span>
        </header>
        <main id="main" class="page page-narrow unit-page">
            <Outlet />
        </main>
    }
}
