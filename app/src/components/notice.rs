//! Page-level messages: a load error (with a sign-in link when the session is gone) and a
//! confirmation after a save.
use super::problem_text::error_text;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

/// The address of the page in view; read from the browser there, as an island has no router.
fn current_path() -> String {
    #[cfg(feature = "ssr")]
    return leptos_router::hooks::use_location().pathname.get_untracked();
    #[cfg(not(feature = "ssr"))]
    window().location().pathname().unwrap_or_default()
}

#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let next = current_path();
    let sign_in = matches!(error, AppError::Unauthorized).then(|| {
        view! {
            <a class="button" href=format!("/login?next={next}")>
                {t!(i18n, common.sign_in_again)}
            </a>
        }
    });
    // A page whose main content failed answers with the error's status (404, 403, 401…).
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        crate::server::respond::set_error_status(&response, &error);
    }
    let text = error_text(&error);
    let title = format!("{text} · {}", t_string!(i18n, app_name));
    view! {
        <Title text=title />
        <div class="alert alert-error" role="alert">
            <p>{text}</p>
            {sign_in}
        </div>
    }
}

#[component]
pub fn SavedNotice(#[prop(into)] text: String) -> impl IntoView {
    view! {
        <div class="alert alert-success" role="status">
            {text}
        </div>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="loading" aria-busy="true">
            {t!(i18n, common.loading)}
        </p>
    }
}
