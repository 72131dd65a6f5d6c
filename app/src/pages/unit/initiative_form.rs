//! The initiative form, new or changing one. It is a plain multipart form post that works
//! without scripts (a refused submit comes back with its problems and the text kept as the
//! draft); with scripts, `initiative_sender` keeps drafts and sends through an outbox. The form
//! is an island (`crate::lazy_pages`): the page around it stays server HTML.
use super::initiative_parts::{AttachmentsPart, AuthorsPart, KindChoice};
use super::initiative_sender::{SendState, Sender};
use super::parts::{DeadlineLine, UnitHead};
use crate::api::initiatives::{get_initiative_form, DiscardInitiativeDraft, InitiativeForm};
use crate::components::field::{invalid, Field, FormAlert};
use crate::components::form_error::plain_refusal_error;
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::components::problem_text::error_text;
use crate::components::text_area::TextArea;
use crate::components::text_field::TextField;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn NewInitiativePage() -> impl IntoView {
    let campaign = number_param("campaign");
    page_loader(
        campaign,
        |c| get_initiative_form(c, 0),
        |form| view! { <InitiativeFormView form /> },
    )
}

#[component]
pub fn EditInitiativePage() -> impl IntoView {
    let campaign = number_param("campaign");
    let id = number_param("id");
    page_loader(
        move || (campaign(), id()),
        |(c, id)| get_initiative_form(c, id),
        |form| view! { <InitiativeFormView form /> },
    )
}

#[component]
fn InitiativeFormView(form: InitiativeForm) -> impl IntoView {
    let i18n = use_i18n();
    let c = form.campaign.clone();
    let editing = form.initiative_id.is_some();
    let heading = if editing {
        t_string!(i18n, initiative.edit_title).to_string()
    } else {
        t_string!(i18n, initiative.new_title).to_string()
    };
    if !c.registration_open() {
        let back = match form.initiative_id {
            Some(id) => format!("/unit/{}/initiatives/{id}", c.id),
            None => format!("/unit/{}", c.id),
        };
        return view! {
            <UnitHead campaign=c.clone() page=heading.clone() />
            <h1 class="unit-title">{heading}</h1>
            <p class="alert alert-info">{t!(i18n, initiative.closed)}</p>
            <a class="button secondary" href=back>
                {t!(i18n, unit.back_home)}
            </a>
        }
        .into_any();
    }
    view! {
        <UnitHead campaign=c.clone() page=heading.clone() />
        <h1 class="unit-title">{heading}</h1>
        <DeadlineLine
            label=t_string!(i18n, unit.registration_deadline)
            deadline=c.registration_deadline
            now=c.loaded_at
        />
        <InitiativeFormIsland form refused=plain_refusal_error() />
    }
    .into_any()
}

/// The form with its drafts, outbox and phone photos: an island (`lazy_pages`).
/// `refused`: the problems a plain post came back with (scripts off).
#[cfg_attr(any(feature = "ssr", feature = "islands_forms"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands_forms")), component)]
fn InitiativeFormIsland(form: InitiativeForm, refused: Option<AppError>) -> impl IntoView {
    let i18n = use_i18n();
    let c = form.campaign.clone();
    let editing = form.initiative_id.is_some();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let form_key = form
        .initiative_id
        .map_or_else(|| "new".to_owned(), |id| id.to_string());
    let sender = Sender::new(c.id, form_key, form_ref);
    Effect::new(move |_| sender.start());
    // Back from a refused plain post (scripts off): the text came back, the files did not.
    let refused_plain = refused.is_some();
    let error = Signal::derive(move || sender.error.get().or_else(|| refused.clone()));
    let input = form.input.clone();
    let field_options = form
        .fields
        .iter()
        .map(|f| {
            let selected = input.field_id == f.id.to_string();
            view! {
                <option value=f.id selected=selected>
                    {f.name.clone()}
                </option>
            }
        })
        .collect_view();
    let submit_label = if editing {
        t_string!(i18n, initiative.save)
    } else {
        t_string!(i18n, initiative.submit)
    };
    let discard = ServerAction::<DiscardInitiativeDraft>::new();
    // A full load: the form opens afresh from the server, without the dropped draft.
    Effect::new(move |_| {
        if let Some(Ok(page)) = discard.value().get() {
            let _ = window().location().set_href(&page);
        }
    });
    let discard_form = {
        let form_key = sender.form_key.get_value();
        move || {
            view! {
                <ActionForm action=discard on:submit=move |_| sender.forget_draft()>
                    <input type="hidden" name="campaign_id" value=c.id />
                    <input type="hidden" name="form" value=form_key.clone() />
                    <button type="submit" class="button small secondary">
                        {t!(i18n, initiative.discard_draft)}
                    </button>
                </ActionForm>
            }
        }
    };
    let discard_for_local = discard_form.clone();
    let draft_note = form.draft_saved_at.filter(|_| !refused_plain).map(|at| {
        view! {
            <div class="alert alert-info draft-note">
                <p>{t!(i18n, initiative.draft_restored, at = super::parts::moment_text(at))}</p>
                {discard_form()}
            </div>
        }
    });
    view! {
        {draft_note}
        {move || {
            sender
                .restored
                .get()
                .then(|| {
                    view! {
                        <div class="alert alert-info draft-note">
                            <p>{t!(i18n, initiative.restored_local)}</p>
                            {discard_for_local.clone()()}
                        </div>
                    }
                })
        }}
        <form
            node_ref=form_ref
            method="post"
            action="/api/submit_initiative"
            enctype="multipart/form-data"
            class="initiative-form"
            on:input=move |_| sender.typed()
            on:change=move |_| sender.typed()
            on:submit=move |ev| {
                ev.prevent_default();
                sender.submit();
            }
        >
            <input type="hidden" name="campaign_id" value=c.id />
            <input type="hidden" name="initiative_id" value=form.initiative_id.unwrap_or(0) />
            <input type="hidden" name="submit_key" value=form.submit_key.clone() />
            <FormAlert error />
            <KindChoice chosen=input.kind.clone() error />
            <Field label=t_string!(i18n, initiative.field) name="field_id" error>
                <select
                    id="field_id"
                    name="field_id"
                    aria-describedby="field_id-msg"
                    aria-invalid=invalid(error, "field_id")
                >
                    <option value="">{t!(i18n, initiative.pick_field)}</option>
                    {field_options}
                </select>
            </Field>
            <TextField
                label=t_string!(i18n, initiative.title)
                name="title"
                error
                value=input.title.clone()
                required=true
            />
            <TextArea
                label=t_string!(i18n, initiative.situation)
                name="situation"
                error
                value=input.situation.clone()
                hint=t_string!(i18n, initiative.situation_hint)
                required=true
                rows=5
            />
            <TextArea
                label=t_string!(i18n, initiative.solution)
                name="solution"
                error
                value=input.solution.clone()
                hint=t_string!(i18n, initiative.solution_hint)
                required=true
                rows=7
            />
            <TextArea
                label=t_string!(i18n, initiative.benefit)
                name="benefit"
                error
                value=input.benefit.clone()
                hint=t_string!(i18n, initiative.benefit_hint)
                required=true
                rows=4
            />
            <TextArea
                label=t_string!(i18n, initiative.scope)
                name="scope"
                error
                value=input.scope.clone()
                hint=t_string!(i18n, initiative.scope_hint)
                required=true
                rows=3
            />
            <TextField
                label=t_string!(i18n, initiative.first_applied)
                name="first_applied"
                error
                value=input.first_applied.clone()
                hint=t_string!(i18n, initiative.first_applied_hint)
                required=true
            />
            <AuthorsPart mode=input.author_mode.clone() authors=input.authors.clone() error />
            {refused_plain
                .then(|| view! { <p class="alert alert-info">{t!(i18n, initiative.files_again)}</p> })}
            <AttachmentsPart stored=form.attachments.clone() error />
            <SendStatus sender />
            <div class="actions">
                <button
                    type="submit"
                    class="button"
                    disabled=move || sender.state.get() == SendState::Sending
                >
                    {submit_label}
                </button>
                <a class="button secondary" href=format!("/unit/{}", c.id)>
                    {t!(i18n, initiative.later)}
                </a>
            </div>
            // Only true with scripts on: then the text is kept on the phone at each keystroke.
            <p class="hint" hidden=move || !sender.started.get()>
                {t!(i18n, initiative.kept_hint)}
            </p>
        </form>
    }
}

/// What the phone is doing with the form: kept, waiting to be sent, sending, failed.
#[component]
fn SendStatus(sender: Sender) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="send-status" role="status" aria-live="polite">
            {move || match sender.state.get() {
                SendState::Idle => None,
                SendState::Sending => {
                    Some(view! { <p class="status sending">{t!(i18n, initiative.sending)}</p> }.into_any())
                }
                SendState::Waiting => {
                    Some(view! { <p class="status waiting">{t!(i18n, initiative.waiting)}</p> }.into_any())
                }
                SendState::NeedsFiles(names) => {
                    Some(
                        view! {
                            <p class="status waiting">
                                {t!(i18n, initiative.needs_files, files = names.join(", "))}
                            </p>
                        }
                            .into_any(),
                    )
                }
                SendState::Failed(AppError::Invalid(_)) => {
                    Some(view! { <p class="status failed">{t!(i18n, initiative.refused)}</p> }.into_any())
                }
                SendState::Failed(error) => {
                    Some(
                        view! {
                            <p class="status failed">
                                {t!(i18n, initiative.failed, reason = error_text(&error))}
                            </p>
                        }
                            .into_any(),
                    )
                }
            }}
            {move || {
                let local = sender.kept_locally.get();
                let server = sender.kept_on_server.get();
                match (local, server) {
                    (_, Some(at)) => {
                        Some(
                            view! { <p class="kept">{t!(i18n, initiative.kept_server, at = at)}</p> }
                                .into_any(),
                        )
                    }
                    (Some(at), None) => {
                        Some(
                            view! { <p class="kept">{t!(i18n, initiative.kept_local, at = at)}</p> }
                                .into_any(),
                        )
                    }
                    _ => None,
                }
            }}
        </div>
    }
}
