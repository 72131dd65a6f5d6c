//! A labelled form field with its hint and its problems; the control itself is the child and
//! must use `name` as its id and `{name}-msg` in `aria-describedby`.
use super::notice::ErrorNotice;
use super::problem_text::{error_text, problem_text};
use crate::error::AppError;
use leptos::prelude::*;

#[component]
pub fn Field(
    #[prop(into)] label: String,
    name: &'static str,
    #[prop(optional, into)] hint: Option<String>,
    error: Signal<Option<AppError>>,
    children: Children,
) -> impl IntoView {
    let problems = move || error.get().map(|e| e.problems_at(name)).unwrap_or_default();
    view! {
        <div class="field" class:field-invalid=move || !problems().is_empty()>
            <label for=name>{label}</label>
            {children()}
            <div id=format!("{name}-msg") class="field-msg" aria-live="polite">
                {hint.map(|h| view! { <p class="hint">{h}</p> })}
                {problem_lines(error, name)}
            </div>
        </div>
    }
}

/// The problems of field `name`, one paragraph each, kept current.
pub fn problem_lines(error: Signal<Option<AppError>>, name: &'static str) -> impl IntoView {
    move || {
        error
            .get()
            .map(|e| e.problems_at(name))
            .unwrap_or_default()
            .iter()
            .map(|p| view! { <p class="problem">{problem_text(p)}</p> })
            .collect_view()
    }
}

/// A checkbox with its sentence as the label, and its problems below.
#[component]
pub fn CheckField(name: &'static str, error: Signal<Option<AppError>>, children: Children) -> impl IntoView {
    let problems = move || error.get().map(|e| e.problems_at(name)).unwrap_or_default();
    view! {
        <div class="field" class:field-invalid=move || !problems().is_empty()>
            <label class="check">
                <input
                    type="checkbox"
                    id=name
                    name=name
                    value="yes"
                    aria-describedby=format!("{name}-msg")
                    aria-invalid=invalid(error, name)
                />
                <span>{children()}</span>
            </label>
            <div id=format!("{name}-msg") class="field-msg" aria-live="polite">
                {problem_lines(error, name)}
            </div>
        </div>
    }
}

/// The banner above a form: problems that belong to no field, or a general failure (with a
/// sign-in link when the session is gone).
#[component]
pub fn FormAlert(error: Signal<Option<AppError>>) -> impl IntoView {
    // With scripts on, a refused save moves the keyboard focus to the first field to fix.
    Effect::new(move |_| {
        if matches!(error.get(), Some(AppError::Invalid(_))) {
            request_animation_frame(focus_first_invalid);
        }
    });
    move || {
        error.get().map(|e| {
            if e == AppError::Unauthorized {
                return view! { <ErrorNotice error=e /> }.into_any();
            }
            let at_form = e.problems_at("form");
            let text = if at_form.is_empty() {
                error_text(&e)
            } else {
                at_form.iter().map(problem_text).collect::<Vec<_>>().join(" ")
            };
            view! {
                <div class="alert alert-error" role="alert">
                    {text}
                </div>
            }
            .into_any()
        })
    }
}

/// `aria-invalid` for a control: "true" when its field has a problem.
pub fn invalid(
    error: Signal<Option<AppError>>,
    name: &'static str,
) -> impl Fn() -> &'static str + Send + Sync {
    move || {
        if error.get().is_some_and(|e| !e.problems_at(name).is_empty()) {
            "true"
        } else {
            "false"
        }
    }
}

fn focus_first_invalid() {
    use leptos::wasm_bindgen::JsCast;
    let first = document()
        .query_selector("main [aria-invalid='true']")
        .ok()
        .flatten();
    // A group (radio buttons) is marked as a whole: its first control takes the focus.
    let control = first.and_then(|e| {
        if matches!(e.tag_name().as_str(), "FIELDSET" | "DIV") {
            e.query_selector("input, select, textarea").ok().flatten()
        } else {
            Some(e)
        }
    });
    if let Some(element) = control.and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
