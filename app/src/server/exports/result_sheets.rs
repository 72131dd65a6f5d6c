//! A campaign's results (by unit, by initiative) and its award list, for whoever may read its
//! results page and as that page shows them to him (`server::results`: a council member's
//! hidden rows stay hidden; the public gets nothing before the release), filtered and sorted
//! as the page's address asked.
use super::labels;
use super::sheet::{yes_no, Cell, Sheet};
use super::sheets::{campaign_heading, headers, param};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::results;
use crate::wire::awards::AwardList;
use crate::wire::exports::ExportTable;
use crate::wire::results::{Arrangement, InitiativeResult, UnitResult};
use crate::words;
use leptos_i18n::td_string;

pub async fn results(table: ExportTable, campaign_id: i64, query: &str) -> Result<Sheet, AppError> {
    let all = results::everything(campaign_id, param(query, "k")).await?;
    if all.pending {
        return Err(AppError::NotFound);
    }
    let arrangement = Arrangement::from_query(query);
    let sheet = match table {
        ExportTable::UnitResults => {
            let rows = arrangement.units(&all.units).iter().map(unit_line).collect();
            let heading = campaign_heading(
                table,
                campaign_id,
                &all.title,
                td_string!(Locale::vi, export.unit_results_title),
                headers(&[
                    td_string!(Locale::vi, export.col_place),
                    td_string!(Locale::vi, export.col_shared),
                    td_string!(Locale::vi, export.col_unit),
                    td_string!(Locale::vi, export.col_total),
                    td_string!(Locale::vi, export.col_participation_points),
                    td_string!(Locale::vi, export.col_evaluation_points),
                    td_string!(Locale::vi, export.col_initiatives),
                    td_string!(Locale::vi, export.col_committed),
                    td_string!(Locale::vi, export.col_report),
                ]),
            );
            Sheet::of(heading, rows)
        }
        ExportTable::InitiativeResults => {
            let rows = arrangement
                .initiatives(&all.initiatives)
                .iter()
                .map(initiative_line)
                .collect();
            let heading = campaign_heading(
                table,
                campaign_id,
                &all.title,
                td_string!(Locale::vi, export.initiative_results_title),
                headers(&[
                    td_string!(Locale::vi, export.col_receipt),
                    td_string!(Locale::vi, export.col_title),
                    td_string!(Locale::vi, export.col_initiative_kind),
                    td_string!(Locale::vi, export.col_field),
                    td_string!(Locale::vi, export.col_unit),
                    td_string!(Locale::vi, export.col_authors),
                    td_string!(Locale::vi, export.col_final_score),
                    td_string!(Locale::vi, export.col_scored),
                    td_string!(Locale::vi, export.col_expected),
                    td_string!(Locale::vi, export.col_level),
                    td_string!(Locale::vi, export.col_recognised),
                    td_string!(Locale::vi, export.col_exemplary),
                ]),
            );
            Sheet::of(heading, rows)
        }
        _ => {
            let rows = all.awards.iter().flat_map(award_lines).collect();
            let heading = campaign_heading(
                table,
                campaign_id,
                &all.title,
                td_string!(Locale::vi, export.awards_title),
                headers(&[
                    td_string!(Locale::vi, export.col_award_form),
                    td_string!(Locale::vi, export.col_recipient_kind),
                    td_string!(Locale::vi, export.col_number),
                    td_string!(Locale::vi, export.col_recipient),
                    td_string!(Locale::vi, export.col_decision_number),
                    td_string!(Locale::vi, export.col_decision_date),
                    td_string!(Locale::vi, export.col_signer),
                ]),
            );
            Sheet::of(heading, rows)
        }
    };
    Ok(sheet)
}

fn hidden() -> Cell {
    Cell::text(td_string!(Locale::vi, export.hidden))
}

fn unit_line(unit: &UnitResult) -> Vec<Cell> {
    let s = &unit.standing;
    let report = match unit.report_on_time {
        Some(true) => td_string!(Locale::vi, participation.on_time),
        Some(false) => td_string!(Locale::vi, participation.late),
        None => td_string!(Locale::vi, participation.no_report),
    };
    let (place, shared, total, evaluation) = if unit.hidden {
        (hidden(), Cell::Blank, hidden(), hidden())
    } else {
        (
            Cell::Integer(s.place as i64),
            yes_no(s.shared),
            Cell::Decimal(s.score_hundredths as f64 / 100.0),
            Cell::optional_decimal(s.evaluation_points),
        )
    };
    vec![
        place,
        shared,
        Cell::text(&unit.unit_name),
        total,
        Cell::Integer(s.participation_points),
        evaluation,
        Cell::Integer(unit.initiatives),
        yes_no(unit.committed),
        Cell::text(report),
    ]
}

fn initiative_line(initiative: &InitiativeResult) -> Vec<Cell> {
    let authors = if initiative.authors.is_empty() {
        td_string!(
            Locale::vi,
            export.collective,
            unit = initiative.unit_name.as_str()
        )
    } else {
        initiative.authors.join("; ")
    };
    let mut cells = vec![
        Cell::text(&initiative.receipt_code),
        Cell::text(&initiative.title),
        Cell::text(words::initiative_kind(Locale::vi, initiative.kind)),
        Cell::text(&initiative.field),
        Cell::text(&initiative.unit_name),
        Cell::Text(authors),
    ];
    if initiative.hidden {
        cells.extend([hidden(), Cell::Blank, Cell::Blank, hidden(), hidden(), hidden()]);
        return cells;
    }
    cells.extend([
        Cell::optional_decimal(initiative.score),
        Cell::Integer(i64::from(initiative.scored)),
        Cell::Integer(i64::from(initiative.expected)),
        initiative
            .level
            .map_or(Cell::Blank, |level| Cell::text(labels::level(level))),
        initiative.recognised.map_or(Cell::Blank, yes_no),
        yes_no(initiative.exemplary),
    ]);
    cells
}

fn award_lines(list: &AwardList) -> Vec<Vec<Cell>> {
    list.recipients
        .iter()
        .enumerate()
        .map(|(i, recipient)| {
            vec![
                Cell::text(&list.name),
                Cell::text(labels::recipient(list.recipient)),
                Cell::Integer(i as i64 + 1),
                Cell::text(recipient),
                Cell::text(&list.decision.number),
                list.decision.date.map_or(Cell::Blank, Cell::Date),
                Cell::text(&list.decision.signer),
            ]
        })
        .collect()
}
