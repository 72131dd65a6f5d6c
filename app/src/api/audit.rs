//! A campaign's audit trail, newest first. Admins only.
use crate::error::AppError;
pub use crate::wire::audit::*;
use leptos::server;

/// `kind` empty means every kind.
#[server(prefix = "/api", endpoint = "campaign_audit")]
pub async fn campaign_audit(id: i64, kind: String) -> Result<Vec<AuditEntry>, AppError> {
    use crate::domain::audit::AuditKind;
    use crate::server::{access, db, respond::finish, state::pool};
    let result = async {
        access::campaign_admin(id).await?;
        db::audit::list(&pool()?, id, AuditKind::parse(&kind)).await
    }
    .await;
    finish(result)
}
