//! The ceremony's console (`/ceremony/{campaign}`), for the council's chair on stage (a phone or
//! a laptop) or an organizer: where the ceremony stands, what the screens show now and what the
//! next step will show (the screens do not know it yet), a large "Tiếp" (or the space bar), back,
//! back to the start, and a jump to any step. Before it starts: the checklist, a rehearsal that
//! moves this console alone, and the start itself behind a confirmation. Every button is a plain
//! form, so the console works without scripts too; with them, it answers in place.
use crate::api::ceremony::{get_ceremony_console, Console, ControlCeremony};
use crate::components::field::FormAlert;
use crate::components::form_error::form_error;
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::domain::ceremony::{ready, Mode, Step};
use crate::domain::ranking::score_text;
use crate::i18n::*;
use crate::pages::admin::campaign::ceremony::{mode_label, Checklist};
use crate::pages::council::CouncilFrame;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CeremonyConsolePage() -> impl IntoView {
    let i18n = use_i18n();
    let campaign = number_param("campaign");
    let action = ServerAction::<ControlCeremony>::new();
    view! {
        <Title text=move || {
            format!("{} · {}", t_string!(i18n, ceremony.console_title), t_string!(i18n, app_name))
        } />
        <CouncilFrame>
            {page_loader(
                campaign,
                get_ceremony_console,
                move |console| view! { <ConsoleView initial=console action /> },
            )}
        </CouncilFrame>
    }
}

/// What one step shows, in a line for the console.
fn step_label(step: &Step) -> String {
    let i18n = use_i18n();
    match step {
        Step::Opening { units } => t_string!(i18n, ceremony.step_opening, count = *units).to_string(),
        Step::Reveal(row) => t_string!(
            i18n,
            ceremony.step_reveal,
            place = row.place,
            unit = row.unit_name.clone(),
            score = score_text(row.score_hundredths)
        )
        .to_string(),
        Step::Card(card) => t_string!(
            i18n,
            ceremony.step_card,
            form = card.form.clone(),
            recipient = card.recipient.clone()
        )
        .to_string(),
        Step::Finale { .. } => t_string!(i18n, ceremony.step_finale).to_string(),
    }
}

#[component]
fn ConsoleView(initial: Console, action: ServerAction<ControlCeremony>) -> impl IntoView {
    let i18n = use_i18n();
    let console = RwSignal::new(initial);
    Effect::new(move |_| {
        if let Some(Ok(fresh)) = action.value().get() {
            console.set(fresh);
        }
    });
    let error = form_error(move || action.value().get().and_then(Result::err));
    #[cfg(feature = "hydrate")]
    space_bar_moves_on(console, action);
    let body = move || {
        let c = console.get();
        match c.mode {
            Mode::Prepared => view! { <NotStarted console=c action /> }.into_any(),
            Mode::Rehearsal | Mode::Live => view! { <Steps console=c action /> }.into_any(),
            Mode::Finished => view! {
                <p class="alert alert-success">{t!(i18n, ceremony.finished)}</p>
                <p>
                    <a href=format!("/results/{}", c.campaign_id)>{t!(i18n, results.link)}</a>
                </p>
            }
            .into_any(),
        }
    };
    let banner = move || {
        let mode = console.with(|c| c.mode);
        let text = match mode {
            Mode::Rehearsal => t_string!(i18n, ceremony.banner_rehearsal).to_string(),
            Mode::Live => t_string!(i18n, ceremony.banner_live).to_string(),
            _ => mode_label(mode),
        };
        view! {
            <p class=format!("console-mode mode-{}", mode.as_str()) role="status">
                {text}
            </p>
        }
    };
    view! {
        <div class="console">
            <p class="console-kicker">{t!(i18n, ceremony.console_title)}</p>
            <h1>{move || console.with(|c| c.title.clone())}</h1>
            {banner}
            <FormAlert error />
            {body}
        </div>
    }
}

/// A button that sends one control to the server (a plain form without scripts).
#[component]
fn Control(
    action: ServerAction<ControlCeremony>,
    campaign_id: i64,
    what: &'static str,
    #[prop(optional)] at: usize,
    #[prop(optional)] to: usize,
    #[prop(into)] label: String,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    view! {
        <ActionForm action attr:class="console-control">
            <input type="hidden" name="campaign_id" value=campaign_id />
            <input type="hidden" name="action" value=what />
            <input type="hidden" name="at" value=at />
            <input type="hidden" name="to" value=to />
            <button
                type="submit"
                class=format!("button {class}")
                disabled=move || disabled || action.pending().get()
            >
                {label}
            </button>
        </ActionForm>
    }
}

#[component]
fn NotStarted(console: Console, action: ServerAction<ControlCeremony>) -> impl IntoView {
    let i18n = use_i18n();
    let id = console.campaign_id;
    let can_start = ready(&console.checks);
    let prepare = console.organizer.then(|| {
        view! {
            <p>
                <a href=format!("/admin/campaigns/{id}/ceremony")>{t!(i18n, ceremony.to_prepare)}</a>
            </p>
        }
    });
    view! {
        <section class="card" aria-labelledby="console-checks">
            <h2 id="console-checks">{t!(i18n, ceremony.checklist_title)}</h2>
            <Checklist campaign_id=id checks=console.checks.clone() links=console.organizer />
            {prepare}
        </section>
        {can_start
            .then(|| {
                view! {
                    <section class="card" aria-labelledby="console-start">
                        <h2 id="console-start">{t!(i18n, ceremony.start_title)}</h2>
                        <p class="hint">{t!(i18n, ceremony.rehearse_hint)}</p>
                        <Control
                            action
                            campaign_id=id
                            what="rehearse"
                            label=t_string!(i18n, ceremony.rehearse)
                            class="secondary"
                        />
                        <StartForm campaign_id=id action />
                    </section>
                }
            })}
    }
}

/// Starting live changes every screen in the hall: it asks for a tick first.
#[component]
fn StartForm(campaign_id: i64, action: ServerAction<ControlCeremony>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ActionForm action attr:class="console-start">
            <input type="hidden" name="campaign_id" value=campaign_id />
            <input type="hidden" name="action" value="start" />
            <div class="choice">
                <input type="checkbox" id="start-confirm" required />
                <label for="start-confirm">{t!(i18n, ceremony.start_confirm)}</label>
            </div>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {t!(i18n, ceremony.start)}
            </button>
        </ActionForm>
    }
}

#[component]
fn Steps(console: Console, action: ServerAction<ControlCeremony>) -> impl IntoView {
    let i18n = use_i18n();
    let (id, at, last) = (console.campaign_id, console.step, console.last_step());
    let now = console.script.get(at).map(step_label).unwrap_or_default();
    let next = console
        .next()
        .map(step_label)
        .unwrap_or_else(|| t_string!(i18n, ceremony.no_next).to_string());
    let options = console
        .script
        .iter()
        .enumerate()
        .map(|(i, step)| {
            view! {
                <option value=i selected=i == (at + 1).min(last)>
                    {format!("{}. {}", i + 1, step_label(step))}
                </option>
            }
        })
        .collect_view();
    let end = match console.mode {
        Mode::Rehearsal => view! {
            <Control
                action
                campaign_id=id
                what="end_rehearsal"
                label=t_string!(i18n, ceremony.end_rehearsal)
                class="secondary"
            />
            <StartForm campaign_id=id action />
        }
        .into_any(),
        _ if at == last => view! {
            <Control
                action
                campaign_id=id
                what="finish"
                label=t_string!(i18n, ceremony.finish)
                class="secondary"
            />
        }
        .into_any(),
        _ => ().into_any(),
    };
    view! {
        <p class="console-count">{t!(i18n, ceremony.step_of, step = at + 1, steps = console.script.len())}</p>
        <section class="console-now" aria-labelledby="console-now">
            <h2 id="console-now">{t!(i18n, ceremony.now_title)}</h2>
            <p>{now}</p>
        </section>
        <section class="console-next" aria-labelledby="console-next">
            <h2 id="console-next">{t!(i18n, ceremony.next_title)}</h2>
            <p>{next}</p>
        </section>
        <Control
            action
            campaign_id=id
            what="move"
            at
            to=(at + 1).min(last)
            label=t_string!(i18n, ceremony.next)
            class="console-go"
            disabled=at == last
        />
        <div class="console-row">
            <Control
                action
                campaign_id=id
                what="move"
                at
                to=at.saturating_sub(1)
                label=t_string!(i18n, ceremony.back)
                class="secondary"
                disabled=at == 0
            />
            <Control
                action
                campaign_id=id
                what="move"
                at
                to=0
                label=t_string!(i18n, ceremony.restart)
                class="secondary"
                disabled=at == 0
            />
        </div>
        <ActionForm action attr:class="console-jump">
            <input type="hidden" name="campaign_id" value=id />
            <input type="hidden" name="action" value="move" />
            <input type="hidden" name="at" value=at />
            <div class="field">
                <label for="jump-to">{t!(i18n, ceremony.jump_label)}</label>
                <select id="jump-to" name="to">
                    {options}
                </select>
            </div>
            <button type="submit" class="button secondary" disabled=move || action.pending().get()>
                {t!(i18n, ceremony.jump)}
            </button>
        </ActionForm>
        {end}
    }
}

/// The space bar is "Tiếp" (except while typing or choosing in a control).
#[cfg(feature = "hydrate")]
fn space_bar_moves_on(console: RwSignal<Console>, action: ServerAction<ControlCeremony>) {
    use wasm_bindgen::JsCast;
    let handle = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() != " " || e.repeat() {
            return;
        }
        let in_control = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON"));
        if in_control {
            return;
        }
        let (mode, at, last, campaign_id) =
            console.with_untracked(|c| (c.mode, c.step, c.last_step(), c.campaign_id));
        if !mode.running() || at >= last || action.pending().get_untracked() {
            return;
        }
        e.prevent_default();
        action.dispatch(ControlCeremony {
            campaign_id,
            action: "move".into(),
            at,
            to: at + 1,
        });
    });
    on_cleanup(move || handle.remove());
}
