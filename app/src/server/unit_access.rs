//! Opening a unit link: it remembers that link's id, per campaign, in the browser's signed unit
//! cookie (no account; see `unit_cookie`). Every unit server function then obtains its caller
//! from `access::unit`, which reloads the link: a revoked link stops working at once, and a
//! browser reaches only the units whose links it opened.
use super::state::{link_key, pool, unit_cookie_key};
use super::{db, unit_cookie, unit_link};
use crate::error::AppError;
use crate::wire::unit_portal::LinkOpened;

/// Checks a token from `/l/{token}` and binds this browser to its unit, unless the browser acts
/// for another unit of the same campaign through a live link: then nothing changes until the
/// person confirms the switch (`confirm_switch`), so a unit cannot quietly take over another
/// unit's phone by sending it its own link.
#[tracing::instrument(skip_all, fields(confirm_switch))]
pub async fn open_link(raw_token: &str, confirm_switch: bool) -> Result<LinkOpened, AppError> {
    let token = unit_link::clean_token(raw_token).ok_or(AppError::LinkInvalid)?;
    let pool = pool()?;
    let found = db::unit_links::find_by_hash(&pool, &unit_link::token_hash(&token))
        .await?
        .ok_or(AppError::LinkInvalid)?;
    if !found.live || !unit_link::matches(&link_key()?, found.id, &found.nonce, &token) {
        return Err(AppError::LinkInvalid);
    }
    let cookies = super::access::cookies().await?;
    let key = unit_cookie_key()?;
    let bound = unit_cookie::bound_links(&cookies, &key)
        .get(&found.campaign_id)
        .copied();
    if let (Some(current), false) = (bound.filter(|l| *l != found.id), confirm_switch) {
        let now = super::access::live_unit(&pool, current, found.campaign_id).await?;
        let next = super::access::live_unit(&pool, found.id, found.campaign_id).await?;
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
