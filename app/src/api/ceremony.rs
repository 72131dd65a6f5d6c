//! The reveal ceremony: its admins prepare it; its admins or its council's chair drive it from
//! the console. Screens never call these (they get stages, `api::live`). Who may do what is in
//! `server::ceremony`.
use crate::error::AppError;
pub use crate::wire::ceremony::*;
use leptos::server;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

#[server(prefix = "/api", endpoint = "ceremony_desk")]
pub async fn get_ceremony_desk(campaign_id: i64) -> Result<CeremonyDesk, AppError> {
    crate::server::respond::finish(crate::server::ceremony::desk(campaign_id).await)
}

/// Saves the order (`last_to_first` or `by_award_form`) and the awards that stop the reveal.
#[server(prefix = "/api", endpoint = "save_ceremony_plan")]
pub async fn save_ceremony_plan(
    campaign_id: i64,
    #[server(default)] order: String,
    #[server(default)] stops: Vec<String>,
) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::ceremony::save_plan(campaign_id, &order, &stops).await;
    finish_form(result, &[("order", order.as_str())])
}

#[server(prefix = "/api", endpoint = "ceremony_console")]
pub async fn get_ceremony_console(campaign_id: i64) -> Result<Console, AppError> {
    crate::server::respond::finish(crate::server::ceremony::console(campaign_id).await)
}

/// `action`: `rehearse`, `start`, `end_rehearsal`, `finish`, or `move` from step `at` to `to`.
#[server(prefix = "/api", endpoint = "control_ceremony")]
pub async fn control_ceremony(
    campaign_id: i64,
    action: String,
    #[server(default)] at: usize,
    #[server(default)] to: usize,
) -> Result<Console, AppError> {
    use crate::server::respond::{finish_form, redirect_plain_form};
    let result = crate::server::ceremony::control(campaign_id, &action, at, to).await;
    if result.is_ok() {
        redirect_plain_form(&format!("/ceremony/{campaign_id}"));
    }
    finish_form(result, &[("action", action.as_str())])
}

/// Gives award `award_id`'s card a photo: a multipart form whose first field is `campaign_id`,
/// then `award_id` and the file `photo` (JPEG or PNG).
#[server(prefix = "/api", endpoint = "upload_ceremony_photo", input = MultipartFormData)]
pub async fn upload_ceremony_photo(data: MultipartData) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    finish_form(
        crate::server::ceremony::upload_photo(data).await,
        &[] as &[(&str, &str)],
    )
}

#[server(prefix = "/api", endpoint = "remove_ceremony_photo")]
pub async fn remove_ceremony_photo(campaign_id: i64, award_id: i64) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    finish_form(
        crate::server::ceremony::remove_photo(campaign_id, award_id).await,
        &[] as &[(&str, &str)],
    )
}
