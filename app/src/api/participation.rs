//! The organizer's view of registration: every participating unit's commitment, initiatives
//! against the minimum and report; and looking up a receipt code a unit quotes. Admins only.
use crate::error::AppError;
pub use crate::wire::participation::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "campaign_participation")]
pub async fn campaign_participation(id: i64) -> Result<Participation, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::participation::participation(id).await)
}

/// The initiative of campaign `id` with receipt code `code` (case, spaces and dash forgiven).
#[server(prefix = "/api", endpoint = "lookup_receipt")]
pub async fn lookup_receipt(id: i64, code: String) -> Result<Option<ReceiptMatch>, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::participation::lookup(id, &code).await)
}

/// Unit `unit_id`'s commitment, initiatives in full and report in campaign `id`.
#[server(prefix = "/api", endpoint = "get_unit_registration")]
pub async fn get_unit_registration(id: i64, unit_id: i64) -> Result<UnitRegistration, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::participation::unit_registration(id, unit_id).await)
}
