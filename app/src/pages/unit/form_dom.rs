//! The unit's forms are server HTML; their islands only wrap them (`initiative_form`,
//! `report_form`) and act on the markup the server made, through the DOM, so the view code of
//! the fields never reaches the phone. Rules: the markup is `Field`'s (`{name}-msg` under each
//! control, `.field` around it), the banner goes into the form's `.form-alert`, and text is
//! only ever set as text (a problem may quote what was typed).
use crate::components::field::focus_first_invalid;
use crate::components::problem_text::{error_text, problem_text};
use crate::error::{AppError, Problem};
use crate::i18n::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast};
use leptos::web_sys::{Element, Event, HtmlElement, HtmlFormElement, HtmlInputElement};

/// The page's form matching `selector`.
pub fn find_form(selector: &str) -> Option<HtmlFormElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

/// Calls `handler` on each `event` at `target` for as long as the page lives.
pub fn listen(target: &leptos::web_sys::EventTarget, event: &str, handler: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    // The form lives as long as the page: the listener is never removed.
    closure.forget();
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    root.query_selector_all(selector)
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.get(i))
                .filter_map(|n| n.dyn_into().ok())
                .collect()
        })
        .unwrap_or_default()
}

fn one(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// A new `<tag class=…>` holding `text` as text.
pub fn text_element(tag: &str, class: &str, text: &str) -> Option<Element> {
    let element = document().create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    element.set_text_content(Some(text));
    Some(element)
}

/// Replaces what `container` shows with `children`.
pub fn replace_children(container: &Element, children: impl IntoIterator<Item = Element>) {
    container.set_text_content(None);
    for child in children {
        let _ = container.append_child(&child);
    }
}

/// Takes every problem off the form: banner, lines under fields, marks.
fn clear_problems(form: &Element) {
    for line in all(form, "p.problem") {
        line.remove();
    }
    for field in all(form, ".field-invalid") {
        let _ = field.class_list().remove_1("field-invalid");
    }
    for control in all(form, "[aria-invalid='true']") {
        let _ = control.set_attribute("aria-invalid", "false");
    }
    if let Some(slot) = one(form, ".form-alert") {
        slot.set_text_content(None);
    }
}

/// Shows a refused send on the form as the server shows a refused plain post: the banner, each
/// problem under its field, the fields marked; the keyboard goes to the first one to fix.
pub fn show_refusal(form: &HtmlFormElement, error: Option<&AppError>) {
    clear_problems(form);
    let Some(error) = error else { return };
    if let AppError::Invalid(problems) = error {
        for problem in problems {
            mark_field(form, &problem.field, &problem.problem);
        }
    }
    if let Some(slot) = one(form, ".form-alert") {
        if let Some(banner) = banner(form, error) {
            let _ = slot.append_child(&banner);
        }
    }
    if matches!(error, AppError::Invalid(_)) {
        focus_first_invalid();
    }
}

fn mark_field(form: &Element, name: &str, problem: &Problem) {
    let control = one(form, &format!("[name=\"{name}\"]"));
    // `Field` has a message slot; an author's cell keeps its lines beside the control.
    let slot = one(form, &format!("[id=\"{name}-msg\"]"))
        .or_else(|| control.as_ref().and_then(|c| c.parent_element()));
    if let (Some(slot), Some(line)) = (
        slot.as_ref(),
        text_element("p", "problem", &problem_text(problem)),
    ) {
        let _ = slot.append_child(&line);
    }
    let field = slot.as_ref().and_then(|s| s.closest(".field").ok().flatten());
    if let Some(field) = &field {
        let _ = field.class_list().add_1("field-invalid");
    }
    // A group (radio buttons) is marked as a whole, on its fieldset.
    let marked = match (&field, one(form, &format!("[id=\"{name}\"]"))) {
        (_, Some(control)) => Some(control),
        (Some(field), None) if field.tag_name() == "FIELDSET" => Some(field.clone()),
        _ => control,
    };
    if let Some(marked) = marked {
        let _ = marked.set_attribute("aria-invalid", "true");
    }
    // Shares that do not add up to 100 mark every share box, not only the group.
    if matches!(problem, Problem::SharesNotHundred { .. }) {
        for share in all(form, "input[name$='[share]']") {
            let _ = share.set_attribute("aria-invalid", "true");
        }
    }
}

/// The banner above a refused form: the fields to fix, as links, or what went wrong.
fn banner(form: &Element, error: &AppError) -> Option<Element> {
    let at_form = error.problems_at("form");
    let mut to_fix: Vec<(String, String)> = Vec::new();
    if let AppError::Invalid(problems) = error {
        for problem in problems {
            let label = one(form, &format!(".field > label[for=\"{}\"]", problem.field))
                .and_then(|l| l.text_content());
            if let Some(label) = label.filter(|_| to_fix.iter().all(|(seen, _)| *seen != problem.field)) {
                to_fix.push((problem.field.clone(), label));
            }
        }
    }
    let alert = document().create_element("div").ok()?;
    alert.set_class_name("alert alert-error");
    let _ = alert.set_attribute("role", "alert");
    if at_form.is_empty() && !to_fix.is_empty() {
        let lead = text_element("p", "", td_string!(Locale::vi, common.problem_fix_these))?;
        let _ = alert.append_child(&lead);
        let list = text_element("ul", "fix-list", "")?;
        for (name, label) in to_fix {
            let link = text_element("a", "", &label)?;
            let _ = link.set_attribute("href", &format!("#{name}"));
            let item = text_element("li", "", "")?;
            let _ = item.append_child(&link);
            let _ = list.append_child(&item);
        }
        let _ = alert.append_child(&list);
    } else if at_form.is_empty() {
        alert.set_text_content(Some(&error_text(error)));
    } else {
        let text = at_form.iter().map(problem_text).collect::<Vec<_>>().join(" ");
        alert.set_text_content(Some(&text));
    }
    Some(alert)
}

/// With scripts on, the browser's own (possibly English) file button gives way to the page's,
/// which names the chosen files, those chosen while the page was still loading too.
pub fn enhance_file_picker(form: &HtmlFormElement) {
    let (Some(picker), Some(input)) = (one(form, ".file-picker"), file_input(form)) else {
        return;
    };
    let Some(shown) = one(&picker, ".file-name") else {
        return;
    };
    let none_chosen = shown.text_content().unwrap_or_default();
    let show = {
        let (input, shown) = (input.clone(), shown.clone());
        move || {
            let names = file_names(&input);
            let text = if names.is_empty() {
                none_chosen.clone()
            } else {
                names.join(", ")
            };
            shown.set_text_content(Some(&text));
        }
    };
    show();
    let _ = picker.class_list().add_1("enhanced");
    listen(&input, "change", move |_| show());
}

/// The form's file input (a form has one at most).
pub fn file_input(form: &HtmlFormElement) -> Option<HtmlInputElement> {
    one(form, "input[type=file]").and_then(|e| e.dyn_into().ok())
}

/// The names of the files chosen in a file input.
pub fn file_names(input: &HtmlInputElement) -> Vec<String> {
    input
        .files()
        .map(|files| {
            (0..files.length())
                .filter_map(|i| files.get(i))
                .map(|f| f.name())
                .collect()
        })
        .unwrap_or_default()
}

/// Enables or disables the form's submit button (disabled while a send is under way).
pub fn set_sending(form: &HtmlFormElement, sending: bool) {
    if let Some(button) = one(form, "button[type=submit]") {
        if sending {
            let _ = button.set_attribute("disabled", "");
        } else {
            let _ = button.remove_attribute("disabled");
        }
    }
}

/// Shows or hides the element of the page matching `selector`.
pub fn set_shown(selector: &str, shown: bool) {
    if let Some(element) = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        element.set_hidden(!shown);
    }
}
