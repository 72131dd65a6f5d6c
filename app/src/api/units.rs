//! The unit tree: browse, search, create, rename, move, deactivate. Admins only, each inside its
//! scope: an organizer sees its own unit and the units below it, and changes only those below.
use crate::domain::unit::UnitKind;
use crate::error::AppError;
use leptos::server;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitSummary {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub active: bool,
    pub parent_id: Option<i64>,
    pub child_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    pub id: i64,
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitDetail {
    pub unit: UnitSummary,
    /// From the top of what the caller sees down to the unit's parent.
    pub ancestors: Vec<UnitRef>,
    pub children: Vec<UnitSummary>,
    /// Whether the caller may rename, move or deactivate it (not an organizer's own unit).
    pub manageable: bool,
}

/// A top-level unit with its children: the part of the tree that comes with the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitBranch {
    pub unit: UnitSummary,
    pub children: Vec<UnitSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub active: bool,
    /// Names of the ancestors, root first, joined by " › ".
    pub path: String,
}

/// Most search results shown at once.
pub const SEARCH_LIMIT: i64 = 50;

#[server(prefix = "/api", endpoint = "unit_children")]
pub async fn unit_children(parent: Option<i64>) -> Result<Vec<UnitSummary>, AppError> {
    use crate::server::{access, db, respond::finish, state::pool};
    let result = async {
        let admin = access::admin().await?;
        match (parent, admin.scope().root()) {
            (Some(parent), _) => admin.sees_unit(parent).await?,
            // An organizer's tree starts at its own unit.
            (None, Some(root)) => {
                return Ok(db::units::summary(&pool()?, root).await?.into_iter().collect());
            }
            (None, None) => {}
        }
        db::units::children(&pool()?, parent).await
    }
    .await;
    finish(result)
}

/// The roots of the tree and their children, in one call (one resource to hydrate).
#[server(prefix = "/api", endpoint = "unit_tree_top")]
pub async fn unit_tree_top() -> Result<Vec<UnitBranch>, AppError> {
    use crate::server::{access, db, respond::finish, state::pool};
    let result = async {
        let admin = access::admin().await?;
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
    }
    .await;
    finish(result)
}

#[server(prefix = "/api", endpoint = "get_unit_detail")]
pub async fn get_unit_detail(id: i64) -> Result<UnitDetail, AppError> {
    use crate::server::{access, db, respond::finish, state::pool};
    let result = async {
        let admin = access::admin().await?;
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
    }
    .await;
    finish(result)
}

#[server(prefix = "/api", endpoint = "search_units")]
pub async fn search_units(query: String) -> Result<Vec<SearchHit>, AppError> {
    use crate::domain::text::fold_for_search;
    use crate::server::{access, db, respond::finish, state::pool};
    let result = async {
        let admin = access::admin().await?;
        let folded = fold_for_search(&query);
        if folded.is_empty() {
            return Ok(Vec::new());
        }
        db::units::search(&pool()?, &folded, SEARCH_LIMIT, admin.scope()).await
    }
    .await;
    finish(result)
}

#[server(prefix = "/api", endpoint = "create_unit")]
pub async fn create_unit(
    code: String,
    name: String,
    kind: String,
    parent_code: String,
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = ssr::create_unit(&code, &name, &kind, &parent_code).await;
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
    let result = ssr::update_unit(id, &name, &kind).await;
    finish_form(result, &[("name", &name), ("kind", &kind)])
}

#[server(prefix = "/api", endpoint = "move_unit")]
pub async fn move_unit(id: i64, parent_code: String) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = ssr::move_unit(id, &parent_code).await;
    finish_form(result, &[("parent_code", &parent_code)])
}

#[server(prefix = "/api", endpoint = "set_unit_active")]
pub async fn set_unit_active(id: i64, active: bool) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = ssr::set_active(id, active).await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::domain::unit::{UnitCode, UnitKind, UnitName};
    use crate::error::{AppError, Checks, Problem};
    use crate::server::access::{self, Admin};
    use crate::server::{db, state::pool};

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

    pub async fn create_unit(code: &str, name: &str, kind: &str, parent_code: &str) -> Result<(), AppError> {
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

    pub async fn update_unit(id: i64, name: &str, kind: &str) -> Result<(), AppError> {
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

    pub async fn move_unit(id: i64, parent_code: &str) -> Result<(), AppError> {
        let admin = access::admin().await?;
        admin.manages_unit(id).await?;
        let parent = parse_parent(parent_code).map_err(|p| AppError::field("parent_code", p))?;
        let mut tx = pool()?.begin().await?;
        db::units::lock_tree(&mut tx).await?;
        let parent_id = resolve_parent(&mut tx, &admin, parent).await?;
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
}
