//! What the `api::accounts` server functions take and return, shared by the browser and the server.
use crate::domain::account::Role;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// Its unit: an organizer's scope, an evaluator's đơn vị công tác (none for a system admin).
    pub unit: Option<crate::wire::units::UnitRef>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// When an admin disabled the account; it cannot sign in while set.
    pub disabled_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The account is the caller's own (its page then points to "Đổi mật khẩu" instead).
    #[serde(default)]
    pub is_caller: bool,
}
