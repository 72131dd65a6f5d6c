//! The `ceremonies` table (migration `20261208000001`): one row per campaign once its ceremony is
//! prepared. Every write notifies channel `ceremony` (its trigger). A step moves only from the
//! step the console saw (`at`), so a double tap on "Tiếp" moves once.
use crate::domain::ceremony::{Mode, Order, Step};
use crate::error::AppError;
use sqlx::types::Json;
use sqlx::{PgConnection, PgExecutor};

#[derive(Debug, Clone)]
pub struct Ceremony {
    pub order: Order,
    pub stop_awards: Vec<i64>,
    pub mode: Mode,
    pub script: Vec<Step>,
    pub step: usize,
}

impl Default for Ceremony {
    fn default() -> Self {
        Ceremony {
            order: Order::LastToFirst,
            stop_awards: Vec::new(),
            mode: Mode::Prepared,
            script: Vec::new(),
            step: 0,
        }
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    sequence: String,
    stop_awards: Vec<i64>,
    mode: String,
    script: Option<Json<Vec<Step>>>,
    step: i32,
}

/// The campaign's ceremony, `None` while nothing was prepared.
pub async fn get(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Option<Ceremony>, AppError> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT sequence, stop_awards, mode, script, step FROM ceremonies WHERE campaign_id = $1",
    )
    .bind(campaign_id)
    .fetch_optional(ex)
    .await?;
    row.map(|r| {
        Ok(Ceremony {
            order: Order::parse(&r.sequence).ok_or(AppError::Internal)?,
            stop_awards: r.stop_awards,
            mode: Mode::parse(&r.mode).ok_or(AppError::Internal)?,
            script: r.script.map(|s| s.0).unwrap_or_default(),
            step: usize::try_from(r.step).map_err(|_| AppError::Internal)?,
        })
    })
    .transpose()
}

/// The campaign's ceremony locked for a change (made, as prepared, if there was none).
pub async fn lock(conn: &mut PgConnection, campaign_id: i64) -> Result<Ceremony, AppError> {
    sqlx::query("INSERT INTO ceremonies (campaign_id) VALUES ($1) ON CONFLICT DO NOTHING")
        .bind(campaign_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("SELECT 1 FROM ceremonies WHERE campaign_id = $1 FOR UPDATE")
        .bind(campaign_id)
        .execute(&mut *conn)
        .await?;
    get(&mut *conn, campaign_id).await?.ok_or(AppError::Internal)
}

pub async fn set_plan(
    conn: &mut PgConnection,
    campaign_id: i64,
    order: Order,
    stop_awards: &[i64],
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE ceremonies SET sequence = $2, stop_awards = $3, updated_at = now() WHERE campaign_id = $1",
    )
    .bind(campaign_id)
    .bind(order.as_str())
    .bind(stop_awards)
    .execute(conn)
    .await?;
    Ok(())
}

/// Starts (a rehearsal or the ceremony) at the first step of `script`, or returns to `Prepared`
/// (`script` `None`).
pub async fn set_mode(
    conn: &mut PgConnection,
    campaign_id: i64,
    mode: Mode,
    script: Option<&[Step]>,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE ceremonies SET mode = $2, script = COALESCE($3, script), step = CASE WHEN $3 IS NULL THEN step ELSE 0 END,
                updated_at = now()
         WHERE campaign_id = $1",
    )
    .bind(campaign_id)
    .bind(mode.as_str())
    .bind(script.map(Json))
    .execute(conn)
    .await?;
    Ok(())
}

/// Ends a running ceremony or rehearsal (the campaign closed): screens go back to the board.
pub async fn end(conn: &mut PgConnection, campaign_id: i64) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE ceremonies SET mode = CASE mode WHEN 'live' THEN 'finished' ELSE 'prepared' END, updated_at = now()
         WHERE campaign_id = $1 AND mode IN ('rehearsal', 'live')",
    )
    .bind(campaign_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Moves from step `at` to `to`; `false` when the ceremony was not at `at` any more.
pub async fn move_step(
    conn: &mut PgConnection,
    campaign_id: i64,
    at: usize,
    to: usize,
) -> Result<bool, AppError> {
    let (at, to) = (
        i32::try_from(at).map_err(|_| AppError::Internal)?,
        i32::try_from(to).map_err(|_| AppError::Internal)?,
    );
    let moved = sqlx::query(
        "UPDATE ceremonies SET step = $3, updated_at = now()
         WHERE campaign_id = $1 AND step = $2 AND mode IN ('rehearsal', 'live')",
    )
    .bind(campaign_id)
    .bind(at)
    .bind(to)
    .execute(conn)
    .await?;
    Ok(moved.rows_affected() == 1)
}

/// The awards of the campaign that have a photo, with its size.
pub async fn photos(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<(i64, i32)>, AppError> {
    Ok(
        sqlx::query_as("SELECT award_id, size_bytes FROM ceremony_photos WHERE campaign_id = $1")
            .bind(campaign_id)
            .fetch_all(ex)
            .await?,
    )
}

pub async fn set_photo(
    conn: &mut PgConnection,
    campaign_id: i64,
    award_id: i64,
    media_type: &str,
    bytes: &[u8],
) -> Result<(), AppError> {
    let size = i32::try_from(bytes.len()).map_err(|_| AppError::Internal)?;
    sqlx::query(
        "INSERT INTO ceremony_photos (award_id, campaign_id, media_type, size_bytes, bytes) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (award_id) DO UPDATE SET media_type = $3, size_bytes = $4, bytes = $5, created_at = now()",
    )
    .bind(award_id)
    .bind(campaign_id)
    .bind(media_type)
    .bind(size)
    .bind(bytes)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn remove_photo(conn: &mut PgConnection, campaign_id: i64, award_id: i64) -> Result<(), AppError> {
    sqlx::query("DELETE FROM ceremony_photos WHERE campaign_id = $1 AND award_id = $2")
        .bind(campaign_id)
        .bind(award_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A photo's type and bytes.
pub async fn photo(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    award_id: i64,
) -> Result<Option<(String, Vec<u8>)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT media_type, bytes FROM ceremony_photos WHERE campaign_id = $1 AND award_id = $2",
    )
    .bind(campaign_id)
    .bind(award_id)
    .fetch_optional(ex)
    .await?)
}
