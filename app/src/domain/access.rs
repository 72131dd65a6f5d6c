//! Who may see or change what: the rules, as pure functions over the unit tree and a campaign.
//! `server::access` is the only place that applies them (it builds the callers' proofs).
//!
//! - A **system admin** manages everything, across every root of the unit tree.
//! - An **organizer** (an admin with a unit) sees its own unit and everything below it; it
//!   changes only the units strictly below its unit (its own unit belongs to whoever is above),
//!   imports units only below it, creates accounts only for units inside its subtree, and manages
//!   the campaigns organized by its unit or by any unit below it.
//! - Something outside a caller's scope is reported as not found, never as forbidden: an address
//!   typed by hand must not confirm that it exists.
//! - A **unit** acts only in the campaign of the link its browser opened, and only while that
//!   link is live; it sees only its own registrations.
//! - An **evaluator** belongs to a unit too (its đơn vị công tác); it manages nothing.
//!
//! A unit is given by its *lineage*: its own id first, then each ancestor up to its root. Scopes
//! are checked against the lineage read at the request, so moving a unit or an account takes
//! effect at the next request.
use serde::{Deserialize, Serialize};

/// What an admin account manages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// Every unit and campaign.
    System,
    /// The subtree under this unit (the organizer's own unit).
    Subtree(i64),
}

impl Scope {
    /// Whether the unit with this lineage is the scope's unit or lies below it (it may be seen,
    /// and a campaign it organizes may be managed).
    pub fn contains(self, lineage: &[i64]) -> bool {
        match self {
            Scope::System => true,
            Scope::Subtree(root) => lineage.contains(&root),
        }
    }

    /// Whether the unit with this lineage may be changed, moved or given children: strictly
    /// below the scope's unit.
    pub fn manages_unit(self, lineage: &[i64]) -> bool {
        match self {
            Scope::System => true,
            Scope::Subtree(root) => lineage.iter().skip(1).any(|id| *id == root),
        }
    }

    /// Whether a unit may be placed under `parent` (`None`: as a new root of the tree).
    pub fn may_place_under(self, parent_lineage: Option<&[i64]>) -> bool {
        match (self, parent_lineage) {
            (Scope::System, _) => true,
            (Scope::Subtree(_), None) => false,
            (scope, Some(lineage)) => scope.contains(lineage),
        }
    }

    /// The unit whose subtree this scope is, if any.
    pub fn root(self) -> Option<i64> {
        match self {
            Scope::System => None,
            Scope::Subtree(root) => Some(root),
        }
    }
}

/// A unit link as stored: the campaign it was issued for, and whether it was revoked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkState {
    pub campaign_id: i64,
    pub revoked: bool,
}

impl LinkState {
    /// A link acts for its unit in its own campaign only, until it is revoked.
    pub fn acts_in(self, campaign_id: i64) -> bool {
        !self.revoked && self.campaign_id == campaign_id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_acts_only_in_its_campaign_and_only_until_revoked() {
        let live = LinkState {
            campaign_id: 7,
            revoked: false,
        };
        assert!(live.acts_in(7));
        assert!(!live.acts_in(8), "another campaign");
        assert!(!LinkState {
            revoked: true,
            ..live
        }
        .acts_in(7));
    }

    // Quận 11 (2) under Thành phố (1); Phường 5 (3) under Quận 11; Quận 1 (4) under Thành phố.
    const CITY: &[i64] = &[1];
    const DISTRICT: &[i64] = &[2, 1];
    const WARD: &[i64] = &[3, 2, 1];
    const OTHER_DISTRICT: &[i64] = &[4, 1];
    const OTHER_ROOT: &[i64] = &[9];

    #[test]
    fn a_system_admin_sees_and_manages_every_root() {
        for lineage in [CITY, DISTRICT, WARD, OTHER_ROOT] {
            assert!(Scope::System.contains(lineage));
            assert!(Scope::System.manages_unit(lineage));
        }
        assert!(Scope::System.may_place_under(None));
    }

    #[test]
    fn an_organizer_sees_its_subtree_and_nothing_beside_or_above_it() {
        let district = Scope::Subtree(2);
        assert!(district.contains(DISTRICT));
        assert!(district.contains(WARD));
        assert!(!district.contains(CITY));
        assert!(!district.contains(OTHER_DISTRICT));
        assert!(!district.contains(OTHER_ROOT));
    }

    #[test]
    fn an_organizer_changes_only_units_strictly_below_its_own() {
        let district = Scope::Subtree(2);
        assert!(district.manages_unit(WARD));
        assert!(
            !district.manages_unit(DISTRICT),
            "its own unit belongs to the city"
        );
        assert!(!district.manages_unit(CITY));
        assert!(!district.manages_unit(OTHER_DISTRICT));
    }

    #[test]
    fn an_organizer_adds_units_only_inside_its_subtree_never_as_a_root() {
        let district = Scope::Subtree(2);
        assert!(district.may_place_under(Some(DISTRICT)));
        assert!(district.may_place_under(Some(WARD)));
        assert!(!district.may_place_under(Some(CITY)));
        assert!(!district.may_place_under(None));
    }
}
