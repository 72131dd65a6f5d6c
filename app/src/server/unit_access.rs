//! Who a unit caller is: opening a unit link stores that link's id in the session, per campaign
//! (no account). Every unit server function starts with `require_unit`, which reloads the link:
//! a revoked link stops working at once, and a session reaches only its own unit.
use super::auth::session;
use super::state::{link_key, pool};
use super::{db, unit_link};
use crate::error::AppError;
use std::collections::HashMap;
use tower_sessions::Session;

pub const UNIT_LINKS_KEY: &str = "unit_links";

/// The unit on whose behalf this browser acts in one campaign.
#[derive(Debug, Clone)]
pub struct UnitCaller {
    pub link_id: i64,
    pub campaign_id: i64,
    pub unit_id: i64,
    pub unit_name: String,
}

async fn bound_links(session: &Session) -> Result<HashMap<String, i64>, AppError> {
    session
        .get::<HashMap<String, i64>>(UNIT_LINKS_KEY)
        .await
        .map(Option::unwrap_or_default)
        .map_err(|e| {
            tracing::error!(error = %e, "session read failed");
            AppError::Internal
        })
}

/// Checks a token from `/l/{token}` and binds this browser to its unit; returns the campaign id.
pub async fn open_link(raw_token: &str) -> Result<i64, AppError> {
    let token = unit_link::clean_token(raw_token).ok_or(AppError::LinkInvalid)?;
    let found = db::unit_links::find_by_hash(&pool()?, &unit_link::token_hash(&token))
        .await?
        .ok_or(AppError::LinkInvalid)?;
    if !found.live || !unit_link::matches(&link_key()?, found.id, &found.nonce, &token) {
        return Err(AppError::LinkInvalid);
    }
    let session = session().await?;
    let mut links = bound_links(&session).await?;
    links.insert(found.campaign_id.to_string(), found.id);
    let failed = |e: tower_sessions::session::Error| {
        tracing::error!(error = %e, "session write failed");
        AppError::Internal
    };
    session.cycle_id().await.map_err(failed)?;
    session.insert(UNIT_LINKS_KEY, links).await.map_err(failed)?;
    Ok(found.campaign_id)
}

/// The link this browser opened for `campaign_id`, from the session alone; whether it is still
/// live is for the caller to check (`require_unit`, or inside the statement that writes).
pub async fn bound_link(campaign_id: i64) -> Result<i64, AppError> {
    let links = bound_links(&session().await?).await?;
    links
        .get(&campaign_id.to_string())
        .copied()
        .ok_or(AppError::NoUnitLink)
}

/// The unit this browser acts for in `campaign_id`, through a link that is still live.
pub async fn require_unit(campaign_id: i64) -> Result<UnitCaller, AppError> {
    let link_id = bound_link(campaign_id).await?;
    let unit = db::unit_links::live_unit(&pool()?, link_id, campaign_id)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    Ok(UnitCaller {
        link_id,
        campaign_id,
        unit_id: unit.unit_id,
        unit_name: unit.unit_name,
    })
}
