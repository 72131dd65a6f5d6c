//! What the `api::units` server functions take and return, shared by the browser and the server.
use crate::domain::unit::UnitKind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitSummary {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub active: bool,
    pub parent_id: Option<i64>,
    pub child_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    pub id: i64,
    pub code: String,
    pub name: String,
}

/// A unit that may organize a campaign (it has active units below it), with its parent's name
/// so the picker can group a long list the way the tree is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizerOption {
    pub code: String,
    pub name: String,
    pub parent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitDetail {
    pub unit: UnitSummary,
    /// From the top of what the caller sees down to the unit's parent.
    pub ancestors: Vec<UnitRef>,
    pub children: Vec<UnitSummary>,
    /// Whether the caller may rename, move or deactivate it (not an organizer's own unit).
    pub manageable: bool,
}

/// A top-level unit with its children: the part of the tree that comes with the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitBranch {
    pub unit: UnitSummary,
    pub children: Vec<UnitSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub active: bool,
    /// Names of the ancestors, root first, joined by " › ".
    pub path: String,
}

/// Most search results shown at once.
pub const SEARCH_LIMIT: i64 = 50;
