//! Creating accounts. Rules: an admin creates accounts only for units inside its scope; only a
//! system admin creates another system admin, the one role that needs no unit; the name, the
//! password and the role are all checked before anything is written.
use super::{access, auth, db, state::pool};
use crate::domain::access::Scope;
use crate::domain::account::{check_new_password, parse_display_name, Role, Username};
use crate::domain::unit::UnitCode;
use crate::error::{AppError, Checks, Problem};

#[tracing::instrument(skip_all, fields(account.username = username, account.role = role))]
pub async fn create(
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
