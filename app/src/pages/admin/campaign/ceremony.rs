//! The campaign's reveal ceremony, as the organizer prepares it (`/admin/campaigns/{id}/ceremony`):
//! where it stands, its checklist (each unmet item says where to fix it), and its plan (the
//! order, and which awards stop the reveal with a card), which can change until it starts. The
//! ceremony itself is started and driven from the console (`/ceremony/{id}`).
use crate::api::ceremony::{get_ceremony_desk, CeremonyDesk, SaveCeremonyPlan, StopLine};
use crate::components::campaign_labels::recipient_label;
use crate::components::campaign_tabs::CampaignHead;
use crate::components::field::{problem_lines, FormAlert};
use crate::components::form_error::{form_error, saved_flag, successes};
use crate::components::id_param::id_param;
use crate::components::notice::SavedNotice;
use crate::components::page_loader::page_loader;
use crate::domain::campaign::Recipient;
use crate::domain::ceremony::{ready, Check, CheckItem, Mode, Order};
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn CampaignCeremonyPage() -> impl IntoView {
    let id = id_param();
    let action = ServerAction::<SaveCeremonyPlan>::new();
    let saves = successes(
        move || matches!(action.value().get(), Some(Ok(_))),
        move || action.version().get(),
    );
    page_loader(
        move || (id(), saves.get()),
        |(id, _)| get_ceremony_desk(id),
        move |desk| view! { <CeremonyPrep desk action /> },
    )
}

pub fn mode_label(mode: Mode) -> String {
    let i18n = use_i18n();
    match mode {
        Mode::Prepared => t_string!(i18n, ceremony.mode_prepared),
        Mode::Rehearsal => t_string!(i18n, ceremony.mode_rehearsal),
        Mode::Live => t_string!(i18n, ceremony.mode_live),
        Mode::Finished => t_string!(i18n, ceremony.mode_finished),
    }
    .to_string()
}

/// The checklist, each item done or not (with where to fix it).
#[component]
pub fn Checklist(campaign_id: i64, checks: Vec<Check>, #[prop(optional)] links: bool) -> impl IntoView {
    let i18n = use_i18n();
    let items = checks
        .into_iter()
        .map(|check| {
            let text = match check.item {
                CheckItem::ResultsPublished => t_string!(i18n, ceremony.check_published),
                CheckItem::AwardsGiven => t_string!(i18n, ceremony.check_awards),
                CheckItem::DecisionsRecorded => t_string!(i18n, ceremony.check_decisions),
                CheckItem::RecipientsNamed => t_string!(i18n, ceremony.check_named),
            };
            let fix = (links && !check.done).then(|| {
                let href = match check.item {
                    CheckItem::ResultsPublished => format!("/admin/campaigns/{campaign_id}/state"),
                    _ => format!("/admin/campaigns/{campaign_id}/awards"),
                };
                view! {
                    " "
                    <a href=href>{t!(i18n, ceremony.fix)}</a>
                }
            });
            let state = if check.done {
                t_string!(i18n, ceremony.check_done)
            } else {
                t_string!(i18n, ceremony.check_missing)
            };
            view! {
                <li class:done=check.done>
                    <span class="check-mark" aria-hidden="true">
                        {if check.done { "✓" } else { "✗" }}
                    </span>
                    <span class="sr-only">{format!("{state}: ")}</span>
                    {text}
                    {fix}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="checklist">{items}</ul> }
}

#[component]
fn CeremonyPrep(desk: CeremonyDesk, action: ServerAction<SaveCeremonyPlan>) -> impl IntoView {
    let i18n = use_i18n();
    let saved = saved_flag(move || action.value().get().map(|r| r.is_ok()), "plan");
    let photo_saved = saved_flag(|| None, "photo");
    let any_error = form_error(move || action.value().get().and_then(Result::err));
    // A refused photo comes back (a plain post) with its problem at `photo`: shown by its section.
    let photo_error = Signal::derive(move || any_error.get().filter(|e| !e.problems_at("photo").is_empty()));
    let error = Signal::derive(move || any_error.get().filter(|e| e.problems_at("photo").is_empty()));
    let id = desk.campaign_id;
    let editable = desk.mode == Mode::Prepared;
    let is_ready = ready(&desk.checks);
    let released = (desk.released && editable)
        .then(|| view! { <p class="alert alert-info">{t!(i18n, ceremony.already_released)}</p> });
    let locked =
        (!editable).then(|| view! { <p class="alert alert-info">{t!(i18n, ceremony.plan_locked)}</p> });
    let lines = desk.lines.clone();
    let console_hint = if is_ready {
        t_string!(i18n, ceremony.console_ready)
    } else {
        t_string!(i18n, ceremony.console_not_ready)
    };
    view! {
        <CampaignHead id title=desk.title.clone() state=desk.state active="ceremony" />
        <Show when=move || saved.get()>
            <SavedNotice text=t_string!(i18n, ceremony.saved) />
        </Show>
        <Show when=move || photo_saved.get()>
            <SavedNotice text=t_string!(i18n, ceremony.photo_saved) />
        </Show>
        <p class="lead">{t!(i18n, ceremony.lead)}</p>
        {released}
        <section class="card" aria-labelledby="ceremony-status">
            <h2 id="ceremony-status">
                {t!(i18n, ceremony.status_title)} " " <span class="badge">{mode_label(desk.mode)}</span>
            </h2>
            <Checklist campaign_id=id checks=desk.checks.clone() links=true />
            <p class="hint">{console_hint}</p>
            <p>
                <a class="button" href=format!("/ceremony/{id}")>
                    {t!(i18n, ceremony.open_console)}
                </a>
            </p>
        </section>
        <section class="card form-card" aria-labelledby="ceremony-plan">
            <h2 id="ceremony-plan">{t!(i18n, ceremony.plan_title)}</h2>
            {locked}
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="campaign_id" value=id />
                <fieldset class="choices" disabled=!editable>
                    <legend>{t!(i18n, ceremony.order_label)}</legend>
                    <OrderChoice order=Order::LastToFirst current=desk.order />
                    <OrderChoice order=Order::ByAwardForm current=desk.order />
                </fieldset>
                <StopChoices lines=desk.lines.clone() editable />
                <button type="submit" class="button" disabled=move || !editable || action.pending().get()>
                    {t!(i18n, ceremony.save_plan)}
                </button>
            </ActionForm>
        </section>
        <Photos campaign_id=id lines editable error=photo_error />
    }
}

/// A photo for each card, uploaded by a plain multipart form (scripts or not).
#[component]
fn Photos(
    campaign_id: i64,
    lines: Vec<StopLine>,
    editable: bool,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stops: Vec<StopLine> = lines.into_iter().filter(|l| l.stop).collect();
    let body = if stops.is_empty() {
        view! { <p class="empty">{t!(i18n, ceremony.photos_none)}</p> }.into_any()
    } else {
        stops
            .into_iter()
            .map(|line| view! { <PhotoLine campaign_id line editable /> })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="card" aria-labelledby="ceremony-photos">
            <h2 id="ceremony-photos">{t!(i18n, ceremony.photos_title)}</h2>
            <p class="hint">{t!(i18n, ceremony.photos_hint)}</p>
            <div class="field-invalid" role="alert">
                {problem_lines(error, "photo")}
            </div>
            {body}
        </section>
    }
}

#[component]
fn PhotoLine(campaign_id: i64, line: StopLine, editable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let input = format!("photo-{}", line.award_id);
    let status = match line.photo_bytes {
        Some(bytes) => t_string!(i18n, ceremony.photo_present, kb = (bytes + 1023) / 1024).to_string(),
        None => t_string!(i18n, ceremony.photo_absent).to_string(),
    };
    let remove = line.photo_bytes.filter(|_| editable).map(|_| {
        view! {
            <form method="post" action="/api/remove_ceremony_photo" class="inline-form">
                <input type="hidden" name="campaign_id" value=campaign_id />
                <input type="hidden" name="award_id" value=line.award_id />
                <button type="submit" class="button secondary small">
                    {t!(i18n, ceremony.photo_remove)}
                </button>
            </form>
        }
    });
    let upload = editable.then(|| {
        view! {
            <form
                method="post"
                action="/api/upload_ceremony_photo"
                enctype="multipart/form-data"
                class="inline-form"
            >
                // First: the server checks who is calling from it before reading the file.
                <input type="hidden" name="campaign_id" value=campaign_id />
                <input type="hidden" name="award_id" value=line.award_id />
                <div class="field">
                    <label for=input.clone()>{t!(i18n, ceremony.photo_label)}</label>
                    <input type="file" id=input name="photo" accept="image/jpeg,image/png" required />
                </div>
                <button type="submit" class="button secondary">
                    {t!(i18n, ceremony.photo_upload)}
                </button>
            </form>
        }
    });
    view! {
        <div class="photo-line">
            <p>
                <strong>{line.recipient}</strong>
                " · "
                {status}
            </p>
            {upload}
            {remove}
        </div>
    }
}

#[component]
fn OrderChoice(order: Order, current: Order) -> impl IntoView {
    let i18n = use_i18n();
    let (label, hint) = match order {
        Order::LastToFirst => (
            t_string!(i18n, ceremony.order_last_to_first),
            t_string!(i18n, ceremony.order_last_to_first_hint),
        ),
        Order::ByAwardForm => (
            t_string!(i18n, ceremony.order_by_form),
            t_string!(i18n, ceremony.order_by_form_hint),
        ),
    };
    let id = format!("order-{}", order.as_str());
    view! {
        <div class="choice">
            <input type="radio" id=id.clone() name="order" value=order.as_str() checked=order == current />
            <label for=id>{label} <span class="hint">{hint}</span></label>
        </div>
    }
}

#[component]
fn StopChoices(lines: Vec<StopLine>, editable: bool) -> impl IntoView {
    let i18n = use_i18n();
    if lines.is_empty() {
        return view! { <p class="empty">{t!(i18n, ceremony.no_awards)}</p> }.into_any();
    }
    let items = lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let id = format!("stop-{}", line.award_id);
            let detail = match (&line.initiative, line.recipient == line.unit_name) {
                (Some(title), _) => format!("{} — «{title}»", line.unit_name),
                (None, false) => line.unit_name.clone(),
                (None, true) => String::new(),
            };
            view! {
                <div class="choice">
                    <input
                        type="checkbox"
                        id=id.clone()
                        name=format!("stops[{i}]")
                        value=line.award_id.to_string()
                        checked=line.stop
                    />
                    <label for=id>
                        <strong>{line.recipient}</strong>
                        " · "
                        {line.form}
                        " "
                        <span class="badge">
                            {recipient_label(
                                if line.collective { Recipient::Collective } else { Recipient::Individual },
                            )}
                        </span>
                        <span class="hint">{detail}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices" disabled=!editable>
            <legend>{t!(i18n, ceremony.stops_label)}</legend>
            <p class="hint">{t!(i18n, ceremony.stops_hint)}</p>
            {items}
        </fieldset>
    }
    .into_any()
}
