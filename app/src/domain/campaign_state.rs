//! The lifecycle of a campaign: draft → open → evaluating → published → closed. Only these
//! forward steps exist; the server decides every transition and what each state allows.
use crate::domain::deadline::Deadline;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignState {
    Draft,
    Open,
    Evaluating,
    Published,
    Closed,
}

impl CampaignState {
    pub const ALL: [CampaignState; 5] = [
        CampaignState::Draft,
        CampaignState::Open,
        CampaignState::Evaluating,
        CampaignState::Published,
        CampaignState::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CampaignState::Draft => "draft",
            CampaignState::Open => "open",
            CampaignState::Evaluating => "evaluating",
            CampaignState::Published => "published",
            CampaignState::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The one state an admin may move this one to.
    pub fn next(self) -> Option<Self> {
        match self {
            CampaignState::Draft => Some(CampaignState::Open),
            CampaignState::Open => Some(CampaignState::Evaluating),
            CampaignState::Evaluating => Some(CampaignState::Published),
            CampaignState::Published => Some(CampaignState::Closed),
            CampaignState::Closed => None,
        }
    }

    pub fn can_become(self, target: Self) -> bool {
        self.next() == Some(target)
    }

    /// Participating units and criteria are fixed once a campaign is open.
    pub fn setup_is_editable(self) -> bool {
        self == CampaignState::Draft
    }

    /// Organizer, period, deadlines and minimum: fixed once open (deadlines move only by an
    /// audited extension).
    pub fn schedule_is_editable(self) -> bool {
        self == CampaignState::Draft
    }

    /// Title, theme, plan reference and visibility can be corrected until the campaign closes.
    pub fn details_are_editable(self) -> bool {
        self != CampaignState::Closed
    }

    /// The unit-score formula may change until results are published.
    pub fn scoring_is_editable(self) -> bool {
        matches!(
            self,
            CampaignState::Draft | CampaignState::Open | CampaignState::Evaluating
        )
    }

    /// How the council's totals combine, its quorum and disagreement threshold: fixed once the
    /// council starts scoring, so every initiative is judged by the same rules.
    pub fn council_rules_are_editable(self) -> bool {
        matches!(self, CampaignState::Draft | CampaignState::Open)
    }

    /// Members join, change role or leave the council until results are published.
    pub fn council_is_editable(self) -> bool {
        matches!(
            self,
            CampaignState::Draft | CampaignState::Open | CampaignState::Evaluating
        )
    }

    /// The council's results are final (the organizer and the council see them; the public once
    /// they are released).
    pub fn has_results(self) -> bool {
        matches!(self, CampaignState::Published | CampaignState::Closed)
    }

    /// Award forms may change until the campaign closes.
    pub fn awards_are_editable(self) -> bool {
        self != CampaignState::Closed
    }

    /// Registration can be extended while it is open; the report deadline also while evaluating.
    pub fn can_extend(self, deadline: DeadlineKind) -> bool {
        match deadline {
            DeadlineKind::Registration => self == CampaignState::Open,
            DeadlineKind::Report => matches!(self, CampaignState::Open | CampaignState::Evaluating),
        }
    }

    /// Units register initiatives only while the campaign is open (and before the deadline).
    pub fn accepts_registrations(self) -> bool {
        self == CampaignState::Open
    }

    /// Initiatives may be sent or changed: the campaign is open and the deadline not passed.
    pub fn registration_open(self, deadline: Option<Deadline>, now: DateTime<Utc>) -> bool {
        self.accepts_registrations() && deadline.is_some_and(|d| !d.has_passed(now))
    }

    /// Result reports are taken until the council's results are published (late ones marked).
    pub fn accepts_reports(self) -> bool {
        matches!(self, CampaignState::Open | CampaignState::Evaluating)
    }
}

/// The two deadlines of a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    Registration,
    Report,
}

impl DeadlineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineKind::Registration => "registration",
            DeadlineKind::Report => "report",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [DeadlineKind::Registration, DeadlineKind::Report]
            .into_iter()
            .find(|d| d.as_str() == raw)
    }
}

#[cfg(test)]
mod tests {
    use super::CampaignState::{self, *};
    use super::DeadlineKind;

    fn states_where(allowed: impl Fn(CampaignState) -> bool) -> Vec<CampaignState> {
        CampaignState::ALL.into_iter().filter(|s| allowed(*s)).collect()
    }

    #[test]
    fn what_each_state_allows_to_change() {
        assert_eq!(states_where(CampaignState::schedule_is_editable), [Draft]);
        assert_eq!(
            states_where(CampaignState::details_are_editable),
            [Draft, Open, Evaluating, Published]
        );
        assert_eq!(
            states_where(CampaignState::scoring_is_editable),
            [Draft, Open, Evaluating]
        );
        assert_eq!(
            states_where(CampaignState::awards_are_editable),
            [Draft, Open, Evaluating, Published]
        );
    }

    #[test]
    fn deadlines_are_extended_only_while_they_matter() {
        assert_eq!(states_where(|s| s.can_extend(DeadlineKind::Registration)), [Open]);
        assert_eq!(
            states_where(|s| s.can_extend(DeadlineKind::Report)),
            [Open, Evaluating]
        );
    }

    #[test]
    fn each_state_may_only_step_forward_once() {
        let allowed = [
            (Draft, Open),
            (Open, Evaluating),
            (Evaluating, Published),
            (Published, Closed),
        ];
        for from in CampaignState::ALL {
            for to in CampaignState::ALL {
                assert_eq!(
                    from.can_become(to),
                    allowed.contains(&(from, to)),
                    "{from:?} → {to:?}"
                );
            }
        }
    }

    #[test]
    fn only_a_draft_can_change_its_setup() {
        let editable: Vec<_> = CampaignState::ALL
            .into_iter()
            .filter(|s| s.setup_is_editable())
            .collect();
        assert_eq!(editable, [Draft]);
    }

    #[test]
    fn only_an_open_campaign_accepts_registrations() {
        let open: Vec<_> = CampaignState::ALL
            .into_iter()
            .filter(|s| s.accepts_registrations())
            .collect();
        assert_eq!(open, [Open]);
    }

    #[test]
    fn every_state_round_trips_through_its_identifier() {
        for state in CampaignState::ALL {
            assert_eq!(CampaignState::parse(state.as_str()), Some(state));
        }
        assert_eq!(CampaignState::parse("archived"), None);
    }
}
