//! What the `api::audit` server functions take and return, shared by the browser and the server.
use crate::domain::audit::AuditKind;
use chrono::{DateTime, Utc};
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
