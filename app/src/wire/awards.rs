//! What the awards page (`api::awards`) shows and takes: each award form with its rule, its
//! decision, its recipients, what its rule proposes and who else may be added by hand.
use crate::domain::awards::AwardRule;
use crate::domain::campaign::Recipient;
use crate::domain::campaign_state::CampaignState;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AwardsDesk {
    pub campaign_id: i64,
    pub title: String,
    pub state: CampaignState,
    /// Recipients and decisions change only while results are published (not before, not once closed).
    pub open: bool,
    pub forms: Vec<FormDesk>,
    pub gallery: GalleryListing,
}

/// How the campaign's exemplary initiatives reach the public gallery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GalleryListing {
    /// A link-only campaign's are listed only when its organizer says so.
    pub link_only: bool,
    pub listed: bool,
    /// Initiatives the council marked exemplary.
    pub exemplary: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormDesk {
    pub id: i64,
    pub name: String,
    pub recipient: Recipient,
    pub rule: AwardRule,
    pub decision: Decision,
    pub awards: Vec<AwardView>,
    /// What the rule proposes that is not given yet.
    pub proposed: Vec<CandidateView>,
    /// Units of a shared place that straddles "the first N": the organizer decides.
    pub tied_at_cut: Vec<CandidateView>,
    /// Everyone else this form may still go to.
    pub others: Vec<CandidateView>,
}

/// The decision that grants a form's awards.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub number: String,
    pub date: Option<NaiveDate>,
    pub signer: String,
}

impl Decision {
    pub fn is_recorded(&self) -> bool {
        !self.number.is_empty() && self.date.is_some() && !self.signer.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardView {
    pub id: i64,
    /// The unit, or "Nguyễn Văn A, Chuyên viên".
    pub recipient: String,
    /// An individual's unit.
    pub unit_name: String,
    /// The initiative an individual is rewarded for.
    pub initiative: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateView {
    /// `Candidate::key`.
    pub key: String,
    pub label: String,
    /// Its place and score, or the initiative and unit of an author.
    pub detail: String,
}

/// A form's awards as the results page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardList {
    pub name: String,
    pub recipient: Recipient,
    pub decision: Decision,
    /// "Phường 1", or "Nguyễn Văn A, Chuyên viên, Phường 1 — «title»".
    pub recipients: Vec<String>,
}
