//! Sign-in for admins and evaluators; works as a plain form with JavaScript off.
use crate::api::auth::{Login, DEFAULT_AFTER_LOGIN};
use crate::components::field::FormAlert;
use crate::components::form_error::{form_error, typed_value};
use crate::components::text_field::TextField;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Login>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let next = use_query_map()
        .read_untracked()
        .get("next")
        .unwrap_or_else(|| DEFAULT_AFTER_LOGIN.to_owned());
    let pending = action.pending();
    view! {
        <Title text=move || format!("{} · {}", t_string!(i18n, login.title), t_string!(i18n, app_name)) />
        <main id="main" class="page page-narrow">
            <p class="eyebrow">{t!(i18n, app_name)}</p>
            <h1>{t!(i18n, login.title)}</h1>
            <p class="lead">{t!(i18n, login.lead)}</p>
            <ActionForm action=action>
                <FormAlert error />
                <input type="hidden" name="next" value=next />
                <TextField
                    label=t_string!(i18n, login.username)
                    name="username"
                    error
                    value=typed_value("username")
                    autocomplete="username"
                    autocapitalize="none"
                    required=true
                />
                <TextField
                    label=t_string!(i18n, login.password)
                    name="password"
                    error
                    input_type="password"
                    autocomplete="current-password"
                    required=true
                />
                <button type="submit" class="button" disabled=pending>
                    {move || {
                        if pending.get() {
                            t_string!(i18n, login.working)
                        } else {
                            t_string!(i18n, login.submit)
                        }
                    }}
                </button>
            </ActionForm>
        </main>
    }
}
