//! A campaign's tables for its admins: the participation table, and every initiative with its
//! authors, field and full text (streamed from the database as it is read: 20,000 of them must
//! not sit in memory).
use super::sheet::{yes_no, Cell, Rows, Sheet};
use super::sheets::{campaign_heading, headers};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::{access, campaigns, db, state::pool};
use crate::wire::exports::ExportTable;
use crate::words;
use leptos_i18n::td_string;
use tokio_stream::StreamExt;

pub async fn participation(campaign_id: i64) -> Result<Sheet, AppError> {
    let table = crate::server::participation::participation(campaign_id).await?;
    let minimum = table.min_initiatives;
    let rows = table
        .rows
        .iter()
        .map(|r| {
            let report = match r.report_on_time {
                Some(true) => td_string!(Locale::vi, participation.on_time),
                Some(false) => td_string!(Locale::vi, participation.late),
                None => td_string!(Locale::vi, participation.no_report),
            };
            vec![
                Cell::text(&r.unit_name),
                Cell::optional_moment(r.committed_at),
                Cell::Integer(r.initiatives),
                yes_no(r.meets_minimum(minimum)),
                Cell::optional_moment(r.last_submitted_at),
                Cell::text(report),
            ]
        })
        .collect();
    let minimum_met = td_string!(Locale::vi, export.col_minimum_met, min = minimum);
    let heading = campaign_heading(
        ExportTable::Participation,
        campaign_id,
        &table.title,
        td_string!(Locale::vi, export.participation_title),
        vec![
            td_string!(Locale::vi, export.col_unit).to_owned(),
            td_string!(Locale::vi, export.col_committed_at).to_owned(),
            td_string!(Locale::vi, export.col_initiatives).to_owned(),
            minimum_met,
            td_string!(Locale::vi, export.col_last_sent_at).to_owned(),
            td_string!(Locale::vi, export.col_report).to_owned(),
        ],
    );
    Ok(Sheet::of(heading, rows))
}

/// Rows waiting for the writer: the reader stays at most this far ahead.
const ROWS_AHEAD: usize = 512;

pub async fn initiatives(campaign_id: i64) -> Result<Sheet, AppError> {
    access::campaign_admin(campaign_id).await?;
    let pool = pool()?;
    let campaign = campaigns::load(&mut *pool.acquire().await?, campaign_id).await?;
    let heading = campaign_heading(
        ExportTable::Initiatives,
        campaign_id,
        &campaign.title,
        td_string!(Locale::vi, export.initiatives_title),
        headers(&[
            td_string!(Locale::vi, export.col_receipt),
            td_string!(Locale::vi, export.col_unit),
            td_string!(Locale::vi, export.col_initiative_kind),
            td_string!(Locale::vi, export.col_field),
            td_string!(Locale::vi, export.col_title),
            td_string!(Locale::vi, export.col_authors),
            td_string!(Locale::vi, export.col_situation),
            td_string!(Locale::vi, export.col_solution),
            td_string!(Locale::vi, export.col_benefit),
            td_string!(Locale::vi, export.col_scope),
            td_string!(Locale::vi, export.col_first_applied),
            td_string!(Locale::vi, export.col_sent_at),
            td_string!(Locale::vi, export.col_updated_at),
            td_string!(Locale::vi, export.col_attachments),
        ]),
    );
    Ok(Sheet {
        heading,
        rows: initiative_rows(pool, campaign_id),
    })
}

/// Reads on its own task into a bounded channel; a download that stops stops the reading.
fn initiative_rows(pool: sqlx::PgPool, campaign_id: i64) -> Rows {
    let (sender, receiver) = tokio::sync::mpsc::channel(ROWS_AHEAD);
    tokio::spawn(async move {
        let mut lines = db::exports::initiatives(&pool, campaign_id);
        while let Some(line) = lines.next().await {
            let row = line.map_err(AppError::from).map(|l| {
                let authors = if l.collective_author {
                    td_string!(Locale::vi, export.collective, unit = l.unit_name.as_str())
                } else {
                    l.authors.join("; ")
                };
                vec![
                    Cell::Text(l.receipt_code),
                    Cell::Text(l.unit_name),
                    Cell::text(words::initiative_kind(Locale::vi, l.kind)),
                    Cell::Text(l.field),
                    Cell::Text(l.title),
                    Cell::Text(authors),
                    Cell::Text(l.situation),
                    Cell::Text(l.solution),
                    Cell::Text(l.benefit),
                    Cell::Text(l.scope),
                    Cell::Date(l.first_applied),
                    Cell::Moment(l.submitted_at),
                    Cell::Moment(l.updated_at),
                    Cell::Integer(l.attachments),
                ]
            });
            let failed = row.is_err();
            if sender.send(row).await.is_err() || failed {
                break;
            }
        }
    });
    Box::pin(tokio_stream::wrappers::ReceiverStream::new(receiver))
}
