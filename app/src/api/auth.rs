//! Signing in and out. Repeated attempts are slowed down per address and per account
//! (`server::login_throttle`); nobody can lock another person out for good.
use crate::error::AppError;
use crate::wire::accounts::AccountView;
pub use crate::wire::auth::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "login")]
pub async fn login(username: String, password: String, next: String) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::sign_in::login(&username, password, &next).await;
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
