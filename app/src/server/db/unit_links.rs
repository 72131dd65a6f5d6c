//! Unit links: at most one live link per participating unit; re-issuing revokes the old one.
//! Only the token's hash is stored (see `server::unit_link`).
use crate::domain::unit::UnitKind;
use crate::error::AppError;
use crate::server::state::LinkKey;
use crate::server::unit_link::{new_nonce, token, token_hash};
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

/// A participating unit and its live link, if it has one.
#[derive(sqlx::FromRow, Debug, Clone)]
pub struct UnitLinkRow {
    pub unit_id: i64,
    pub unit_name: String,
    pub unit_kind: UnitKind,
    pub link_id: Option<i64>,
    pub nonce: Option<Vec<u8>>,
    pub issued_at: Option<DateTime<Utc>>,
}

pub async fn for_campaign(pool: &PgPool, campaign_id: i64) -> Result<Vec<UnitLinkRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT u.id AS unit_id, u.name::text AS unit_name, u.kind AS unit_kind,
                l.id AS link_id, l.nonce, l.issued_at
         FROM campaign_units cu
         JOIN units u ON u.id = cu.unit_id
         LEFT JOIN unit_links l ON l.campaign_id = cu.campaign_id AND l.unit_id = cu.unit_id
                               AND l.revoked_at IS NULL
         WHERE cu.campaign_id = $1
         ORDER BY u.name, u.code",
    )
    .bind(campaign_id)
    .fetch_all(pool)
    .await?)
}

/// Revokes the unit's live link (if any) and issues a new one; returns the new link's id.
pub async fn reissue(
    conn: &mut PgConnection,
    key: &LinkKey,
    campaign_id: i64,
    unit_id: i64,
) -> Result<i64, AppError> {
    revoke(conn, campaign_id, unit_id).await?;
    issue(conn, key, campaign_id, unit_id).await
}

/// Issues links for every participating unit that has none; returns how many were issued.
pub async fn issue_missing(
    conn: &mut PgConnection,
    key: &LinkKey,
    campaign_id: i64,
) -> Result<usize, AppError> {
    let missing: Vec<i64> = sqlx::query_scalar(
        "SELECT cu.unit_id FROM campaign_units cu
         WHERE cu.campaign_id = $1
           AND NOT EXISTS (SELECT 1 FROM unit_links l WHERE l.campaign_id = cu.campaign_id
                           AND l.unit_id = cu.unit_id AND l.revoked_at IS NULL)",
    )
    .bind(campaign_id)
    .fetch_all(&mut *conn)
    .await?;
    for unit_id in &missing {
        issue(conn, key, campaign_id, *unit_id).await?;
    }
    Ok(missing.len())
}

async fn issue(
    conn: &mut PgConnection,
    key: &LinkKey,
    campaign_id: i64,
    unit_id: i64,
) -> Result<i64, AppError> {
    let id: i64 = sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence('unit_links', 'id'))")
        .fetch_one(&mut *conn)
        .await?;
    let nonce = new_nonce();
    let hash = token_hash(&token(key, id, &nonce));
    sqlx::query(
        "INSERT INTO unit_links (id, campaign_id, unit_id, nonce, token_hash) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(campaign_id)
    .bind(unit_id)
    .bind(nonce)
    .bind(hash)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Revokes the unit's live link; true when there was one.
pub async fn revoke(conn: &mut PgConnection, campaign_id: i64, unit_id: i64) -> Result<bool, AppError> {
    let done = sqlx::query(
        "UPDATE unit_links SET revoked_at = now()
         WHERE campaign_id = $1 AND unit_id = $2 AND revoked_at IS NULL",
    )
    .bind(campaign_id)
    .bind(unit_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// A link found by its token's hash, live or not.
#[derive(sqlx::FromRow, Debug, Clone)]
pub struct FoundLink {
    pub id: i64,
    pub campaign_id: i64,
    pub nonce: Vec<u8>,
    pub live: bool,
}

pub async fn find_by_hash(pool: &PgPool, hash: &[u8]) -> Result<Option<FoundLink>, AppError> {
    Ok(sqlx::query_as(
        "SELECT id, campaign_id, nonce, revoked_at IS NULL AS live FROM unit_links WHERE token_hash = $1",
    )
    .bind(hash)
    .fetch_optional(pool)
    .await?)
}

/// A link and its unit, live or not (`access` decides whether it still acts).
#[derive(Debug, Clone)]
pub struct LinkedUnit {
    pub campaign_id: i64,
    pub revoked: bool,
    pub unit_id: i64,
    pub unit_name: String,
}

/// A live link and its unit.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LiveLink {
    pub link_id: i64,
    pub campaign_id: i64,
    pub unit_id: i64,
    pub unit_name: String,
}

/// The live ones among `links`, newest campaign first.
pub async fn live_links(pool: &PgPool, links: &[i64]) -> Result<Vec<LiveLink>, AppError> {
    Ok(sqlx::query_as(
        "SELECT l.id AS link_id, l.campaign_id, u.id AS unit_id, u.name::text AS unit_name
         FROM unit_links l JOIN units u ON u.id = l.unit_id
         WHERE l.id = ANY($1) AND l.revoked_at IS NULL
         ORDER BY l.campaign_id DESC",
    )
    .bind(links)
    .fetch_all(pool)
    .await?)
}

pub async fn linked_unit(pool: &PgPool, link_id: i64) -> Result<Option<LinkedUnit>, AppError> {
    Ok(sqlx::query_as!(
        LinkedUnit,
        r#"SELECT l.campaign_id, l.revoked_at IS NOT NULL AS "revoked!", u.id AS unit_id,
                  u.name::text AS "unit_name!"
           FROM unit_links l JOIN units u ON u.id = l.unit_id
           WHERE l.id = $1"#,
        link_id
    )
    .fetch_optional(pool)
    .await?)
}
