//! Accounts: lookup for sign-in, creation and listing.
use super::map_err;
use crate::api::accounts::AccountView;
use crate::domain::account::{Role, Username};
use crate::error::AppError;
use crate::server::auth::Caller;
use sqlx::{PgExecutor, PgPool};

#[derive(sqlx::FromRow)]
pub struct LoginRow {
    pub id: i64,
    pub password_hash: String,
}

#[derive(sqlx::FromRow)]
struct CallerRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
}

impl CallerRow {
    fn into_caller(self) -> Caller {
        let role = Role::parse(&self.role).unwrap_or(Role::Evaluator);
        Caller {
            id: self.id,
            username: self.username,
            display_name: self.display_name,
            role,
        }
    }
}

pub async fn caller(pool: &PgPool, id: i64) -> Result<Option<Caller>, AppError> {
    let row: Option<CallerRow> =
        sqlx::query_as("SELECT id, username, display_name, role FROM accounts WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await
            .map_err(map_err)?;
    Ok(row.map(CallerRow::into_caller))
}

pub async fn for_login(ex: impl PgExecutor<'_>, username: &str) -> Result<Option<LoginRow>, AppError> {
    sqlx::query_as("SELECT id, password_hash FROM accounts WHERE username = $1")
        .bind(username)
        .fetch_optional(ex)
        .await
        .map_err(map_err)
}

pub async fn insert(
    ex: impl PgExecutor<'_>,
    username: &Username,
    display_name: &str,
    password_hash: &str,
    role: Role,
) -> Result<i64, AppError> {
    sqlx::query_scalar(
        "INSERT INTO accounts (username, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(username.as_str())
    .bind(display_name)
    .bind(password_hash)
    .bind(role.as_str())
    .fetch_one(ex)
    .await
    .map_err(map_err)
}

pub async fn count_admins(ex: impl PgExecutor<'_>) -> Result<i64, AppError> {
    sqlx::query_scalar("SELECT count(*) FROM accounts WHERE role = 'admin'")
        .fetch_one(ex)
        .await
        .map_err(map_err)
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    created_at: chrono::DateTime<chrono::Utc>,
}

pub async fn list(ex: impl PgExecutor<'_>) -> Result<Vec<AccountView>, AppError> {
    let rows: Vec<AccountRow> =
        sqlx::query_as("SELECT id, username, display_name, role, created_at FROM accounts ORDER BY username")
            .fetch_all(ex)
            .await
            .map_err(map_err)?;
    Ok(rows
        .into_iter()
        .map(|r| AccountView {
            id: r.id,
            username: r.username,
            display_name: r.display_name,
            role: Role::parse(&r.role).unwrap_or(Role::Evaluator),
            created_at: r.created_at,
        })
        .collect())
}
