//! Who is calling: the signed-in account comes from the server-side session (PostgreSQL store).
//! Every server function starts with `require_admin` or `require_account`; passwords are hashed
//! with argon2id off the async runtime.
use super::{db, state::pool};
use crate::domain::account::Role;
use crate::error::AppError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::OnceLock;
use tower_sessions::Session;

pub const ACCOUNT_KEY: &str = "account_id";

/// A signed-in account; the password hash never leaves the db layer.
#[derive(Debug, Clone)]
pub struct Caller {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(|e| {
        tracing::error!(error = %e, "session layer missing");
        AppError::Internal
    })
}

/// The caller, if signed in.
pub async fn current_caller() -> Result<Option<Caller>, AppError> {
    let session = session().await?;
    let id: Option<i64> = session.get(ACCOUNT_KEY).await.map_err(|e| {
        tracing::error!(error = %e, "session read failed");
        AppError::Internal
    })?;
    match id {
        Some(id) => db::accounts::caller(&pool()?, id).await,
        None => Ok(None),
    }
}

pub async fn require_account() -> Result<Caller, AppError> {
    current_caller().await?.ok_or(AppError::Unauthorized)
}

pub async fn require_admin() -> Result<Caller, AppError> {
    let caller = require_account().await?;
    match caller.role {
        Role::Admin => Ok(caller),
        Role::Evaluator => Err(AppError::Forbidden),
    }
}

/// Binds the session to the account under a fresh session id (no fixation).
pub async fn sign_in(session: &Session, account_id: i64) -> Result<(), AppError> {
    let failed = |e: tower_sessions::session::Error| {
        tracing::error!(error = %e, "session write failed");
        AppError::Internal
    };
    session.cycle_id().await.map_err(failed)?;
    session.insert(ACCOUNT_KEY, account_id).await.map_err(failed)
}

pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(|e| {
        tracing::error!(error = %e, "session flush failed");
        AppError::Internal
    })
}

pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(|_| AppError::Internal)?
    .map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        AppError::Internal
    })
}

/// Verifies off the runtime; an unknown account is checked against a dummy hash to keep timing even.
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    static DUMMY: OnceLock<String> = OnceLock::new();
    tokio::task::spawn_blocking(move || {
        let hash = hash.unwrap_or_else(|| {
            DUMMY
                .get_or_init(|| {
                    let salt = SaltString::generate(&mut rand::rngs::OsRng);
                    Argon2::default()
                        .hash_password(b"dummy-password", &salt)
                        .map(|h| h.to_string())
                        .unwrap_or_default()
                })
                .clone()
        });
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}
