//! What a unit reads and writes about itself: its campaign, commitment, initiatives and report.
//! Every query names the unit, so one unit's rows never come back for another.
use crate::domain::campaign::Visibility;
use crate::domain::campaign_state::CampaignState;
use crate::domain::deadline::Deadline;
use crate::domain::initiative::InitiativeKind;
use crate::error::AppError;
use crate::wire::unit_portal::{Commitment, InitiativeSummary, ReportSummary};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgExecutor};

/// The campaign as a unit sees it, read with a shared lock inside a write so that a state change
/// or an extension cannot slip between the check and the write.
#[derive(sqlx::FromRow, Debug, Clone)]
pub struct CampaignRow {
    pub title: String,
    pub theme: String,
    pub organizer_name: String,
    pub state: CampaignState,
    pub period_end: Option<NaiveDate>,
    pub registration_deadline: Option<DateTime<Utc>>,
    pub report_deadline: Option<DateTime<Utc>>,
    pub min_initiatives: i32,
    pub max_initiatives: i32,
    pub visibility: Visibility,
}

impl CampaignRow {
    pub fn state(&self) -> CampaignState {
        self.state
    }

    pub fn registration_deadline(&self) -> Option<Deadline> {
        self.registration_deadline.map(Deadline::from_instant)
    }

    /// Initiatives may be sent or changed at `now`.
    pub fn registration_open(&self, now: DateTime<Utc>) -> bool {
        self.state().registration_open(self.registration_deadline(), now)
    }

    pub fn report_deadline(&self) -> Option<Deadline> {
        self.report_deadline.map(Deadline::from_instant)
    }
}

const CAMPAIGN_SQL: &str = "SELECT c.title, c.theme, o.name::text AS organizer_name, c.state, c.period_end,
        c.registration_deadline, c.report_deadline, c.min_initiatives, c.max_initiatives, c.visibility
 FROM campaigns c JOIN units o ON o.id = c.organizer_id WHERE c.id = $1";

pub async fn campaign(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<CampaignRow, AppError> {
    sqlx::query_as(CAMPAIGN_SQL)
        .bind(campaign_id)
        .fetch_optional(ex)
        .await?
        .ok_or(AppError::NotFound)
}

/// The same, locked against state changes and extensions until the transaction ends.
pub async fn campaign_for_write(conn: &mut PgConnection, campaign_id: i64) -> Result<CampaignRow, AppError> {
    sqlx::query_as(&format!("{CAMPAIGN_SQL} FOR SHARE OF c"))
        .bind(campaign_id)
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn commitment(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    unit_id: i64,
) -> Result<Option<Commitment>, AppError> {
    Ok(sqlx::query_as::<_, (String, String, DateTime<Utc>)>(
        "SELECT head_name, head_position, signed_at FROM commitments WHERE campaign_id = $1 AND unit_id = $2",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .fetch_optional(ex)
    .await?)
    .map(|row| {
        row.map(|(head_name, head_position, signed_at)| Commitment {
            head_name,
            head_position,
            signed_at,
        })
    })
}

/// Records the commitment; false when the unit had already signed.
pub async fn insert_commitment(
    conn: &mut PgConnection,
    campaign_id: i64,
    unit_id: i64,
    head_name: &str,
    head_position: &str,
) -> Result<bool, AppError> {
    let done = sqlx::query(
        "INSERT INTO commitments (campaign_id, unit_id, head_name, head_position)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .bind(head_name)
    .bind(head_position)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    receipt_code: String,
    kind: InitiativeKind,
    title: String,
    field_name: String,
    submitted_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    attachment_count: i64,
}

pub async fn initiatives(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    unit_id: i64,
) -> Result<Vec<InitiativeSummary>, AppError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT i.id, i.receipt_code, i.kind, i.title, f.name AS field_name, i.submitted_at, i.updated_at,
                (SELECT count(*) FROM attachments a WHERE a.initiative_id = i.id) AS attachment_count
         FROM initiatives i JOIN campaign_fields f ON f.id = i.field_id
         WHERE i.campaign_id = $1 AND i.unit_id = $2
         ORDER BY i.submitted_at, i.id",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| InitiativeSummary {
            id: r.id,
            receipt_code: r.receipt_code,
            kind: r.kind,
            title: r.title,
            field_name: r.field_name,
            submitted_at: r.submitted_at,
            updated_at: r.updated_at,
            attachment_count: r.attachment_count,
        })
        .collect())
}

pub async fn report(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    unit_id: i64,
) -> Result<Option<ReportSummary>, AppError> {
    Ok(sqlx::query_as::<_, (DateTime<Utc>, DateTime<Utc>, bool)>(
        "SELECT submitted_at, updated_at, on_time FROM reports WHERE campaign_id = $1 AND unit_id = $2",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .fetch_optional(ex)
    .await?)
    .map(|row| {
        row.map(|(submitted_at, updated_at, on_time)| ReportSummary {
            submitted_at,
            updated_at,
            on_time,
        })
    })
}
