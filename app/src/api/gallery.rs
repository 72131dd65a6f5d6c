//! The exemplary gallery and replication (nhân rộng). Who may do what is in `server::gallery`
//! and `server::replication`.
use crate::error::AppError;
pub use crate::wire::gallery::*;
use leptos::server;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// `query` is the gallery page's address query (`q=…&field=…&page=2`).
#[server(prefix = "/api", endpoint = "gallery")]
pub async fn get_gallery(#[server(default)] query: String) -> Result<Gallery, AppError> {
    use crate::server::respond::finish;
    // An address's query is short; anything longer did not come from the page.
    let query: String = query.chars().take(1000).collect();
    let parsed = GalleryQuery::parse(|k| {
        form_urlencoded::parse(query.as_bytes())
            .find(|(name, _)| name == k)
            .map(|(_, v)| v.into_owned())
    });
    finish(crate::server::gallery::gallery(&parsed).await)
}

#[server(prefix = "/api", endpoint = "exemplary_initiative")]
pub async fn get_exemplary_initiative(initiative_id: i64) -> Result<ExemplaryInitiative, AppError> {
    crate::server::respond::finish(crate::server::gallery::exemplary(initiative_id).await)
}

/// A unit's record that it adopted the initiative: the leading `campaign_id` (of the unit's
/// link), then `initiative_id`, `adopted_on`, `note` and the optional image `photo`.
#[server(prefix = "/api", endpoint = "record_replication", input = MultipartFormData)]
pub async fn record_replication(data: MultipartData) -> Result<(), AppError> {
    crate::server::replication::record_from_link(data).await
}

/// An admin's record for a unit in its scope.
#[server(prefix = "/api", endpoint = "record_replication_for_unit")]
pub async fn record_replication_for_unit(
    initiative_id: i64,
    #[server(default)] unit_id: String,
    #[server(default)] adopted_on: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    let input = crate::domain::replication::ReplicationInput { adopted_on, note };
    crate::server::replication::record_by_admin(initiative_id, &unit_id, input).await
}

#[server(prefix = "/api", endpoint = "remove_replication")]
pub async fn remove_replication(replication_id: i64) -> Result<(), AppError> {
    use crate::server::respond::{finish_form, NOTHING_TYPED};
    finish_form(
        crate::server::replication::remove(replication_id).await,
        NOTHING_TYPED,
    )
}

/// What the units in the admin's scope adopted.
#[server(prefix = "/api", endpoint = "replications_by_unit")]
pub async fn get_replications_by_unit() -> Result<Vec<UnitReplications>, AppError> {
    crate::server::respond::finish(crate::server::replication::by_unit().await)
}

/// Shows (`public=true`) or hides one of an exemplary initiative's files in the gallery.
#[server(prefix = "/api", endpoint = "set_file_public")]
pub async fn set_file_public(
    file_id: i64,
    public: bool,
    #[server(default)] initiative_id: i64,
) -> Result<(), AppError> {
    use crate::server::respond::{finish_form, redirect_plain_form, NOTHING_TYPED};
    let done = crate::server::gallery::set_file_public(file_id, public).await;
    if done.is_ok() {
        redirect_plain_form(&format!("/gallery/{initiative_id}?saved=files#files"));
    }
    finish_form(done, NOTHING_TYPED)
}

/// Lists a link-only campaign's exemplary initiatives in the public gallery, or takes them out.
#[server(prefix = "/api", endpoint = "set_gallery_listed")]
pub async fn set_gallery_listed(campaign_id: i64, listed: bool) -> Result<(), AppError> {
    use crate::server::respond::{finish_form, redirect_plain_form, NOTHING_TYPED};
    let done = crate::server::gallery::set_listed(campaign_id, listed).await;
    if done.is_ok() {
        redirect_plain_form(&format!("/admin/campaigns/{campaign_id}/awards?saved=gallery"));
    }
    finish_form(done, NOTHING_TYPED)
}
