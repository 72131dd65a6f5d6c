//! Participating units: always units below the campaign's organizer (the organizer itself runs
//! the campaign and does not take part). Added and removed as sets, a whole branch at a time.
use crate::domain::unit::UnitKind;
use crate::error::AppError;
use sqlx::PgConnection;

#[derive(sqlx::FromRow, Debug, Clone)]
pub struct SubtreeRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    pub kind: UnitKind,
    pub active: bool,
    pub selected: bool,
}

/// Every unit below `organizer_id`, in Vietnamese order, with whether it takes part.
pub async fn organizer_subtree(
    conn: &mut PgConnection,
    campaign_id: i64,
    organizer_id: i64,
) -> Result<Vec<SubtreeRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.parent_id, u.name, u.kind, u.active,
                EXISTS (SELECT 1 FROM campaign_units cu
                        WHERE cu.campaign_id = $1 AND cu.unit_id = u.id) AS selected
         FROM units u JOIN unit_subtree($2) b ON b.id = u.id
         WHERE u.id <> $2
         ORDER BY u.name, u.code",
    )
    .bind(campaign_id)
    .bind(organizer_id)
    .fetch_all(conn)
    .await?)
}

/// `unit_id` and, with `branch`, every unit below it — but only units below the organizer, and
/// when adding only active ones.
pub async fn branch_ids(
    conn: &mut PgConnection,
    organizer_id: i64,
    unit_id: i64,
    branch: bool,
    adding: bool,
) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT u.id FROM unit_subtree($2) p JOIN units u ON u.id = p.id
         WHERE (p.id = $2 OR $3)
           AND p.id <> $1 AND p.id IN (SELECT id FROM unit_subtree($1))
           AND (u.active OR NOT $4)",
    )
    .bind(organizer_id)
    .bind(unit_id)
    .bind(branch)
    .bind(adding)
    .fetch_all(conn)
    .await?)
}

/// Adds or removes `ids`; returns the names of the units that actually changed.
pub async fn apply(
    conn: &mut PgConnection,
    campaign_id: i64,
    ids: &[i64],
    include: bool,
) -> Result<Vec<String>, AppError> {
    let sql = if include {
        "WITH added AS (
             INSERT INTO campaign_units (campaign_id, unit_id)
             SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING RETURNING unit_id
         )
         SELECT u.name::text FROM units u JOIN added a ON a.unit_id = u.id ORDER BY u.name"
    } else {
        "WITH removed AS (
             DELETE FROM campaign_units WHERE campaign_id = $1 AND unit_id = ANY($2) RETURNING unit_id
         )
         SELECT u.name::text FROM units u JOIN removed r ON r.unit_id = u.id ORDER BY u.name"
    };
    Ok(sqlx::query_scalar(sql)
        .bind(campaign_id)
        .bind(ids)
        .fetch_all(conn)
        .await?)
}

pub async fn count(conn: &mut PgConnection, campaign_id: i64) -> Result<i64, AppError> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM campaign_units WHERE campaign_id = $1")
            .bind(campaign_id)
            .fetch_one(conn)
            .await?,
    )
}

/// Copies the participating units of campaign `from` to campaign `to`.
pub async fn copy(conn: &mut PgConnection, from: i64, to: i64) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO campaign_units (campaign_id, unit_id)
         SELECT $2, unit_id FROM campaign_units WHERE campaign_id = $1",
    )
    .bind(from)
    .bind(to)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes the units that are not below `organizer_id`; returns their names.
pub async fn keep_only_below(
    conn: &mut PgConnection,
    campaign_id: i64,
    organizer_id: i64,
) -> Result<Vec<String>, AppError> {
    Ok(sqlx::query_scalar(
        "WITH removed AS (
             DELETE FROM campaign_units
             WHERE campaign_id = $1
               AND (unit_id = $2 OR unit_id NOT IN (SELECT id FROM unit_subtree($2)))
             RETURNING unit_id
         )
         SELECT u.name::text FROM units u JOIN removed r ON r.unit_id = u.id ORDER BY u.name",
    )
    .bind(campaign_id)
    .bind(organizer_id)
    .fetch_all(conn)
    .await?)
}
