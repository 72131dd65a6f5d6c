//! The organizer's side of unit links: every participating unit's link and QR code, issuing the
//! missing ones, revoking and re-issuing one. Admins only; each change is audited.
use crate::error::AppError;
pub use crate::wire::unit_links::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "campaign_links")]
pub async fn campaign_links(id: i64) -> Result<LinksOfCampaign, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::unit_links::list(id).await)
}

/// Issues a link to every participating unit that has none.
#[server(prefix = "/api", endpoint = "issue_unit_links")]
pub async fn issue_unit_links(id: i64) -> Result<usize, AppError> {
    use crate::server::respond::{finish_form, redirect_plain_form, NOTHING_TYPED};
    let result = crate::server::unit_links::issue_missing(id).await;
    if result.is_ok() {
        redirect_plain_form(&format!("/admin/campaigns/{id}/links?saved=issued"));
    }
    finish_form(result, NOTHING_TYPED)
}

/// Revokes a unit's link; with `reissue` it gets a new one at once.
#[server(prefix = "/api", endpoint = "revoke_unit_link")]
/// Answers whether a new link was issued.
pub async fn revoke_unit_link(id: i64, unit_id: i64, reissue: bool) -> Result<bool, AppError> {
    use crate::server::respond::{finish_form, redirect_plain_form, NOTHING_TYPED};
    let result = crate::server::unit_links::revoke(id, unit_id, reissue)
        .await
        .map(|()| reissue);
    if result.is_ok() {
        let saved = if reissue { "reissued" } else { "revoked" };
        redirect_plain_form(&format!(
            "/admin/campaigns/{id}/links?saved={saved}#unit-{unit_id}"
        ));
    }
    finish_form(result, NOTHING_TYPED)
}
