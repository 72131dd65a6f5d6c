//! A campaign's audit trail, newest first. Admins only.
use crate::error::AppError;
pub use crate::wire::audit::*;
use leptos::server;

/// `kind` empty means every kind.
#[server(prefix = "/api", endpoint = "campaign_audit")]
pub async fn campaign_audit(id: i64, kind: String) -> Result<Vec<AuditEntry>, AppError> {
    use crate::domain::audit::AuditKind;
    use crate::server::{db, endpoint::as_campaign_admin, state::pool};
    as_campaign_admin(id, |_| async move {
        db::audit::list(&pool()?, id, AuditKind::parse(&kind)).await
    })
    .await
}
