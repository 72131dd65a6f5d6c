//! Result reports. Whether one is on time is decided once, when it is first filed, against the
//! report deadline read under a shared lock; an on-time report can be corrected until the
//! deadline, a late one is filed once. Files are checked as for initiatives, and a refused
//! report keeps its text and (scripts off) its files as the draft (`refused_form`).
use super::access;
use super::db::{self, initiatives::FileOwner};
use super::refused_form::{self, SentFiles};
use super::respond;
use super::state::pool;
use super::unit_portal::unit_campaign;
use super::upload_form::{self, check_totals, kept_sizes};
use crate::domain::text::required_paragraphs;
use crate::error::{AppError, Checks, Problem};
use crate::wire::reports::{FiledReport, ReportPage};
use chrono::Utc;
use leptos::server_fn::codec::MultipartData;

pub const REPORT_MAX: usize = 20_000;

/// May a unit file now: `existing` is whether it already has a report.
fn can_file(accepts: bool, deadline_passed: bool, existing: bool) -> bool {
    accepts && !(deadline_passed && existing)
}

/// The unit's report with its files, if it filed one. For callers already checked.
pub async fn filed(
    pool: &sqlx::PgPool,
    campaign_id: i64,
    unit_id: i64,
) -> Result<Option<FiledReport>, AppError> {
    let Some(r) = db::reports::get(pool, campaign_id, unit_id).await? else {
        return Ok(None);
    };
    Ok(Some(FiledReport {
        attachments: db::initiatives::attachments_of_report(pool, campaign_id, unit_id).await?,
        body: r.body,
        submitted_at: r.submitted_at,
        updated_at: r.updated_at,
        on_time: r.on_time,
    }))
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn page(campaign_id: i64) -> Result<ReportPage, AppError> {
    let caller = access::unit(campaign_id).await?;
    let pool = pool()?;
    let row = db::unit_portal::campaign(&pool, campaign_id).await?;
    let report = filed(&pool, campaign_id, caller.unit_id()).await?;
    let passed = row.report_deadline().is_some_and(|d| d.has_passed(Utc::now()));
    let can = can_file(row.state().accepts_reports(), passed, report.is_some());
    let draft = db::drafts::load::<String>(&pool, campaign_id, caller.unit_id(), db::drafts::REPORT)
        .await?
        .map(|(text, _)| text);
    let held_key = (campaign_id, caller.unit_id(), db::drafts::REPORT);
    let held = db::initiatives::attachments_of_draft(&pool, held_key).await?;
    Ok(ReportPage {
        campaign: unit_campaign(&caller, row),
        report,
        can_file: can,
        draft,
        held,
    })
}

/// Stores the report; answers with the campaign and whether it counts as on time.
#[tracing::instrument(skip_all)]
pub async fn submit(data: MultipartData) -> Result<(i64, bool), AppError> {
    let (caller, form, removed) = upload_form::read_unit_upload(data).await?;
    let campaign_id = caller.campaign_id();
    let unit_id = caller.unit_id();
    let mut tx = pool()?.begin().await?;
    let campaign = db::unit_portal::campaign_for_write(&mut tx, campaign_id).await?;
    let existing = db::reports::get(&mut *tx, campaign_id, unit_id).await?;
    let passed = campaign
        .report_deadline()
        .is_some_and(|d| d.has_passed(Utc::now()));
    if !can_file(campaign.state().accepts_reports(), passed, existing.is_some()) {
        return Err(AppError::field("form", Problem::ReportClosed));
    }
    let draft_key = (campaign_id, unit_id, db::drafts::REPORT);
    let mut files = db::initiatives::attachments_of_report(&mut *tx, campaign_id, unit_id).await?;
    files.extend(db::initiatives::attachments_of_draft(&mut *tx, draft_key).await?);
    let kept = kept_sizes(&files, &removed);
    let mut checks = Checks::default();
    let typed = form.text("body");
    let body = checks.check("body", required_paragraphs(&typed, REPORT_MAX));
    check_totals(&mut checks, "attachments", &kept, &form);
    if let Err(refused) = checks.finish() {
        // What was typed is kept as the report's draft, so the form opens with it again.
        tx.rollback().await?;
        let sent = respond::is_plain_form_post().then_some(SentFiles {
            form: &form,
            removed: &removed,
            kept: &kept,
        });
        refused_form::keep(draft_key, &typed, sent).await?;
        return Err(refused);
    }
    let body = body.ok_or(AppError::Internal)?;
    let on_time = match &existing {
        Some(report) => report.on_time,
        None => !passed,
    };
    db::reports::upsert(&mut tx, campaign_id, unit_id, &body, on_time).await?;
    db::reports::delete_attachments(&mut tx, campaign_id, unit_id, &removed).await?;
    let owner = FileOwner::Report(campaign_id, unit_id);
    db::draft_files::hand_over(&mut tx, draft_key, owner, &removed).await?;
    db::initiatives::insert_attachments(&mut tx, owner, &form.files).await?;
    // The held files ticked for removal go with the draft.
    db::drafts::delete(&mut tx, campaign_id, unit_id, db::drafts::REPORT).await?;
    tx.commit().await?;
    Ok((campaign_id, on_time))
}

#[cfg(test)]
mod tests {
    use super::can_file;

    #[test]
    fn an_on_time_report_is_corrected_until_the_deadline_and_a_late_one_filed_once() {
        assert!(can_file(true, false, false));
        assert!(can_file(true, false, true));
        assert!(can_file(true, true, false));
        assert!(!can_file(true, true, true));
        assert!(!can_file(false, false, false));
    }
}
