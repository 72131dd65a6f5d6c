//! State changes and deadline extensions. A campaign moves only to its one next state; opening
//! needs a complete setup (the refusal lists what is missing). A deadline moves only later,
//! stays inside the period, keeps registration before the report, and carries its reason.
use crate::domain::audit::AuditKind;
use crate::domain::campaign::general::required_text;
use crate::domain::campaign_state::{CampaignState, DeadlineKind};
use crate::domain::deadline::Deadline;
use crate::error::{AppError, Checks, FieldError, Problem};
use crate::server::access;
use crate::server::campaigns::load;
use crate::server::db::{self, audit::Change};
use crate::server::state::{link_key, pool, LinkKey};
use serde_json::json;
use sqlx::PgConnection;

pub const REASON_MAX: usize = 500;

#[tracing::instrument(skip_all, fields(campaign.id = id, campaign.to = to))]
pub async fn change_state(id: i64, to: &str) -> Result<(), AppError> {
    let admin = access::campaign_admin(id).await?;
    let target =
        CampaignState::parse(to).ok_or_else(|| AppError::field("form", Problem::TransitionNotAllowed))?;
    let mut tx = pool()?.begin().await?;
    let from = db::campaigns::lock_state(&mut tx, id).await?;
    if !from.can_become(target) {
        return Err(AppError::field("form", Problem::TransitionNotAllowed));
    }
    // A council with a chair publishes its own results (the chair's desk).
    if target == CampaignState::Published && db::council_chair::has_chair(&mut *tx, id).await? {
        return Err(AppError::field("form", Problem::ChairPublishes));
    }
    if target == CampaignState::Open {
        let campaign = load(&mut tx, id).await?;
        if !campaign.missing.is_empty() {
            let problems = campaign
                .missing
                .into_iter()
                .map(|item| FieldError::new("form", Problem::Missing { item }))
                .collect();
            return Err(AppError::Invalid(problems));
        }
    }
    set_state_in(&mut tx, &link_key()?, admin.id(), id, from, target).await?;
    // Without a chair there is no choice to hold them: the organizer's results are public at once.
    if target == CampaignState::Published {
        release_in(&mut tx, admin.id(), id).await?;
    }
    tx.commit().await?;
    tracing::info!(
        campaign.id = id,
        by = admin.id(),
        to = target.as_str(),
        "campaign state changed"
    );
    leptos_axum::redirect(&format!("/admin/campaigns/{id}?saved=state"));
    Ok(())
}

/// Deletes a draft that was never opened (a state only ever moves forward, so a draft never was),
/// writing the deletion to its audit trail, which outlives it.
#[tracing::instrument(skip_all, fields(campaign.id = id))]
pub async fn delete_draft(id: i64) -> Result<(), AppError> {
    let admin = access::campaign_admin(id).await?;
    let mut tx = pool()?.begin().await?;
    if db::campaigns::lock_state(&mut tx, id).await? != CampaignState::Draft {
        return Err(AppError::field("form", Problem::NotADraft));
    }
    let campaign = load(&mut tx, id).await?;
    let change = Change {
        campaign_id: id,
        account_id: admin.id(),
        kind: AuditKind::State,
        before: Some(json!({ "state": "draft", "title": campaign.title })),
        after: Some(json!({ "state": "deleted" })),
        reason: "",
    };
    db::audit::record(&mut tx, change).await?;
    db::campaigns::delete_draft(&mut tx, id).await?;
    tx.commit().await?;
    tracing::info!(campaign.id = id, by = admin.id(), "draft campaign deleted");
    leptos_axum::redirect("/admin/campaigns");
    Ok(())
}

/// Records the step from `from` to `to` (already allowed by the caller) and its audit row.
pub async fn set_state_in(
    conn: &mut PgConnection,
    key: &LinkKey,
    admin_id: i64,
    id: i64,
    from: CampaignState,
    to: CampaignState,
) -> Result<(), AppError> {
    db::campaigns::set_state(conn, id, to).await?;
    // Opening hands every participating unit its link, ready to send.
    if to == CampaignState::Open {
        db::unit_links::issue_missing(conn, key, id).await?;
    }
    // Going to the council spreads what was registered since the last spread, and states every
    // initiative's coverage, so the chair sees who is still to score from the first minute.
    if to == CampaignState::Evaluating {
        crate::server::council_assignment::fill(conn, id).await?;
        crate::server::final_scores::refresh(conn, id, None).await?;
    }
    let change = Change {
        campaign_id: id,
        account_id: admin_id,
        kind: AuditKind::State,
        before: Some(json!({ "state": from.as_str() })),
        after: Some(json!({ "state": to.as_str() })),
        reason: "",
    };
    db::audit::record(conn, change).await?;
    // A closed campaign is archived: nothing stays held for a conference, no ceremony runs on.
    if to == CampaignState::Closed {
        release_in(conn, admin_id, id).await?;
        db::ceremonies::end(conn, id).await?;
    }
    Ok(())
}

/// Makes published results public (board, screens, public pages), audited; nothing when they
/// already are.
pub async fn release_in(conn: &mut PgConnection, account_id: i64, id: i64) -> Result<(), AppError> {
    if !db::campaigns::release_results(conn, id).await? {
        return Ok(());
    }
    let change = Change {
        campaign_id: id,
        account_id,
        kind: AuditKind::State,
        before: Some(json!({ "results": "held" })),
        after: Some(json!({ "results": "public" })),
        reason: "",
    };
    db::audit::record(conn, change).await
}

/// The organizer releases results held for the conference (when no ceremony will do it).
#[tracing::instrument(skip_all, fields(campaign.id = id))]
pub async fn release(id: i64) -> Result<(), AppError> {
    let admin = access::campaign_admin(id).await?;
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::lock_state(&mut tx, id).await?;
    if !state.has_results() {
        return Err(AppError::field("form", Problem::TransitionNotAllowed));
    }
    release_in(&mut tx, admin.id(), id).await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/admin/campaigns/{id}?saved=released"));
    Ok(())
}

#[tracing::instrument(skip_all, fields(campaign.id = id, deadline = deadline))]
pub async fn extend(id: i64, deadline: &str, new_date: &str, reason: &str) -> Result<(), AppError> {
    let admin = access::campaign_admin(id).await?;
    let mut checks = Checks::default();
    let kind = checks.check("deadline", DeadlineKind::parse(deadline).ok_or(Problem::Required));
    let new = checks.check("new_date", Deadline::parse_date(new_date));
    let reason = checks.check("reason", required_text(reason, REASON_MAX));
    checks.finish()?;
    let (Some(kind), Some(new), Some(reason)) = (kind, new, reason) else {
        return Err(AppError::Internal);
    };
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::lock_state(&mut tx, id).await?;
    if !state.can_extend(kind) {
        return Err(AppError::field("deadline", Problem::Locked { state }));
    }
    let campaign = load(&mut tx, id).await?;
    let schedule = campaign.schedule;
    let current = match kind {
        DeadlineKind::Registration => schedule.registration_deadline,
        DeadlineKind::Report => schedule.report_deadline,
    }
    .ok_or(AppError::Internal)?;
    let problem = if new <= current {
        Some(Problem::NotLater {
            current: current.date_text(),
        })
    } else if schedule.period_end.is_some_and(|end| new.local_date() > end) {
        Some(Problem::OutsidePeriod)
    } else if kind == DeadlineKind::Registration && schedule.report_deadline.is_some_and(|r| new >= r) {
        Some(Problem::RegistrationNotBeforeReport)
    } else {
        None
    };
    if let Some(problem) = problem {
        return Err(AppError::field("new_date", problem));
    }
    db::campaigns::set_deadline(&mut tx, id, kind, new).await?;
    let key = match kind {
        DeadlineKind::Registration => "registration_deadline",
        DeadlineKind::Report => "report_deadline",
    };
    let change = Change {
        campaign_id: id,
        account_id: admin.id(),
        kind: AuditKind::Deadline,
        before: Some(json!({ key: current.date_time_text() })),
        after: Some(json!({ key: new.date_time_text() })),
        reason: &reason,
    };
    db::audit::record(&mut tx, change).await?;
    tx.commit().await?;
    tracing::info!(
        campaign.id = id,
        by = admin.id(),
        deadline = key,
        "deadline extended"
    );
    leptos_axum::redirect(&format!("/admin/campaigns/{id}?saved=extended"));
    Ok(())
}
