//! A labelled form field with its hint and its problems; the control itself is the child and
//! must use `name` as its id and `{name}-msg` in `aria-describedby`. Each field tells the page its
//! label, so the banner above a refused form names the fields to fix (with scripts off too).
use super::notice::ErrorNotice;
use super::problem_text::{error_text, problem_text};
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn Field(
    #[prop(into)] label: String,
    name: &'static str,
    #[prop(optional, into)] hint: Option<String>,
    error: Signal<Option<AppError>>,
    children: Children,
) -> impl IntoView {
    remember_label(name, &label);
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
    let labels = use_context::<FieldLabels>();
    let i18n = use_i18n();
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
            let to_fix = labelled_problem_fields(&e, labels);
            if at_form.is_empty() && !to_fix.is_empty() {
                return view! {
                    <div class="alert alert-error" role="alert">
                        <p>{t!(i18n, common.problem_fix_these)}</p>
                        <ul class="fix-list">
                            {to_fix
                                .into_iter()
                                .map(|(name, label)| {
                                    view! {
                                        <li>
                                            <a href=format!("#{name}")>{label}</a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                }
                .into_any();
            }
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

pub fn focus_first_invalid() {
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

/// The labels of the page's fields by name, filled as the fields are made (before any banner
/// renders, on the server and in the browser alike).
#[derive(Clone, Copy)]
struct FieldLabels(StoredValue<Vec<(&'static str, String)>>);

/// Called once at the root of the app.
pub fn provide_field_labels() {
    provide_context(FieldLabels(StoredValue::new(Vec::new())));
}

fn remember_label(name: &'static str, label: &str) {
    if let Some(FieldLabels(labels)) = use_context() {
        labels.update_value(|labels| {
            labels.retain(|(known, _)| *known != name);
            labels.push((name, label.to_owned()));
        });
    }
}

/// The fields of `error` that have a label on the page, in the error's order, each once.
fn labelled_problem_fields(error: &AppError, labels: Option<FieldLabels>) -> Vec<(&'static str, String)> {
    let (AppError::Invalid(problems), Some(FieldLabels(labels))) = (error, labels) else {
        return Vec::new();
    };
    let mut named: Vec<(&'static str, String)> = Vec::new();
    for problem in problems {
        let label =
            labels.with_value(|labels| labels.iter().find(|(name, _)| *name == problem.field).cloned());
        if let Some(label) = label.filter(|(name, _)| named.iter().all(|(seen, _)| seen != name)) {
            named.push(label);
        }
    }
    named
}
