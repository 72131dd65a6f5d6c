//! The unit-score formula, the council's final-score rules and the award forms. The formula can
//! change until results are published, the council's rules until scoring starts, award forms
//! until the campaign closes.
use super::criteria::BLANK_ROWS;
use super::weight_text;
use crate::api::campaign_setup::SaveCampaignScoring;
use crate::api::campaigns::CampaignDetail;
use crate::components::campaign_labels::{combine_label, mode_label, quorum_label};
use crate::components::campaign_page::campaign_page;
use crate::components::campaign_tabs::CampaignHead;
use crate::components::cell_input::CellInput;
use crate::components::field::{Field, FormAlert};
use crate::components::form_error::{form_error, saved_flag, successes, typed_or, typed_rows};
use crate::components::notice::SavedNotice;
use crate::components::text_field::TextField;
use crate::domain::campaign::lists::row_field;
use crate::domain::campaign::EvaluationMode;
use crate::domain::council::final_score::{Combine, Quorum};
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn CampaignScoringPage() -> impl IntoView {
    let action = ServerAction::<SaveCampaignScoring>::new();
    let saves = successes(
        move || action.value().with(|v| matches!(v, Some(Ok(_)))),
        move || action.version().get(),
    );
    campaign_page(move || saves.get(), move |c| view! { <ScoringView c action /> })
}

fn shown_awards(c: &CampaignDetail, editable: bool) -> Vec<(String, String)> {
    typed_rows("award_forms", ["name", "recipient"]).unwrap_or_else(|| {
        let stored = c
            .award_forms
            .iter()
            .map(|a| (a.name.clone(), a.recipient.as_str().to_owned()));
        stored
            .chain(
                (0..if editable { BLANK_ROWS } else { 0 }).map(|_| (String::new(), "collective".to_owned())),
            )
            .collect()
    })
}

#[component]
fn ScoringView(c: CampaignDetail, action: ServerAction<SaveCampaignScoring>) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let saved = saved_flag(move || action.value().get().map(|r| r.is_ok()), "scoring");
    let editable = c.state.awards_are_editable();
    let scoring_locked = !c.state.scoring_is_editable();
    let council_locked = !c.state.council_rules_are_editable();
    let mode = typed_or("evaluation_mode", c.scoring.evaluation_mode.as_str().to_owned());
    let points = |name: &str, stored: i32| typed_or(name, stored.to_string());
    let awards = shown_awards(&c, editable)
        .into_iter()
        .enumerate()
        .map(|(i, (name, recipient))| {
            let recipient_field = row_field("award_forms", i, "recipient");
            let name_label = t_string!(i18n, scoring_page.award_label, n = i + 1);
            let recipient_label = t_string!(i18n, scoring_page.recipient_label, n = i + 1);
            view! {
                <tr>
                    <td>
                        <CellInput
                            field=row_field("award_forms", i, "name")
                            label=name_label
                            value=name
                            readonly=!editable
                            error
                        />
                    </td>
                    <td class="recipient">
                        <label class="sr-only" for=recipient_field.clone()>
                            {recipient_label}
                        </label>
                        <select id=recipient_field.clone() name=recipient_field disabled=!editable>
                            <option value="collective" selected=recipient == "collective">
                                {t!(i18n, scoring_page.collective)}
                            </option>
                            <option value="individual" selected=recipient == "individual">
                                {t!(i18n, scoring_page.individual)}
                            </option>
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <CampaignHead id=c.id title=c.title.clone() state=c.state active="scoring" />
        <Show when=move || saved.get()>
            <SavedNotice text=t_string!(i18n, scoring_page.saved) />
        </Show>
        <section class="card form-card">
            {(!editable).then(|| view! { <p class="alert alert-info">{t!(i18n, scoring_page.locked)}</p> })}
            {(editable && scoring_locked)
                .then(|| view! { <p class="alert alert-info">{t!(i18n, scoring_page.scoring_locked)}</p> })}
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="id" value=c.id />
                <fieldset>
                    <legend>{t!(i18n, scoring_page.participation)}</legend>
                    <p class="hint">{t!(i18n, scoring_page.participation_hint)}</p>
                    <div class="field-row three">
                        <TextField
                            label=t_string!(i18n, scoring_page.points_commitment)
                            name="points_commitment"
                            error
                            value=points("points_commitment", c.scoring.points_commitment)
                            inputmode="numeric"
                            readonly=scoring_locked
                        />
                        <TextField
                            label=t_string!(i18n, scoring_page.points_minimum)
                            name="points_minimum"
                            error
                            value=points("points_minimum", c.scoring.points_minimum)
                            inputmode="numeric"
                            readonly=scoring_locked
                        />
                        <TextField
                            label=t_string!(i18n, scoring_page.points_report)
                            name="points_report"
                            error
                            value=points("points_report", c.scoring.points_report)
                            inputmode="numeric"
                            readonly=scoring_locked
                        />
                    </div>
                    <TextField
                        label=t_string!(i18n, scoring_page.points_replication)
                        name="points_replication"
                        error
                        value=points("points_replication", c.scoring.points_replication)
                        hint=t_string!(i18n, scoring_page.points_replication_hint)
                        inputmode="numeric"
                        readonly=scoring_locked
                    />
                </fieldset>
                <fieldset>
                    <legend>{t!(i18n, scoring_page.evaluation)}</legend>
                    <Field label=t_string!(i18n, scoring_page.evaluation_mode) name="evaluation_mode" error>
                        <select
                            id="evaluation_mode"
                            name="evaluation_mode"
                            aria-describedby="evaluation_mode-msg"
                        >
                            {EvaluationMode::ALL
                                .into_iter()
                                .filter(|m| !scoring_locked || m.as_str() == mode)
                                .map(|m| {
                                    view! {
                                        <option value=m.as_str() selected=m.as_str() == mode>
                                            {mode_label(m)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </Field>
                    <TextField
                        label=t_string!(i18n, scoring_page.evaluation_weight)
                        name="evaluation_weight"
                        error
                        value=typed_or("evaluation_weight", weight_text(&c))
                        hint=t_string!(i18n, scoring_page.weight_hint)
                        inputmode="decimal"
                        readonly=scoring_locked
                    />
                </fieldset>
                <CouncilRulesFields c=c.clone() error locked=council_locked />
                <fieldset>
                    <legend>{t!(i18n, scoring_page.awards)}</legend>
                    {editable.then(|| view! { <p class="hint">{t!(i18n, scoring_page.awards_hint)}</p> })}
                    <table class="edit-table stack">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, scoring_page.col_award)}</th>
                                <th scope="col" class="recipient">
                                    {t!(i18n, scoring_page.col_recipient)}
                                </th>
                            </tr>
                        </thead>
                        <tbody>{awards}</tbody>
                    </table>
                </fieldset>
                {editable
                    .then(|| {
                        view! {
                            <button type="submit" class="button" disabled=action.pending()>
                                {t!(i18n, scoring_page.save)}
                            </button>
                        }
                    })}
            </ActionForm>
        </section>
    }
}

/// The council's rules; once scoring has started only the chosen values are offered.
#[component]
fn CouncilRulesFields(c: CampaignDetail, error: Signal<Option<AppError>>, locked: bool) -> impl IntoView {
    let i18n = use_i18n();
    let combine = typed_or("final_combine", c.scoring.final_combine.as_str().to_owned());
    let quorum = typed_or("quorum", c.scoring.quorum.as_str().to_owned());
    let combine_options = Combine::ALL
        .into_iter()
        .filter(|m| !locked || m.as_str() == combine)
        .map(|m| {
            view! {
                <option value=m.as_str() selected=m.as_str() == combine>
                    {combine_label(m)}
                </option>
            }
        })
        .collect_view();
    let quorum_options = Quorum::ALL
        .into_iter()
        .filter(|q| !locked || q.as_str() == quorum)
        .map(|q| {
            view! {
                <option value=q.as_str() selected=q.as_str() == quorum>
                    {quorum_label(q)}
                </option>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{t!(i18n, scoring_page.council)}</legend>
            <p class="hint">{t!(i18n, scoring_page.council_hint)}</p>
            {locked
                .then(|| view! { <p class="alert alert-info">{t!(i18n, scoring_page.council_locked)}</p> })}
            <Field label=t_string!(i18n, scoring_page.final_combine) name="final_combine" error>
                <select id="final_combine" name="final_combine" aria-describedby="final_combine-msg">
                    {combine_options}
                </select>
            </Field>
            <Field
                label=t_string!(i18n, scoring_page.quorum)
                name="quorum"
                hint=t_string!(i18n, scoring_page.quorum_hint)
                error
            >
                <select id="quorum" name="quorum" aria-describedby="quorum-msg">
                    {quorum_options}
                </select>
            </Field>
            <TextField
                label=t_string!(i18n, scoring_page.disagreement_percent)
                name="disagreement_percent"
                error
                value=typed_or("disagreement_percent", c.scoring.disagreement_percent.to_string())
                hint=t_string!(i18n, scoring_page.disagreement_hint)
                inputmode="numeric"
                readonly=locked
            />
        </fieldset>
    }
}
