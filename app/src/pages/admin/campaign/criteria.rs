//! Criteria with maximum points and the rating thresholds, saved together (the thresholds are
//! checked against the criteria's total). Blank rows at the end add criteria without scripts.
use crate::api::campaign_setup::SaveCampaignCriteria;
use crate::api::campaigns::CampaignDetail;
use crate::components::campaign_page::campaign_page;
use crate::components::campaign_tabs::CampaignHead;
use crate::components::cell_input::CellInput;
use crate::components::field::FormAlert;
use crate::components::form_error::{form_error, saved_flag, successes, typed_or, typed_rows};
use crate::components::notice::SavedNotice;
use crate::components::text_field::TextField;
use crate::domain::campaign::lists::row_field;
use crate::domain::campaign::DEFAULT_THRESHOLDS;
use crate::i18n::*;
use leptos::prelude::*;

/// Empty rows offered after the stored ones.
pub const BLANK_ROWS: usize = 3;

#[component]
pub fn CampaignCriteriaPage() -> impl IntoView {
    let action = ServerAction::<SaveCampaignCriteria>::new();
    let saves = successes(
        move || action.value().with(|v| matches!(v, Some(Ok(_)))),
        move || action.version().get(),
    );
    campaign_page(move || saves.get(), move |c| view! { <CriteriaView c action /> })
}

/// The rows to show: typed ones after a refused plain post, otherwise the stored ones.
fn shown_rows(c: &CampaignDetail, editable: bool) -> Vec<(String, String)> {
    typed_rows("criteria", ["name", "max_points"]).unwrap_or_else(|| {
        let stored = c
            .criteria
            .iter()
            .map(|x| (x.name.clone(), x.max_points.to_string()));
        stored
            .chain((0..if editable { BLANK_ROWS } else { 0 }).map(|_| Default::default()))
            .collect()
    })
}

#[component]
fn CriteriaView(c: CampaignDetail, action: ServerAction<SaveCampaignCriteria>) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let saved = saved_flag(move || action.value().get().map(|r| r.is_ok()), "criteria");
    let editable = c.state.setup_is_editable();
    // The total follows what is typed (with scripts on); until then it is the stored one.
    let total = RwSignal::new(c.criteria.iter().map(|x| i64::from(x.max_points)).sum::<i64>());
    let thresholds = c.thresholds.unwrap_or(DEFAULT_THRESHOLDS);
    let rows = shown_rows(&c, editable)
        .into_iter()
        .enumerate()
        .map(|(i, (name, max))| {
            let name_label = t_string!(i18n, criteria_page.name_label, n = i + 1);
            let max_label = t_string!(i18n, criteria_page.max_label, n = i + 1);
            view! {
                <tr>
                    <td>
                        <CellInput
                            field=row_field("criteria", i, "name")
                            label=name_label
                            value=name
                            readonly=!editable
                            error
                        />
                    </td>
                    <td class="points">
                        <CellInput
                            field=row_field("criteria", i, "max_points")
                            label=max_label
                            value=max
                            readonly=!editable
                            inputmode="numeric"
                            error
                        />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <CampaignHead id=c.id title=c.title.clone() state=c.state active="criteria" />
        <Show when=move || saved.get()>
            <SavedNotice text=t_string!(i18n, criteria_page.saved) />
        </Show>
        <section class="card form-card">
            {(!editable).then(|| view! { <p class="alert alert-info">{t!(i18n, criteria_page.locked)}</p> })}
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="id" value=c.id />
                <fieldset>
                    <legend>{t!(i18n, criteria_page.criteria)}</legend>
                    {editable.then(|| view! { <p class="hint">{t!(i18n, criteria_page.hint)}</p> })}
                    <table class="edit-table" on:input=move |_| total.set(typed_total())>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, criteria_page.col_name)}</th>
                                <th scope="col" class="points">
                                    {t!(i18n, criteria_page.col_max)}
                                </th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <p class="strong" aria-live="polite">
                        {move || t_string!(i18n, criteria_page.total, total = total.get())}
                    </p>
                </fieldset>
                <fieldset>
                    <legend>{t!(i18n, criteria_page.thresholds)}</legend>
                    <div class="field-row three">
                        <TextField
                            label=t_string!(i18n, criteria_page.excellent)
                            name="excellent_min"
                            error
                            value=typed_or("excellent_min", thresholds.excellent.to_string())
                            inputmode="numeric"
                            readonly=!editable
                        />
                        <TextField
                            label=t_string!(i18n, criteria_page.good)
                            name="good_min"
                            error
                            value=typed_or("good_min", thresholds.good.to_string())
                            inputmode="numeric"
                            readonly=!editable
                        />
                        <TextField
                            label=t_string!(i18n, criteria_page.pass)
                            name="pass_min"
                            error
                            value=typed_or("pass_min", thresholds.pass.to_string())
                            hint=t_string!(i18n, criteria_page.fail_hint)
                            inputmode="numeric"
                            readonly=!editable
                        />
                    </div>
                </fieldset>
                {editable
                    .then(|| {
                        view! {
                            <button type="submit" class="button" disabled=action.pending()>
                                {t!(i18n, criteria_page.save)}
                            </button>
                        }
                    })}
            </ActionForm>
        </section>
    }
}

/// The sum of the maximum points typed so far; cells that are not whole numbers count as 0.
fn typed_total() -> i64 {
    use leptos::wasm_bindgen::JsCast;
    let Ok(cells) = document().query_selector_all("input[name$='[max_points]']") else {
        return 0;
    };
    (0..cells.length())
        .filter_map(|i| {
            cells
                .item(i)?
                .dyn_into::<leptos::web_sys::HtmlInputElement>()
                .ok()
        })
        .filter_map(|input| input.value().trim().parse::<i64>().ok())
        .filter(|points| *points > 0)
        .sum()
}
