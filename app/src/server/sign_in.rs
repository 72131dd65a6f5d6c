//! Signing in. Rules: an unknown name, a wrong password and a throttled attempt get one and the
//! same answer after about one verification's time (`login_throttle`); only a same-site `next`
//! is followed; an evaluator sent to an admin page lands on its own page instead.
use super::state::{client_address, login_policy, pool};
use super::{auth, db, login_throttle};
use crate::domain::account::{Role, Username};
use crate::error::{AppError, Problem};
use crate::wire::auth::{safe_next, EVALUATOR_HOME};

/// One answer, after about one verification's time, for an unknown name, a wrong password
/// and an attempt the throttle refused (see `login_throttle`).
#[tracing::instrument(skip_all)]
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
