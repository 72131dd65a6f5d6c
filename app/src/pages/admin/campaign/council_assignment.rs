//! Who scores which initiative: the mode (everyone, or N members per initiative spread evenly),
//! each member's load, and every initiative with its members, the short ones first. When
//! spreading, the organizer spreads what is missing, starts afresh (confirmed first), and gives
//! or takes back one initiative at a time. Every change is a small form that works without
//! scripts.
use crate::api::council_assignment::{
    council_assignment, AssignmentView, InitiativeCover, SaveAssignmentMode, SetAssignment, SpreadAssignment,
    SHOWN_MAX,
};
use crate::components::campaign_tabs::CampaignHead;
use crate::components::field::{invalid, Field, FormAlert};
use crate::components::form_error::{form_error, successes, typed_or};
use crate::components::id_param::id_param;
use crate::components::page_loader::page_loader;
use crate::domain::council::assignment::{Assignment, DEFAULT_PER_INITIATIVE};
use crate::i18n::*;
use leptos::prelude::*;

#[derive(Clone, Copy)]
struct Actions {
    mode: ServerAction<SaveAssignmentMode>,
    spread: ServerAction<SpreadAssignment>,
    pair: ServerAction<SetAssignment>,
}

#[component]
pub fn CouncilAssignmentPage() -> impl IntoView {
    let id = id_param();
    let actions = Actions {
        mode: ServerAction::new(),
        spread: ServerAction::new(),
        pair: ServerAction::new(),
    };
    let ok = |v: &Option<Result<(), _>>| matches!(v, Some(Ok(_)));
    let saves = successes(
        move || {
            actions.mode.value().with(ok) || actions.spread.value().with(ok) || actions.pair.value().with(ok)
        },
        move || actions.mode.version().get() + actions.spread.version().get() + actions.pair.version().get(),
    );
    page_loader(
        move || (id(), saves.get()),
        |(id, _)| council_assignment(id),
        move |view| view! { <AssignmentPageView view actions /> },
    )
}

#[component]
fn AssignmentPageView(view: AssignmentView, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let spreading = matches!(view.assignment, Assignment::Spread { .. });
    let id = view.campaign_id;
    let pair_error = form_error(move || actions.pair.value().get().and_then(Result::err));
    let loads = view
        .members
        .iter()
        .map(|m| {
            view! {
                <li>
                    <strong>{m.name.clone()}</strong>
                    {format!(": {}", t_string!(i18n, assignment_page.load, count = m.load))}
                </li>
            }
        })
        .collect_view();
    let summary = t_string!(
        i18n,
        assignment_page.summary,
        total = view.total,
        short = view.short
    )
    .to_string();
    let editable = spreading && view.pairs_editable;
    let status_class = if view.short > 0 {
        "alert alert-warning"
    } else {
        "muted"
    };
    let rows = view
        .initiatives
        .iter()
        .cloned()
        .map(|cover| view! { <CoverRow campaign_id=id cover editable action=actions.pair /> })
        .collect_view();
    view! {
        <CampaignHead id=id title=view.title.clone() state=view.state active="council" />
        <p>
            <a href=format!("/admin/campaigns/{id}/council")>{t!(i18n, assignment_page.back)}</a>
        </p>
        <ModeForm view=view.clone() action=actions.mode />
        {(spreading && view.pairs_editable)
            .then(|| view! { <SpreadForms campaign_id=id action=actions.spread /> })}
        <section class="card">
            <h2>{t!(i18n, assignment_page.loads_title)}</h2>
            {if view.members.is_empty() {
                view! { <p class="empty">{t!(i18n, assignment_page.no_members)}</p> }.into_any()
            } else {
                view! { <ul class="assignment-loads">{loads}</ul> }.into_any()
            }}
        </section>
        <section class="card">
            <h2>{t!(i18n, assignment_page.cover_title)}</h2>
            <p role="status" class=status_class>
                {summary}
            </p>
            {(view.total > SHOWN_MAX)
                .then(|| {
                    view! { <p class="muted">{t_string!(i18n, assignment_page.shown, max = SHOWN_MAX)}</p> }
                })}
            <FormAlert error=pair_error />
            {if view.initiatives.is_empty() {
                view! { <p class="empty">{t!(i18n, assignment_page.no_initiatives)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="assignment-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, assignment_page.col_initiative)}</th>
                                    <th scope="col">{t!(i18n, assignment_page.col_members)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn ModeForm(view: AssignmentView, action: ServerAction<SaveAssignmentMode>) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let per = match view.assignment {
        Assignment::Spread { per_initiative } => per_initiative,
        Assignment::All => DEFAULT_PER_INITIATIVE,
    };
    let spreading = matches!(view.assignment, Assignment::Spread { .. });
    let locked = !view.mode_editable;
    view! {
        <section class="card form-card">
            <h2>{t!(i18n, assignment_page.mode_title)}</h2>
            {locked
                .then(|| view! { <p class="alert alert-info">{t!(i18n, assignment_page.mode_locked)}</p> })}
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="id" value=view.campaign_id />
                <fieldset>
                    <legend>{t!(i18n, assignment_page.mode_legend)}</legend>
                    <label class="check">
                        <input type="radio" name="mode" value="all" checked=!spreading disabled=locked />
                        {t!(i18n, assignment_page.mode_all)}
                    </label>
                    <label class="check">
                        <input type="radio" name="mode" value="spread" checked=spreading disabled=locked />
                        {t!(i18n, assignment_page.mode_spread)}
                    </label>
                </fieldset>
                <Field
                    label=t_string!(i18n, assignment_page.per_label).to_string()
                    name="per_initiative"
                    hint=t_string!(i18n, assignment_page.per_hint).to_string()
                    error
                >
                    <input
                        id="per_initiative"
                        name="per_initiative"
                        inputmode="numeric"
                        value=typed_or("per_initiative", per.to_string())
                        disabled=locked
                        aria-describedby="per_initiative-msg"
                        aria-invalid=invalid(error, "per_initiative")
                    />
                </Field>
                {(!locked)
                    .then(|| {
                        view! {
                            <button type="submit" class="button" disabled=action.pending()>
                                {t!(i18n, assignment_page.save_mode)}
                            </button>
                        }
                    })}
            </ActionForm>
        </section>
    }
}

#[component]
fn SpreadForms(campaign_id: i64, action: ServerAction<SpreadAssignment>) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(move || action.value().get().and_then(Result::err));
    view! {
        <section class="card form-card">
            <h2>{t!(i18n, assignment_page.spread_title)}</h2>
            <p>{t!(i18n, assignment_page.spread_lead)}</p>
            <FormAlert error />
            <div class="actions">
                <ActionForm action>
                    <input type="hidden" name="id" value=campaign_id />
                    <button type="submit" class="button" disabled=action.pending()>
                        {t!(i18n, assignment_page.spread_missing)}
                    </button>
                </ActionForm>
                <details class="confirm">
                    <summary class="button secondary">{t!(i18n, assignment_page.spread_afresh)}</summary>
                    <ActionForm action>
                        <input type="hidden" name="id" value=campaign_id />
                        <input type="hidden" name="afresh" value="true" />
                        <p>{t!(i18n, assignment_page.afresh_confirm)}</p>
                        <button type="submit" class="button danger" disabled=action.pending()>
                            {t!(i18n, assignment_page.spread_afresh)}
                        </button>
                    </ActionForm>
                </details>
            </div>
        </section>
    }
}

#[component]
fn CoverRow(
    campaign_id: i64,
    cover: InitiativeCover,
    editable: bool,
    action: ServerAction<SetAssignment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let initiative_id = cover.id;
    let members = cover
        .assigned
        .clone()
        .into_iter()
        .map(|m| {
            let note = if m.recused {
                Some(t_string!(i18n, assignment_page.recused).to_string())
            } else if m.decided {
                Some(t_string!(i18n, assignment_page.decided).to_string())
            } else {
                None
            };
            let removable = editable && !m.decided;
            let remove_label = t_string!(i18n, assignment_page.remove, name = m.name.clone()).to_string();
            view! {
                <li class:recused=m
                    .recused>
                    {m.name.clone()} {note.map(|n| view! { <span class="muted">{format!(" ({n})")}</span> })}
                    {removable
                        .then(|| {
                            view! {
                                <ActionForm action attr:class="inline-form">
                                    <input type="hidden" name="id" value=campaign_id />
                                    <input type="hidden" name="initiative_id" value=initiative_id />
                                    <input type="hidden" name="account_id" value=m.account_id />
                                    <button
                                        type="submit"
                                        class="button small secondary"
                                        aria-label=remove_label.clone()
                                        title=remove_label
                                    >
                                        "×"
                                    </button>
                                </ActionForm>
                            }
                        })}
                </li>
            }
        })
        .collect_view();
    let add_id = format!("add-{initiative_id}");
    let add_label = t_string!(i18n, assignment_page.add_label, title = cover.title.clone()).to_string();
    let add = (editable && !cover.addable.is_empty()).then(|| {
        let options = cover
            .addable
            .iter()
            .map(|(account, name)| view! { <option value=*account>{name.clone()}</option> })
            .collect_view();
        view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="id" value=campaign_id />
                <input type="hidden" name="initiative_id" value=initiative_id />
                <input type="hidden" name="assigned" value="true" />
                <label for=add_id.clone() class="sr-only">
                    {add_label}
                </label>
                <select id=add_id name="account_id">
                    {options}
                </select>
                <button type="submit" class="button small">
                    {t!(i18n, assignment_page.add)}
                </button>
            </ActionForm>
        }
    });
    let coverage = t_string!(i18n, assignment_page.expected, count = cover.expected).to_string();
    let coverage_class = if cover.short { "coverage short" } else { "coverage" };
    view! {
        <tr class:short=cover.short>
            <td>
                <strong>{cover.title.clone()}</strong>
                <br />
                <span class="muted">{format!("{} · {}", cover.unit_name, cover.field_name)}</span>
            </td>
            <td>
                <p class=coverage_class>{coverage}</p>
                <ul class="assigned-members">{members}</ul>
                {add}
            </td>
        </tr>
    }
}
