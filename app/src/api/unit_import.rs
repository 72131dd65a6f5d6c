//! Importing units from a CSV or .xlsx upload. The whole file is checked first; a file with any
//! bad row changes nothing. Every run is recorded and shown on its own report page.
use crate::error::AppError;
pub use crate::wire::unit_import::*;
use leptos::server;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// Takes the multipart field `file`; answers with the id of the run's report.
#[server(prefix = "/api", endpoint = "import_units", input = MultipartFormData)]
pub async fn import_units(data: MultipartData) -> Result<i64, AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::unit_import::import(data).await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}

#[server(prefix = "/api", endpoint = "get_import_report")]
pub async fn get_import_report(id: i64) -> Result<ImportReport, AppError> {
    use crate::domain::access::Scope;
    use crate::server::{db, endpoint::as_admin, state::pool};
    as_admin(|admin| async move {
        // A system admin reads every run; an organizer its own.
        let own = (admin.scope() != Scope::System).then(|| admin.id());
        db::unit_imports::get(&pool()?, id, own)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await
}
