//! Accounts of system admins, organizers and evaluators. An admin lists, creates, disables or
//! sets the password of the accounts in its scope (`domain::access`); only a system admin creates
//! another system admin. Every signed-in account may change its own password (knowing the
//! current one).
//! A new password ends the account's other sessions; disabling ends all of them.
use crate::domain::account::Role;
use crate::error::AppError;
use leptos::server;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// Its unit: an organizer's scope, an evaluator's đơn vị công tác (none for a system admin).
    pub unit: Option<crate::api::units::UnitRef>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// When an admin disabled the account; it cannot sign in while set.
    pub disabled_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The account is the caller's own (its page then points to "Đổi mật khẩu" instead).
    #[serde(default)]
    pub is_caller: bool,
}

#[server(prefix = "/api", endpoint = "list_accounts")]
pub async fn list_accounts() -> Result<Vec<AccountView>, AppError> {
    use crate::server::{access, db, respond::finish, state::pool};
    let result = async {
        let admin = access::admin().await?;
        db::accounts::list(&pool()?, admin.scope()).await
    }
    .await;
    finish(result)
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
    let result = ssr::create_account(&username, &display_name, password, &role, &unit_code).await;
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

#[cfg(feature = "ssr")]
mod ssr {
    use crate::domain::access::Scope;
    use crate::domain::account::{check_new_password, parse_display_name, Role, Username};
    use crate::domain::unit::UnitCode;
    use crate::error::{AppError, Checks, Problem};
    use crate::server::{access, auth, db, state::pool};

    pub async fn create_account(
        username: &str,
        display_name: &str,
        password: String,
        role: &str,
        unit_code: &str,
    ) -> Result<(), AppError> {
        let admin = access::admin().await?;
        let mut checks = Checks::default();
        let username = checks.check("username", Username::parse(username));
        let display_name = checks.check("display_name", parse_display_name(display_name));
        checks.check("password", check_new_password(&password));
        let role = checks.check("role", Role::parse(role));
        if role == Some(Role::SystemAdmin) && admin.scope() != Scope::System {
            checks.check::<()>("role", Err(Problem::UnknownRole));
        }
        // A system admin needs no unit; everyone else works in one, inside the creator's scope.
        let unit_required = role != Some(Role::SystemAdmin);
        let unit = if unit_required || !unit_code.trim().is_empty() {
            checks.check("unit_code", UnitCode::parse(unit_code))
        } else {
            None
        };
        let pool = pool()?;
        let unit_id = match unit {
            Some(code) => {
                let found = db::units::id_by_code(&pool, &code).await?;
                let in_scope = match found {
                    Some(id) => admin.sees_unit(id).await.map(|()| id),
                    None => Err(AppError::NotFound),
                };
                match in_scope {
                    Ok(id) => Some(id),
                    Err(AppError::NotFound) => {
                        checks.check::<()>("unit_code", Err(Problem::UnitNotFound));
                        None
                    }
                    Err(e) => return Err(e),
                }
            }
            None => None,
        };
        checks.finish()?;
        let (Some(username), Some(display_name), Some(role)) = (username, display_name, role) else {
            return Err(AppError::Internal);
        };
        let hash = auth::hash_password(password).await?;
        let id = db::accounts::insert(&pool, &username, &display_name, &hash, role, unit_id).await?;
        tracing::info!(
            account.id = id,
            by = admin.id(),
            role = role.as_str(),
            "account created"
        );
        leptos_axum::redirect("/admin/accounts?created=1");
        Ok(())
    }
}
