//! Changing one's own password: the current one, then the new one twice. Other browsers signed
//! in with the account are signed out by the change; this one stays signed in. Admins change it
//! here, inside the admin frame; evaluators on `/council/password`, inside theirs.
use crate::api::accounts::ChangePassword;
use crate::components::account_gate::AccountGate;
use crate::components::field::FormAlert;
use crate::components::form_error::form_error;
use crate::components::new_password::NewPasswordFields;
use crate::components::notice::SavedNotice;
use crate::components::text_field::TextField;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PasswordPage() -> impl IntoView {
    view! { <PasswordForm /> }
}

/// The page's content, for either frame.
#[component]
pub fn PasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ChangePassword>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let query = use_query_map();
    let changed = move || query.read().get("changed").is_some();
    view! {
        <Title text=move || format!("{} · {}", t_string!(i18n, password.title), t_string!(i18n, app_name)) />
        <h1>{t!(i18n, password.title)}</h1>
        <p class="lead">{t!(i18n, password.lead)}</p>
        {move || changed().then(|| view! { <SavedNotice text=t_string!(i18n, password.changed) /> })}
        <AccountGate>
            <section class="card form-card">
                <ActionForm action>
                    <FormAlert error />
                    <TextField
                        label=t_string!(i18n, password.current)
                        name="current_password"
                        error
                        input_type="password"
                        autocomplete="current-password"
                        autocapitalize="none"
                        required=true
                    />
                    <NewPasswordFields error />
                    <button type="submit" class="button" disabled=action.pending()>
                        {t!(i18n, password.submit)}
                    </button>
                </ActionForm>
            </section>
        </AccountGate>
    }
}
