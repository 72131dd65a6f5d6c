//! Admin and evaluator accounts; only an admin may list or create them.
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
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[server(prefix = "/api", endpoint = "list_accounts")]
pub async fn list_accounts() -> Result<Vec<AccountView>, AppError> {
    use crate::server::{auth, db, respond::finish, state::pool};
    let result = async {
        auth::require_admin().await?;
        db::accounts::list(&pool()?).await
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
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = ssr::create_account(&username, &display_name, password, &role).await;
    finish_form(
        result,
        &[
            ("username", &username),
            ("display_name", &display_name),
            ("role", &role),
        ],
    )
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::domain::account::{check_new_password, parse_display_name, Role, Username};
    use crate::error::{AppError, Checks};
    use crate::server::{auth, db, state::pool};

    pub async fn create_account(
        username: &str,
        display_name: &str,
        password: String,
        role: &str,
    ) -> Result<(), AppError> {
        let admin = auth::require_admin().await?;
        let mut checks = Checks::default();
        let username = checks.check("username", Username::parse(username));
        let display_name = checks.check("display_name", parse_display_name(display_name));
        checks.check("password", check_new_password(&password));
        let role = checks.check("role", Role::parse(role));
        checks.finish()?;
        let (Some(username), Some(display_name), Some(role)) = (username, display_name, role) else {
            return Err(AppError::Internal);
        };
        let hash = auth::hash_password(password).await?;
        let id = db::accounts::insert(&pool()?, &username, &display_name, &hash, role).await?;
        tracing::info!(
            account.id = id,
            by = admin.id,
            role = role.as_str(),
            "account created"
        );
        leptos_axum::redirect("/admin/accounts?created=1");
        Ok(())
    }
}
