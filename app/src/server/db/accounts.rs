//! Accounts: lookup for sign-in, creation, listing, passwords and disabling. A session counts
//! only while its account is enabled and still has the session generation it signed in under.
use crate::domain::access::Scope;
use crate::domain::account::{Role, Username};
use crate::error::AppError;
use crate::server::auth::Caller;
use crate::wire::accounts::AccountView;
use crate::wire::units::UnitRef;
use sqlx::{PgExecutor, PgPool};

#[derive(sqlx::FromRow)]
pub struct LoginRow {
    pub id: i64,
    pub password_hash: String,
    pub disabled: bool,
    pub session_generation: i32,
    pub role: String,
}

struct CallerRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    unit_id: Option<i64>,
}

impl CallerRow {
    fn into_caller(self) -> Result<Caller, AppError> {
        Ok(Caller {
            id: self.id,
            username: self.username,
            display_name: self.display_name,
            role: stored_role(&self.role)?,
            unit_id: self.unit_id,
        })
    }
}

/// A role read back from the database: an unknown value is an error, never some default role.
fn stored_role(raw: &str) -> Result<Role, AppError> {
    Role::parse(raw).map_err(|_| {
        tracing::error!(role = raw, "unknown account role stored");
        AppError::Internal
    })
}

/// The account behind a session signed in under `generation`, unless disabled or since renewed.
pub async fn caller(pool: &PgPool, id: i64, generation: i32) -> Result<Option<Caller>, AppError> {
    let row = sqlx::query_as!(
        CallerRow,
        "SELECT id, username, display_name, role, unit_id FROM accounts
         WHERE id = $1 AND session_generation = $2 AND disabled_at IS NULL",
        id,
        generation
    )
    .fetch_optional(pool)
    .await?;
    row.map(CallerRow::into_caller).transpose()
}

pub async fn for_login(ex: impl PgExecutor<'_>, username: &str) -> Result<Option<LoginRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT id, password_hash, disabled_at IS NOT NULL AS disabled, session_generation, role
         FROM accounts WHERE username = $1",
    )
    .bind(username)
    .fetch_optional(ex)
    .await?)
}

/// The stored hash of an enabled account, to check its current password.
pub async fn password_hash(ex: impl PgExecutor<'_>, id: i64) -> Result<Option<String>, AppError> {
    Ok(
        sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1 AND disabled_at IS NULL")
            .bind(id)
            .fetch_optional(ex)
            .await?,
    )
}

pub async fn insert(
    ex: impl PgExecutor<'_>,
    username: &Username,
    display_name: &str,
    password_hash: &str,
    role: Role,
    unit_id: Option<i64>,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO accounts (username, display_name, password_hash, role, unit_id)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(username.as_str())
    .bind(display_name)
    .bind(password_hash)
    .bind(role.as_str())
    .bind(unit_id)
    .fetch_one(ex)
    .await?)
}

/// Stores a new password and ends every session of the account; returns the new generation
/// (the session that changed it signs in again under it), or `None` for no such account.
pub async fn set_password(
    ex: impl PgExecutor<'_>,
    id: i64,
    password_hash: &str,
) -> Result<Option<i32>, AppError> {
    Ok(sqlx::query_scalar(
        "UPDATE accounts SET password_hash = $2, session_generation = session_generation + 1
         WHERE id = $1 RETURNING session_generation",
    )
    .bind(id)
    .bind(password_hash)
    .fetch_optional(ex)
    .await?)
}

/// Disables (its sessions end at their next request) or enables an account; false if none.
pub async fn set_disabled(ex: impl PgExecutor<'_>, id: i64, disabled: bool) -> Result<bool, AppError> {
    let changed = sqlx::query(
        "UPDATE accounts SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END,
             session_generation = session_generation + CASE WHEN $2 AND disabled_at IS NULL THEN 1 ELSE 0 END
         WHERE id = $1",
    )
    .bind(id)
    .bind(disabled)
    .execute(ex)
    .await?;
    Ok(changed.rows_affected() == 1)
}

pub async fn count_system_admins(ex: impl PgExecutor<'_>) -> Result<i64, AppError> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM accounts WHERE role = 'system_admin'")
            .fetch_one(ex)
            .await?,
    )
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    created_at: chrono::DateTime<chrono::Utc>,
    disabled_at: Option<chrono::DateTime<chrono::Utc>>,
    unit_id: Option<i64>,
    unit_code: Option<String>,
    unit_name: Option<String>,
}

impl AccountRow {
    fn into_view(self) -> Result<AccountView, AppError> {
        let unit = match (self.unit_id, self.unit_code, self.unit_name) {
            (Some(id), Some(code), Some(name)) => Some(UnitRef { id, code, name }),
            _ => None,
        };
        Ok(AccountView {
            id: self.id,
            username: self.username,
            display_name: self.display_name,
            role: stored_role(&self.role)?,
            unit,
            created_at: self.created_at,
            disabled_at: self.disabled_at,
            is_caller: false,
        })
    }
}

const ACCOUNT_SELECT: &str = "SELECT a.id, a.username, a.display_name, a.role, a.created_at, a.disabled_at,
        a.unit_id, u.code AS unit_code, u.name::text AS unit_name
     FROM accounts a LEFT JOIN units u ON u.id = a.unit_id";

/// The accounts in `scope`: for an organizer, those whose unit lies in its subtree.
pub async fn list(ex: impl PgExecutor<'_>, scope: Scope) -> Result<Vec<AccountView>, AppError> {
    let rows: Vec<AccountRow> = sqlx::query_as(&format!(
        "{ACCOUNT_SELECT}
         WHERE $1::bigint IS NULL OR a.unit_id IN (SELECT id FROM unit_subtree($1))
         ORDER BY a.disabled_at IS NOT NULL, a.username"
    ))
    .bind(scope.root())
    .fetch_all(ex)
    .await?;
    rows.into_iter().map(AccountRow::into_view).collect()
}

pub async fn view(ex: impl PgExecutor<'_>, id: i64) -> Result<Option<AccountView>, AppError> {
    let row: Option<AccountRow> = sqlx::query_as(&format!("{ACCOUNT_SELECT} WHERE a.id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await?;
    row.map(AccountRow::into_view).transpose()
}
