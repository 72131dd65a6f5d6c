//! The front page: what the app is and the way in for organizers.
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, app_name) />
        <main id="main" class="page page-narrow home">
            <p class="eyebrow">{t!(i18n, app_tagline)}</p>
            <h1>{t!(i18n, home.title)}</h1>
            <p class="lead">{t!(i18n, home.lead)}</p>
            <p>
                <a class="button" href="/login">
                    {t!(i18n, home.admin_link)}
                </a>
            </p>
            <p>
                <a class="button secondary" href="/gallery">
                    {t!(i18n, home.gallery_link)}
                </a>
            </p>
        </main>
    }
}
