//! A labelled multi-line text box with its hint and problems.
use super::field::{invalid, Field};
use crate::error::AppError;
use leptos::prelude::*;

#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    name: &'static str,
    error: Signal<Option<AppError>>,
    #[prop(optional, into)] value: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = 4)] rows: u32,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let area = view! {
        <textarea
            id=name
            name=name
            rows=rows
            aria-required=required.to_string()
            aria-describedby=format!("{name}-msg")
            aria-invalid=invalid(error, name)
        >
            {value}
        </textarea>
    };
    match hint {
        Some(hint) => view! {
            <Field label name hint error>
                {area}
            </Field>
        }
        .into_any(),
        None => view! {
            <Field label name error>
                {area}
            </Field>
        }
        .into_any(),
    }
}
