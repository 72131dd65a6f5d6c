//! The drafted official documents as printable pages (the Word files are a hand route,
//! `server::documents`); for the campaign's admins.
use crate::error::AppError;
pub use crate::wire::documents::*;
use leptos::server;

/// `document` is the document's slug (`award-decision`, `award-proposal`, `council-minutes`).
#[server(prefix = "/api", endpoint = "document_draft")]
pub async fn get_document_draft(campaign_id: i64, document: String) -> Result<Draft, AppError> {
    use crate::server::respond::finish;
    let drafted = async {
        let document = OfficialDocument::from_slug(&document).ok_or(AppError::NotFound)?;
        crate::server::documents::draft(document, campaign_id).await
    };
    finish(drafted.await)
}
