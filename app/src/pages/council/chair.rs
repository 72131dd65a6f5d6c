//! The chair's desk: initiatives × members with each final score, its coverage and flags,
//! sortable; per initiative the chair's decisions (reopen a member's sheet, override the score
//! or the level with a reason, mark exemplary); and publishing the results. Rows the viewer is
//! conflicted on show only "xung đột".
use super::{points, CouncilFrame};
use crate::api::council_chair::{
    chair_matrix, ChairDesk, MatrixCell, MatrixRow, OverrideResult, PublishResults, ReopenScore, SetExemplary,
};
use crate::components::campaign_labels::{level_label, StateBadge};
use crate::components::export_links::ExportLinks;
use crate::components::field::{invalid, problem_lines, FormAlert};
use crate::components::form_error::{form_error, successes};
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::decision::Level;
use crate::domain::council::role::CouncilRole;
use crate::domain::council::score_sheet::format_half_points;
use crate::error::AppError;
use crate::i18n::*;
use crate::wire::exports::ExportTable;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[derive(Clone, Copy)]
struct Actions {
    reopen: ServerAction<ReopenScore>,
    change: ServerAction<OverrideResult>,
    exemplary: ServerAction<SetExemplary>,
    publish: ServerAction<PublishResults>,
}

#[component]
pub fn CouncilChairPage() -> impl IntoView {
    let campaign = number_param("campaign");
    let query = use_query_map();
    let sort = move || query.read().get("sort").unwrap_or_default();
    let actions = Actions {
        reopen: ServerAction::new(),
        change: ServerAction::new(),
        exemplary: ServerAction::new(),
        publish: ServerAction::new(),
    };
    let ok = |v: &Option<Result<(), _>>| matches!(v, Some(Ok(_)));
    let saves = successes(
        move || {
            actions.reopen.value().with(ok)
                || actions.change.value().with(ok)
                || actions.exemplary.value().with(ok)
                || actions.publish.value().with(ok)
        },
        move || {
            actions.reopen.version().get()
                + actions.change.version().get()
                + actions.exemplary.version().get()
                + actions.publish.version().get()
        },
    );
    view! {
        <CouncilFrame>
            {page_loader(
                move || (campaign(), sort(), saves.get()),
                |(c, sort, _)| chair_matrix(c, sort),
                move |desk| view! { <ChairView desk actions /> },
            )}
        </CouncilFrame>
    }
}

#[component]
fn ChairView(desk: ChairDesk, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let sort = use_query_map().read_untracked().get("sort").unwrap_or_default();
    let errors = [
        form_error(move || actions.reopen.value().get().and_then(Result::err)),
        form_error(move || actions.change.value().get().and_then(Result::err)),
        form_error(move || actions.exemplary.value().get().and_then(Result::err)),
    ];
    let title = desk.title.clone();
    let heading = match desk.role {
        CouncilRole::Secretary => t_string!(i18n, chair.title_secretary),
        _ => t_string!(i18n, chair.title),
    };
    let base = format!("/council/{}/chair", desk.campaign_id);
    let sorts = [
        ("", t_string!(i18n, chair.sort_default)),
        ("score", t_string!(i18n, chair.sort_score)),
        ("coverage", t_string!(i18n, chair.sort_coverage)),
        ("disagreement", t_string!(i18n, chair.sort_disagreement)),
    ]
    .into_iter()
    .map(|(key, label)| {
        let href = if key.is_empty() {
            base.clone()
        } else {
            format!("{base}?sort={key}")
        };
        let current = (key == sort).then_some("true");
        view! {
            <a class="button small secondary" href=href aria-current=current>
                {label}
            </a>
        }
    })
    .collect_view();
    let head = desk
        .members
        .iter()
        .map(|m| {
            view! {
                <th scope="col" class="member-col">
                    {m.name.clone()}
                </th>
            }
        })
        .collect_view();
    let editable = desk.state == CampaignState::Evaluating;
    let rows = desk
        .rows
        .iter()
        .cloned()
        .map(|row| view! { <ChairRow desk=desk.clone() row editable actions /> })
        .collect_view();
    let publish = (desk.role == CouncilRole::Chair && editable)
        .then(|| view! { <PublishForm desk=desk.clone() action=actions.publish /> });
    view! {
        <Title text=move || format!("{} · {}", title, t_string!(i18n, app_name)) />
        <nav class="breadcrumb">
            <a href="/council">{t!(i18n, council.title)}</a>
            " › "
            <a href=format!("/council/{}", desk.campaign_id)>{desk.title.clone()}</a>
        </nav>
        <div class="page-head">
            <h1>{heading}</h1>
            <StateBadge state=desk.state />
        </div>
        <p class="lead">{t!(i18n, chair.lead)}</p>
        {desk
            .results_held
            .then(|| {
                view! {
                    <p class="alert alert-info">{t!(i18n, chair.published_held)}</p>
                    <p>
                        <a class="button" href=format!("/ceremony/{}", desk.campaign_id)>
                            {t!(i18n, ceremony.console_title)}
                        </a>
                    </p>
                }
            })}
        <p>
            <a class="button secondary" href=format!("/council/{}/meeting", desk.campaign_id)>
                {t!(i18n, chair.meeting_link)}
            </a>
        </p>
        {(desk.role == CouncilRole::Chair)
            .then(|| {
                view! {
                    <ExportLinks
                        table=ExportTable::MemberScores
                        campaign=desk.campaign_id
                        label=t_string!(i18n, export.member_scores_link)
                    />
                }
            })}
        {errors.map(|error| view! { <FormAlert error /> })}
        <nav class="sort-links" aria-label=move || t_string!(i18n, chair.sort)>
            <span>{t!(i18n, chair.sort)}</span>
            {sorts}
        </nav>
        <div class="table-scroll card">
            <table class="chair-matrix">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, chair.col_initiative)}</th>
                        {head}
                        <th scope="col">{t!(i18n, chair.col_final)}</th>
                        <th scope="col">
                            <abbr title=move || {
                                t_string!(i18n, chair.col_normalised_hint)
                            }>{t!(i18n, chair.col_normalised)}</abbr>
                        </th>
                        <th scope="col">{t!(i18n, chair.col_coverage)}</th>
                        <th scope="col">{t!(i18n, chair.col_level)}</th>
                        <th scope="col">{t!(i18n, chair.actions)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {publish}
    }
}

#[component]
fn ChairRow(desk: ChairDesk, row: MatrixRow, editable: bool, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let name_cell = view! {
        <th scope="row">
            <span class="matrix-title">{row.title.clone()}</span>
            <span class="queue-meta">{row.unit_name.clone()}</span>
        </th>
    };
    if row.conflicted {
        let span = desk.members.len() + 5;
        return view! { <tr class="row-conflicted">{name_cell} <td colspan=span>{t!(i18n, chair.conflicted)}</td></tr> }
        .into_any();
    }
    let cells = row
        .cells
        .iter()
        .map(|c| {
            let (text, class) = match c {
                MatrixCell::Scored(total) => (format_half_points(*total), "cell-scored"),
                MatrixCell::Pending => (t_string!(i18n, chair.cell_pending).to_string(), "cell-pending"),
                MatrixCell::Abstained => (t_string!(i18n, chair.cell_abstained).to_string(), "cell-muted"),
                MatrixCell::Recused => (t_string!(i18n, chair.cell_recused).to_string(), "cell-muted"),
                MatrixCell::NotAssigned => {
                    (t_string!(i18n, chair.cell_not_assigned).to_string(), "cell-muted")
                }
            };
            view! { <td class=class>{text}</td> }
        })
        .collect_view();
    let overridden = row.override_score.is_some() || row.override_level.is_some();
    let flags = view! {
        {row.below_quorum.then(|| view! { <span class="flag warn">{t!(i18n, chair.below_quorum)}</span> })}
        {row.disagreement.then(|| view! { <span class="flag">{t!(i18n, chair.disagreement)}</span> })}
    };
    let level = row.final_level().map(level_label).unwrap_or_else(|| "—".into());
    let decide = editable.then(|| view! { <RowActions desk=desk.clone() row=row.clone() actions /> });
    view! {
        <tr>
            {name_cell} {cells} <td class="final-score">
                <strong>{points(row.final_score())}</strong>
                {overridden
                    .then(|| {
                        view! {
                            <span class="hint">
                                {t!(i18n, chair.overridden, reason = row.override_reason.clone())}
                            </span>
                        }
                    })}
            </td> <td class="normalised">{points(row.normalised)}</td>
            <td>{format!("{}/{}", row.scored, row.expected)} {flags}</td>
            <td>
                {level}
                {row.exemplary.then(|| view! { <span class="badge ok">{t!(i18n, chair.exemplary)}</span> })}
            </td> <td>{decide}</td>
        </tr>
    }
    .into_any()
}

#[component]
fn RowActions(desk: ChairDesk, row: MatrixRow, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let id = row.initiative_id;
    let scored: Vec<(i64, String)> = desk
        .members
        .iter()
        .zip(&row.cells)
        .filter(|(_, c)| matches!(c, MatrixCell::Scored(_)))
        .map(|(m, _)| (m.account_id, m.name.clone()))
        .collect();
    let reopen = (!scored.is_empty()).then(|| {
        let options = scored
            .into_iter()
            .map(|(a, n)| view! { <option value=a>{n}</option> })
            .collect_view();
        view! {
            <ActionForm action=actions.reopen>
                <input type="hidden" name="campaign_id" value=desk.campaign_id />
                <input type="hidden" name="initiative_id" value=id />
                <fieldset class="chair-form">
                    <legend>{t!(i18n, chair.reopen_title)}</legend>
                    <label for=format!("reopen-{id}")>{t!(i18n, chair.reopen_member)}</label>
                    <select id=format!("reopen-{id}") name="account_id">
                        {options}
                    </select>
                    <label for=format!("reopen-reason-{id}")>{t!(i18n, chair.reason)}</label>
                    <input id=format!("reopen-reason-{id}") name="reason" />
                    <button type="submit" class="button small secondary">
                        {t!(i18n, chair.reopen)}
                    </button>
                </fieldset>
            </ActionForm>
        }
    });
    let level_options = [Level::Excellent, Level::Good, Level::Pass, Level::Fail]
        .into_iter()
        .map(|l| {
            view! {
                <option value=l.as_str() selected=row.override_level == Some(l)>
                    {level_label(l)}
                </option>
            }
        })
        .collect_view();
    let typed_score = row.override_score.map(|s| points(Some(s))).unwrap_or_default();
    view! {
        <details class="chair-actions">
            <summary>{t!(i18n, chair.actions)}</summary>
            {reopen}
            <ActionForm action=actions.change>
                <input type="hidden" name="campaign_id" value=desk.campaign_id />
                <input type="hidden" name="initiative_id" value=id />
                <fieldset class="chair-form">
                    <legend>{t!(i18n, chair.override_title)}</legend>
                    <label for=format!("override-score-{id}")>{t!(i18n, chair.override_score)}</label>
                    <input
                        id=format!("override-score-{id}")
                        name="override_score"
                        inputmode="decimal"
                        value=typed_score
                    />
                    <label for=format!("override-level-{id}")>{t!(i18n, chair.override_level)}</label>
                    <select id=format!("override-level-{id}") name="override_level">
                        <option value="" selected=row.override_level.is_none()>
                            {t!(i18n, chair.level_computed)}
                        </option>
                        {level_options}
                    </select>
                    <label for=format!("override-reason-{id}")>{t!(i18n, chair.reason)}</label>
                    <input
                        id=format!("override-reason-{id}")
                        name="reason"
                        value=row.override_reason.clone()
                    />
                    <button type="submit" class="button small secondary">
                        {t!(i18n, chair.save_override)}
                    </button>
                </fieldset>
            </ActionForm>
            <ActionForm action=actions.exemplary>
                <input type="hidden" name="campaign_id" value=desk.campaign_id />
                <input type="hidden" name="initiative_id" value=id />
                <input type="hidden" name="exemplary" value=(!row.exemplary).to_string() />
                <button type="submit" class="button small secondary">
                    {if row.exemplary {
                        t_string!(i18n, chair.unmark_exemplary)
                    } else {
                        t_string!(i18n, chair.mark_exemplary)
                    }}
                </button>
            </ActionForm>
        </details>
    }
}

#[component]
fn PublishForm(desk: ChairDesk, action: ServerAction<PublishResults>) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let below: Vec<MatrixRow> = desk
        .rows
        .iter()
        .filter(|r| !r.conflicted && r.below_quorum && r.override_score.is_none())
        .cloned()
        .collect();
    let confirms = below
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                <label class="check">
                    <input type="checkbox" name=format!("confirm[{i}]") value=r.initiative_id />
                    {t_string!(
                        i18n, chair.confirm_below, title = r.title.clone(), scored = r.scored, expected = r.expected
                    )}
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="card form-card">
            <h2>{t!(i18n, chair.publish_title)}</h2>
            <p>{t!(i18n, chair.publish_lead)}</p>
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="campaign_id" value=desk.campaign_id />
                {confirms}
                <ReleaseChoice error />
                <button type="submit" class="button big" disabled=action.pending()>
                    {t!(i18n, chair.publish)}
                </button>
            </ActionForm>
        </section>
    }
}

/// "Công bố ngay" or "công bố tại hội nghị": no default, the chair decides (public results
/// cannot be taken back).
#[component]
fn ReleaseChoice(error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let problems = move || error.get().map(|e| e.problems_at("release")).unwrap_or_default();
    let choice = move |value: &'static str, label: String, hint: String| {
        view! {
            <label class="check choice release-choice">
                <input
                    type="radio"
                    name="release"
                    value=value
                    required
                    aria-describedby="release-msg"
                    aria-invalid=invalid(error, "release")
                />
                <span>
                    <strong>{label}</strong>
                    <small>{hint}</small>
                </span>
            </label>
        }
    };
    view! {
        <fieldset class="field" class:field-invalid=move || !problems().is_empty()>
            <legend>{t!(i18n, chair.release_legend)}</legend>
            {choice(
                "now",
                t_string!(i18n, chair.release_now).to_string(),
                t_string!(i18n, chair.release_now_hint).to_string(),
            )}
            {choice(
                "ceremony",
                t_string!(i18n, chair.release_ceremony).to_string(),
                t_string!(i18n, chair.release_ceremony_hint).to_string(),
            )}
            <div id="release-msg" class="field-msg" aria-live="polite">
                {problem_lines(error, "release")}
            </div>
        </fieldset>
    }
}
