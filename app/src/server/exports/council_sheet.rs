//! The council's scores per member: one row per initiative, one column per member. For the
//! campaign's admins, and its council's chair (the secretary and the members have no such
//! download); the chair's rows of his own conflicts carry nothing but that they are his
//! conflict, exactly as his desk shows them.
use super::labels;
use super::sheet::{yes_no, Cell, Sheet};
use super::sheets::campaign_heading;
use crate::domain::council::role::CouncilRole;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::{access, council_chair};
use crate::wire::council_chair::{MatrixCell, MatrixMember, MatrixRow};
use crate::wire::exports::ExportTable;
use leptos_i18n::td_string;

pub async fn member_scores(campaign_id: i64) -> Result<Sheet, AppError> {
    let (title, members, rows) = match access::campaign_admin(campaign_id).await {
        Ok(admin) => {
            let (campaign, members, rows) = council_chair::organizer_matrix(&admin).await?;
            (campaign.title, members, rows)
        }
        Err(AppError::NotFound | AppError::Forbidden) => {
            let seat = access::council_seat(campaign_id).await?;
            if seat.role() != CouncilRole::Chair {
                return Err(AppError::Forbidden);
            }
            let desk = council_chair::matrix(campaign_id, "").await?;
            (desk.title, desk.members, desk.rows)
        }
        Err(other) => return Err(other),
    };
    let mut headers = vec![
        td_string!(Locale::vi, export.col_title).to_owned(),
        td_string!(Locale::vi, export.col_unit).to_owned(),
    ];
    headers.extend(members.iter().map(member_header));
    headers.extend(
        [
            td_string!(Locale::vi, export.col_final_score),
            td_string!(Locale::vi, export.col_scored),
            td_string!(Locale::vi, export.col_expected),
            td_string!(Locale::vi, export.col_level),
            td_string!(Locale::vi, export.col_exemplary),
        ]
        .map(str::to_owned),
    );
    let lines = rows.iter().map(|r| line(r, members.len())).collect();
    let heading = campaign_heading(
        ExportTable::MemberScores,
        campaign_id,
        &title,
        td_string!(Locale::vi, export.member_scores_title),
        headers,
    );
    Ok(Sheet::of(heading, lines))
}

fn member_header(member: &MatrixMember) -> String {
    format!("{} ({})", member.name, labels::role(member.role))
}

fn line(row: &MatrixRow, members: usize) -> Vec<Cell> {
    let mut cells = vec![Cell::text(&row.title), Cell::text(&row.unit_name)];
    if row.conflicted {
        cells.extend((0..members).map(|_| Cell::text(td_string!(Locale::vi, export.own_conflict))));
        cells.extend([Cell::Blank, Cell::Blank, Cell::Blank, Cell::Blank, Cell::Blank]);
        return cells;
    }
    cells.extend(row.cells.iter().map(|cell| match cell {
        MatrixCell::Scored(halves) => Cell::Decimal(f64::from(*halves) / 2.0),
        MatrixCell::Pending => Cell::text(td_string!(Locale::vi, export.cell_pending)),
        MatrixCell::Abstained => Cell::text(td_string!(Locale::vi, export.cell_abstained)),
        MatrixCell::Recused => Cell::text(td_string!(Locale::vi, export.cell_recused)),
        MatrixCell::NotAssigned => Cell::Blank,
    }));
    cells.extend([
        Cell::optional_decimal(row.final_score()),
        Cell::Integer(i64::from(row.scored)),
        Cell::Integer(i64::from(row.expected)),
        row.final_level()
            .map_or(Cell::Blank, |level| Cell::text(labels::level(level))),
        yes_no(row.exemplary),
    ]);
    cells
}
