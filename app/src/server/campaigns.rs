//! Creating a campaign, saving its general section, copying it as a template. Every function
//! checks the caller first, parses everything before touching the database, locks the campaign
//! row, and writes its audit row in the same transaction.
use crate::domain::audit::AuditKind;
use crate::domain::campaign::general::{required_text, GeneralInput, GeneralSettings, TITLE_MAX};
use crate::domain::campaign::numbers::parse_count;
use crate::domain::campaign::readiness::{missing_for_opening, Missing, SetupFacts};
use crate::domain::campaign::{default_award_forms, default_criteria, DEFAULT_FIELDS, DEFAULT_THRESHOLDS};
use crate::domain::campaign_state::CampaignState;
use crate::domain::unit::UnitCode;
use crate::error::{AppError, Checks, FieldError, Problem};
use crate::server::access::{self, Admin};
use crate::server::audit_snapshot::{self, changed_keys};
use crate::server::db::{self, audit::Change};
use crate::server::{respond::redirect_plain_form, state::pool};
use crate::wire::campaigns::CampaignDetail;
use chrono::Utc;
use serde_json::Value;
use sqlx::PgConnection;

/// Most years a copy may move its dates.
pub const SHIFT_YEARS_MAX: i64 = 10;

async fn organizer_id(conn: &mut PgConnection, code: &UnitCode) -> Result<i64, AppError> {
    db::units::id_by_code(conn, code)
        .await?
        .ok_or_else(|| AppError::field("organizer_code", Problem::UnitNotFound))
}

/// Refuses an organizer outside the admin's scope as if it did not exist.
async fn check_organizer_in_scope(admin: &Admin, organizer: i64) -> Result<(), AppError> {
    match admin.sees_unit(organizer).await {
        Err(AppError::NotFound) => Err(AppError::field("organizer_code", Problem::UnitNotFound)),
        other => other,
    }
}

/// The campaign with what it still lacks to open (only a draft can lack anything).
pub async fn load(conn: &mut PgConnection, id: i64) -> Result<CampaignDetail, AppError> {
    let mut detail = db::campaigns::detail_in(conn, id, Utc::now())
        .await?
        .ok_or(AppError::NotFound)?;
    detail.missing = missing_to_open(&detail);
    Ok(detail)
}

fn missing_to_open(detail: &CampaignDetail) -> Vec<Missing> {
    if detail.state != CampaignState::Draft {
        return Vec::new();
    }
    let facts = SetupFacts {
        schedule: detail.schedule,
        unit_count: detail.unit_count,
        field_count: detail.fields.len() as i64,
        criterion_count: detail.criteria.len() as i64,
        has_thresholds: detail.thresholds.is_some(),
    };
    missing_for_opening(&facts, detail.loaded_at)
}

/// Records a change of one part, keeping only what differs; nothing is written for no change.
pub async fn audit_change(
    conn: &mut PgConnection,
    campaign_id: i64,
    account_id: i64,
    kind: AuditKind,
    before: &Value,
    after: &Value,
) -> Result<(), AppError> {
    let (before, after) = changed_keys(before, after);
    if after.as_object().is_some_and(|a| a.is_empty()) {
        return Ok(());
    }
    let change = Change {
        campaign_id,
        account_id,
        kind,
        before: Some(before),
        after: Some(after),
        reason: "",
    };
    db::audit::record(conn, change).await
}

#[tracing::instrument(skip_all)]
pub async fn create(input: &GeneralInput) -> Result<(), AppError> {
    let admin = access::admin().await?;
    let settings = GeneralSettings::parse(input)?;
    let mut tx = pool()?.begin().await?;
    check_organizer_in_scope(&admin, organizer_id(&mut tx, &settings.organizer_code).await?).await?;
    let id = create_in(&mut tx, admin.id(), &settings).await?;
    tx.commit().await?;
    tracing::info!(campaign.id = id, by = admin.id(), "campaign created");
    leptos_axum::redirect(&format!("/admin/campaigns/{id}?saved=created"));
    Ok(())
}

/// Creates a draft with the default fields, criteria, thresholds and award forms; audited.
pub async fn create_in(
    conn: &mut PgConnection,
    admin_id: i64,
    settings: &GeneralSettings,
) -> Result<i64, AppError> {
    let organizer = organizer_id(conn, &settings.organizer_code).await?;
    let id = db::campaigns::insert(conn, settings, organizer, None).await?;
    let fields: Vec<String> = DEFAULT_FIELDS.iter().map(|f| (*f).to_owned()).collect();
    db::campaigns::replace_fields(conn, id, &fields).await?;
    db::campaigns::replace_criteria(conn, id, &default_criteria(), Some(DEFAULT_THRESHOLDS)).await?;
    db::campaigns::replace_award_forms(conn, id, &default_award_forms()).await?;
    let created = load(conn, id).await?;
    let change = Change {
        campaign_id: id,
        account_id: admin_id,
        kind: AuditKind::Created,
        before: None,
        after: Some(audit_snapshot::general(&created)),
        reason: "",
    };
    db::audit::record(conn, change).await?;
    Ok(id)
}

/// Once a campaign is open its organizer, dates and minimum stay as they are: each changed one
/// is refused at its field (deadlines move only by an extension).
fn locked_schedule_changes(
    before: &CampaignDetail,
    settings: &GeneralSettings,
    organizer: i64,
) -> Vec<FieldError> {
    let locked = Problem::Locked { state: before.state };
    let (old, new) = (&before.schedule, &settings.schedule);
    [
        ("organizer_code", before.organizer.id != organizer),
        ("period_start", old.period_start != new.period_start),
        ("period_end", old.period_end != new.period_end),
        (
            "registration_deadline",
            old.registration_deadline != new.registration_deadline,
        ),
        ("report_deadline", old.report_deadline != new.report_deadline),
        (
            "min_initiatives",
            before.min_initiatives != settings.min_initiatives,
        ),
    ]
    .into_iter()
    .filter(|(_, changed)| *changed)
    .map(|(field, _)| FieldError::new(field, locked.clone()))
    .collect()
}

#[tracing::instrument(skip_all, fields(campaign.id = id))]
pub async fn save_general(id: i64, input: &GeneralInput) -> Result<(), AppError> {
    let admin = access::campaign_admin(id).await?;
    let settings = GeneralSettings::parse(input)?;
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::lock_state(&mut tx, id).await?;
    if !state.details_are_editable() {
        return Err(AppError::field("form", Problem::Locked { state }));
    }
    let organizer = organizer_id(&mut tx, &settings.organizer_code).await?;
    check_organizer_in_scope(admin.admin(), organizer).await?;
    let before = load(&mut tx, id).await?;
    if !state.schedule_is_editable() {
        let locked = locked_schedule_changes(&before, &settings, organizer);
        if !locked.is_empty() {
            return Err(AppError::Invalid(locked));
        }
    }
    db::campaigns::update_general(&mut tx, id, &settings, organizer).await?;
    if organizer != before.organizer.id {
        // Units outside the new organizer's tree cannot take part any more.
        let removed = db::campaign_units::keep_only_below(&mut tx, id, organizer).await?;
        if !removed.is_empty() {
            let after_count = db::campaign_units::count(&mut tx, id).await?;
            let before_units = serde_json::json!({ "unit_count": before.unit_count });
            let after_units = serde_json::json!({ "unit_count": after_count, "removed": removed });
            audit_change(
                &mut tx,
                id,
                admin.id(),
                AuditKind::Units,
                &before_units,
                &after_units,
            )
            .await?;
        }
    }
    let after = load(&mut tx, id).await?;
    let (old, new) = (audit_snapshot::general(&before), audit_snapshot::general(&after));
    audit_change(&mut tx, id, admin.id(), AuditKind::General, &old, &new).await?;
    tx.commit().await?;
    tracing::info!(
        campaign.id = id,
        by = admin.id(),
        "campaign general section saved"
    );
    redirect_plain_form(&format!("/admin/campaigns/{id}/general?saved=general"));
    Ok(())
}

#[tracing::instrument(skip_all, fields(campaign.id = source_id))]
pub async fn copy(source_id: i64, title: &str, shift_years: &str) -> Result<(), AppError> {
    let admin = access::campaign_admin(source_id).await?;
    let mut checks = Checks::default();
    let title = checks.check("title", required_text(title, TITLE_MAX));
    let years = checks.check("shift_years", parse_count(shift_years, 0, SHIFT_YEARS_MAX));
    checks.finish()?;
    let (Some(title), Some(years)) = (title, years) else {
        return Err(AppError::Internal);
    };
    let mut tx = pool()?.begin().await?;
    let id = copy_in(&mut tx, admin.id(), source_id, title, years as i32).await?;
    tx.commit().await?;
    tracing::info!(
        campaign.id = id,
        from = source_id,
        by = admin.id(),
        "campaign copied"
    );
    leptos_axum::redirect(&format!("/admin/campaigns/{id}?saved=copied"));
    Ok(())
}

/// Copies campaign `source_id` as a new draft titled `title`, every date `years` later: all of
/// its configuration and participating units, but not its plan (a new year has a new plan),
/// registrations, scores or links. Audited as created from the source.
pub async fn copy_in(
    conn: &mut PgConnection,
    admin_id: i64,
    source_id: i64,
    title: String,
    years: i32,
) -> Result<i64, AppError> {
    let source = load(conn, source_id).await?;
    let settings = GeneralSettings {
        title,
        theme: source.theme.clone(),
        plan_ref: String::new(),
        plan_date: None,
        organizer_code: UnitCode::parse(&source.organizer.code)
            .map_err(|p| AppError::field("organizer_code", p))?,
        schedule: source.schedule.shifted_by_years(years),
        min_initiatives: source.min_initiatives,
        max_initiatives: source.max_initiatives,
        visibility: source.visibility,
    };
    let id = db::campaigns::insert(conn, &settings, source.organizer.id, Some(source_id)).await?;
    db::campaigns::replace_fields(conn, id, &source.fields).await?;
    db::campaigns::replace_criteria(conn, id, &source.criteria, source.thresholds).await?;
    db::campaigns::update_scoring(conn, id, &source.scoring).await?;
    db::campaigns::replace_award_forms(conn, id, &source.award_forms).await?;
    db::campaign_units::copy(conn, source_id, id).await?;
    let copied = load(conn, id).await?;
    let mut after = audit_snapshot::general(&copied);
    if let Some(map) = after.as_object_mut() {
        map.insert("copied_from".into(), source.title.clone().into());
        map.insert("unit_count".into(), copied.unit_count.into());
    }
    let change = Change {
        campaign_id: id,
        account_id: admin_id,
        kind: AuditKind::Created,
        before: None,
        after: Some(after),
        reason: "",
    };
    db::audit::record(conn, change).await?;
    Ok(id)
}
