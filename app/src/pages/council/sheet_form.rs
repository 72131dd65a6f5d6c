//! A member's score sheet. Per criterion a score in half points, typed (number keys, a comma or
//! a dot) or tapped (0…max buttons, shown with scripts on); a comment per criterion and an
//! overall one; the total follows the typing. "Lưu & tiếp" submits and opens the next
//! initiative, "Bỏ qua" skips, "Không chấm" abstains with a reason. With scripts on, what is
//! typed is kept in this browser at once and saved to the server as a draft a moment later, so
//! a reload, a closed tab or a lost connection loses nothing; the version it was typed on goes
//! with every save, so another tab's save is never silently overwritten.
use crate::api::council_desk::{save_score_sheet, DeclareConflict, DeskInitiative, SaveScoreSheet};
use crate::components::field::FormAlert;
use crate::components::form_error::form_error;
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::score_sheet::{format_half_points, parse_half_points};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::unit::initiative_parts::problems_of;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use serde::{Deserialize, Serialize};

/// What is kept in the browser while a sheet is typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Kept {
    version: i32,
    points: Vec<String>,
    comments: Vec<String>,
    overall: String,
}

fn storage_key(campaign_id: i64, initiative_id: i64) -> String {
    format!("thidua.sheet.{campaign_id}.{initiative_id}")
}

fn storage() -> Option<leptos::web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn store_kept(key: &str, kept: &Kept) {
    if let (Some(store), Ok(json)) = (storage(), serde_json::to_string(kept)) {
        let _ = store.set_item(key, &json);
    }
}

fn read_kept(key: &str) -> Option<Kept> {
    crate::wire::codec::from_json(&storage()?.get_item(key).ok()??).ok()
}

#[derive(Clone, Copy)]
struct Typed {
    points: StoredValue<Vec<RwSignal<String>>>,
    comments: StoredValue<Vec<RwSignal<String>>>,
    overall: RwSignal<String>,
}

impl Typed {
    fn kept(&self, version: i32) -> Kept {
        Kept {
            version,
            points: self
                .points
                .with_value(|p| p.iter().map(|s| s.get_untracked()).collect()),
            comments: self
                .comments
                .with_value(|c| c.iter().map(|s| s.get_untracked()).collect()),
            overall: self.overall.get_untracked(),
        }
    }

    fn restore(&self, kept: &Kept) {
        self.points
            .with_value(|p| p.iter().zip(&kept.points).for_each(|(s, v)| s.set(v.clone())));
        self.comments
            .with_value(|c| c.iter().zip(&kept.comments).for_each(|(s, v)| s.set(v.clone())));
        self.overall.set(kept.overall.clone());
    }
}

#[component]
pub fn SheetForm(desk: DeskInitiative) -> impl IntoView {
    let i18n = use_i18n();
    let sheet = desk.sheet.clone().unwrap_or_default();
    let start = |list: &[String], i: usize| list.get(i).cloned().unwrap_or_default();
    let stored_points: Vec<String> = sheet
        .points
        .iter()
        .map(|p| p.map(format_half_points).unwrap_or_default())
        .collect();
    let typed = Typed {
        points: StoredValue::new(
            (0..desk.criteria.len())
                .map(|i| RwSignal::new(start(&stored_points, i)))
                .collect(),
        ),
        comments: StoredValue::new(
            (0..desk.criteria.len())
                .map(|i| RwSignal::new(start(&sheet.comments, i)))
                .collect(),
        ),
        overall: RwSignal::new(sheet.overall.clone()),
    };
    let version = RwSignal::new(desk.version);
    let action = ServerAction::<SaveScoreSheet>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let key = StoredValue::new(storage_key(desk.campaign_id, desk.content.id));
    let kept_note = RwSignal::new(None::<String>);
    let restored = RwSignal::new(false);
    let (campaign_id, initiative_id) = (desk.campaign_id, desk.content.id);

    // Once hydrated: bring back what this browser kept for this version of the sheet.
    Effect::new(move |_| {
        if let Some(kept) = key.with_value(|k| read_kept(k)) {
            if kept.version == version.get_untracked() && kept != typed.kept(kept.version) {
                typed.restore(&kept);
                restored.set(true);
            }
        }
    });
    // Every change is kept here at once and saved to the server as a draft after a pause.
    let pending_draft = StoredValue::new(0u32);
    let keep = move || {
        key.with_value(|k| store_kept(k, &typed.kept(version.get_untracked())));
        pending_draft.update_value(|n| *n += 1);
        let ticket = pending_draft.get_value();
        set_timeout(
            move || {
                // Gone (the next initiative opened), typed on since, or being decided: no draft.
                if pending_draft.try_get_value() != Some(ticket)
                    || action.pending().try_get_untracked() != Some(false)
                {
                    return;
                }
                let kept = typed.kept(version.get_untracked());
                leptos::task::spawn_local(async move {
                    let saved = save_score_sheet(
                        campaign_id,
                        initiative_id,
                        "draft".into(),
                        kept.version,
                        kept.points,
                        kept.comments,
                        kept.overall,
                        String::new(),
                    )
                    .await;
                    if pending_draft.try_get_value().is_none() {
                        return;
                    }
                    match saved {
                        Ok(s) => {
                            version.set(s.version);
                            // The browser's copy now stands on the server's new version.
                            key.with_value(|k| store_kept(k, &typed.kept(s.version)));
                            kept_note.set(Some(t_string!(i18n, desk.draft_saved).to_string()));
                        }
                        Err(AppError::Invalid(_)) => {}
                        Err(_) => kept_note.set(Some(t_string!(i18n, desk.kept_here).to_string())),
                    }
                });
            },
            std::time::Duration::from_secs(3),
        );
    };
    // After a decision, the browser's copy goes and the next initiative (or the queue) opens.
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(saved)) = action.value().get() {
            let decided = action
                .input()
                .with_untracked(|i| i.as_ref().map(|i| i.action.clone()));
            version.set(saved.version);
            if decided.as_deref() != Some("draft") {
                if let Some(store) = storage() {
                    let _ = key.with_value(|k| store.remove_item(k));
                }
                let to = match saved.next {
                    Some(next) => format!("/council/{campaign_id}/initiatives/{next}"),
                    None => format!("/council/{campaign_id}"),
                };
                navigate(&to, Default::default());
            }
        }
    });

    if desk.state != CampaignState::Evaluating {
        return view! { <p class="alert alert-info">{t!(i18n, desk.not_scoring)}</p> }.into_any();
    }
    let max_total: i32 = desk.criteria.iter().map(|c| c.max_points).sum();
    let maxima: Vec<i32> = desk.criteria.iter().map(|c| c.max_points).collect();
    let total = move || {
        typed.points.with_value(|p| {
            let mut halves = 0u32;
            let mut blank = 0usize;
            for (s, max) in p.iter().zip(&maxima) {
                match parse_half_points(&s.get(), *max) {
                    Ok(h) => halves += h,
                    Err(_) => blank += 1,
                }
            }
            (halves, blank)
        })
    };
    let criteria = desk
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let points = typed.points.with_value(|p| p[i]);
            let comment = typed.comments.with_value(|c| c[i]);
            view! { <CriterionInput i name=c.name.clone() max=c.max_points points comment error keep /> }
        })
        .collect_view();
    let abstain_reason = sheet.reason.clone();
    // One form, several decisions: the button pressed names it.
    let decide = move |value: &'static str, class: &'static str, label: String| {
        view! {
            <button type="submit" name="action" value=value class=class disabled=action.pending()>
                {label}
            </button>
        }
    };
    view! {
        <section class="card sheet">
            <h2>{t!(i18n, desk.sheet_title)}</h2>
            {move || {
                restored.get().then(|| view! { <p class="alert alert-info">{t!(i18n, desk.restored)}</p> })
            }}
            <ActionForm action attr:class="sheet-form">
                <FormAlert error />
                <input type="hidden" name="campaign_id" value=campaign_id />
                <input type="hidden" name="initiative_id" value=initiative_id />
                <input
                    type="hidden"
                    name="version"
                    value=desk.version
                    prop:value=move || version.get().to_string()
                />
                {criteria}
                <div class="field">
                    <label for="overall">{t!(i18n, desk.overall)}</label>
                    <textarea
                        id="overall"
                        name="overall"
                        rows="3"
                        prop:value=move || typed.overall.get()
                        on:input=move |ev| {
                            typed.overall.set(event_target_value(&ev));
                            keep();
                        }
                    >
                        {sheet.overall.clone()}
                    </textarea>
                </div>
                <p class="sheet-total" aria-live="polite">
                    {move || {
                        let (halves, blank) = total();
                        let sum = format_half_points(halves);
                        if blank == 0 {
                            t_string!(i18n, desk.total_line, total = sum, max = max_total).to_string()
                        } else {
                            t_string!(i18n, desk.total_partial, total = sum, max = max_total, left = blank)
                                .to_string()
                        }
                    }}
                </p>
                <div class="sheet-actions">
                    {decide("submit", "button big", t_string!(i18n, desk.submit_next).to_string())}
                    {decide("draft", "button secondary", t_string!(i18n, desk.save_draft).to_string())}
                    {decide("skip", "button secondary", t_string!(i18n, desk.skip).to_string())}
                </div>
                <p class="hint">{t!(i18n, desk.final_hint)}</p>
                {move || {
                    kept_note
                        .get()
                        .map(|n| {
                            view! {
                                <p class="hint" role="status">
                                    {n}
                                </p>
                            }
                        })
                }}
                <details class="abstain">
                    <summary>{t!(i18n, desk.abstain_open)}</summary>
                    <div class="field">
                        <label for="reason">{t!(i18n, desk.abstain_reason)}</label>
                        <textarea id="reason" name="reason" rows="2" aria-describedby="reason-msg">
                            {abstain_reason}
                        </textarea>
                        {field_msg(error, "reason".to_owned())}
                    </div>
                    {decide("abstain", "button secondary", t_string!(i18n, desk.abstain).to_string())}
                </details>
            </ActionForm>
            <DeclareForm campaign_id initiative_id />
        </section>
    }
    .into_any()
}

/// The problems of one field, in the element its input names in `aria-describedby`.
fn field_msg(error: Signal<Option<AppError>>, field: String) -> impl IntoView {
    let id = format!("{field}-msg");
    view! {
        <div id=id class="field-msg" aria-live="polite">
            {problems_of(error, field)}
        </div>
    }
}

#[component]
fn CriterionInput(
    i: usize,
    name: String,
    max: i32,
    points: RwSignal<String>,
    comment: RwSignal<String>,
    error: Signal<Option<AppError>>,
    keep: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let field = format!("points[{i}]");
    let comment_field = format!("comments[{i}]");
    let invalid = {
        let field = field.clone();
        move || {
            error
                .get()
                .is_some_and(|e| !e.problems_at(&field).is_empty())
                .to_string()
        }
    };
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    // Tapping suits criteria of up to 20 points; larger ones are typed.
    let taps = move || {
        (max <= 20 && hydrated.get()).then(|| {
            let buttons = (0..=max)
                .map(|n| {
                    let value = n.to_string();
                    let shown = value.clone();
                    view! {
                        <button
                            type="button"
                            class="tap"
                            class:tap-on=move || points.get() == value
                            tabindex="-1"
                            on:click=move |_| {
                                points.set(shown.clone());
                                keep();
                            }
                        >
                            {n}
                        </button>
                    }
                })
                .collect_view();
            view! {
                <div class="score-taps" aria-hidden="true">
                    {buttons}
                </div>
            }
        })
    };
    let half = move |_| {
        let now = points.get_untracked();
        let whole = now.split([',', '.']).next().unwrap_or("0").trim().to_owned();
        let whole = if whole.is_empty() { "0".to_owned() } else { whole };
        points.set(if now.contains([',', '.']) {
            whole
        } else {
            format!("{whole},5")
        });
        keep();
    };
    view! {
        <fieldset class="criterion">
            <legend>{format!("{}. {name}", i + 1)}</legend>
            <div class="score-row">
                <label for=field.clone()>{t_string!(i18n, desk.points_label, max = max)}</label>
                <input
                    id=field.clone()
                    name=field.clone()
                    class="score-input"
                    inputmode="decimal"
                    autocomplete="off"
                    size="4"
                    value=points.get_untracked()
                    prop:value=move || points.get()
                    aria-invalid=invalid
                    aria-describedby=format!("{field}-msg")
                    on:input=move |ev| {
                        points.set(event_target_value(&ev));
                        keep();
                    }
                />
                <Show when=move || hydrated.get()>
                    <button type="button" class="tap half" tabindex="-1" aria-hidden="true" on:click=half>
                        "½"
                    </button>
                </Show>
            </div>
            {taps}
            {field_msg(error, field.clone())}
            <label class="comment-label" for=comment_field.clone()>
                {t!(i18n, desk.comment)}
            </label>
            <textarea
                id=comment_field.clone()
                name=comment_field.clone()
                rows="2"
                prop:value=move || comment.get()
                aria-describedby=format!("{comment_field}-msg")
                on:input=move |ev| {
                    comment.set(event_target_value(&ev));
                    keep();
                }
            >
                {comment.get_untracked()}
            </textarea>
            {field_msg(error, comment_field)}
        </fieldset>
    }
}

/// "Khai xung đột lợi ích": one reason, one tap, and the initiative leaves his queue.
#[component]
fn DeclareForm(campaign_id: i64, initiative_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<DeclareConflict>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let navigate = use_navigate();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            navigate(&format!("/council/{campaign_id}"), Default::default());
        }
    });
    view! {
        <details class="declare">
            <summary>{t!(i18n, desk.declare_open)}</summary>
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="campaign_id" value=campaign_id />
                <input type="hidden" name="initiative_id" value=initiative_id />
                <div class="field">
                    <label for="conflict_reason">{t!(i18n, desk.declare_reason)}</label>
                    <textarea
                        id="conflict_reason"
                        name="conflict_reason"
                        rows="2"
                        aria-describedby="conflict_reason-msg"
                    ></textarea>
                    {field_msg(error, "conflict_reason".to_owned())}
                </div>
                <button type="submit" class="button secondary" disabled=action.pending()>
                    {t!(i18n, desk.declare)}
                </button>
            </ActionForm>
        </details>
    }
}
