//! The initiative form, new or changing one. It is a plain multipart form post that works
//! without scripts (a refused submit comes back with its problems and the text kept as the
//! draft); with scripts, `initiative_sender` keeps drafts and sends through an outbox. The form
//! stays server HTML; only its island (`initiative_sending`), which wraps it, reaches the phone.
use super::initiative_parts::{AttachmentsPart, AuthorsPart, KindChoice};
use super::initiative_sending::InitiativeSending;
use super::parts::{DeadlineLine, UnitHead};
use crate::api::initiatives::{get_initiative_form, DiscardInitiativeDraft, InitiativeForm};
use crate::components::field::{invalid, Field, FormAlert};
use crate::components::form_error::plain_refusal_error;
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::components::text_area::TextArea;
use crate::components::text_field::TextField;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

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
        <InitiativeFormFields form refused=plain_refusal_error() />
    }
    .into_any()
}

/// The form as the server renders it, wrapped in its island (`InitiativeSending`), which takes
/// it over with scripts on. `refused`: the problems a plain post came back with (scripts off).
#[component]
fn InitiativeFormFields(form: InitiativeForm, refused: Option<AppError>) -> impl IntoView {
    let i18n = use_i18n();
    let c = form.campaign.clone();
    let editing = form.initiative_id.is_some();
    let form_key = form
        .initiative_id
        .map_or_else(|| "new".to_owned(), |id| id.to_string());
    // Back from a refused plain post (scripts off): the text and the files are the draft's.
    let refused_plain = refused.is_some();
    let error = Signal::derive(move || refused.clone());
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
    let discard_form = {
        let form_key = form_key.clone();
        move || {
            view! {
                <form method="post" action=DiscardInitiativeDraft::url() class="discard-draft">
                    <input type="hidden" name="campaign_id" value=c.id />
                    <input type="hidden" name="form" value=form_key.clone() />
                    <button type="submit" class="button small secondary">
                        {t!(i18n, initiative.discard_draft)}
                    </button>
                </form>
            }
        }
    };
    let draft_note = form.draft_saved_at.filter(|_| !refused_plain).map(|at| {
        view! {
            <div class="alert alert-info draft-note">
                <p>{t!(i18n, initiative.draft_restored, at = super::parts::moment_text(at))}</p>
                {discard_form()}
            </div>
        }
    });
    view! {
        <InitiativeSending campaign_id=c.id form_key>
            {draft_note}
            // Shown by the island when the phone brings back text typed before.
            <div class="alert alert-info draft-note" id="local-draft-note" hidden>
                <p>{t!(i18n, initiative.restored_local)}</p>
                {discard_form()}
            </div>
            <form
                method="post"
                action="/api/submit_initiative"
                enctype="multipart/form-data"
                class="initiative-form"
            >
                <input type="hidden" name="campaign_id" value=c.id />
                <input type="hidden" name="initiative_id" value=form.initiative_id.unwrap_or(0) />
                <input type="hidden" name="submit_key" value=form.submit_key.clone() />
                <div class="form-alert">
                    <FormAlert error />
                </div>
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
                <AttachmentsPart stored=form.attachments.clone() held=form.held.clone() error />
                <div class="send-status" role="status" aria-live="polite"></div>
                <div class="actions">
                    <button type="submit" class="button">
                        {submit_label}
                    </button>
                    <a class="button secondary" href=format!("/unit/{}", c.id)>
                        {t!(i18n, initiative.later)}
                    </a>
                </div>
                // Shown by the island: with scripts on the text is kept at each keystroke.
                <p class="hint kept-hint" hidden>
                    {t!(i18n, initiative.kept_hint)}
                </p>
            </form>
        </InitiativeSending>
    }
}
