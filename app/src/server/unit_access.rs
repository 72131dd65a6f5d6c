//! Who a unit caller is: opening a unit link remembers that link's id, per campaign, in the
//! browser's signed unit cookie (no account; see `unit_cookie`). Every unit server function starts
//! with `require_unit`, which reloads the link: a revoked link stops working at once, and a
//! browser reaches only the units whose links it opened.
use super::state::{link_key, pool, unit_cookie_key};
use super::{db, unit_cookie, unit_link};
use crate::api::unit_portal::LinkOpened;
use crate::error::AppError;
use tower_cookies::Cookies;

/// The unit on whose behalf this browser acts in one campaign.
#[derive(Debug, Clone)]
pub struct UnitCaller {
    pub link_id: i64,
    pub campaign_id: i64,
    pub unit_id: i64,
    pub unit_name: String,
}

async fn cookies() -> Result<Cookies, AppError> {
    leptos_axum::extract::<Cookies>().await.map_err(|e| {
        tracing::error!(error = %e, "cookie layer missing");
        AppError::Internal
    })
}

/// Checks a token from `/l/{token}` and binds this browser to its unit, unless the browser acts
/// for another unit of the same campaign through a live link: then nothing changes until the
/// person confirms the switch (`confirm_switch`), so a unit cannot quietly take over another
/// unit's phone by sending it its own link.
pub async fn open_link(raw_token: &str, confirm_switch: bool) -> Result<LinkOpened, AppError> {
    let token = unit_link::clean_token(raw_token).ok_or(AppError::LinkInvalid)?;
    let pool = pool()?;
    let found = db::unit_links::find_by_hash(&pool, &unit_link::token_hash(&token))
        .await?
        .ok_or(AppError::LinkInvalid)?;
    if !found.live || !unit_link::matches(&link_key()?, found.id, &found.nonce, &token) {
        return Err(AppError::LinkInvalid);
    }
    let cookies = cookies().await?;
    let key = unit_cookie_key()?;
    let bound = unit_cookie::bound_links(&cookies, &key)
        .get(&found.campaign_id)
        .copied();
    if let (Some(current), false) = (bound.filter(|l| *l != found.id), confirm_switch) {
        let now = db::unit_links::live_unit(&pool, current, found.campaign_id).await?;
        let next = db::unit_links::live_unit(&pool, found.id, found.campaign_id).await?;
        if let (Some(now), Some(next)) = (now, next) {
            if now.unit_id != next.unit_id {
                return Ok(LinkOpened::Switch {
                    campaign_id: found.campaign_id,
                    current_unit: now.unit_name,
                    new_unit: next.unit_name,
                });
            }
        }
    }
    unit_cookie::bind(&cookies, &key, found.campaign_id, found.id);
    Ok(LinkOpened::Bound {
        campaign_id: found.campaign_id,
    })
}

/// The link this browser opened for `campaign_id`, from its cookie alone (not yet checked live).
async fn bound_link(campaign_id: i64) -> Result<i64, AppError> {
    unit_cookie::bound_links(&cookies().await?, &unit_cookie_key()?)
        .get(&campaign_id)
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
