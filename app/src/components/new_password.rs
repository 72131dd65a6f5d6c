//! The new password typed twice (`new_password`, `confirm_password`), as every password form asks.
use super::text_field::TextField;
use crate::domain::account::PASSWORD_MIN;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn NewPasswordFields(error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TextField
            label=t_string!(i18n, password.new_password)
            name="new_password"
            hint=t_string!(i18n, password.new_hint, min = PASSWORD_MIN)
            error
            input_type="password"
            autocomplete="new-password"
            autocapitalize="none"
            required=true
        />
        <TextField
            label=t_string!(i18n, password.confirm)
            name="confirm_password"
            error
            input_type="password"
            autocomplete="new-password"
            autocapitalize="none"
            required=true
        />
    }
}
