//! The unit's side: opening its secret link, its page (what is still due), and the commitment.
//! A unit caller is a browser that opened the unit's link (no account); every function here
//! checks that link before anything else, and reaches only that unit's rows.
use crate::error::AppError;
pub use crate::wire::unit_portal::*;
use leptos::server;

/// Opens `/l/{token}`: binds this browser to the link's unit, then sends it to the unit's page
/// (the token leaves the address bar); a browser bound to another unit is asked first.
#[server(prefix = "/api", endpoint = "open_unit_link")]
pub async fn open_unit_link(token: String) -> Result<LinkOpened, AppError> {
    use crate::server::respond::finish;
    let result = crate::server::unit_access::open_link(&token, false).await;
    if let Ok(LinkOpened::Bound { campaign_id }) = &result {
        leptos_axum::redirect(&format!("/unit/{campaign_id}"));
    }
    finish(result)
}

/// The confirmed switch of this browser to the unit of `token` (a form post from the question).
#[server(prefix = "/api", endpoint = "switch_unit_link")]
pub async fn switch_unit_link(token: String) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::unit_access::open_link(&token, true).await;
    if let Ok(LinkOpened::Bound { campaign_id }) = &result {
        leptos_axum::redirect(&format!("/unit/{campaign_id}"));
    }
    finish_form(result.map(|_| ()), crate::server::respond::NOTHING_TYPED)
}

#[server(prefix = "/api", endpoint = "get_unit_home")]
pub async fn get_unit_home(campaign_id: i64) -> Result<UnitHome, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::unit_portal::home(campaign_id).await)
}

/// The unit's campaign only (for its form pages).
#[server(prefix = "/api", endpoint = "get_unit_campaign")]
pub async fn get_unit_campaign(campaign_id: i64) -> Result<UnitCampaign, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::unit_portal::campaign(campaign_id).await)
}

/// Signs the unit's commitment, once.
#[server(prefix = "/api", endpoint = "sign_commitment")]
pub async fn sign_commitment(
    campaign_id: i64,
    head_name: String,
    head_position: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::unit_portal::sign_commitment(
        campaign_id,
        &head_name,
        &head_position,
        confirm.is_some(),
    )
    .await;
    if result.is_ok() {
        crate::server::respond::redirect_plain_form(&format!("/unit/{campaign_id}?saved=commitment"));
    }
    finish_form(
        result,
        &[
            ("head_name", head_name.as_str()),
            ("head_position", head_position.as_str()),
        ],
    )
}
