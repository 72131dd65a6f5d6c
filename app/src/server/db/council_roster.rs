//! What decides who is expected on which initiative: the council's members with their units,
//! roles and fields, the campaign's assignment mode and its stored (initiative, member) pairs.
//! No rule is applied here (`server::council_roster` applies `domain::council`).
use crate::error::AppError;
use crate::server::db::final_scores::Pair;
use sqlx::{PgConnection, PgExecutor};

pub struct RosterRow {
    pub account_id: i64,
    pub display_name: String,
    pub role: String,
    /// His unit's lineage (empty for an account without a unit).
    pub lineage: Vec<i64>,
    pub fields: Vec<i64>,
}

/// The council, chair first, then the secretary, then by name.
pub async fn members(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<RosterRow>, AppError> {
    // Each unit's lineage is walked once, however many members work there.
    Ok(sqlx::query_as!(
        RosterRow,
        r#"WITH seated AS (SELECT m.account_id, m.role, a.display_name, a.unit_id
                           FROM council_members m JOIN accounts a ON a.id = m.account_id
                           WHERE m.campaign_id = $1),
                lineages AS (SELECT u.unit_id, ARRAY(SELECT l.id FROM unit_lineage(u.unit_id) l ORDER BY l.depth) AS lineage
                             FROM (SELECT DISTINCT unit_id FROM seated WHERE unit_id IS NOT NULL) u)
           SELECT m.account_id, m.display_name, m.role,
                  COALESCE(l.lineage, '{}') AS "lineage!",
                  ARRAY(SELECT f.field_id FROM council_member_fields f
                        WHERE f.campaign_id = $1 AND f.account_id = m.account_id
                        ORDER BY f.field_id) AS "fields!"
           FROM seated m LEFT JOIN lineages l ON l.unit_id = m.unit_id
           ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 ELSE 2 END, m.display_name, m.account_id"#,
        campaign_id
    )
    .fetch_all(ex)
    .await?)
}

/// The campaign's assignment mode and members per initiative, as stored.
pub async fn mode(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<(String, i32), AppError> {
    let row = sqlx::query!(
        "SELECT council_assignment, reviewers_per_initiative FROM campaigns WHERE id = $1",
        campaign_id
    )
    .fetch_optional(ex)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok((row.council_assignment, row.reviewers_per_initiative))
}

pub async fn set_mode(
    conn: &mut PgConnection,
    campaign_id: i64,
    mode: &str,
    per_initiative: i32,
) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE campaigns SET council_assignment = $2, reviewers_per_initiative = $3 WHERE id = $1",
        campaign_id,
        mode,
        per_initiative
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The stored (initiative, member) pairs of `ids` (every initiative for `None`).
pub async fn pairs(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    ids: Option<&[i64]>,
) -> Result<Vec<(i64, i64)>, AppError> {
    // Two statements, for the reason `db::final_scores::initiatives` gives.
    let rows = match ids {
        Some(ids) => {
            sqlx::query_as!(
                Pair,
                "SELECT initiative_id, account_id FROM council_assignments
                 WHERE initiative_id = ANY($2) AND campaign_id = $1",
                campaign_id,
                ids
            )
            .fetch_all(ex)
            .await?
        }
        None => {
            sqlx::query_as!(
                Pair,
                "SELECT initiative_id, account_id FROM council_assignments WHERE campaign_id = $1",
                campaign_id
            )
            .fetch_all(ex)
            .await?
        }
    };
    Ok(rows.iter().map(Pair::key).collect())
}

/// The initiatives assigned to one member.
pub async fn assigned_to(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    account_id: i64,
) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar!(
        "SELECT initiative_id FROM council_assignments WHERE campaign_id = $1 AND account_id = $2",
        campaign_id,
        account_id
    )
    .fetch_all(ex)
    .await?)
}

/// Stores new pairs (existing ones stay as they are); the number added.
pub async fn assign(
    conn: &mut PgConnection,
    campaign_id: i64,
    pairs: &[(i64, i64)],
) -> Result<u64, AppError> {
    let initiatives: Vec<i64> = pairs.iter().map(|p| p.0).collect();
    let accounts: Vec<i64> = pairs.iter().map(|p| p.1).collect();
    let done = sqlx::query!(
        "INSERT INTO council_assignments (campaign_id, initiative_id, account_id)
         SELECT $1, t.initiative_id, t.account_id FROM UNNEST($2::bigint[], $3::bigint[]) AS t(initiative_id, account_id)
         ON CONFLICT DO NOTHING",
        campaign_id,
        &initiatives,
        &accounts
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Removes one pair; whether it existed.
pub async fn unassign(
    conn: &mut PgConnection,
    campaign_id: i64,
    initiative_id: i64,
    account_id: i64,
) -> Result<bool, AppError> {
    let done = sqlx::query!(
        "DELETE FROM council_assignments WHERE campaign_id = $1 AND initiative_id = $2 AND account_id = $3",
        campaign_id,
        initiative_id,
        account_id
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes every pair whose member has not decided on it yet (a new spread starts from the
/// decided ones); the number removed.
pub async fn clear_undecided(conn: &mut PgConnection, campaign_id: i64) -> Result<u64, AppError> {
    let done = sqlx::query!(
        "DELETE FROM council_assignments a WHERE a.campaign_id = $1
           AND NOT EXISTS (SELECT 1 FROM council_scores s
                           WHERE s.initiative_id = a.initiative_id AND s.account_id = a.account_id
                             AND s.state IN ('submitted', 'abstained'))",
        campaign_id
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}
