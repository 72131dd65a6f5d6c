//! Initiatives, their authors, attachments and drafts. Reads name the unit as well as the id,
//! so one unit can never load another's initiative.
use crate::domain::initiative::attachment::{AttachmentInfo, MediaType};
use crate::domain::initiative::{Author, Authors, InitiativeKind, InitiativeText};
use crate::error::AppError;
use crate::server::upload_form::Upload;
use crate::wire::initiatives::{FieldOption, Receipt};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgExecutor};

pub async fn fields(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<FieldOption>, AppError> {
    Ok(sqlx::query_as::<_, (i64, String)>(
        "SELECT id, name FROM campaign_fields WHERE campaign_id = $1 ORDER BY position",
    )
    .bind(campaign_id)
    .fetch_all(ex)
    .await?)
    .map(|rows| {
        rows.into_iter()
            .map(|(id, name)| FieldOption { id, name })
            .collect()
    })
}

/// Whether the unit may register one more initiative in the campaign (its `max_initiatives`).
/// Takes the unit's registration lock until the transaction ends, so the answer holds for an
/// insert in the same transaction (the insert trigger checks again under the same lock).
pub async fn room_left(conn: &mut PgConnection, campaign_id: i64, unit_id: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar("SELECT initiative_room_left($1, $2)")
        .bind(campaign_id)
        .bind(unit_id)
        .fetch_one(conn)
        .await?)
}

/// The initiative a submit key already made, if any.
pub async fn find_by_key(
    conn: &mut PgConnection,
    campaign_id: i64,
    unit_id: i64,
    key: &str,
) -> Result<Option<Receipt>, AppError> {
    Ok(sqlx::query_as::<_, (i64, String)>(
        "SELECT id, receipt_code FROM initiatives WHERE campaign_id = $1 AND unit_id = $2 AND submit_key = $3",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .bind(key)
    .fetch_optional(conn)
    .await?)
    .map(|row| row.map(|(initiative_id, receipt_code)| Receipt {
        initiative_id,
        receipt_code,
        is_new: true,
    }))
}

/// Inserts a new initiative; `None` when a unique rule stopped it (same submit key: a concurrent
/// twin committed first; or, very rarely, the same receipt code).
pub async fn insert(
    conn: &mut PgConnection,
    campaign_id: i64,
    unit_id: i64,
    submit_key: &str,
    receipt_code: &str,
    text: &InitiativeText,
) -> Result<Option<i64>, AppError> {
    let query = sqlx::query_scalar(
        "INSERT INTO initiatives (campaign_id, unit_id, submit_key, receipt_code, kind, field_id, title,
                                  situation, solution, benefit, scope, first_applied, collective_author)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .bind(submit_key)
    .bind(receipt_code);
    Ok(bind_text(query, text).fetch_optional(conn).await?)
}

type Scalar<'q, O> = sqlx::query::QueryScalar<'q, sqlx::Postgres, O, sqlx::postgres::PgArguments>;

/// Binds the initiative's columns in table order, after the parameters already bound.
fn bind_text<'q, O>(query: Scalar<'q, O>, text: &'q InitiativeText) -> Scalar<'q, O> {
    query
        .bind(text.kind.as_str())
        .bind(text.field_id)
        .bind(&text.title)
        .bind(&text.situation)
        .bind(&text.solution)
        .bind(&text.benefit)
        .bind(&text.scope)
        .bind(text.first_applied)
        .bind(text.authors == Authors::Collective)
}

pub async fn update(conn: &mut PgConnection, id: i64, text: &InitiativeText) -> Result<(), AppError> {
    let query = sqlx::query_scalar::<_, i64>(
        "UPDATE initiatives SET kind = $2, field_id = $3, title = $4, situation = $5, solution = $6,
                benefit = $7, scope = $8, first_applied = $9, collective_author = $10, updated_at = now()
         WHERE id = $1 RETURNING id",
    )
    .bind(id);
    Ok(bind_text(query, text).fetch_one(conn).await?).map(|_| ())
}

pub async fn replace_authors(conn: &mut PgConnection, id: i64, authors: &Authors) -> Result<(), AppError> {
    sqlx::query("DELETE FROM initiative_authors WHERE initiative_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let Authors::Individuals(list) = authors else {
        return Ok(());
    };
    for (position, a) in list.iter().enumerate() {
        sqlx::query(
            "INSERT INTO initiative_authors (initiative_id, position, name, job_title, share_percent)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(position as i32)
        .bind(&a.name)
        .bind(&a.job_title)
        .bind(a.share_percent)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn authors(ex: impl PgExecutor<'_>, id: i64, collective: bool) -> Result<Authors, AppError> {
    if collective {
        return Ok(Authors::Collective);
    }
    let rows: Vec<(String, String, i32)> = sqlx::query_as(
        "SELECT name, job_title, share_percent FROM initiative_authors WHERE initiative_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(ex)
    .await?;
    Ok(Authors::Individuals(
        rows.into_iter()
            .map(|(name, job_title, share_percent)| Author {
                name,
                job_title,
                share_percent,
            })
            .collect(),
    ))
}

/// Whose files they are: one initiative, one unit's report (campaign, unit), or one form's
/// draft (campaign, unit, form) while the unit fixes a refused form.
#[derive(Debug, Clone, Copy)]
pub enum FileOwner<'a> {
    Initiative(i64),
    Report(i64, i64),
    Draft(i64, i64, &'a str),
}

/// An owner as the attachment's columns: initiative, report, draft (one of them set).
pub(super) type OwnerColumns<'a> = (Option<i64>, Option<(i64, i64)>, Option<(i64, i64, &'a str)>);

impl<'a> FileOwner<'a> {
    pub(super) fn columns(self) -> OwnerColumns<'a> {
        match self {
            FileOwner::Initiative(id) => (Some(id), None, None),
            FileOwner::Report(campaign, unit) => (None, Some((campaign, unit)), None),
            FileOwner::Draft(campaign, unit, form) => (None, None, Some((campaign, unit, form))),
        }
    }
}

/// Stores files for their owner.
pub async fn insert_attachments(
    conn: &mut PgConnection,
    owner: FileOwner<'_>,
    files: &[Upload],
) -> Result<(), AppError> {
    let (initiative, report, draft) = owner.columns();
    for file in files {
        sqlx::query(
            "INSERT INTO attachments (initiative_id, report_campaign, report_unit, draft_campaign, draft_unit,
                                      draft_form, file_name, media_type, size_bytes, bytes)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(initiative)
        .bind(report.map(|r| r.0))
        .bind(report.map(|r| r.1))
        .bind(draft.map(|d| d.0))
        .bind(draft.map(|d| d.1))
        .bind(draft.map(|d| d.2))
        .bind(&file.file_name)
        .bind(file.media_type.mime())
        .bind(file.bytes.len() as i32)
        .bind(&file.bytes)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

const ATTACHMENT_COLUMNS: &str = "id, file_name, media_type, size_bytes";

fn attachment_info((id, file_name, media_type, size_bytes): (i64, String, MediaType, i32)) -> AttachmentInfo {
    AttachmentInfo {
        id,
        file_name,
        media_type,
        size_bytes,
    }
}

pub async fn attachments_of_initiative(
    ex: impl PgExecutor<'_>,
    id: i64,
) -> Result<Vec<AttachmentInfo>, AppError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE initiative_id = $1 ORDER BY id"
    ))
    .bind(id)
    .fetch_all(ex)
    .await?)
    .map(|rows| rows.into_iter().map(attachment_info).collect())
}

pub async fn attachments_of_report(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    unit_id: i64,
) -> Result<Vec<AttachmentInfo>, AppError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE report_campaign = $1 AND report_unit = $2 ORDER BY id"
    ))
    .bind(campaign_id)
    .bind(unit_id)
    .fetch_all(ex)
    .await?)
    .map(|rows| rows.into_iter().map(attachment_info).collect())
}

/// The files held with a form's draft (`db::draft_files`).
pub async fn attachments_of_draft(
    ex: impl PgExecutor<'_>,
    (campaign_id, unit_id, form): (i64, i64, &str),
) -> Result<Vec<AttachmentInfo>, AppError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {ATTACHMENT_COLUMNS} FROM attachments
         WHERE draft_campaign = $1 AND draft_unit = $2 AND draft_form = $3 ORDER BY id"
    ))
    .bind(campaign_id)
    .bind(unit_id)
    .bind(form)
    .fetch_all(ex)
    .await?)
    .map(|rows| rows.into_iter().map(attachment_info).collect())
}

/// Deletes the listed attachments of one initiative (ids of other owners are ignored).
pub async fn delete_initiative_attachments(
    conn: &mut PgConnection,
    initiative_id: i64,
    ids: &[i64],
) -> Result<(), AppError> {
    Ok(
        sqlx::query("DELETE FROM attachments WHERE initiative_id = $1 AND id = ANY($2)")
            .bind(initiative_id)
            .bind(ids)
            .execute(conn)
            .await?,
    )
    .map(|_| ())
}

#[derive(sqlx::FromRow, Debug, Clone)]
pub struct InitiativeRow {
    pub id: i64,
    pub receipt_code: String,
    pub kind: InitiativeKind,
    pub field_id: i64,
    pub field_name: String,
    pub title: String,
    pub situation: String,
    pub solution: String,
    pub benefit: String,
    pub scope: String,
    pub first_applied: NaiveDate,
    pub collective_author: bool,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl InitiativeRow {
    pub fn kind(&self) -> InitiativeKind {
        self.kind
    }
}

/// One initiative of one unit; `FOR UPDATE` when `lock`.
pub async fn get(
    conn: &mut PgConnection,
    campaign_id: i64,
    unit_id: i64,
    id: i64,
    lock: bool,
) -> Result<Option<InitiativeRow>, AppError> {
    let sql = format!(
        "SELECT i.id, i.receipt_code, i.kind, i.field_id, f.name AS field_name, i.title, i.situation,
                i.solution, i.benefit, i.scope, i.first_applied, i.collective_author, i.submitted_at, i.updated_at
         FROM initiatives i JOIN campaign_fields f ON f.id = i.field_id
         WHERE i.campaign_id = $1 AND i.unit_id = $2 AND i.id = $3 {}",
        if lock { "FOR UPDATE OF i" } else { "" }
    );
    Ok(sqlx::query_as(&sql)
        .bind(campaign_id)
        .bind(unit_id)
        .bind(id)
        .fetch_optional(conn)
        .await?)
}
