//! Official documents drafted as Word files in the format of Nghị định 30/2020/NĐ-CP
//! (`GET /documents/{document}.docx?campaign=…`, `docx-rs`), each with a printable page built
//! from the same draft (`draft`). Rules: only the campaign's admins download or see them (anyone else: 404, or a page asking to sign in); a draft leaves the number, the
//! symbol's number and the signing day blank for the văn thư; it states only what is recorded
//! (awards, decisions, the plan) and invents nothing else.
mod award_decision;
mod council_minutes;
mod nd30;
mod proposal;

use super::council_roster::Roster;
use super::exports::route::{download_headers, refused, within_request};
use super::{access, campaigns, db, state::pool, AppState};
use crate::error::AppError;
use crate::wire::documents::{parse_document, Draft, OfficialDocument};
use axum::extract::{Path, RawQuery, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use chrono::Datelike;

pub const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[tracing::instrument(skip_all, fields(document.file = %file))]
pub async fn document(
    State(state): State<AppState>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    parts: Parts,
) -> Response {
    let Some(document) = parse_document(&file) else {
        return refused(AppError::NotFound, &parts);
    };
    let campaign = super::exports::sheets::param(&query.unwrap_or_default(), "campaign")
        .and_then(|c| c.parse::<i64>().ok());
    let Some(campaign) = campaign else {
        return refused(AppError::NotFound, &parts);
    };
    let written = async { nd30::bytes(&draft(document, campaign).await?) };
    match within_request(state, parts.clone(), written).await {
        Ok(bytes) => {
            let mut response = bytes.into_response();
            let today = super::exports::sheet::local(chrono::Utc::now()).format("%Y-%m-%d");
            let name = format!("{}-{campaign}-{today}.docx", document.file_name());
            download_headers(&mut response, CONTENT_TYPE, &name);
            response
        }
        Err(e) => refused(e, &parts),
    }
}

/// The document drafted for `campaign_id`, for the campaign's admins; `NotFound` when there is
/// nothing to draft it from (no awards, no meeting).
pub async fn draft(document: OfficialDocument, campaign_id: i64) -> Result<Draft, AppError> {
    access::campaign_admin(campaign_id).await?;
    let mut conn = pool()?.acquire().await?;
    let campaign = campaigns::load(&mut conn, campaign_id).await?;
    let year = super::exports::sheet::local(chrono::Utc::now()).year();
    let organizer = db::units::summary(&mut *conn, campaign.organizer.id)
        .await?
        .ok_or(AppError::NotFound)?;
    match document {
        OfficialDocument::AwardDecision | OfficialDocument::Proposal => {
            let forms = db::awards::forms(&mut *conn, campaign_id).await?;
            let awards = db::awards::awards(&mut *conn, campaign_id).await?;
            if awards.is_empty() {
                return Err(AppError::NotFound);
            }
            if document == OfficialDocument::AwardDecision {
                return award_decision::draft(&campaign, organizer.kind, &forms, &awards, year);
            }
            let meeting = db::council_meeting::meeting(&mut *conn, campaign_id).await?;
            proposal::draft(&campaign, organizer.kind, meeting.as_ref(), &forms, &awards, year)
        }
        OfficialDocument::CouncilMinutes => {
            let meeting = db::council_meeting::meeting(&mut *conn, campaign_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let roster = Roster::load(&mut conn, campaign_id, campaign.organizer.id, None).await?;
            let initiatives = db::results::initiatives(&mut *conn, campaign_id).await?;
            let votes = db::council_meeting::votes(&mut *conn, campaign_id).await?;
            council_minutes::draft(&council_minutes::Minutes {
                campaign: &campaign,
                organizer_kind: organizer.kind,
                meeting: &meeting,
                members: &roster.members,
                initiatives: &initiatives,
                votes: &votes,
            })
        }
    }
}
