//! The council's meeting, recorded by the secretary (or the chair): its date, the members
//! present, and per initiative put to the vote how many agreed. The proposal (rated hoàn thành or
//! better) comes first; a blank count means "not put to the vote". Recognition needs two thirds
//! of those present, shown once saved. One plain form, so it works without scripts.
use super::{points, CouncilFrame};
use crate::api::council_meeting::{council_meeting, MeetingView, RecordCouncilVote, VoteLine};
use crate::components::campaign_labels::{council_role_label, level_label, StateBadge};
use crate::components::field::{Field, FormAlert};
use crate::components::form_error::{form_error, saved_flag, successes, typed_or};
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::components::problem_text::problem_text;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CouncilMeetingPage() -> impl IntoView {
    let campaign = number_param("campaign");
    let action = ServerAction::<RecordCouncilVote>::new();
    let saves = successes(
        move || matches!(action.value().get(), Some(Ok(_))),
        move || action.version().get(),
    );
    view! {
        <CouncilFrame>
            {page_loader(
                move || (campaign(), saves.get()),
                |(c, _)| council_meeting(c),
                move |meeting| view! { <MeetingPageView meeting action /> },
            )}
        </CouncilFrame>
    }
}

#[component]
fn MeetingPageView(meeting: MeetingView, action: ServerAction<RecordCouncilVote>) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let saved = saved_flag(move || action.value().get().map(|r| r.is_ok()), "meeting");
    let title = meeting.title.clone();
    let id = meeting.campaign_id;
    let editable = meeting.editable;
    let held_on = typed_or(
        "held_on",
        meeting.held_on.clone().unwrap_or(meeting.today.clone()),
    );
    let members = meeting
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        name=format!("present[{i}]")
                        value=m.account_id
                        checked=m.present
                        disabled=!editable
                    />
                    {format!("{} ({})", m.name, council_role_label(m.role))}
                </label>
            }
        })
        .collect_view();
    let present_problems = move || error.get().map(|e| e.problems_at("present")).unwrap_or_default();
    let mut index = 0usize;
    let lines = meeting
        .lines
        .iter()
        .cloned()
        .map(|line| {
            let at = (!line.conflicted).then(|| {
                index += 1;
                index - 1
            });
            view! { <VoteRow line at editable error /> }
        })
        .collect_view();
    view! {
        <Title text=move || format!("{} · {}", title, t_string!(i18n, app_name)) />
        <nav class="breadcrumb">
            <a href="/council">{t!(i18n, council.title)}</a>
            " › "
            <a href=format!("/council/{id}")>{meeting.title.clone()}</a>
            " › "
            <a href=format!("/council/{id}/chair")>{t!(i18n, chair.title)}</a>
        </nav>
        <div class="page-head">
            <h1>{t!(i18n, meeting.title)}</h1>
            <StateBadge state=meeting.state />
        </div>
        <p class="lead">{t!(i18n, meeting.lead)}</p>
        {(!editable).then(|| view! { <p class="alert alert-info">{t!(i18n, meeting.locked)}</p> })}
        {move || {
            saved
                .get()
                .then(|| {
                    view! {
                        <p class="alert alert-success" role="status">
                            {t!(i18n, meeting.saved)}
                        </p>
                    }
                })
        }}
        <ActionForm action>
            <FormAlert error />
            <input type="hidden" name="campaign_id" value=id />
            <section class="card form-card">
                <Field label=t_string!(i18n, meeting.held_on).to_string() name="held_on" error>
                    <input
                        id="held_on"
                        name="held_on"
                        inputmode="numeric"
                        placeholder="dd/mm/yyyy"
                        value=held_on
                        disabled=!editable
                        aria-describedby="held_on-msg"
                    />
                </Field>
                <fieldset
                    class="member-fields"
                    id="present"
                    aria-describedby="present-msg"
                    class:field-invalid=move || !present_problems().is_empty()
                >
                    <legend>{t!(i18n, meeting.present)}</legend>
                    {members}
                </fieldset>
                <div id="present-msg" class="field-msg" aria-live="polite">
                    {move || {
                        present_problems()
                            .iter()
                            .map(|p| view! { <p class="problem">{problem_text(p)}</p> })
                            .collect_view()
                    }}
                </div>
            </section>
            <section class="card">
                <h2>{t!(i18n, meeting.votes)}</h2>
                <p class="hint">{t!(i18n, meeting.votes_hint)}</p>
                {if meeting.lines.is_empty() {
                    view! { <p class="empty">{t!(i18n, meeting.empty)}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap">
                            <table class="vote-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{t!(i18n, meeting.col_initiative)}</th>
                                        <th scope="col">{t!(i18n, meeting.col_result)}</th>
                                        <th scope="col">{t!(i18n, meeting.col_agreed)}</th>
                                        <th scope="col">{t!(i18n, meeting.col_outcome)}</th>
                                    </tr>
                                </thead>
                                <tbody>{lines}</tbody>
                            </table>
                        </div>
                    }
                        .into_any()
                }}
            </section>
            {editable
                .then(|| {
                    view! {
                        <button type="submit" class="button big" disabled=action.pending()>
                            {t!(i18n, meeting.save)}
                        </button>
                    }
                })}
        </ActionForm>
    }
}

/// One initiative; `at` is its index in the form (none for a line the viewer is conflicted on).
#[component]
fn VoteRow(
    line: VoteLine,
    at: Option<usize>,
    editable: bool,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(at) = at else {
        return view! {
            <tr class="conflicted">
                <td>
                    <strong>{line.title}</strong>
                    <br />
                    <span class="muted">{line.unit_name}</span>
                </td>
                <td colspan="3">{t!(i18n, meeting.conflicted)}</td>
            </tr>
        }
        .into_any();
    };
    let name = format!("agreed[{at}]");
    let message = format!("agreed-{at}-msg");
    let field = name.clone();
    let problems = Signal::derive(move || error.get().map(|e| e.problems_at(&field)).unwrap_or_default());
    let typed = typed_or(&name, line.agreed.map(|a| a.to_string()).unwrap_or_default());
    let level = line.level.map(level_label).unwrap_or_else(|| "—".into());
    let outcome = match (line.recognised, line.agreed, line.present) {
        (Some(true), Some(a), Some(p)) => {
            t_string!(i18n, meeting.recognised, agreed = a, present = p).to_string()
        }
        (Some(false), Some(a), Some(p)) => {
            t_string!(i18n, meeting.not_recognised, agreed = a, present = p).to_string()
        }
        _ => t_string!(i18n, meeting.not_voted).to_string(),
    };
    let label = t_string!(i18n, meeting.agreed_label, title = line.title.clone()).to_string();
    view! {
        <tr class:proposed=line.proposed>
            <td>
                <strong>{line.title.clone()}</strong>
                <br />
                <span class="muted">{line.unit_name.clone()}</span>
                {line.proposed.then(|| view! { <span class="badge">{t!(i18n, meeting.proposed)}</span> })}
                <input type="hidden" name=format!("initiatives[{at}]") value=line.initiative_id />
            </td>
            <td>{format!("{} · {level}", points(line.score))}</td>
            <td class:field-invalid=move || !problems.get().is_empty()>
                <label for=name.clone() class="sr-only">
                    {label}
                </label>
                <input
                    id=name.clone()
                    name=name
                    class="vote-count"
                    inputmode="numeric"
                    value=typed
                    disabled=!editable
                    aria-describedby=message.clone()
                />
                <div id=message class="field-msg" aria-live="polite">
                    {move || {
                        problems
                            .get()
                            .iter()
                            .map(|p| view! { <p class="problem">{problem_text(p)}</p> })
                            .collect_view()
                    }}
                </div>
            </td>
            <td>{outcome}</td>
        </tr>
    }
    .into_any()
}
