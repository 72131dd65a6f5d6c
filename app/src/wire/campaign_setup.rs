//! What the `api::campaign_setup` server functions take and return, shared by the browser and the server.
use crate::domain::unit::UnitKind;
use serde::{Deserialize, Serialize};

/// One unit below the organizer, in tree order, for the picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickerRow {
    pub id: i64,
    pub name: String,
    pub kind: UnitKind,
    pub active: bool,
    /// 0 for the organizer's own children.
    pub depth: usize,
    pub selected: bool,
    /// Units in this branch (itself included), and how many of them take part.
    pub branch_size: usize,
    pub branch_selected: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitPicker {
    pub rows: Vec<PickerRow>,
    pub selected_count: usize,
}
