//! The unit tree. Lists are ordered by the `vi_natural` collation (Vietnamese order, numbers as
//! numbers); search compares the folded `search_key`. Changes that touch the tree's shape lock the
//! table so two of them cannot build a cycle together.
use crate::domain::access::Scope;
use crate::domain::unit::{UnitCode, UnitKind, UnitName};
use crate::domain::unit_import::{ExistingUnit, ImportPlan};
use crate::error::AppError;
use crate::wire::units::{SearchHit, UnitRef, UnitSummary};
use sqlx::{PgConnection, PgExecutor};

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    code: String,
    name: String,
    kind: UnitKind,
    active: bool,
    parent_id: Option<i64>,
    child_count: i64,
}

impl From<SummaryRow> for UnitSummary {
    fn from(r: SummaryRow) -> Self {
        UnitSummary {
            id: r.id,
            code: r.code,
            name: r.name,
            kind: r.kind,
            active: r.active,
            parent_id: r.parent_id,
            child_count: r.child_count,
        }
    }
}

const SUMMARY_COLUMNS: &str = "u.id, u.code, u.name, u.kind, u.active, u.parent_id,
    (SELECT count(*) FROM units c WHERE c.parent_id = u.id) AS child_count";

/// Children of a unit (or the roots), in Vietnamese order.
pub async fn children(ex: impl PgExecutor<'_>, parent: Option<i64>) -> Result<Vec<UnitSummary>, AppError> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM units u WHERE u.parent_id IS NOT DISTINCT FROM $1 ORDER BY u.name, u.code"
    );
    let rows: Vec<SummaryRow> = sqlx::query_as(&sql).bind(parent).fetch_all(ex).await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

pub async fn summary(ex: impl PgExecutor<'_>, id: i64) -> Result<Option<UnitSummary>, AppError> {
    let sql = format!("SELECT {SUMMARY_COLUMNS} FROM units u WHERE u.id = $1");
    let row: Option<SummaryRow> = sqlx::query_as(&sql).bind(id).fetch_optional(ex).await?;
    Ok(row.map(Into::into))
}

#[derive(sqlx::FromRow)]
struct RefRow {
    id: i64,
    code: String,
    name: String,
}

/// The chain from the root down to the unit's parent.
pub async fn ancestors(ex: impl PgExecutor<'_>, id: i64) -> Result<Vec<UnitRef>, AppError> {
    let rows: Vec<RefRow> = sqlx::query_as(
        "SELECT u.id, u.code, u.name FROM unit_lineage($1) l JOIN units u ON u.id = l.id
         WHERE l.depth > 0 ORDER BY l.depth DESC",
    )
    .bind(id)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| UnitRef {
            id: r.id,
            code: r.code,
            name: r.name,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct HitRow {
    id: i64,
    code: String,
    name: String,
    kind: UnitKind,
    active: bool,
    path: Option<String>,
}

/// Units in `scope` whose folded name or code contains the folded query; exact and prefix
/// matches first.
pub async fn search(
    ex: impl PgExecutor<'_>,
    folded: &str,
    limit: i64,
    scope: Scope,
) -> Result<Vec<SearchHit>, AppError> {
    let pattern = format!(
        "%{}%",
        folded
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let rows: Vec<HitRow> = sqlx::query_as(
        "WITH hits AS (
             SELECT * FROM units
             WHERE (search_key LIKE $2 OR lower(code) LIKE $2)
               AND ($4::bigint IS NULL OR id IN (SELECT id FROM unit_subtree($4)))
             ORDER BY (search_key = $1) DESC, (search_key LIKE $1 || '%') DESC, name, code
             LIMIT $3
         )
         SELECT h.id, h.code, h.name, h.kind, h.active,
             (SELECT string_agg(u.name, ' › ' ORDER BY l.depth DESC)
              FROM unit_lineage(h.parent_id) l JOIN units u ON u.id = l.id) AS path
         FROM hits h
         ORDER BY (h.search_key = $1) DESC, (h.search_key LIKE $1 || '%') DESC, h.name, h.code",
    )
    .bind(folded)
    .bind(pattern)
    .bind(limit)
    .bind(scope.root())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| SearchHit {
            id: r.id,
            code: r.code,
            name: r.name,
            kind: r.kind,
            active: r.active,
            path: r.path.unwrap_or_default(),
        })
        .collect())
}

pub async fn id_by_code(ex: impl PgExecutor<'_>, code: &UnitCode) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT id FROM units WHERE code = $1")
        .bind(code.as_str())
        .fetch_optional(ex)
        .await?)
}

/// Locks the tree's shape for the rest of the transaction (readers go on).
pub async fn lock_tree(conn: &mut PgConnection) -> Result<(), AppError> {
    sqlx::query("LOCK TABLE units IN SHARE ROW EXCLUSIVE MODE")
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert(
    ex: impl PgExecutor<'_>,
    code: &UnitCode,
    name: &UnitName,
    kind: UnitKind,
    parent: Option<i64>,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO units (code, name, search_key, kind, parent_id) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(code.as_str())
    .bind(name.as_str())
    .bind(name.search_key())
    .bind(kind.as_str())
    .bind(parent)
    .fetch_one(ex)
    .await?)
}

/// Sets name and kind; false when there is no such unit.
pub async fn update_details(
    ex: impl PgExecutor<'_>,
    id: i64,
    name: &UnitName,
    kind: UnitKind,
) -> Result<bool, AppError> {
    let done = sqlx::query(
        "UPDATE units SET name = $2, search_key = $3, kind = $4, updated_at = now() WHERE id = $1",
    )
    .bind(id)
    .bind(name.as_str())
    .bind(name.search_key())
    .bind(kind.as_str())
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// True when `candidate` is `id` itself or lies below it.
pub async fn is_in_subtree(ex: impl PgExecutor<'_>, id: i64, candidate: i64) -> Result<bool, AppError> {
    Ok(
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM unit_subtree($1) WHERE id = $2)")
            .bind(id)
            .bind(candidate)
            .fetch_one(ex)
            .await?,
    )
}

pub async fn set_parent(ex: impl PgExecutor<'_>, id: i64, parent: Option<i64>) -> Result<bool, AppError> {
    let done = sqlx::query("UPDATE units SET parent_id = $2, updated_at = now() WHERE id = $1")
        .bind(id)
        .bind(parent)
        .execute(ex)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_active(ex: impl PgExecutor<'_>, id: i64, active: bool) -> Result<bool, AppError> {
    let done = sqlx::query("UPDATE units SET active = $2, updated_at = now() WHERE id = $1")
        .bind(id)
        .bind(active)
        .execute(ex)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn count(ex: impl PgExecutor<'_>) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM units")
        .fetch_one(ex)
        .await?)
}

#[derive(sqlx::FromRow)]
struct ExistingRow {
    code: String,
    name: String,
    kind: UnitKind,
    parent_code: Option<String>,
    in_history: bool,
}

/// Whether a unit took part in, or organized, a campaign past its draft: such a unit keeps its
/// place in the tree so that campaign keeps its meaning.
const IN_HISTORY: &str = "EXISTS (SELECT 1 FROM campaign_units cu JOIN campaigns c ON c.id = cu.campaign_id
              WHERE cu.unit_id = u.id AND c.state <> 'draft')
     OR EXISTS (SELECT 1 FROM campaigns c WHERE c.organizer_id = u.id AND c.state <> 'draft')";

/// Unit `id`'s parent now, and whether it is part of a past or running campaign (`IN_HISTORY`).
pub async fn place_in_history(
    ex: impl PgExecutor<'_>,
    id: i64,
) -> Result<Option<(Option<i64>, bool)>, AppError> {
    Ok(sqlx::query_as(&format!(
        "SELECT u.parent_id, {IN_HISTORY} FROM units u WHERE u.id = $1"
    ))
    .bind(id)
    .fetch_optional(ex)
    .await?)
}

/// Every stored unit, as the import planner needs it.
pub async fn all_for_import(ex: impl PgExecutor<'_>) -> Result<Vec<ExistingUnit>, AppError> {
    let rows: Vec<ExistingRow> = sqlx::query_as(&format!(
        "SELECT u.code, u.name, u.kind, p.code AS parent_code, {IN_HISTORY} AS in_history
         FROM units u LEFT JOIN units p ON p.id = u.parent_id"
    ))
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(ExistingUnit {
                code: UnitCode::parse(&r.code).ok()?,
                name: r.name,
                kind: r.kind,
                parent: r.parent_code.and_then(|c| UnitCode::parse(&c).ok()),
                in_history: r.in_history,
            })
        })
        .collect())
}

/// Writes a checked plan in three set-based statements: new units, changed units, then parents.
pub async fn apply_import(conn: &mut PgConnection, plan: &ImportPlan) -> Result<(), AppError> {
    let columns = |units: &[crate::domain::unit_import::PlannedUnit]| {
        let mut cols = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for u in units {
            cols.0.push(u.code.as_str().to_owned());
            cols.1.push(u.name.as_str().to_owned());
            cols.2.push(u.name.search_key());
            cols.3.push(u.kind.as_str().to_owned());
        }
        cols
    };
    let (codes, names, keys, kinds) = columns(&plan.creates);
    sqlx::query(
        "INSERT INTO units (code, name, search_key, kind)
         SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[])",
    )
    .bind(&codes)
    .bind(&names)
    .bind(&keys)
    .bind(&kinds)
    .execute(&mut *conn)
    .await?;
    let (codes, names, keys, kinds) = columns(&plan.updates);
    sqlx::query(
        "UPDATE units u SET name = x.name, search_key = x.search_key, kind = x.kind, updated_at = now()
         FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[]) AS x(code, name, search_key, kind)
         WHERE u.code = x.code",
    )
    .bind(&codes)
    .bind(&names)
    .bind(&keys)
    .bind(&kinds)
    .execute(&mut *conn)
    .await?;
    let touched = plan.creates.iter().chain(&plan.updates);
    let (codes, parents): (Vec<String>, Vec<Option<String>>) = touched
        .map(|u| {
            (
                u.code.as_str().to_owned(),
                u.parent.as_ref().map(|p| p.as_str().to_owned()),
            )
        })
        .unzip();
    sqlx::query(
        "UPDATE units u SET parent_id = p.id
         FROM UNNEST($1::text[], $2::text[]) AS x(code, parent_code)
         LEFT JOIN units p ON p.code = x.parent_code
         WHERE u.code = x.code AND u.parent_id IS DISTINCT FROM p.id",
    )
    .bind(&codes)
    .bind(&parents)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
