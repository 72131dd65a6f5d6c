//! A labelled text input with its hint and problems: the usual field of every form.
use super::field::{invalid, Field};
use crate::error::AppError;
use leptos::prelude::*;

#[component]
pub fn TextField(
    #[prop(into)] label: String,
    name: &'static str,
    error: Signal<Option<AppError>>,
    #[prop(optional, into)] value: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = "sentences")] autocapitalize: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] readonly: bool,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] placeholder: Option<&'static str>,
) -> impl IntoView {
    let input = view! {
        <input
            id=name
            name=name
            type=input_type
            value=value
            autocomplete=autocomplete
            autocapitalize=autocapitalize
            aria-required=required.to_string()
            readonly=readonly
            inputmode=inputmode
            placeholder=placeholder
            aria-describedby=format!("{name}-msg")
            aria-invalid=invalid(error, name)
        />
    };
    match hint {
        Some(hint) => view! {
            <Field label name hint error>
                {input}
            </Field>
        }
        .into_any(),
        None => view! {
            <Field label name error>
                {input}
            </Field>
        }
        .into_any(),
    }
}
