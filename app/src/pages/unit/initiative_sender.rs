//! The phone side of the initiative form (scripts on). What is typed is kept on the phone at each
//! keystroke (localStorage, so it survives a closed tab, a reload and a lost connection) and on
//! the server as a draft a few seconds later when the network allows. A submit goes to an outbox
//! first, is shown as waiting, and is sent again by itself when the network returns; its submit
//! key keeps a repeat from making a second initiative. Only a committed answer clears it. The
//! outbox's files are kept in IndexedDB (`outbox_files`), so a closed tab keeps them too.
use super::form_dom::{enhance_file_picker, file_input, find_form, listen};
use crate::api::initiatives::{save_initiative_draft, submit_initiative, Draft, Receipt};
use crate::domain::initiative::attachment::{megabytes, MAX_FILE_MB, MAX_PHOTO_MB, MAX_TOTAL_MB};
use crate::domain::initiative::{author_field, AuthorInput, InitiativeInput, AUTHORS_MAX};
use crate::error::{AppError, Problem};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{FormData, HtmlFormElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use serde::{Deserialize, Serialize};

/// The form this module works on; the server renders it (`initiative_form`).
pub const FORM: &str = "form.initiative-form";

const TEXT_FIELDS: [&str; 8] = [
    "field_id",
    "title",
    "situation",
    "solution",
    "benefit",
    "scope",
    "first_applied",
    "submit_key",
];

/// Where the current submit stands, as the phone shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum SendState {
    Idle,
    Sending,
    /// Not sent yet for want of a network; it is sent again by itself.
    Waiting,
    /// Refused or failed for a reason the person must act on.
    Failed(AppError),
    /// Kept after a reload, but its files must be chosen again before sending.
    NeedsFiles(Vec<String>),
}

/// A submit waiting in the outbox (its files are kept beside it, in IndexedDB).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Pending {
    draft: Draft,
    file_names: Vec<String>,
}

#[derive(Clone, Copy)]
pub struct Sender {
    pub campaign_id: i64,
    /// "new" or the initiative's id.
    pub form_key: StoredValue<String>,
    pub state: RwSignal<SendState>,
    /// Field problems from the last refused submit.
    pub error: RwSignal<Option<AppError>>,
    /// When the draft was last kept on the phone and on the server (HH:mm).
    pub kept_locally: RwSignal<Option<String>>,
    pub kept_on_server: RwSignal<Option<String>>,
    pub restored: RwSignal<bool>,
    /// The phone-side keeping runs (scripts on and hydrated).
    pub started: RwSignal<bool>,
    server_save_due: StoredValue<u32>,
    retry_delay_secs: StoredValue<u64>,
}

fn storage() -> Option<leptos::web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The phone's clock as `HH:mm` in Vietnam, only for "kept at" notes (deadlines use the
/// server's clock). Vietnam keeps UTC+7 all year, so no time-zone table is needed here.
fn now_hh_mm() -> String {
    let now = js_sys::Date::new_0();
    let minutes = (now.get_utc_hours() * 60 + now.get_utc_minutes() + 7 * 60) % (24 * 60);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl Sender {
    pub fn new(campaign_id: i64, form_key: String) -> Self {
        Self {
            campaign_id,
            form_key: StoredValue::new(form_key),
            state: RwSignal::new(SendState::Idle),
            error: RwSignal::new(None),
            kept_locally: RwSignal::new(None),
            kept_on_server: RwSignal::new(None),
            restored: RwSignal::new(false),
            started: RwSignal::new(false),
            server_save_due: StoredValue::new(0),
            retry_delay_secs: StoredValue::new(5),
        }
    }

    fn key(&self, what: &str) -> String {
        format!("thidua:{what}:{}:{}", self.campaign_id, self.form_key.get_value())
    }

    fn element(&self) -> Option<HtmlFormElement> {
        find_form(FORM)
    }

    /// On hydration: takes over the server's form (typing, submit, discarding a draft, the file
    /// button), brings back a waiting submit or the text typed before, then listens for the
    /// network coming back.
    pub fn start(self) {
        let Some(form) = self.element() else { return };
        enhance_file_picker(&form);
        let Some(store) = storage() else { return };
        listen(&form, "input", move |_| self.typed());
        listen(&form, "change", move |_| self.typed());
        listen(&form, "submit", move |ev| {
            ev.prevent_default();
            self.submit();
        });
        // A discarded draft is sent as a plain post; the phone's copy goes first.
        if let Ok(discards) = document().query_selector_all("form.discard-draft") {
            for discard in (0..discards.length()).filter_map(|i| discards.get(i)) {
                listen(&discard, "submit", move |_| self.forget_draft());
            }
        }
        self.started.set(true);
        if let Some(pending) = store
            .get_item(&self.key("outbox"))
            .ok()
            .flatten()
            .and_then(|json| crate::wire::codec::from_json::<Pending>(&json).ok())
        {
            self.fill(&pending.draft);
            if pending.file_names.is_empty() {
                self.send();
            } else {
                self.state.set(SendState::Waiting);
                self.send_with_kept_files(pending.file_names);
            }
        } else if let Some(draft) = store
            .get_item(&self.key("draft"))
            .ok()
            .flatten()
            .and_then(|json| crate::wire::codec::from_json::<Draft>(&json).ok())
        {
            if self.element().is_some_and(|f| read_draft(&f) != draft) {
                self.fill(&draft);
                self.restored.set(true);
            }
        }
        if store.get_item(&self.key("outbox")).ok().flatten().is_none() {
            // Files of a submit that was answered while their keeping was still under way.
            let key = self.key("outbox");
            leptos::task::spawn_local(async move {
                let _ = super::outbox_files::forget(&key).await;
            });
        }
        let _ = window_event_listener_untyped("online", move |_| {
            if self.state.get_untracked() == SendState::Waiting {
                self.send();
            }
        });
    }

    /// After a reload: the waiting submit's files come back from IndexedDB and it is sent;
    /// without them the person is asked to choose them again.
    fn send_with_kept_files(self, names: Vec<String>) {
        let (Some(form), key) = (self.element(), self.key("outbox")) else {
            return;
        };
        let Some(input) = file_input(&form) else { return };
        leptos::task::spawn_local(async move {
            match super::outbox_files::restore(&key, &input).await {
                Ok(true) => self.send(),
                _ => self.state.set(SendState::NeedsFiles(names)),
            }
        });
    }

    fn fill(&self, draft: &Draft) {
        if let Some(form) = self.element() {
            write_draft(&form, draft);
        }
    }

    /// After each keystroke: keep it on the phone now, on the server in a few seconds.
    pub fn typed(self) {
        let Some(form) = self.element() else { return };
        let draft = read_draft(&form);
        if let (Some(store), Ok(json)) = (storage(), serde_json::to_string(&draft)) {
            if store.set_item(&self.key("draft"), &json).is_ok() {
                self.kept_locally.set(Some(now_hh_mm()));
            }
        }
        let ticket = self.server_save_due.get_value().wrapping_add(1);
        self.server_save_due.set_value(ticket);
        set_timeout(
            move || {
                if self.server_save_due.get_value() == ticket {
                    self.save_on_server();
                }
            },
            std::time::Duration::from_secs(3),
        );
    }

    fn save_on_server(self) {
        let Some(form) = self.element() else { return };
        let Ok(json) = serde_json::to_string(&read_draft(&form)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            if save_initiative_draft(self.campaign_id, self.form_key.get_value(), json)
                .await
                .is_ok()
            {
                self.kept_on_server.set(Some(now_hh_mm()));
            }
        });
    }

    /// The submit: into the outbox, then sent.
    pub fn submit(self) {
        let Some(form) = self.element() else { return };
        let pending = Pending {
            draft: read_draft(&form),
            file_names: chosen_file_names(&form),
        };
        if let (Some(store), Ok(json)) = (storage(), serde_json::to_string(&pending)) {
            let _ = store.set_item(&self.key("outbox"), &json);
        }
        if let (false, Some(input)) = (pending.file_names.is_empty(), file_input(&form)) {
            let key = self.key("outbox");
            leptos::task::spawn_local(async move {
                let _ = super::outbox_files::keep(&key, &input).await;
            });
        }
        self.send();
    }

    fn send(self) {
        let Some(form) = self.element() else { return };
        // Too-large files are refused here, before a slow upload that could only fail.
        if let Some(problem) = oversized(&form) {
            self.forget("outbox");
            let error = AppError::field("attachments", problem);
            self.error.set(Some(error.clone()));
            self.state.set(SendState::Failed(error));
            return;
        }
        let Ok(data) = FormData::new_with_form(&form) else {
            return;
        };
        self.state.set(SendState::Sending);
        leptos::task::spawn_local(async move {
            super::phone_photos::shrink_photos(&data, "attachments").await;
            match submit_initiative(data.into()).await {
                Ok(receipt) => self.sent(receipt),
                Err(AppError::Transport(_) | AppError::Internal | AppError::Unavailable) => {
                    self.wait_and_retry()
                }
                Err(error) => {
                    self.forget("outbox");
                    if matches!(error, AppError::Invalid(_)) {
                        self.error.set(Some(error.clone()));
                    }
                    self.state.set(SendState::Failed(error));
                }
            }
        });
    }

    fn wait_and_retry(self) {
        self.state.set(SendState::Waiting);
        let delay = self.retry_delay_secs.get_value();
        self.retry_delay_secs.set_value((delay * 2).min(60));
        set_timeout(
            move || {
                let online = window().navigator().on_line();
                if online && self.state.get_untracked() == SendState::Waiting {
                    self.send();
                }
            },
            std::time::Duration::from_secs(delay),
        );
    }

    fn sent(self, receipt: Receipt) {
        self.forget("outbox");
        self.forget("draft");
        let href = receipt.page(self.campaign_id);
        // A full load: the receipt page is rendered by the server from the committed row.
        let _ = window().location().set_href(&href);
    }

    /// Before the draft is discarded on the server: the phone's copy goes too.
    pub fn forget_draft(&self) {
        self.forget("draft");
        self.restored.set(false);
    }

    fn forget(&self, what: &str) {
        if let Some(store) = storage() {
            let _ = store.remove_item(&self.key(what));
        }
        if what == "outbox" {
            let key = self.key(what);
            leptos::task::spawn_local(async move {
                let _ = super::outbox_files::forget(&key).await;
            });
        }
    }
}

fn field_value(form: &HtmlFormElement, name: &str) -> String {
    let Ok(Some(element)) = form.query_selector(&format!("[name=\"{name}\"]")) else {
        return String::new();
    };
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

fn set_field_value(form: &HtmlFormElement, name: &str, value: &str) {
    let Ok(Some(element)) = form.query_selector(&format!("[name=\"{name}\"]")) else {
        return;
    };
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        select.set_value(value);
    }
}

fn checked_value(form: &HtmlFormElement, name: &str) -> String {
    form.query_selector(&format!("[name=\"{name}\"]:checked"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

fn set_checked(form: &HtmlFormElement, name: &str, value: &str) {
    if let Ok(Some(element)) = form.query_selector(&format!("[name=\"{name}\"][value=\"{value}\"]")) {
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            input.set_checked(true);
        }
    }
}

/// The form's text as a draft (files are not part of it).
pub fn read_draft(form: &HtmlFormElement) -> Draft {
    let value = |name: &str| field_value(form, name);
    let authors = (0..AUTHORS_MAX)
        .map_while(|i| {
            form.query_selector(&format!("[name=\"{}\"]", author_field(i, "name")))
                .ok()
                .flatten()
                .map(|_| AuthorInput {
                    name: value(&author_field(i, "name")),
                    job_title: value(&author_field(i, "job_title")),
                    share: value(&author_field(i, "share")),
                })
        })
        .collect::<Vec<_>>();
    let last_typed = authors
        .iter()
        .rposition(|a| !(a.name.is_empty() && a.job_title.is_empty() && a.share.is_empty()));
    let authors = authors
        .into_iter()
        .take(last_typed.map_or(0, |i| i + 1))
        .collect();
    let [field_id, title, situation, solution, benefit, scope, first_applied, submit_key] =
        TEXT_FIELDS.map(value);
    Draft {
        submit_key,
        input: InitiativeInput {
            kind: checked_value(form, "kind"),
            field_id,
            title,
            situation,
            solution,
            benefit,
            scope,
            first_applied,
            author_mode: checked_value(form, "author_mode"),
            authors,
        },
    }
}

fn write_draft(form: &HtmlFormElement, draft: &Draft) {
    let i = &draft.input;
    let values = [
        &i.field_id,
        &i.title,
        &i.situation,
        &i.solution,
        &i.benefit,
        &i.scope,
        &i.first_applied,
        &draft.submit_key,
    ];
    for (name, value) in TEXT_FIELDS.iter().zip(values) {
        set_field_value(form, name, value);
    }
    set_checked(form, "kind", &i.kind);
    set_checked(form, "author_mode", &i.author_mode);
    for (n, author) in i.authors.iter().enumerate() {
        set_field_value(form, &author_field(n, "name"), &author.name);
        set_field_value(form, &author_field(n, "job_title"), &author.job_title);
        set_field_value(form, &author_field(n, "share"), &author.share);
    }
}

/// The first size limit the chosen files break, if any. A large photo counts as sent shrunk
/// (`phone_photos`): only its own upper limit applies here; the server checks the rest.
fn oversized(form: &HtmlFormElement) -> Option<Problem> {
    let files = file_input(form).and_then(|input| input.files())?;
    let files: Vec<_> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    let (photos, documents): (Vec<_>, Vec<_>) =
        files.iter().partition(|f| super::phone_photos::is_large_photo(f));
    let sizes: Vec<f64> = documents.iter().map(|f| f.size()).collect();
    if photos.iter().any(|f| f.size() > megabytes(MAX_PHOTO_MB) as f64) {
        Some(Problem::FileTooLarge { max_mb: MAX_PHOTO_MB })
    } else if sizes.iter().any(|s| *s > megabytes(MAX_FILE_MB) as f64) {
        Some(Problem::FileTooLarge { max_mb: MAX_FILE_MB })
    } else if sizes.iter().sum::<f64>() > megabytes(MAX_TOTAL_MB) as f64 {
        Some(Problem::FilesTooLarge { max_mb: MAX_TOTAL_MB })
    } else {
        None
    }
}

fn chosen_file_names(form: &HtmlFormElement) -> Vec<String> {
    file_input(form)
        .map(|input| super::form_dom::file_names(&input))
        .unwrap_or_default()
}
