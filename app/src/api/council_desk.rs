//! The council's desk: for members of a campaign's council only (`server::council_desk` states
//! the rules, among them that an initiative a member may not score does not exist for him).

// The sheet's server function takes one argument per form field (plain form posts).
#![allow(clippy::too_many_arguments)]
use crate::error::AppError;
pub use crate::wire::council_desk::*;
use leptos::server;

/// The campaigns whose council holds the signed-in account.
#[server(prefix = "/api", endpoint = "council_seats")]
pub async fn council_seats() -> Result<Vec<SeatSummary>, AppError> {
    crate::server::respond::finish(crate::server::council_desk::seats().await)
}

#[server(prefix = "/api", endpoint = "council_queue")]
pub async fn council_queue(campaign_id: i64) -> Result<DeskQueue, AppError> {
    crate::server::respond::finish(crate::server::council_desk::queue(campaign_id).await)
}

#[server(prefix = "/api", endpoint = "council_initiative")]
pub async fn council_initiative(campaign_id: i64, initiative_id: i64) -> Result<DeskInitiative, AppError> {
    crate::server::respond::finish(crate::server::council_desk::initiative(campaign_id, initiative_id).await)
}

/// Saves the member's sheet: `action` is draft, submit ("Lưu & tiếp"), skip or abstain.
#[server(prefix = "/api", endpoint = "save_score_sheet")]
pub async fn save_score_sheet(
    campaign_id: i64,
    initiative_id: i64,
    action: String,
    version: i32,
    #[server(default)] points: Vec<String>,
    #[server(default)] comments: Vec<String>,
    #[server(default)] overall: String,
    #[server(default)] reason: String,
) -> Result<SheetSaved, AppError> {
    use crate::domain::council::score_sheet::SheetInput;
    use crate::server::respond::finish_form;
    let input = SheetInput {
        points,
        comments,
        overall,
        reason,
    };
    let result =
        crate::server::council_desk::save(campaign_id, initiative_id, &action, version, &input).await;
    let mut typed: Vec<(String, String)> =
        vec![("overall".into(), input.overall), ("reason".into(), input.reason)];
    for (i, p) in input.points.into_iter().enumerate() {
        typed.push((format!("points[{i}]"), p));
    }
    for (i, c) in input.comments.into_iter().enumerate() {
        typed.push((format!("comments[{i}]"), c));
    }
    finish_form(result, &typed)
}

#[server(prefix = "/api", endpoint = "declare_conflict")]
pub async fn declare_conflict(
    campaign_id: i64,
    initiative_id: i64,
    conflict_reason: String,
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result =
        crate::server::council_desk::declare_conflict(campaign_id, initiative_id, &conflict_reason).await;
    finish_form(result, &[("conflict_reason", conflict_reason.as_str())])
}
