//! A plain form post (scripts off) that the server refused: the problems and what was typed go
//! back to the form in a short-lived cookie scoped to the form's page, never in its address
//! (addresses stay in the browser's history and in logs). The address carries only `refused=id`,
//! which says the cookie belongs to this visit.
use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// The query field naming the refusal a form page shows.
pub const REFUSED_QUERY: &str = "refused";
/// The cookie that carries it (read and cleared by the form page's render).
pub const REFUSAL_COOKIE: &str = "thidua_refused";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormRefusal {
    pub id: String,
    pub err: AppError,
    /// Field name → value as typed, in the form's order.
    pub typed: Vec<(String, String)>,
}

impl FormRefusal {
    /// What was typed in `name`, if it came back.
    pub fn typed(&self, name: &str) -> Option<&str> {
        self.typed
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }
}
