//! What the council's desk reads and writes. Every query is for one member (`account_id`); which
//! initiatives he may see is decided by `server::council_desk` from the unit tree and his
//! declarations, and passed in as the units he is recused from.
use crate::domain::council::score_sheet::{Sheet, SheetAction};
use crate::error::AppError;
use crate::wire::council_desk::{PeerSheet, SeatSummary, StoredSheet};
use sqlx::{PgConnection, PgExecutor};

pub struct SeatRow {
    pub campaign_id: i64,
    pub title: String,
    pub state: String,
    pub role: String,
}

/// The campaigns whose council holds the account, newest first.
pub async fn seats(ex: impl PgExecutor<'_>, account_id: i64) -> Result<Vec<SeatRow>, AppError> {
    Ok(sqlx::query_as!(
        SeatRow,
        "SELECT c.id AS campaign_id, c.title, c.state, m.role
         FROM council_members m JOIN campaigns c ON c.id = m.campaign_id
         WHERE m.account_id = $1 ORDER BY c.created_at DESC, c.id DESC",
        account_id
    )
    .fetch_all(ex)
    .await?)
}

/// A seat as the home page lists it, once its stored words are read.
pub fn seat_summary(row: SeatRow) -> Option<SeatSummary> {
    Some(SeatSummary {
        campaign_id: row.campaign_id,
        title: row.title,
        state: crate::domain::campaign_state::CampaignState::parse(&row.state)?,
        role: crate::domain::council::role::CouncilRole::parse(&row.role)?,
    })
}

/// One initiative of the campaign with this member's work on it.
pub struct QueueRow {
    pub id: i64,
    pub title: String,
    pub unit_id: i64,
    pub unit_name: String,
    pub field_id: i64,
    pub field_name: String,
    pub my_state: Option<String>,
    pub my_total: Option<i32>,
    pub declared: bool,
}

pub async fn queue(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    account_id: i64,
) -> Result<Vec<QueueRow>, AppError> {
    Ok(sqlx::query_as!(
        QueueRow,
        r#"SELECT i.id, i.title, i.unit_id, u.name::text AS "unit_name!", i.field_id, f.name AS field_name,
                  s.state AS "my_state?", s.total AS "my_total?",
                  EXISTS (SELECT 1 FROM council_declared_conflicts d
                          WHERE d.initiative_id = i.id AND d.account_id = $2) AS "declared!"
           FROM initiatives i JOIN units u ON u.id = i.unit_id
           JOIN campaign_fields f ON f.id = i.field_id
           LEFT JOIN council_scores s ON s.initiative_id = i.id AND s.account_id = $2
           WHERE i.campaign_id = $1
           ORDER BY i.submitted_at, i.id"#,
        campaign_id,
        account_id
    )
    .fetch_all(ex)
    .await?)
}

/// The next initiative for this member: not `current`, not of a unit in `recused_units`, in his
/// `fields` (empty: all) and among those `assigned` to him (`None`: any), not declared, not yet
/// submitted or abstained; the ones skipped come last. Among the rest, one with the fewest
/// submitted scores (as its stored result counts them); among those, the first from a point
/// that depends on the member and where he is, so members who start together spread out instead
/// of queueing on the same initiative. Each step follows `initiative_results_queue_idx` and stops
/// at the first match.
pub async fn next(
    conn: &mut PgConnection,
    campaign_id: i64,
    account_id: i64,
    recused_units: &[i64],
    (fields, assigned): (&[i64], Option<&[i64]>),
    current: i64,
) -> Result<Option<i64>, AppError> {
    let member = Member {
        campaign_id,
        account_id,
        recused_units,
        fields,
        assigned,
        current,
    };
    for skipped in [false, true] {
        let Some((first, scored)) = member.first_from(&mut *conn, skipped, (0, 0), i32::MAX).await? else {
            continue;
        };
        let last = sqlx::query_scalar!(
            r#"SELECT max(initiative_id) AS "last!" FROM initiative_results
               WHERE campaign_id = $1 AND scored = $2 AND expected > 0"#,
            campaign_id,
            scored
        )
        .fetch_one(&mut *conn)
        .await?;
        let pivot = first + spread_offset(account_id, current, last - first + 1);
        let from_pivot = member
            .first_from(&mut *conn, skipped, (scored, pivot), scored)
            .await?;
        return Ok(Some(from_pivot.map_or(first, |(id, _)| id)));
    }
    Ok(None)
}

/// A point in `0..span` that differs between members and between the initiatives they leave.
fn spread_offset(account_id: i64, current: i64, span: i64) -> i64 {
    let mixed = (account_id as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .rotate_left(31)
        ^ (current as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    (mixed % span.max(1) as u64) as i64
}

struct Member<'a> {
    campaign_id: i64,
    account_id: i64,
    recused_units: &'a [i64],
    fields: &'a [i64],
    assigned: Option<&'a [i64]>,
    current: i64,
}

impl Member<'_> {
    /// The first initiative he may take at or after `(scored, id)` in queue order, scored at most
    /// `max_scored`: among those he skipped when `skipped`, else among those untouched or drafted.
    async fn first_from(
        &self,
        conn: &mut PgConnection,
        skipped: bool,
        (scored, id): (i32, i64),
        max_scored: i32,
    ) -> Result<Option<(i64, i32)>, AppError> {
        let row = sqlx::query!(
            r#"SELECT r.initiative_id, r.scored FROM initiative_results r
               JOIN initiatives i ON i.id = r.initiative_id
               WHERE r.campaign_id = $1 AND (r.campaign_id, r.scored, r.initiative_id) >= ($1, $7, $8)
                 AND r.scored <= $9 AND r.initiative_id <> $5 AND r.expected > 0
                 AND i.unit_id <> ALL($3::bigint[])
                 AND (cardinality($4::bigint[]) = 0 OR i.field_id = ANY($4::bigint[]))
                 AND ($6::bigint[] IS NULL OR r.initiative_id = ANY($6::bigint[]))
                 AND CASE WHEN $10 THEN EXISTS (SELECT 1 FROM council_scores s
                                                WHERE s.initiative_id = r.initiative_id AND s.account_id = $2
                                                  AND s.state = 'skipped')
                     ELSE NOT EXISTS (SELECT 1 FROM council_scores s
                                      WHERE s.initiative_id = r.initiative_id AND s.account_id = $2
                                        AND s.state <> 'draft') END
                 AND NOT EXISTS (SELECT 1 FROM council_declared_conflicts d
                                 WHERE d.initiative_id = r.initiative_id AND d.account_id = $2)
               ORDER BY r.campaign_id, r.scored, r.initiative_id
               LIMIT 1"#,
            self.campaign_id,
            self.account_id,
            self.recused_units,
            self.fields,
            self.current,
            self.assigned as Option<&[i64]>,
            scored,
            id,
            max_scored,
            skipped
        )
        .fetch_optional(conn)
        .await?;
        Ok(row.map(|r| (r.initiative_id, r.scored)))
    }
}

/// (decided, to score) of the initiatives given to this member, filtered as `next` filters them.
pub async fn progress(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    account_id: i64,
    recused_units: &[i64],
    (fields, assigned): (&[i64], Option<&[i64]>),
) -> Result<(i64, i64), AppError> {
    let row = sqlx::query!(
        r#"SELECT count(*) FILTER (WHERE s.state IN ('submitted', 'abstained')) AS "done!", count(*) AS "total!"
           FROM initiatives i
           LEFT JOIN council_scores s ON s.initiative_id = i.id AND s.account_id = $2
           WHERE i.campaign_id = $1
             AND i.unit_id <> ALL($3::bigint[])
             AND (cardinality($4::bigint[]) = 0 OR i.field_id = ANY($4::bigint[]))
             AND ($5::bigint[] IS NULL OR i.id = ANY($5::bigint[]))
             AND NOT EXISTS (SELECT 1 FROM council_declared_conflicts d
                             WHERE d.initiative_id = i.id AND d.account_id = $2)"#,
        campaign_id,
        account_id,
        recused_units,
        fields,
        assigned as Option<&[i64]>
    )
    .fetch_one(ex)
    .await?;
    Ok((row.done, row.total))
}

/// For the rest of the transaction, prepared statements run on their cached plan: a save's
/// statements (written for it: no `$n IS NULL OR` index conditions) would otherwise be planned
/// again at every call, which cost more than running them.
pub async fn generic_plans(conn: &mut PgConnection) -> Result<(), AppError> {
    sqlx::query!("SET LOCAL plan_cache_mode = force_generic_plan")
        .execute(conn)
        .await?;
    Ok(())
}

/// Locks the initiative's row: decisions on one initiative are made one after the other, so each
/// recomputed final score sees every sheet decided before it.
pub async fn lock_initiative(conn: &mut PgConnection, initiative_id: i64) -> Result<(), AppError> {
    sqlx::query!(
        "SELECT id FROM initiatives WHERE id = $1 FOR NO KEY UPDATE",
        initiative_id
    )
    .fetch_optional(conn)
    .await?;
    Ok(())
}

/// Where an initiative sits: its campaign, unit and field; `None` when it is not the campaign's.
pub struct Placement {
    pub unit_id: i64,
    pub unit_name: String,
    pub field_id: i64,
    pub unit_lineage: Vec<i64>,
    pub declared: bool,
    /// "K7QP-3MXD · title", as the audit trail names an initiative.
    pub title: String,
}

pub async fn placement(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    initiative_id: i64,
    account_id: i64,
) -> Result<Option<Placement>, AppError> {
    Ok(sqlx::query_as!(
        Placement,
        r#"SELECT i.unit_id, (SELECT u.name::text FROM units u WHERE u.id = i.unit_id) AS "unit_name!", i.field_id,
                  ARRAY(SELECT l.id FROM unit_lineage(i.unit_id) l ORDER BY l.depth) AS "unit_lineage!",
                  EXISTS (SELECT 1 FROM council_declared_conflicts d
                          WHERE d.initiative_id = i.id AND d.account_id = $3) AS "declared!",
                  i.receipt_code || ' · ' || i.title AS "title!"
           FROM initiatives i WHERE i.campaign_id = $1 AND i.id = $2"#,
        campaign_id,
        initiative_id,
        account_id
    )
    .fetch_optional(ex)
    .await?)
}

pub struct SheetRow {
    pub state: String,
    pub half_points: Vec<Option<i32>>,
    pub comments: Vec<String>,
    pub overall_comment: String,
    pub reason: String,
    pub total: Option<i32>,
    pub version: i32,
}

impl SheetRow {
    pub fn stored(self) -> StoredSheet {
        StoredSheet {
            state: self.state,
            points: halves(&self.half_points),
            comments: self.comments,
            overall: self.overall_comment,
            reason: self.reason,
        }
    }
}

fn halves(points: &[Option<i32>]) -> Vec<Option<u32>> {
    points
        .iter()
        .map(|p| p.and_then(|v| u32::try_from(v).ok()))
        .collect()
}

/// The member's sheet for the initiative; `FOR UPDATE` when `lock`.
pub async fn sheet(
    conn: &mut PgConnection,
    initiative_id: i64,
    account_id: i64,
    lock: bool,
) -> Result<Option<SheetRow>, AppError> {
    let row = if lock {
        sqlx::query_as!(
            SheetRow,
            r#"SELECT state, half_points AS "half_points: Vec<Option<i32>>", comments, overall_comment,
                      reason, total, version
               FROM council_scores WHERE initiative_id = $1 AND account_id = $2 FOR UPDATE"#,
            initiative_id,
            account_id
        )
        .fetch_optional(conn)
        .await?
    } else {
        sqlx::query_as!(
            SheetRow,
            r#"SELECT state, half_points AS "half_points: Vec<Option<i32>>", comments, overall_comment,
                      reason, total, version
               FROM council_scores WHERE initiative_id = $1 AND account_id = $2"#,
            initiative_id,
            account_id
        )
        .fetch_optional(conn)
        .await?
    };
    Ok(row)
}

/// Writes the member's sheet as `action` leaves it; the version grows by one. Returns it.
pub async fn write_sheet(
    conn: &mut PgConnection,
    (campaign_id, initiative_id, account_id): (i64, i64, i64),
    action: SheetAction,
    sheet: &Sheet,
) -> Result<i32, AppError> {
    let points: Vec<Option<i32>> = sheet.points.iter().map(|p| p.map(|v| v as i32)).collect();
    let total = sheet.total().map(|t| t as i32);
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO council_scores (initiative_id, account_id, campaign_id, state, half_points, comments,
                                       overall_comment, reason, total)
           VALUES ($1, $2, $3, $4, $5::int[], $6, $7, $8, $9)
           ON CONFLICT (initiative_id, account_id) DO UPDATE SET
               state = EXCLUDED.state, half_points = EXCLUDED.half_points, comments = EXCLUDED.comments,
               overall_comment = EXCLUDED.overall_comment, reason = EXCLUDED.reason, total = EXCLUDED.total,
               version = council_scores.version + 1, updated_at = now()
           RETURNING version"#,
        initiative_id,
        account_id,
        campaign_id,
        action.state(),
        &points as &[Option<i32>],
        &sheet.comments,
        sheet.overall,
        sheet.reason,
        total
    )
    .fetch_one(conn)
    .await?)
}

/// The other members' submitted sheets of the initiative.
pub async fn peers(
    ex: impl PgExecutor<'_>,
    initiative_id: i64,
    account_id: i64,
) -> Result<Vec<PeerSheet>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT a.display_name, s.half_points AS "half_points: Vec<Option<i32>>", s.comments,
                  s.overall_comment, s.total
           FROM council_scores s JOIN accounts a ON a.id = s.account_id
           WHERE s.initiative_id = $1 AND s.account_id <> $2 AND s.state = 'submitted'
           ORDER BY a.display_name, a.id"#,
        initiative_id,
        account_id
    )
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PeerSheet {
            name: r.display_name,
            points: halves(&r.half_points),
            comments: r.comments,
            overall: r.overall_comment,
            total: r.total.and_then(|t| u32::try_from(t).ok()),
        })
        .collect())
}

pub async fn declare(
    conn: &mut PgConnection,
    initiative_id: i64,
    account_id: i64,
    reason: &str,
) -> Result<bool, AppError> {
    let added = sqlx::query!(
        "INSERT INTO council_declared_conflicts (initiative_id, account_id, reason) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
        initiative_id,
        account_id,
        reason
    )
    .execute(&mut *conn)
    .await?;
    // A declared conflict withdraws whatever he had typed or decided on it.
    sqlx::query!(
        "DELETE FROM council_scores WHERE initiative_id = $1 AND account_id = $2",
        initiative_id,
        account_id
    )
    .execute(conn)
    .await?;
    Ok(added.rows_affected() == 1)
}

/// "K7QP-3MXD · title", as the audit trail names an initiative.
pub async fn initiative_title(ex: impl PgExecutor<'_>, initiative_id: i64) -> Result<String, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT receipt_code || ' · ' || title AS "title!" FROM initiatives WHERE id = $1"#,
        initiative_id
    )
    .fetch_one(ex)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::spread_offset;
    use std::collections::HashSet;

    #[test]
    fn members_leaving_the_same_initiative_start_from_different_points() {
        let points: HashSet<i64> = (1..=30)
            .map(|member| spread_offset(member, 4_711, 1_000))
            .collect();
        assert!(points.len() >= 27, "{points:?}");
        assert!(points.iter().all(|p| (0..1_000).contains(p)));
    }

    #[test]
    fn one_member_moves_to_a_new_point_each_time() {
        let points: HashSet<i64> = (1..=30).map(|current| spread_offset(7, current, 1_000)).collect();
        assert!(points.len() >= 27, "{points:?}");
        assert_eq!(spread_offset(7, 9, 1), 0, "one initiative at that level: itself");
    }
}
