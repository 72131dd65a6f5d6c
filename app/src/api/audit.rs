//! A campaign's audit trail, newest first. Admins only.
use crate::domain::audit::AuditKind;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::server;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub kind: AuditKind,
    pub before: Value,
    pub after: Value,
    pub reason: String,
}

/// `kind` empty means every kind.
#[server(prefix = "/api", endpoint = "campaign_audit")]
pub async fn campaign_audit(id: i64, kind: String) -> Result<Vec<AuditEntry>, AppError> {
    use crate::server::{access, db, respond::finish, state::pool};
    let result = async {
        access::campaign_admin(id).await?;
        db::audit::list(&pool()?, id, AuditKind::parse(&kind)).await
    }
    .await;
    finish(result)
}
