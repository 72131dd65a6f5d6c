//! Passwords and disabling. Rules: a password is changed by its owner only with the current one,
//! and that check is throttled like a sign-in (a stolen session must not become a way to guess
//! the password); an admin may set another account's password, but neither its own (that needs
//! the current one, on the "Đổi mật khẩu" page) nor disable its own account;
//! a new password ends the account's other sessions (the one that changed it stays signed in),
//! and a disabled account's sessions end at their next request.
use super::state::{client_address, login_policy, pool};
use super::{access, auth, db, login_throttle};
use crate::domain::account::check_new_password;
use crate::error::{AppError, Checks, Problem};
use crate::wire::accounts::AccountView;

#[tracing::instrument(skip_all, fields(account.id = id))]
pub async fn view(id: i64) -> Result<AccountView, AppError> {
    let admin = access::admin().await?;
    let mut account = admin.managed_account(id).await?;
    account.is_caller = account.id == admin.id();
    Ok(account)
}

/// The new password's problems, at `new_password` and `confirm_password`.
fn check_new(checks: &mut Checks, new_password: &str, confirm_password: &str) {
    checks.check("new_password", check_new_password(new_password));
    if new_password != confirm_password {
        checks.check::<()>("confirm_password", Err(Problem::PasswordMismatch));
    }
}

#[tracing::instrument(skip_all)]
pub async fn change_own(
    current: String,
    new_password: String,
    confirm_password: &str,
) -> Result<(), AppError> {
    let caller = access::signed_in().await?;
    let mut checks = Checks::default();
    if current.is_empty() {
        checks.check::<()>("current_password", Err(Problem::Required));
    }
    check_new(&mut checks, &new_password, confirm_password);
    checks.finish()?;
    let pool = pool()?;
    let wrong = || AppError::field("current_password", Problem::WrongPassword);
    let keys = login_throttle::AttemptKeys::new(client_address()?, &caller.username);
    if !login_throttle::count_attempt(&pool, &keys, login_policy()?).await? {
        auth::wait_like_a_verification().await;
        return Err(wrong());
    }
    let hash = db::accounts::password_hash(&pool, caller.id).await?;
    if hash.is_none() || !auth::verify_password(current, hash).await {
        tracing::info!(account.id = caller.id, "wrong current password");
        return Err(wrong());
    }
    login_throttle::clear_after_success(&pool, &keys).await?;
    let hash = auth::hash_password(new_password).await?;
    let generation = db::accounts::set_password(&pool, caller.id, &hash)
        .await?
        .ok_or(AppError::NotFound)?;
    auth::sign_in(&auth::session().await?, caller.id, generation).await?;
    tracing::info!(account.id = caller.id, "password changed by its owner");
    // Back to the password page of the caller's own frame.
    let page = if caller.role.is_admin() {
        "/admin/password"
    } else {
        "/council/password"
    };
    leptos_axum::redirect(&format!("{page}?changed=1"));
    Ok(())
}

#[tracing::instrument(skip_all, fields(account.id = id))]
pub async fn reset(id: i64, new_password: String, confirm_password: &str) -> Result<(), AppError> {
    let admin = access::admin().await?;
    admin.managed_account(id).await?;
    if id == admin.id() {
        return Err(AppError::field("new_password", Problem::OwnPasswordElsewhere));
    }
    let mut checks = Checks::default();
    check_new(&mut checks, &new_password, confirm_password);
    checks.finish()?;
    let hash = auth::hash_password(new_password).await?;
    db::accounts::set_password(&pool()?, id, &hash)
        .await?
        .ok_or(AppError::NotFound)?;
    tracing::info!(account.id = id, by = admin.id(), "password set by an admin");
    leptos_axum::redirect(&format!("/admin/accounts/{id}?saved=password"));
    Ok(())
}

#[tracing::instrument(skip_all, fields(account.id = id, change = change))]
pub async fn set_disabled(id: i64, change: &str, confirmed: bool) -> Result<(), AppError> {
    let admin = access::admin().await?;
    admin.managed_account(id).await?;
    let disable = match change {
        "disable" => true,
        "enable" => false,
        _ => return Err(AppError::field("form", Problem::UnknownChoice)),
    };
    if disable && id == admin.id() {
        return Err(AppError::field("form", Problem::DisableSelf));
    }
    if disable && !confirmed {
        return Err(AppError::field("confirm", Problem::Confirm));
    }
    if !db::accounts::set_disabled(&pool()?, id, disable).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(
        account.id = id,
        by = admin.id(),
        disable,
        "account access changed"
    );
    let saved = if disable { "disabled" } else { "enabled" };
    leptos_axum::redirect(&format!("/admin/accounts/{id}?saved={saved}"));
    Ok(())
}
