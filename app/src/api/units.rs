//! The unit tree: browse, search, create, rename, move, deactivate. Admins only, each inside its
//! scope: an organizer sees its own unit and the units below it, and changes only those below.
use crate::error::AppError;
pub use crate::wire::units::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "unit_children")]
pub async fn unit_children(parent: Option<i64>) -> Result<Vec<UnitSummary>, AppError> {
    use crate::server::{db, endpoint::as_admin, state::pool};
    as_admin(|admin| async move {
        match (parent, admin.scope().root()) {
            (Some(parent), _) => admin.sees_unit(parent).await?,
            // An organizer's tree starts at its own unit.
            (None, Some(root)) => {
                return Ok(db::units::summary(&pool()?, root).await?.into_iter().collect());
            }
            (None, None) => {}
        }
        db::units::children(&pool()?, parent).await
    })
    .await
}

/// The roots of the tree and their children, in one call (one resource to hydrate).
#[server(prefix = "/api", endpoint = "unit_tree_top")]
pub async fn unit_tree_top() -> Result<Vec<UnitBranch>, AppError> {
    use crate::server::{db, endpoint::as_admin, state::pool};
    as_admin(|admin| async move {
        let pool = pool()?;
        let tops = match admin.scope().root() {
            Some(root) => db::units::summary(&pool, root).await?.into_iter().collect(),
            None => db::units::children(&pool, None).await?,
        };
        let mut branches = Vec::new();
        for unit in tops {
            let children = db::units::children(&pool, Some(unit.id)).await?;
            branches.push(UnitBranch { unit, children });
        }
        Ok(branches)
    })
    .await
}

#[server(prefix = "/api", endpoint = "get_unit_detail")]
pub async fn get_unit_detail(id: i64) -> Result<UnitDetail, AppError> {
    use crate::server::{db, endpoint::as_admin, state::pool};
    as_admin(|admin| async move {
        admin.sees_unit(id).await?;
        let manageable = match admin.manages_unit(id).await {
            Ok(()) => true,
            Err(AppError::Forbidden) => false,
            Err(e) => return Err(e),
        };
        let pool = pool()?;
        let unit = db::units::summary(&pool, id).await?.ok_or(AppError::NotFound)?;
        let mut ancestors = db::units::ancestors(&pool, id).await?;
        if let Some(root) = admin.scope().root() {
            // What lies above an organizer's own unit is not its to browse.
            match ancestors.iter().position(|a| a.id == root) {
                Some(top) => drop(ancestors.drain(..top)),
                None => ancestors.clear(),
            }
        }
        let children = db::units::children(&pool, Some(id)).await?;
        Ok(UnitDetail {
            unit,
            ancestors,
            children,
            manageable,
        })
    })
    .await
}

#[server(prefix = "/api", endpoint = "search_units")]
pub async fn search_units(query: String) -> Result<Vec<SearchHit>, AppError> {
    use crate::domain::text::fold_for_search;
    use crate::server::{db, endpoint::as_admin, state::pool};
    as_admin(|admin| async move {
        let folded = fold_for_search(&query);
        if folded.is_empty() {
            return Ok(Vec::new());
        }
        db::units::search(&pool()?, &folded, SEARCH_LIMIT, admin.scope()).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "create_unit")]
pub async fn create_unit(
    code: String,
    name: String,
    kind: String,
    parent_code: String,
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::units::create(&code, &name, &kind, &parent_code).await;
    finish_form(
        result,
        &[
            ("code", &code),
            ("name", &name),
            ("kind", &kind),
            ("parent_code", &parent_code),
        ],
    )
}

#[server(prefix = "/api", endpoint = "update_unit")]
pub async fn update_unit(id: i64, name: String, kind: String) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::units::update(id, &name, &kind).await;
    finish_form(result, &[("name", &name), ("kind", &kind)])
}

#[server(prefix = "/api", endpoint = "move_unit")]
pub async fn move_unit(id: i64, parent_code: String) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::units::move_to(id, &parent_code).await;
    finish_form(result, &[("parent_code", &parent_code)])
}

#[server(prefix = "/api", endpoint = "set_unit_active")]
pub async fn set_unit_active(id: i64, active: bool) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::units::set_active(id, active).await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}
