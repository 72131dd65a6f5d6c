//! The initiative form's island: it wraps the form the server rendered (its children never
//! reach the phone) and shows, through the DOM, what `initiative_sender` does with it: the
//! send's state and when the text was last kept, the refused fields, the restored-draft note.
use super::form_dom::{find_form, replace_children, set_sending, set_shown, show_refusal, text_element};
use super::initiative_sender::{SendState, Sender, FORM};
use crate::components::problem_text::error_text;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos::web_sys::Element;

/// Where the island shows the send's state (server markup, `initiative_form`).
pub const STATUS: &str = ".send-status";
/// The note shown when the phone brings back text typed before.
pub const LOCAL_DRAFT_NOTE: &str = "#local-draft-note";
/// The hint that the text is kept on the phone: true only with scripts on.
pub const KEPT_HINT: &str = ".kept-hint";

#[cfg_attr(any(feature = "ssr", feature = "islands_forms"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands_forms")), component)]
pub fn InitiativeSending(campaign_id: i64, form_key: String, children: Children) -> impl IntoView {
    let sender = Sender::new(campaign_id, form_key);
    Effect::new(move |_| sender.start());
    Effect::new(move |_| {
        let lines = status_lines(sender);
        if let Ok(Some(status)) = document().query_selector(STATUS) {
            replace_children(&status, lines);
        }
    });
    Effect::new(move |_| {
        let sending = sender.state.get() == SendState::Sending;
        if let Some(form) = find_form(FORM) {
            set_sending(&form, sending);
        }
    });
    // The first run leaves the problems a plain post came back with (scripts off) on screen.
    Effect::new(move |shown_before: Option<bool>| {
        let error = sender.error.get();
        if shown_before == Some(true) || error.is_some() {
            if let Some(form) = find_form(FORM) {
                show_refusal(&form, error.as_ref());
            }
            return true;
        }
        false
    });
    Effect::new(move |_| set_shown(LOCAL_DRAFT_NOTE, sender.restored.get()));
    Effect::new(move |_| set_shown(KEPT_HINT, sender.started.get()));
    children()
}

/// What the phone is doing with the form (kept, waiting, sending, failed), as paragraphs.
fn status_lines(sender: Sender) -> Vec<Element> {
    let state = match sender.state.get() {
        SendState::Idle => None,
        SendState::Sending => Some((
            "status sending",
            td_string!(Locale::vi, initiative.sending).to_string(),
        )),
        SendState::Waiting => Some((
            "status waiting",
            td_string!(Locale::vi, initiative.waiting).to_string(),
        )),
        SendState::NeedsFiles(names) => Some((
            "status waiting",
            td_string!(Locale::vi, initiative.needs_files, files = names.join(", ")),
        )),
        SendState::Failed(AppError::Invalid(_)) => Some((
            "status failed",
            td_string!(Locale::vi, initiative.refused).to_string(),
        )),
        SendState::Failed(error) => Some((
            "status failed",
            td_string!(Locale::vi, initiative.failed, reason = error_text(&error)),
        )),
    };
    let kept = match (sender.kept_locally.get(), sender.kept_on_server.get()) {
        (_, Some(at)) => Some(td_string!(Locale::vi, initiative.kept_server, at = at)),
        (Some(at), None) => Some(td_string!(Locale::vi, initiative.kept_local, at = at)),
        _ => None,
    };
    state
        .and_then(|(class, text)| text_element("p", class, &text))
        .into_iter()
        .chain(kept.and_then(|text| text_element("p", "kept", &text)))
        .collect()
}
