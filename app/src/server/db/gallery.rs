//! The gallery's and replication's rows. "In the gallery" is the `gallery_initiatives` view's
//! definition, never repeated here; a scope's units are `unit_subtree` (all units for `None`).
use crate::domain::initiative::attachment::MediaType;
use crate::domain::initiative::InitiativeKind;
use crate::domain::unit::UnitKind;
use crate::error::AppError;
use crate::wire::awards::GalleryListing;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgExecutor};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CardRow {
    pub id: i64,
    pub title: String,
    pub kind: InitiativeKind,
    pub field: String,
    pub unit_name: String,
    pub unit_kind: UnitKind,
    pub campaign_title: String,
    pub year: i32,
    pub organizer_id: i64,
    pub organizer_name: String,
    pub level: Option<String>,
    pub replications: i64,
}

/// Every initiative in the gallery, newest campaign first, most adopted first within it.
pub async fn cards(ex: impl PgExecutor<'_>) -> Result<Vec<CardRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT i.id, i.title, i.kind, f.name AS field, u.name::text AS unit_name, u.kind AS unit_kind,
                c.title AS campaign_title,
                EXTRACT(YEAR FROM COALESCE(c.period_start, c.created_at::date))::int AS year,
                o.id AS organizer_id, o.name::text AS organizer_name,
                COALESCE(r.override_level, r.level) AS level,
                (SELECT count(*) FROM replications p WHERE p.initiative_id = i.id) AS replications
         FROM gallery_initiatives g
         JOIN initiatives i ON i.id = g.initiative_id
         JOIN initiative_results r ON r.initiative_id = i.id
         JOIN campaigns c ON c.id = g.campaign_id
         JOIN units u ON u.id = i.unit_id
         JOIN units o ON o.id = c.organizer_id
         JOIN campaign_fields f ON f.id = i.field_id
         ORDER BY year DESC, c.id DESC, replications DESC, i.title",
    )
    .fetch_all(ex)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EntryRow {
    pub campaign_id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub campaign_title: String,
    pub organizer_name: String,
    pub year: i32,
    pub level: Option<String>,
    pub first_applied: NaiveDate,
    /// In the gallery for everybody.
    pub listed: bool,
}

/// An exemplary initiative, listed or not (its organizer may look before it is).
pub async fn exemplary(ex: impl PgExecutor<'_>, initiative_id: i64) -> Result<Option<EntryRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT c.id AS campaign_id, i.unit_id, u.name::text AS unit_name, c.title AS campaign_title,
                o.name::text AS organizer_name,
                EXTRACT(YEAR FROM COALESCE(c.period_start, c.created_at::date))::int AS year,
                COALESCE(r.override_level, r.level) AS level, i.first_applied,
                EXISTS (SELECT 1 FROM gallery_initiatives g WHERE g.initiative_id = i.id) AS listed
         FROM initiative_results r
         JOIN initiatives i ON i.id = r.initiative_id
         JOIN campaigns c ON c.id = r.campaign_id
         JOIN units u ON u.id = i.unit_id
         JOIN units o ON o.id = c.organizer_id
         WHERE r.initiative_id = $1 AND r.exemplary",
    )
    .bind(initiative_id)
    .fetch_optional(ex)
    .await?)
}

/// Whether the initiative is in the gallery (for everybody).
pub async fn listed(ex: impl PgExecutor<'_>, initiative_id: i64) -> Result<bool, AppError> {
    Ok(
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM gallery_initiatives WHERE initiative_id = $1)")
            .bind(initiative_id)
            .fetch_one(ex)
            .await?,
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReplicationRow {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub adopted_on: NaiveDate,
    pub note: String,
    pub photo: Option<i64>,
    pub recorded_at: DateTime<Utc>,
}

/// The initiative's replications, oldest adoption first.
pub async fn replications(
    ex: impl PgExecutor<'_>,
    initiative_id: i64,
) -> Result<Vec<ReplicationRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.unit_id, u.name::text AS unit_name, p.adopted_on, p.note, p.recorded_at,
                (SELECT min(a.id) FROM attachments a WHERE a.replication_id = p.id) AS photo
         FROM replications p JOIN units u ON u.id = p.unit_id
         WHERE p.initiative_id = $1
         ORDER BY p.adopted_on, p.id",
    )
    .bind(initiative_id)
    .fetch_all(ex)
    .await?)
}

/// Who recorded a replication.
#[derive(Debug, Clone, Copy)]
pub enum Recorder {
    Link(i64),
    Account(i64),
}

/// Stores a replication; `None` when the unit's is there already (a second tap, another phone).
pub async fn insert(
    conn: &mut PgConnection,
    (initiative_id, unit_id): (i64, i64),
    adopted_on: NaiveDate,
    note: &str,
    recorder: Recorder,
) -> Result<Option<i64>, AppError> {
    let (link, account) = match recorder {
        Recorder::Link(id) => (Some(id), None),
        Recorder::Account(id) => (None, Some(id)),
    };
    Ok(sqlx::query_scalar(
        "INSERT INTO replications (initiative_id, unit_id, adopted_on, note, recorded_by_link, recorded_by_account)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ON CONSTRAINT replications_once DO NOTHING
         RETURNING id",
    )
    .bind(initiative_id)
    .bind(unit_id)
    .bind(adopted_on)
    .bind(note)
    .bind(link)
    .bind(account)
    .fetch_optional(conn)
    .await?)
}

pub async fn insert_photo(
    conn: &mut PgConnection,
    replication_id: i64,
    (file_name, media_type, bytes): (&str, MediaType, &[u8]),
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO attachments (replication_id, file_name, media_type, size_bytes, bytes, public)
         VALUES ($1, $2, $3, $4, $5, true)",
    )
    .bind(replication_id)
    .bind(file_name)
    .bind(media_type.mime())
    .bind(i32::try_from(bytes.len()).map_err(|_| AppError::Internal)?)
    .bind(bytes)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether `unit_id` has recorded adopting the initiative.
pub async fn recorded(ex: impl PgExecutor<'_>, initiative_id: i64, unit_id: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM replications WHERE initiative_id = $1 AND unit_id = $2)",
    )
    .bind(initiative_id)
    .bind(unit_id)
    .fetch_one(ex)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReplicationOwner {
    pub initiative_id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub title: String,
}

pub async fn replication(ex: impl PgExecutor<'_>, id: i64) -> Result<Option<ReplicationOwner>, AppError> {
    Ok(sqlx::query_as(
        "SELECT p.initiative_id, p.unit_id, u.name::text AS unit_name, i.title
         FROM replications p JOIN units u ON u.id = p.unit_id JOIN initiatives i ON i.id = p.initiative_id
         WHERE p.id = $1",
    )
    .bind(id)
    .fetch_optional(ex)
    .await?)
}

pub async fn delete(conn: &mut PgConnection, id: i64) -> Result<(), AppError> {
    sqlx::query("DELETE FROM replications WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The campaign of an initiative's attached file (reports' files and photos have none here).
pub async fn file_campaign(ex: impl PgExecutor<'_>, file_id: i64) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT i.campaign_id FROM attachments a JOIN initiatives i ON i.id = a.initiative_id WHERE a.id = $1",
    )
    .bind(file_id)
    .fetch_optional(ex)
    .await?)
}

pub async fn set_file_public(ex: impl PgExecutor<'_>, file_id: i64, public: bool) -> Result<(), AppError> {
    sqlx::query("UPDATE attachments SET public = $2 WHERE id = $1 AND initiative_id IS NOT NULL")
        .bind(file_id)
        .bind(public)
        .execute(ex)
        .await?;
    Ok(())
}

/// The initiative's files, each with whether it is public.
pub async fn file_choices(
    ex: impl PgExecutor<'_>,
    initiative_id: i64,
) -> Result<Vec<(i64, String, MediaType, i32, bool)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT id, file_name, media_type, size_bytes, public FROM attachments
         WHERE initiative_id = $1 ORDER BY id",
    )
    .bind(initiative_id)
    .fetch_all(ex)
    .await?)
}

/// Whether anybody may read the file: one marked public of an initiative in the gallery, or a
/// replication's photo of one.
pub async fn file_is_public(ex: impl PgExecutor<'_>, file_id: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (
             SELECT 1 FROM attachments a
             LEFT JOIN replications p ON p.id = a.replication_id
             JOIN gallery_initiatives g ON g.initiative_id = COALESCE(a.initiative_id, p.initiative_id)
             WHERE a.id = $1 AND a.public)",
    )
    .bind(file_id)
    .fetch_one(ex)
    .await?)
}

/// Whether it changed anything.
pub async fn set_listed(ex: impl PgExecutor<'_>, campaign_id: i64, listed: bool) -> Result<bool, AppError> {
    let done = sqlx::query("UPDATE campaigns SET gallery_listed = $2 WHERE id = $1 AND gallery_listed <> $2")
        .bind(campaign_id)
        .bind(listed)
        .execute(ex)
        .await?;
    Ok(done.rows_affected() > 0)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UnitChoiceRow {
    pub id: i64,
    pub name: String,
}

/// Active units of a scope (`None`: all) that have not recorded adopting the initiative, nor
/// made it, in Vietnamese order.
pub async fn adopting_choices(
    ex: impl PgExecutor<'_>,
    root: Option<i64>,
    initiative_id: i64,
) -> Result<Vec<UnitChoiceRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.name::text AS name FROM units u
         WHERE u.active
           AND ($1::bigint IS NULL OR u.id IN (SELECT id FROM unit_subtree($1)))
           AND u.id <> (SELECT unit_id FROM initiatives WHERE id = $2)
           AND NOT EXISTS (SELECT 1 FROM replications p WHERE p.initiative_id = $2 AND p.unit_id = u.id)
         ORDER BY u.name, u.id",
    )
    .bind(root)
    .bind(initiative_id)
    .fetch_all(ex)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AdoptedRow {
    pub unit_id: i64,
    pub unit_name: String,
    pub replication_id: i64,
    pub initiative_id: i64,
    pub title: String,
    pub from_unit: String,
    pub adopted_on: NaiveDate,
}

/// Replications recorded by the units of a scope (`None`: all), by unit then date.
pub async fn by_unit(ex: impl PgExecutor<'_>, root: Option<i64>) -> Result<Vec<AdoptedRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT u.id AS unit_id, u.name::text AS unit_name, p.id AS replication_id, i.id AS initiative_id,
                i.title, f.name::text AS from_unit, p.adopted_on
         FROM replications p
         JOIN units u ON u.id = p.unit_id
         JOIN initiatives i ON i.id = p.initiative_id
         JOIN units f ON f.id = i.unit_id
         WHERE $1::bigint IS NULL OR u.id IN (SELECT id FROM unit_subtree($1))
         ORDER BY u.name, u.id, p.adopted_on, p.id",
    )
    .bind(root)
    .fetch_all(ex)
    .await?)
}

/// How the campaign's exemplary initiatives reach the gallery.
pub async fn listing(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<GalleryListing, AppError> {
    let (link_only, listed, exemplary): (bool, bool, i64) = sqlx::query_as(
        "SELECT c.visibility = 'link_only', c.gallery_listed,
                (SELECT count(*) FROM initiative_results r WHERE r.campaign_id = c.id AND r.exemplary)
         FROM campaigns c WHERE c.id = $1",
    )
    .bind(campaign_id)
    .fetch_optional(ex)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(GalleryListing {
        link_only,
        listed,
        exemplary,
    })
}
