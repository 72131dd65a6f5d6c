//! A unit's initiatives: the form (new or existing, with the draft kept on the server), the
//! submit (multipart, files included; the same `submit_key` twice gives one initiative), the
//! draft autosave and one initiative's page with its receipt code. Unit callers only.
use crate::error::AppError;
pub use crate::wire::initiatives::*;
use leptos::server;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// The form for a new initiative (`initiative_id` = 0) or for changing one.
#[server(prefix = "/api", endpoint = "get_initiative_form")]
pub async fn get_initiative_form(campaign_id: i64, initiative_id: i64) -> Result<InitiativeForm, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::initiatives::form(campaign_id, initiative_id).await)
}

/// Sends an initiative. Fields: `campaign_id` first, then `initiative_id` (0 = new),
/// `submit_key`, the texts, `authors[i][…]`, files in `attachments`, ids in `remove_attachment`.
#[server(prefix = "/api", endpoint = "submit_initiative", input = MultipartFormData)]
pub async fn submit_initiative(data: MultipartData) -> Result<Receipt, AppError> {
    use crate::server::respond::{finish_form, NOTHING_TYPED};
    let result = crate::server::initiatives::submit(data).await;
    if let Ok((campaign_id, receipt)) = &result {
        crate::server::respond::redirect_plain_form(&receipt.page(*campaign_id));
    }
    // Typed text is not sent back in the address: a refused submit keeps it as the draft.
    finish_form(result.map(|(_, receipt)| receipt), NOTHING_TYPED)
}

/// Keeps what is being typed as the form's draft (`form` = "new" or the initiative's id).
/// Answers nothing: the phone notes its own clock, and reading a date back would cost the
/// forms' islands chrono's parsers.
#[server(prefix = "/api", endpoint = "save_initiative_draft")]
pub async fn save_initiative_draft(campaign_id: i64, form: String, draft: String) -> Result<(), AppError> {
    use crate::server::respond::finish;
    let saved = crate::server::initiatives::save_draft(campaign_id, &form, &draft).await;
    finish(saved.map(|_saved_at| ()))
}

/// Drops the form's draft and opens the form afresh (a plain post goes back to it).
#[server(prefix = "/api", endpoint = "discard_initiative_draft")]
pub async fn discard_initiative_draft(campaign_id: i64, form: String) -> Result<String, AppError> {
    use crate::server::respond::{finish_form, redirect_plain_form, NOTHING_TYPED};
    let result = crate::server::initiatives::discard_draft(campaign_id, &form).await;
    if let Ok(page) = &result {
        redirect_plain_form(page);
    }
    finish_form(result, NOTHING_TYPED)
}

#[server(prefix = "/api", endpoint = "get_unit_initiative")]
pub async fn get_unit_initiative(campaign_id: i64, id: i64) -> Result<InitiativeDetail, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::initiatives::detail(campaign_id, id).await)
}
