//! The rows of a board, shared by the public page and the conference screen. Rules: once results
//! are published a row shows its place (equal scores share it, the first three places are the
//! podium, however many units hold them) and its score, and a shared place says why its rows
//! stand in that order; before that the board ranks participation only, where most units tie,
//! so it shows what each unit has done (commitment, initiatives against the minimum, report)
//! and no place at all.
use crate::api::live::LiveRow;
use crate::domain::ranking::{score_text, TieBreak};
use crate::i18n::*;
use leptos::prelude::*;

/// Places that are highlighted on a published board.
const PODIUM_PLACES: usize = 3;

/// Whether the row is on the podium: only when results are published.
pub fn on_podium(row: &LiveRow, published: bool) -> bool {
    published && row.place <= PODIUM_PLACES
}

/// "Đồng hạng 2: đứng trước vì nộp sớm hơn", for a row that shares its place.
pub fn tie_text(place: usize, shared: bool, ahead_by: Option<TieBreak>) -> Option<String> {
    let i18n = use_i18n();
    let place = place.to_string();
    shared.then(|| match ahead_by {
        Some(TieBreak::EarlierSubmission) => {
            t_string!(i18n, live.tie_by_submission, place = place.clone()).to_string()
        }
        Some(TieBreak::Name) => t_string!(i18n, live.tie_by_name, place = place.clone()).to_string(),
        None => t_string!(i18n, live.tie_last, place = place.clone()).to_string(),
    })
}

/// The column headings: a ranking's once published, a progress table's before.
#[component]
pub fn StandingsHead(published: bool) -> impl IntoView {
    let i18n = use_i18n();
    if !published {
        return view! {
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, live.col_unit)}</th>
                    <th scope="col" class="duty">
                        {t!(i18n, live.col_commitment)}
                    </th>
                    <th scope="col" class="num">
                        {t!(i18n, live.col_initiatives)}
                    </th>
                    <th scope="col" class="duty">
                        {t!(i18n, live.col_report)}
                    </th>
                </tr>
            </thead>
        }
        .into_any();
    }
    view! {
        <thead>
            <tr>
                <th scope="col">{t!(i18n, live.col_place)}</th>
                <th scope="col">{t!(i18n, live.col_unit)}</th>
                <th scope="col" class="num">
                    {t!(i18n, live.col_initiatives)}
                </th>
                <th scope="col" class="num">
                    {t!(i18n, live.col_score)}
                </th>
            </tr>
        </thead>
    }
    .into_any()
}

/// The cells of one row after its `<tr>`: place, unit, initiatives and score once published;
/// unit, commitment, initiatives against `min` and report before.
pub fn row_cells(row: LiveRow, min: i32, published: bool) -> AnyView {
    let i18n = use_i18n();
    let enough = row.initiatives >= i64::from(min);
    let count_class = if enough { "num count met" } else { "num count" };
    if !published {
        let committed = if row.committed {
            t_string!(i18n, live.committed_yes)
        } else {
            t_string!(i18n, live.not_yet)
        };
        let report = match row.report_on_time {
            Some(true) => t_string!(i18n, live.report_on_time),
            Some(false) => t_string!(i18n, live.report_late),
            None => t_string!(i18n, live.not_yet),
        };
        return view! {
            <th scope="row">{row.unit_name}</th>
            <td class="duty" class:met=row.committed>
                {committed}
            </td>
            <td class=count_class>{format!("{}/{}", row.initiatives, min)}</td>
            <td class="duty" class:met=row.report_on_time.is_some()>
                {report}
            </td>
        }
        .into_any();
    }
    let tie = tie_text(row.place, row.shared, row.ahead_by);
    let spoken = tie
        .clone()
        .map(|text| view! { <span class="sr-only">{format!(" ({text})")}</span> });
    view! {
        <td class="place" title=tie>
            {row.place.to_string()}
            {spoken}
        </td>
        <th scope="row">{row.unit_name}</th>
        <td class=count_class>{row.initiatives.to_string()}</td>
        <td class="num score">{score_text(row.score_hundredths)}</td>
    }
    .into_any()
}

/// Under a published table with shared places: how equal scores are ordered.
pub fn tie_note(rows: &[LiveRow], published: bool) -> Option<impl IntoView> {
    let i18n = use_i18n();
    (published && rows.iter().any(|r| r.shared))
        .then(|| view! { <p class="hint tie-note">{t!(i18n, live.tie_note)}</p> })
}
