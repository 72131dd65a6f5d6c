//! One text cell of an editable table (criteria, award forms): a label for screen readers, the
//! input named like `criteria[2][name]`, and the problems the server found in it.
use super::problem_text::problem_text;
use crate::error::AppError;
use leptos::prelude::*;

#[component]
pub fn CellInput(
    field: String,
    #[prop(into)] label: String,
    value: String,
    readonly: bool,
    error: Signal<Option<AppError>>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let problems = {
        let field = field.clone();
        move || error.get().map(|e| e.problems_at(&field)).unwrap_or_default()
    };
    let invalid = {
        let problems = problems.clone();
        move || if problems().is_empty() { "false" } else { "true" }
    };
    view! {
        <label class="sr-only" for=field.clone()>
            {label}
        </label>
        <input
            id=field.clone()
            name=field
            type="text"
            value=value
            readonly=readonly
            inputmode=inputmode
            aria-invalid=invalid
        />
        {move || problems().iter().map(|p| view! { <p class="problem">{problem_text(p)}</p> }).collect_view()}
    }
}
