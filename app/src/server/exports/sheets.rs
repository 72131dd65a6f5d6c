//! Which reader makes which table, from the address's query (`campaign`, a board's `k`, the
//! results page's filters).
use super::sheet::{Heading, Sheet};
use super::{campaign_sheets, council_sheet, result_sheets, unit_sheet};
use crate::error::AppError;
use crate::wire::exports::ExportTable;

/// The query's value for `name`, if any.
pub fn param(query: &str, name: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

fn campaign(query: &str) -> Result<i64, AppError> {
    param(query, "campaign")
        .and_then(|id| id.parse().ok())
        .ok_or(AppError::NotFound)
}

/// The table, once its caller is checked (nothing is read before).
pub async fn sheet(table: ExportTable, query: &str) -> Result<Sheet, AppError> {
    match table {
        ExportTable::Units => unit_sheet::units().await,
        ExportTable::Participation => campaign_sheets::participation(campaign(query)?).await,
        ExportTable::Initiatives => campaign_sheets::initiatives(campaign(query)?).await,
        ExportTable::MemberScores => council_sheet::member_scores(campaign(query)?).await,
        ExportTable::UnitResults | ExportTable::InitiativeResults | ExportTable::Awards => {
            result_sheets::results(table, campaign(query)?, query).await
        }
    }
}

/// The heading of a campaign's table: "`what` — `campaign title`", downloaded as
/// `file-name-{id}-{date}`.
pub fn campaign_heading(
    table: ExportTable,
    campaign_id: i64,
    campaign_title: &str,
    what: &str,
    headers: Vec<String>,
) -> Heading {
    let today = super::sheet::local(chrono::Utc::now()).format("%Y-%m-%d");
    Heading {
        file_stem: format!("{}-{campaign_id}-{today}", table.file_name()),
        name: what.chars().take(31).collect(),
        title: format!("{what} — {campaign_title}"),
        headers,
    }
}

/// Headers from the translation file's words.
pub fn headers(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| (*w).to_owned()).collect()
}
