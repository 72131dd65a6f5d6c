//! Signing in and out. Repeated attempts are slowed down per address and per account
//! (`server::login_throttle`); nobody can lock another person out for good.
use crate::api::accounts::AccountView;
use crate::error::AppError;
use leptos::server;

/// Where to go after signing in when no (safe) target is given.
pub const DEFAULT_AFTER_LOGIN: &str = "/admin/campaigns";
/// Where an evaluator lands instead of an admin page.
pub const EVALUATOR_HOME: &str = "/council";

/// Only same-site paths are followed after sign-in: a path that starts with one `/`, with no
/// backslash, whitespace or control character (browsers drop tabs and line breaks from an
/// address, so `/\t/evil.example` would become `//evil.example`, and a control character cannot
/// go into a `Location` header at all).
pub fn safe_next(next: &str) -> &str {
    let plain = next
        .chars()
        .all(|c| !c.is_control() && !c.is_whitespace() && c != '\\');
    if plain && next.starts_with('/') && !next.starts_with("//") {
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
    use crate::server::{auth, db, respond::finish, state::pool};
    let result = async {
        let Some(caller) = auth::current_caller().await? else {
            return Ok(None);
        };
        let account = db::accounts::view(&pool()?, caller.id).await?;
        Ok(account.map(|a| AccountView { is_caller: true, ..a }))
    }
    .await;
    finish(result)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::{safe_next, EVALUATOR_HOME};
    use crate::domain::account::{Role, Username};
    use crate::error::{AppError, Problem};
    use crate::server::state::{client_address, login_policy, pool};
    use crate::server::{auth, db, login_throttle};

    /// One answer, after about one verification's time, for an unknown name, a wrong password
    /// and an attempt the throttle refused (see `login_throttle`).
    pub async fn login(username: &str, password: String, next: &str) -> Result<(), AppError> {
        let session = auth::session().await?;
        let pool = pool()?;
        let bad_credentials = || AppError::field("form", Problem::BadCredentials);
        let keys = login_throttle::AttemptKeys::new(client_address()?, username);
        if !login_throttle::count_attempt(&pool, &keys, login_policy()?).await? {
            tracing::info!("sign-in throttled");
            auth::wait_like_a_verification().await;
            return Err(bad_credentials());
        }
        let row = match Username::parse(username) {
            Ok(name) => db::accounts::for_login(&pool, name.as_str()).await?,
            Err(_) => None,
        };
        let verified = auth::verify_password(password, row.as_ref().map(|r| r.password_hash.clone())).await;
        let Some(row) = row.filter(|_| verified) else {
            tracing::info!("failed sign-in");
            return Err(bad_credentials());
        };
        login_throttle::clear_after_success(&pool, &keys).await?;
        if row.disabled {
            // Said only to someone who knows the password: the owner, not a guesser.
            tracing::info!(account.id = row.id, "sign-in of a disabled account");
            return Err(AppError::field("form", Problem::AccountDisabled));
        }
        auth::sign_in(&session, row.id, row.session_generation).await?;
        tracing::info!(account.id = row.id, "signed in");
        let target = safe_next(next);
        // Admin pages are not an evaluator's: it lands on its own page.
        let target = if row.role == Role::Evaluator.as_str() && target.starts_with("/admin") {
            EVALUATOR_HOME
        } else {
            target
        };
        leptos_axum::redirect(target);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{safe_next, DEFAULT_AFTER_LOGIN};

    #[test]
    fn only_plain_same_site_paths_are_followed() {
        assert_eq!(safe_next("/admin/units?q=1"), "/admin/units?q=1");
        for hostile in [
            "//evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\\evil.example",
            "https://evil.example",
            "/a\u{1}b",
            "/a b",
            "",
        ] {
            assert_eq!(safe_next(hostile), DEFAULT_AFTER_LOGIN, "{hostile:?}");
        }
    }
}
