//! Changes to the unit tree, each by an admin inside its scope: it creates units only under a
//! unit it manages (an organizer never at the top of the tree), and renames, moves or
//! deactivates only the units below its own. A move under the unit's own descendant is refused.
use super::access::{self, Admin};
use super::{db, state::pool};
use crate::domain::unit::{UnitCode, UnitKind, UnitName};
use crate::error::{AppError, Checks, Problem};

/// An empty parent code means "top of the tree".
fn parse_parent(raw: &str) -> Result<Option<UnitCode>, Problem> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        UnitCode::parse(raw).map(Some)
    }
}

/// The parent's id; one the admin may not place units under reads as not found (a root,
/// for an organizer, as "choose a parent").
async fn resolve_parent(
    conn: &mut sqlx::PgConnection,
    admin: &Admin,
    code: Option<UnitCode>,
) -> Result<Option<i64>, AppError> {
    let parent = match code {
        None => None,
        Some(code) => Some(
            db::units::id_by_code(&mut *conn, &code)
                .await?
                .ok_or_else(|| AppError::field("parent_code", Problem::ParentNotFound))?,
        ),
    };
    if !admin.may_place_under(parent).await? {
        let problem = if parent.is_some() {
            Problem::ParentNotFound
        } else {
            Problem::Required
        };
        return Err(AppError::field("parent_code", problem));
    }
    Ok(parent)
}

#[tracing::instrument(skip_all, fields(unit.code = code))]
pub async fn create(code: &str, name: &str, kind: &str, parent_code: &str) -> Result<(), AppError> {
    let admin = access::admin().await?;
    let mut checks = Checks::default();
    let code = checks.check("code", UnitCode::parse(code));
    let name = checks.check("name", UnitName::parse(name));
    let kind = checks.check("kind", UnitKind::parse(kind));
    let parent = checks.check("parent_code", parse_parent(parent_code));
    checks.finish()?;
    let (Some(code), Some(name), Some(kind), Some(parent)) = (code, name, kind, parent) else {
        return Err(AppError::Internal);
    };
    let mut tx = pool()?.begin().await?;
    let parent_id = resolve_parent(&mut tx, &admin, parent).await?;
    let id = db::units::insert(&mut *tx, &code, &name, kind, parent_id).await?;
    tx.commit().await?;
    tracing::info!(unit.id = id, by = admin.id(), "unit created");
    leptos_axum::redirect(&format!("/admin/units/{id}?saved=created"));
    Ok(())
}

#[tracing::instrument(skip_all, fields(unit.id = id))]
pub async fn update(id: i64, name: &str, kind: &str) -> Result<(), AppError> {
    let admin = access::admin().await?;
    admin.manages_unit(id).await?;
    let mut checks = Checks::default();
    let name = checks.check("name", UnitName::parse(name));
    let kind = checks.check("kind", UnitKind::parse(kind));
    checks.finish()?;
    let (Some(name), Some(kind)) = (name, kind) else {
        return Err(AppError::Internal);
    };
    if !db::units::update_details(&pool()?, id, &name, kind).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(unit.id = id, by = admin.id(), "unit updated");
    leptos_axum::redirect(&format!("/admin/units/{id}?saved=updated"));
    Ok(())
}

#[tracing::instrument(skip_all, fields(unit.id = id, unit.parent_code = parent_code))]
pub async fn move_to(id: i64, parent_code: &str) -> Result<(), AppError> {
    let admin = access::admin().await?;
    admin.manages_unit(id).await?;
    let parent = parse_parent(parent_code).map_err(|p| AppError::field("parent_code", p))?;
    let mut tx = pool()?.begin().await?;
    db::units::lock_tree(&mut tx).await?;
    let parent_id = resolve_parent(&mut tx, &admin, parent).await?;
    let (current_parent, in_history) = db::units::place_in_history(&mut *tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if in_history && current_parent != parent_id {
        return Err(AppError::field("parent_code", Problem::MovesHistory));
    }
    if let Some(parent_id) = parent_id {
        if db::units::is_in_subtree(&mut *tx, id, parent_id).await? {
            return Err(AppError::field("parent_code", Problem::ParentIsDescendant));
        }
    }
    if !db::units::set_parent(&mut *tx, id, parent_id).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    tracing::info!(unit.id = id, by = admin.id(), "unit moved");
    leptos_axum::redirect(&format!("/admin/units/{id}?saved=moved"));
    Ok(())
}

#[tracing::instrument(skip_all, fields(unit.id = id, active))]
pub async fn set_active(id: i64, active: bool) -> Result<(), AppError> {
    let admin = access::admin().await?;
    admin.manages_unit(id).await?;
    if !db::units::set_active(&pool()?, id, active).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(unit.id = id, by = admin.id(), active, "unit activity changed");
    let saved = if active { "reactivated" } else { "deactivated" };
    leptos_axum::redirect(&format!("/admin/units/{id}?saved={saved}"));
    Ok(())
}
