//! What the `api::council_assignment` server functions take and return.
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::assignment::Assignment;
use serde::{Deserialize, Serialize};

/// The most initiatives the assignment page lists (the short ones first).
pub const SHOWN_MAX: usize = 300;

/// How many initiatives a member is expected to score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberLoad {
    pub account_id: i64,
    pub name: String,
    pub load: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignedMember {
    pub account_id: i64,
    pub name: String,
    /// Given to him but recused since (by his declaration, or his unit moved).
    pub recused: bool,
    /// He has submitted or abstained: the pair stays.
    pub decided: bool,
}

/// One initiative with the members who score it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeCover {
    pub id: i64,
    pub title: String,
    pub unit_name: String,
    pub field_name: String,
    pub assigned: Vec<AssignedMember>,
    /// Members expected on it (assigned and not recused).
    pub expected: usize,
    /// Fewer members than the campaign asks (or nobody at all).
    pub short: bool,
    /// Members who may still be given it (spreading only).
    pub addable: Vec<(i64, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssignmentView {
    pub campaign_id: i64,
    pub title: String,
    pub state: CampaignState,
    pub assignment: Assignment,
    /// The mode can change until the campaign goes to its council.
    pub mode_editable: bool,
    /// Pairs can be spread and adjusted until results are published.
    pub pairs_editable: bool,
    pub members: Vec<MemberLoad>,
    /// At most `SHOWN_MAX`, the short ones first.
    pub initiatives: Vec<InitiativeCover>,
    pub total: usize,
    pub short: usize,
}
