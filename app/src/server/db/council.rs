//! The council's members, their fields and what the conflict rule needs (the lineages of the
//! participating units). No rule is applied here: `domain::council` holds them and
//! `server::council` applies them.
use crate::domain::council::role::CouncilRole;
use crate::error::AppError;
use crate::wire::council::{CouncilCandidate, FieldChoice};
use sqlx::{PgConnection, PgExecutor};

/// A member as stored, with what the organizer's page shows of him.
pub struct MemberRow {
    pub account_id: i64,
    pub display_name: String,
    pub username: String,
    pub unit_id: Option<i64>,
    pub unit_name: Option<String>,
    pub role: String,
    pub fields: Vec<i64>,
    pub submitted: i64,
    pub disabled: bool,
}

pub async fn members(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<MemberRow>, AppError> {
    Ok(sqlx::query_as!(
        MemberRow,
        r#"SELECT m.account_id, a.display_name, a.username, a.unit_id, u.name::text AS unit_name, m.role,
                  ARRAY(SELECT f.field_id FROM council_member_fields f
                        WHERE f.campaign_id = m.campaign_id AND f.account_id = m.account_id
                        ORDER BY f.field_id) AS "fields!",
                  (SELECT count(*) FROM council_scores s
                   WHERE s.campaign_id = m.campaign_id AND s.account_id = m.account_id
                     AND s.state = 'submitted') AS "submitted!",
                  a.disabled_at IS NOT NULL AS "disabled!"
           FROM council_members m JOIN accounts a ON a.id = m.account_id
           LEFT JOIN units u ON u.id = a.unit_id
           WHERE m.campaign_id = $1
           ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 ELSE 2 END, a.display_name"#,
        campaign_id
    )
    .fetch_all(ex)
    .await?)
}

/// Evaluator accounts in the subtree of `root` (every one for `None`), enabled, not yet members.
pub async fn candidates(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    root: Option<i64>,
) -> Result<Vec<CouncilCandidate>, AppError> {
    Ok(sqlx::query_as!(
        CouncilCandidate,
        r#"SELECT a.id AS account_id, a.display_name, u.name::text AS unit_name
           FROM accounts a LEFT JOIN units u ON u.id = a.unit_id
           WHERE a.role = 'evaluator' AND a.disabled_at IS NULL
             AND ($2::bigint IS NULL OR a.unit_id IN (SELECT id FROM unit_subtree($2)))
             AND NOT EXISTS (SELECT 1 FROM council_members m
                             WHERE m.campaign_id = $1 AND m.account_id = a.id)
           ORDER BY a.display_name, a.id"#,
        campaign_id,
        root
    )
    .fetch_all(ex)
    .await?)
}

pub async fn fields(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<FieldChoice>, AppError> {
    Ok(sqlx::query_as!(
        FieldChoice,
        "SELECT id, name FROM campaign_fields WHERE campaign_id = $1 ORDER BY position",
        campaign_id
    )
    .fetch_all(ex)
    .await?)
}

/// Each participating unit's lineage (its id first, up to its root), for the conflict rule.
pub async fn unit_lineages(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<Vec<i64>>, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT ARRAY(SELECT l.id FROM unit_lineage(cu.unit_id) l ORDER BY l.depth) AS "lineage!"
           FROM campaign_units cu WHERE cu.campaign_id = $1"#,
        campaign_id
    )
    .fetch_all(ex)
    .await?)
}

/// The lineages of the units of the initiatives `ids` (every participating unit for `None`).
pub async fn initiative_unit_lineages(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    ids: Option<&[i64]>,
) -> Result<Vec<Vec<i64>>, AppError> {
    let Some(ids) = ids else {
        return unit_lineages(ex, campaign_id).await;
    };
    Ok(sqlx::query_scalar!(
        r#"SELECT ARRAY(SELECT l.id FROM unit_lineage(u.unit_id) l ORDER BY l.depth) AS "lineage!"
           FROM (SELECT DISTINCT unit_id FROM initiatives WHERE campaign_id = $1 AND id = ANY($2)) u"#,
        campaign_id,
        ids
    )
    .fetch_all(ex)
    .await?)
}

/// How many registered initiatives each participating unit has.
pub async fn initiatives_per_unit(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
) -> Result<Vec<(i64, i64)>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT unit_id, count(*) AS "count!" FROM initiatives WHERE campaign_id = $1 GROUP BY unit_id"#,
        campaign_id
    )
    .fetch_all(ex)
    .await?;
    Ok(rows.into_iter().map(|r| (r.unit_id, r.count)).collect())
}

/// Adds the account as a plain member; false when it already was one.
pub async fn add(conn: &mut PgConnection, campaign_id: i64, account_id: i64) -> Result<bool, AppError> {
    let added = sqlx::query!(
        "INSERT INTO council_members (campaign_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        campaign_id,
        account_id
    )
    .execute(conn)
    .await?;
    Ok(added.rows_affected() == 1)
}

/// Gives the member `role` and restricts him to `fields` (none: every field). A chair or a
/// secretary named here replaces the previous one, who becomes a plain member.
pub async fn update(
    conn: &mut PgConnection,
    campaign_id: i64,
    account_id: i64,
    role: CouncilRole,
    fields: &[i64],
) -> Result<(), AppError> {
    if role != CouncilRole::Member {
        sqlx::query!(
            "UPDATE council_members SET role = 'member'
             WHERE campaign_id = $1 AND role = $2 AND account_id <> $3",
            campaign_id,
            role.as_str(),
            account_id
        )
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query!(
        "UPDATE council_members SET role = $3 WHERE campaign_id = $1 AND account_id = $2",
        campaign_id,
        account_id,
        role.as_str()
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "DELETE FROM council_member_fields WHERE campaign_id = $1 AND account_id = $2",
        campaign_id,
        account_id
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO council_member_fields (campaign_id, account_id, field_id)
         SELECT $1, $2, f.id FROM campaign_fields f WHERE f.campaign_id = $1 AND f.id = ANY($3)",
        campaign_id,
        account_id,
        fields
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn remove(conn: &mut PgConnection, campaign_id: i64, account_id: i64) -> Result<(), AppError> {
    sqlx::query!(
        "DELETE FROM council_members WHERE campaign_id = $1 AND account_id = $2",
        campaign_id,
        account_id
    )
    .execute(conn)
    .await?;
    Ok(())
}
