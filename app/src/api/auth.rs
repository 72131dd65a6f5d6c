//! Signing in and out. Five failed attempts in a row lock an account for a while.
use crate::api::accounts::AccountView;
use crate::error::AppError;
use leptos::server;

/// Where to go after signing in when no (safe) target is given.
pub const DEFAULT_AFTER_LOGIN: &str = "/admin/campaigns";

/// Only same-site paths are followed after sign-in.
pub fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        DEFAULT_AFTER_LOGIN
    }
}

#[server(prefix = "/api", endpoint = "login")]
pub async fn login(username: String, password: String, next: String) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = ssr::login(&username, password, &next).await;
    finish_form(result, &[("username", &username), ("next", &next)])
}

#[server(prefix = "/api", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server::{auth, respond::finish};
    let result = async {
        auth::sign_out(&auth::session().await?).await?;
        leptos_axum::redirect("/login");
        Ok(())
    }
    .await;
    finish(result)
}

/// The signed-in account, or `None`; never fails for a visitor without a session.
#[server(prefix = "/api", endpoint = "whoami")]
pub async fn whoami() -> Result<Option<AccountView>, AppError> {
    use crate::server::{auth, respond::finish};
    let result = auth::current_caller().await.map(|caller| {
        caller.map(|c| AccountView {
            id: c.id,
            username: c.username,
            display_name: c.display_name,
            role: c.role,
            created_at: chrono::DateTime::default(),
        })
    });
    finish(result)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::safe_next;
    use crate::domain::account::Username;
    use crate::error::{AppError, Problem};
    use crate::server::{auth, db, state::pool};

    pub async fn login(username: &str, password: String, next: &str) -> Result<(), AppError> {
        let session = auth::session().await?;
        let pool = pool()?;
        let bad_credentials = || AppError::field("form", Problem::BadCredentials);
        let row = match Username::parse(username) {
            Ok(name) => db::accounts::for_login(&pool, name.as_str()).await?,
            Err(_) => None,
        };
        if let Some(minutes) = row.as_ref().and_then(|r| r.locked_minutes) {
            return Err(AppError::field("form", Problem::LockedOut { minutes }));
        }
        let verified = auth::verify_password(password, row.as_ref().map(|r| r.password_hash.clone())).await;
        let Some(row) = row else {
            return Err(bad_credentials());
        };
        if !verified {
            tracing::info!(account.id = row.id, "failed sign-in");
            let locked = db::accounts::record_failed_login(&pool, row.id).await?;
            return Err(if locked {
                AppError::field(
                    "form",
                    Problem::LockedOut {
                        minutes: i64::from(db::accounts::LOCKOUT_MINUTES),
                    },
                )
            } else {
                bad_credentials()
            });
        }
        db::accounts::record_successful_login(&pool, row.id).await?;
        auth::sign_in(&session, row.id).await?;
        tracing::info!(account.id = row.id, "signed in");
        leptos_axum::redirect(safe_next(next));
        Ok(())
    }
}
