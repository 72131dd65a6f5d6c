//! Who is calling: the signed-in account comes from the server-side session (PostgreSQL store).
//! Callers are checked through `server::access`, which reads the account here; passwords are hashed
//! with argon2id off the async runtime, a few at a time. A sign-in ends 12 hours after it began,
//! however active the session (and 8 idle hours end it sooner); a disabled account or a changed
//! password ends it at its next request (`db::accounts::caller`).
use super::{db, state::pool};
use crate::domain::account::Role;
use crate::error::AppError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;
use tokio::sync::Semaphore;
use tower_sessions::Session;

const ACCOUNT_KEY: &str = "account_id";
/// When the session signed in (Unix seconds): a session ends this long after, however active.
const SIGNED_IN_AT_KEY: &str = "signed_in_at";
/// The account's session generation at sign-in (absent in sessions older than generations: 0).
const GENERATION_KEY: &str = "session_generation";
pub const SESSION_MAX_HOURS: i64 = 12;

/// A signed-in account; the password hash never leaves the db layer.
#[derive(Debug, Clone)]
pub struct Caller {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The account's unit (an organizer's scope, an evaluator's đơn vị công tác).
    pub unit_id: Option<i64>,
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
    let id = signed_in_account(&session).await.map_err(|e| {
        tracing::error!(error = %e, "session read failed");
        AppError::Internal
    })?;
    match id {
        Some(signed_in) => db::accounts::caller(&pool()?, signed_in.account_id, signed_in.generation).await,
        None => Ok(None),
    }
}

/// What a session remembers of its sign-in.
#[derive(Debug, Clone, Copy)]
pub struct SignedIn {
    pub account_id: i64,
    pub generation: i32,
}

/// The sign-in a session holds, while younger than [`SESSION_MAX_HOURS`]; whether the account
/// still accepts it is for `db::accounts::caller` to say.
pub async fn signed_in_account(
    session: &Session,
) -> Result<Option<SignedIn>, tower_sessions::session::Error> {
    let Some(account_id) = session.get::<i64>(ACCOUNT_KEY).await? else {
        return Ok(None);
    };
    let signed_in_at: Option<i64> = session.get(SIGNED_IN_AT_KEY).await?;
    if !within_lifetime(signed_in_at, chrono::Utc::now().timestamp()) {
        return Ok(None);
    }
    let generation = session.get::<i32>(GENERATION_KEY).await?.unwrap_or(0);
    Ok(Some(SignedIn {
        account_id,
        generation,
    }))
}

pub async fn require_account() -> Result<Caller, AppError> {
    current_caller().await?.ok_or(AppError::Unauthorized)
}

/// Binds the session to the account under a fresh session id (no fixation).
pub async fn sign_in(session: &Session, account_id: i64, generation: i32) -> Result<(), AppError> {
    let failed = |e: tower_sessions::session::Error| {
        tracing::error!(error = %e, "session write failed");
        AppError::Internal
    };
    session.cycle_id().await.map_err(failed)?;
    session.insert(ACCOUNT_KEY, account_id).await.map_err(failed)?;
    session.insert(GENERATION_KEY, generation).await.map_err(failed)?;
    session
        .insert(SIGNED_IN_AT_KEY, chrono::Utc::now().timestamp())
        .await
        .map_err(failed)
}

/// A sign-in without its time (made before sessions had a lifetime) counts as expired.
fn within_lifetime(signed_in_at: Option<i64>, now: i64) -> bool {
    signed_in_at.is_some_and(|at| now - at < SESSION_MAX_HOURS * 3600 && at <= now + 60)
}

pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(|e| {
        tracing::error!(error = %e, "session flush failed");
        AppError::Internal
    })
}

/// Password hashes computed at once, each ≈ 19 MiB of memory and a core for tens of
/// milliseconds: a flood of sign-ins queues here instead of filling tokio's blocking pool.
const HASHES_AT_ONCE: usize = 2;
static HASHING: Semaphore = Semaphore::const_new(HASHES_AT_ONCE);
/// How long the last verification took (µs): a refused sign-in waits as long before answering.
static LAST_VERIFY_MICROS: AtomicU64 = AtomicU64::new(50_000);

/// Runs one argon2 computation off the runtime, at most [`HASHES_AT_ONCE`] at a time.
async fn bounded<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    let _permit = HASHING.acquire().await.map_err(|_| AppError::Internal)?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| AppError::Internal)
}

pub async fn hash_password(password: String) -> Result<String, AppError> {
    bounded(move || {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await?
    .map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        AppError::Internal
    })
}

/// Verifies off the runtime; an unknown account is checked against a dummy hash to keep timing even.
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    static DUMMY: OnceLock<String> = OnceLock::new();
    bounded(move || {
        let started = Instant::now();
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
        let verified = PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        LAST_VERIFY_MICROS.store(started.elapsed().as_micros() as u64, Ordering::Relaxed);
        verified
    })
    .await
    .unwrap_or(false)
}

/// Waits about as long as a verification takes, so a refusal made without one looks the same.
pub async fn wait_like_a_verification() {
    let micros = LAST_VERIFY_MICROS.load(Ordering::Relaxed).min(2_000_000);
    tokio::time::sleep(std::time::Duration::from_micros(micros)).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_lives_at_most_its_lifetime_from_sign_in() {
        let now = 1_800_000_000;
        assert!(within_lifetime(Some(now - 60), now));
        assert!(within_lifetime(Some(now - SESSION_MAX_HOURS * 3600 + 1), now));
        assert!(!within_lifetime(Some(now - SESSION_MAX_HOURS * 3600), now));
        assert!(!within_lifetime(None, now));
        assert!(
            !within_lifetime(Some(now + 3600), now),
            "a time in the future is not trusted"
        );
    }
}
