//! The council's desk: a member's queue, one initiative at a time, his sheet saved as a draft,
//! skipped, submitted or abstained, and conflicts he declares. Rules:
//! - Only a member acts here (`access::council_seat`), and only on the initiatives he may score:
//!   given to him (his fields, or assigned), not of a unit the tree recuses him from, not declared. Any other initiative
//!   answers 404, as if it did not exist, so its scores, scorers and comments never reach him.
//! - Sheets are written only while the campaign is `evaluating` (its row is share-locked first,
//!   so members save side by side and a state change waits), one decision per initiative at a
//!   time (its row is locked next), so every final score sees the sheets decided before it.
//! - A save names the version it was typed on; another version answers `StaleVersion`.
//! - A submitted sheet is final (the chair reopens it); others' sheets are shown only to a
//!   member who has submitted his own.
//! - Submissions, abstentions and declared conflicts are audited; drafts and skips are not
//!   (they decide nothing).
use crate::domain::audit::AuditKind;
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::score_sheet::{format_half_points, Sheet, SheetAction, SheetInput, REASON_MAX};
use crate::domain::text::required_paragraphs;
use crate::error::{AppError, Problem};
use crate::server::access::{self, CouncilSeat};
use crate::server::campaigns::load;
use crate::server::db::{self, audit::Change, council_desk::Placement};
use crate::server::state::pool;
use crate::wire::council_desk::{DeskInitiative, DeskQueue, DeskStatus, QueueEntry, SeatSummary, SheetSaved};
use serde_json::{json, Value};
use sqlx::PgConnection;

/// The campaigns whose council holds the signed-in account.
pub async fn seats() -> Result<Vec<SeatSummary>, AppError> {
    let account = access::signed_in().await?;
    let rows = db::council_desk::seats(&pool()?, account.id).await?;
    Ok(rows
        .into_iter()
        .filter_map(db::council_desk::seat_summary)
        .collect())
}

pub async fn queue(campaign_id: i64) -> Result<DeskQueue, AppError> {
    let seat = access::council_seat(campaign_id).await?;
    let mut conn = pool()?.acquire().await?;
    let campaign = load(&mut conn, campaign_id).await?;
    let recused = seat.recused_units();
    let rows = db::council_desk::queue(&mut *conn, campaign_id, seat.account_id()).await?;
    let entries = rows
        .into_iter()
        .filter(|r| seat.scores(r.id, r.field_id))
        .map(|r| {
            let status = if recused.contains(&r.unit_id) {
                DeskStatus::RecusedUnit
            } else if r.declared {
                DeskStatus::RecusedDeclared
            } else {
                match (r.my_state.as_deref(), r.my_total) {
                    (Some("submitted"), Some(total)) => DeskStatus::Scored { total: total as u32 },
                    (Some("abstained"), _) => DeskStatus::Abstained,
                    (Some("skipped"), _) => DeskStatus::Skipped,
                    (state, _) => DeskStatus::Todo {
                        draft: state.is_some(),
                    },
                }
            };
            QueueEntry {
                id: r.id,
                title: r.title,
                unit_name: r.unit_name,
                field_name: r.field_name,
                status,
            }
        })
        .collect();
    let next = db::council_desk::next(
        &mut conn,
        campaign_id,
        seat.account_id(),
        recused,
        (seat.fields(), seat.assigned()),
        0,
    )
    .await?;
    Ok(DeskQueue {
        campaign_id,
        title: campaign.title,
        state: campaign.state,
        role: seat.role(),
        entries,
        next,
    })
}

/// The initiative if this member may score it; `NotFound` otherwise.
async fn scorable(
    conn: &mut PgConnection,
    seat: &CouncilSeat,
    initiative_id: i64,
) -> Result<Placement, AppError> {
    let placement =
        db::council_desk::placement(&mut *conn, seat.campaign_id(), initiative_id, seat.account_id())
            .await?
            .ok_or(AppError::NotFound)?;
    let mine = seat.scores(initiative_id, placement.field_id)
        && !placement.declared
        && !seat.recused_by_tree(&placement.unit_lineage);
    if !mine {
        return Err(AppError::NotFound);
    }
    Ok(placement)
}

pub async fn initiative(campaign_id: i64, initiative_id: i64) -> Result<DeskInitiative, AppError> {
    let seat = access::council_seat(campaign_id).await?;
    let mut conn = pool()?.acquire().await?;
    let placement = scorable(&mut conn, &seat, initiative_id).await?;
    let campaign = load(&mut conn, campaign_id).await?;
    let content = crate::server::initiatives::content(
        &mut conn,
        campaign_id,
        (placement.unit_id, &placement.unit_name),
        initiative_id,
    )
    .await?;
    let sheet = db::council_desk::sheet(&mut conn, initiative_id, seat.account_id(), false).await?;
    let version = sheet.as_ref().map_or(0, |s| s.version);
    let submitted = sheet.as_ref().is_some_and(|s| s.state == "submitted");
    let peers = match submitted {
        true => db::council_desk::peers(&mut *conn, initiative_id, seat.account_id()).await?,
        false => Vec::new(),
    };
    let (done, assigned) = progress(&mut conn, &seat).await?;
    Ok(DeskInitiative {
        campaign_id,
        campaign_title: campaign.title,
        state: campaign.state,
        content,
        criteria: campaign.criteria,
        sheet: sheet.map(|s| s.stored()),
        version,
        peers,
        done,
        assigned,
    })
}

/// Submitted or abstained, of the initiatives the member is to score.
async fn progress(conn: &mut PgConnection, seat: &CouncilSeat) -> Result<(usize, usize), AppError> {
    let (done, total) = db::council_desk::progress(
        conn,
        seat.campaign_id(),
        seat.account_id(),
        seat.recused_units(),
        (seat.fields(), seat.assigned()),
    )
    .await?;
    Ok((done.max(0) as usize, total.max(0) as usize))
}

/// Saves the member's sheet as `action` says, typed on `version`.
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, initiative.id = initiative_id))]
pub async fn save(
    campaign_id: i64,
    initiative_id: i64,
    action: &str,
    version: i32,
    input: &SheetInput,
) -> Result<SheetSaved, AppError> {
    let seat = access::council_seat(campaign_id).await?;
    let action = SheetAction::parse(action).ok_or(AppError::field("form", Problem::UnknownChoice))?;
    let mut tx = pool()?.begin().await?;
    db::council_desk::generic_plans(&mut tx).await?;
    let basis = db::final_scores::share_basis(&mut tx, campaign_id).await?;
    let placement = scorable(&mut tx, &seat, initiative_id).await?;
    db::council_desk::lock_initiative(&mut tx, initiative_id).await?;
    if basis.state != CampaignState::Evaluating {
        return Err(AppError::field("form", Problem::NotScoring));
    }
    let sheet = Sheet::parse(input, &basis.maxima, action)?;
    let before = db::council_desk::sheet(&mut tx, initiative_id, seat.account_id(), true).await?;
    if before.as_ref().map_or(0, |b| b.version) != version {
        return Err(AppError::field("form", Problem::StaleVersion));
    }
    if before.as_ref().is_some_and(|b| b.state == "submitted") {
        return Err(AppError::field("form", Problem::AlreadySubmitted));
    }
    let key = (campaign_id, initiative_id, seat.account_id());
    let version = db::council_desk::write_sheet(&mut tx, key, action, &sheet).await?;
    if matches!(action, SheetAction::Submit | SheetAction::Abstain) {
        crate::server::final_scores::refresh_of(&mut tx, &basis, Some(&[initiative_id])).await?;
        let decided = match action {
            SheetAction::Submit => sheet.total().map(format_half_points).unwrap_or_default(),
            _ => String::new(),
        };
        audit_sheet(
            &mut tx,
            &seat,
            &placement.title,
            (action, &decided),
            &sheet.reason,
        )
        .await?;
    }
    let next = match action {
        SheetAction::Draft => None,
        _ => {
            db::council_desk::next(
                &mut tx,
                campaign_id,
                seat.account_id(),
                seat.recused_units(),
                (seat.fields(), seat.assigned()),
                initiative_id,
            )
            .await?
        }
    };
    tx.commit().await?;
    if action != SheetAction::Draft {
        let to = match next {
            Some(next) => format!("/council/{campaign_id}/initiatives/{next}"),
            None => format!("/council/{campaign_id}"),
        };
        crate::server::respond::redirect_plain_form(&to);
    }
    Ok(SheetSaved { version, next })
}

async fn audit_sheet(
    conn: &mut PgConnection,
    seat: &CouncilSeat,
    title: &str,
    (action, total): (SheetAction, &str),
    reason: &str,
) -> Result<(), AppError> {
    let after = json!({
        "initiative": title,
        "member": seat.account().display_name,
        "score": match action {
            SheetAction::Submit => total.to_owned(),
            _ => "abstained".to_owned(),
        },
    });
    audit_scores(conn, seat, after, reason).await
}

/// One audit row of kind `scores` by this member: what he (or, for the chair, the council)
/// decided on a sheet or an initiative.
pub async fn audit_scores(
    conn: &mut PgConnection,
    seat: &CouncilSeat,
    after: Value,
    reason: &str,
) -> Result<(), AppError> {
    db::audit::record(
        conn,
        Change {
            campaign_id: seat.campaign_id(),
            account_id: seat.account_id(),
            kind: AuditKind::Scores,
            before: None,
            after: Some(after),
            reason,
        },
    )
    .await
}

/// The member declares a conflict on an initiative, with a reason: it leaves his queue, and what
/// he had typed on it is withdrawn. Refused once his score is submitted (the chair reopens it).
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, initiative.id = initiative_id))]
pub async fn declare_conflict(campaign_id: i64, initiative_id: i64, reason: &str) -> Result<(), AppError> {
    let seat = access::council_seat(campaign_id).await?;
    let reason =
        required_paragraphs(reason, REASON_MAX).map_err(|p| AppError::field("conflict_reason", p))?;
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::share_state(&mut tx, campaign_id).await?;
    let placement = scorable(&mut tx, &seat, initiative_id).await?;
    db::council_desk::lock_initiative(&mut tx, initiative_id).await?;
    if state != CampaignState::Evaluating {
        return Err(AppError::field("form", Problem::NotScoring));
    }
    let sheet = db::council_desk::sheet(&mut tx, initiative_id, seat.account_id(), true).await?;
    if sheet.is_some_and(|s| s.state == "submitted") {
        return Err(AppError::field("form", Problem::AlreadySubmitted));
    }
    db::council_desk::declare(&mut tx, initiative_id, seat.account_id(), &reason).await?;
    crate::server::final_scores::refresh(&mut tx, campaign_id, Some(&[initiative_id])).await?;
    let after =
        json!({ "initiative": placement.title, "member": seat.account().display_name, "score": "declared" });
    audit_scores(&mut tx, &seat, after, &reason).await?;
    tx.commit().await?;
    crate::server::respond::redirect_plain_form(&format!("/council/{campaign_id}"));
    Ok(())
}
