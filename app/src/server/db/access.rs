//! What the access layer reads: a unit's lineage, the organizer of a campaign, whose a stored
//! file is. No rule is applied here (`domain::access` and `server::access` hold them). The tree
//! walks are the SQL functions `unit_subtree` and `unit_lineage` (migration `unit_tree_walks`);
//! every query here is checked against the schema at compile time (`.sqlx/`).
use crate::error::AppError;
use sqlx::PgExecutor;

/// The unit's id, then its parent's, up to its root; empty for no such unit.
pub async fn lineage(ex: impl PgExecutor<'_>, unit_id: i64) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM unit_lineage($1) ORDER BY depth"#,
        unit_id
    )
    .fetch_all(ex)
    .await?)
}

/// The unit and every unit below it.
pub async fn subtree(ex: impl PgExecutor<'_>, unit_id: i64) -> Result<Vec<i64>, AppError> {
    Ok(
        sqlx::query_scalar!(r#"SELECT id AS "id!" FROM unit_subtree($1)"#, unit_id)
            .fetch_all(ex)
            .await?,
    )
}

/// The lineage of the unit that organizes the campaign; empty for no such campaign.
pub async fn campaign_lineage(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT l.id AS "id!" FROM campaigns c, unit_lineage(c.organizer_id) l
           WHERE c.id = $1 ORDER BY l.depth"#,
        campaign_id
    )
    .fetch_all(ex)
    .await?)
}

/// Whether the file belongs to a campaign organized inside the subtree of `root`.
pub async fn file_in_subtree(ex: impl PgExecutor<'_>, file_id: i64, root: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (
               SELECT 1 FROM attachments a LEFT JOIN initiatives i ON i.id = a.initiative_id
               JOIN campaigns c ON c.id = COALESCE(i.campaign_id, a.report_campaign)
               WHERE a.id = $1 AND c.organizer_id IN (SELECT id FROM unit_subtree($2))) AS "found!""#,
        file_id,
        root
    )
    .fetch_one(ex)
    .await?)
}

/// Whether one of `links` is a live link of the unit that sent the file (with an initiative, a
/// report, or a draft still being fixed), in its campaign.
pub async fn file_of_links(ex: impl PgExecutor<'_>, file_id: i64, links: &[i64]) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (
               SELECT 1 FROM attachments a LEFT JOIN initiatives i ON i.id = a.initiative_id
               JOIN unit_links l ON l.id = ANY($2)
                    AND l.campaign_id = COALESCE(i.campaign_id, a.report_campaign, a.draft_campaign)
                    AND l.unit_id = COALESCE(i.unit_id, a.report_unit, a.draft_unit)
                    AND l.revoked_at IS NULL
               WHERE a.id = $1) AS "found!""#,
        file_id,
        links
    )
    .fetch_one(ex)
    .await?)
}

pub struct SeatRow {
    pub role: String,
    pub organizer_id: i64,
    pub fields: Vec<i64>,
    pub council_assignment: String,
    pub reviewers_per_initiative: i32,
}

/// The account's place in the campaign's council, if it has one.
pub async fn council_seat(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    account_id: i64,
) -> Result<Option<SeatRow>, AppError> {
    Ok(sqlx::query_as!(
        SeatRow,
        r#"SELECT m.role, c.organizer_id,
                  ARRAY(SELECT f.field_id FROM council_member_fields f
                        WHERE f.campaign_id = m.campaign_id AND f.account_id = m.account_id) AS "fields!",
                  c.council_assignment, c.reviewers_per_initiative
           FROM council_members m JOIN campaigns c ON c.id = m.campaign_id
           WHERE m.campaign_id = $1 AND m.account_id = $2"#,
        campaign_id,
        account_id
    )
    .fetch_optional(ex)
    .await?)
}

/// What decides whether a council member may read a stored file: the campaign of its
/// initiative, the unit that sent it, its field, and the member's declaration on it.
pub struct CouncilFile {
    pub campaign_id: i64,
    pub initiative_id: i64,
    pub unit_lineage: Vec<i64>,
    pub field_id: i64,
    pub declared: bool,
}

/// The file's initiative, when the account sits in the council of its campaign.
pub async fn file_for_council(
    ex: impl PgExecutor<'_>,
    file_id: i64,
    account_id: i64,
) -> Result<Option<CouncilFile>, AppError> {
    Ok(sqlx::query_as!(
        CouncilFile,
        r#"SELECT i.campaign_id, i.id AS initiative_id,
                  ARRAY(SELECT l.id FROM unit_lineage(i.unit_id) l ORDER BY l.depth) AS "unit_lineage!",
                  i.field_id,
                  EXISTS (SELECT 1 FROM council_declared_conflicts d
                          WHERE d.initiative_id = i.id AND d.account_id = $2) AS "declared!"
           FROM attachments a JOIN initiatives i ON i.id = a.initiative_id
           JOIN council_members m ON m.campaign_id = i.campaign_id AND m.account_id = $2
           WHERE a.id = $1"#,
        file_id,
        account_id
    )
    .fetch_optional(ex)
    .await?)
}
