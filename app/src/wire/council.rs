//! What the `api::council` server functions take and return, shared by the browser and the server.
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::assignment::Assignment;
use crate::domain::council::role::CouncilRole;
use serde::{Deserialize, Serialize};

/// One member of a campaign's council, as the organizer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilMember {
    pub account_id: i64,
    pub display_name: String,
    pub username: String,
    /// The member's đơn vị công tác, which decides his conflicts.
    pub unit_name: Option<String>,
    pub role: CouncilRole,
    /// Fields he is restricted to; empty: every field.
    pub fields: Vec<i64>,
    /// Initiatives he may not score: of his own unit, above or below it.
    pub recused: i64,
    /// Initiatives he has submitted a score for.
    pub submitted: i64,
    pub disabled: bool,
}

/// An evaluator account in the organizer's scope that is not yet in the council.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilCandidate {
    pub account_id: i64,
    pub display_name: String,
    pub unit_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChoice {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilView {
    pub campaign_id: i64,
    pub title: String,
    pub state: CampaignState,
    pub members: Vec<CouncilMember>,
    pub candidates: Vec<CouncilCandidate>,
    pub fields: Vec<FieldChoice>,
    pub initiatives: i64,
    /// Who scores which initiative (set on the assignment page).
    pub assignment: Assignment,
    /// Members can be added, changed and removed until results are published.
    pub editable: bool,
}
