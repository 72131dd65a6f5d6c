//! What the `api::unit_import` server functions take and return, shared by the browser and the server.
use crate::domain::unit_import::RowProblem;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub id: i64,
    pub file_name: String,
    pub applied: bool,
    pub created: i32,
    pub updated: i32,
    pub unchanged: i32,
    pub problems: Vec<RowProblem>,
    pub elapsed_ms: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
}
