//! Accounts of system admins, organizers and evaluators. An admin lists, creates, disables or
//! sets the password of the accounts in its scope (`domain::access`); only a system admin creates
//! another system admin. Every signed-in account may change its own password (knowing the
//! current one).
//! A new password ends the account's other sessions; disabling ends all of them.
use crate::error::AppError;
pub use crate::wire::accounts::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "list_accounts")]
pub async fn list_accounts() -> Result<Vec<AccountView>, AppError> {
    use crate::server::{db, endpoint::as_admin, state::pool};
    as_admin(|admin| async move { db::accounts::list(&pool()?, admin.scope()).await }).await
}

#[server(prefix = "/api", endpoint = "create_account")]
pub async fn create_account(
    username: String,
    display_name: String,
    password: String,
    role: String,
    unit_code: String,
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::accounts::create(&username, &display_name, password, &role, &unit_code).await;
    finish_form(
        result,
        &[
            ("username", &username),
            ("display_name", &display_name),
            ("role", &role),
            ("unit_code", &unit_code),
        ],
    )
}

/// One account, for its page.
#[server(prefix = "/api", endpoint = "get_account")]
pub async fn get_account(id: i64) -> Result<AccountView, AppError> {
    use crate::server::{account_control, respond::finish};
    finish(account_control::view(id).await)
}

/// The signed-in account's own password, changed on proof of the current one.
#[server(prefix = "/api", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    use crate::server::{account_control, respond::finish_form};
    let result = account_control::change_own(current_password, new_password, &confirm_password).await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}

/// An admin sets a new password for another account (its owner forgot it).
#[server(prefix = "/api", endpoint = "reset_account_password")]
pub async fn reset_account_password(
    id: i64,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    use crate::server::{account_control, respond::finish_form};
    let result = account_control::reset(id, new_password, &confirm_password).await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}

/// An admin disables (`change` = "disable", with `confirm` ticked) or enables ("enable") an account.
#[server(prefix = "/api", endpoint = "set_account_disabled")]
pub async fn set_account_disabled(
    id: i64,
    change: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{account_control, respond::finish_form};
    let result = account_control::set_disabled(id, &change, confirm.is_some()).await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}
