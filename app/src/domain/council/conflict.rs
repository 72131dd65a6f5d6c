//! Conflicts come exactly from the unit tree: a member does not score an initiative of his own
//! unit, of a unit above his, or of a unit below his. The campaign's organizer unit does not count
//! as "above" anyone: it is above every participant by construction, and councils sit there. A
//! member may also declare a conflict himself; that is stored, not derived here.

/// Lineages list a unit's id first, then its parent's, up to its root (`db::access::lineage`).
pub fn conflicted(member_lineage: &[i64], initiative_lineage: &[i64], organizer: i64) -> bool {
    let (Some(&member), Some(&unit)) = (member_lineage.first(), initiative_lineage.first()) else {
        // A member without a unit, or an initiative whose unit is gone, relates to nothing.
        return false;
    };
    let member_above = member != organizer && initiative_lineage.contains(&member);
    let unit_above = unit != organizer && member_lineage.contains(&unit);
    member == unit || member_above || unit_above
}

/// Every unit whose initiatives the member may not score, from his lineage and the units below
/// his (`member_subtree`, his own unit included): the same rule as `conflicted`, as a set, so a
/// desk need not walk the lineage of every participant.
pub fn recused_units(member_lineage: &[i64], member_subtree: &[i64], organizer: i64) -> Vec<i64> {
    let Some(&member) = member_lineage.first() else {
        return Vec::new();
    };
    let above = member_lineage
        .iter()
        .copied()
        .filter(|&u| u == member || u != organizer);
    let below = member_subtree
        .iter()
        .copied()
        .filter(|&u| member != organizer || u == member);
    let mut units: Vec<i64> = above.chain(below).collect();
    units.sort_unstable();
    units.dedup();
    units
}

#[cfg(test)]
mod tests {
    use super::{conflicted, recused_units};
    use proptest::prelude::*;

    // The tree: 1 district (organizer) → 2 ward A → 4 office of A; 1 → 3 ward B; 9 another root.
    const DISTRICT: i64 = 1;
    const WARD_A: [i64; 2] = [2, 1];
    const OFFICE_OF_A: [i64; 3] = [4, 2, 1];
    const WARD_B: [i64; 2] = [3, 1];
    const ELSEWHERE: [i64; 1] = [9];

    #[test]
    fn own_unit_above_and_below_are_conflicts() {
        assert!(conflicted(&WARD_A, &WARD_A, DISTRICT));
        assert!(
            conflicted(&WARD_A, &OFFICE_OF_A, DISTRICT),
            "the member's unit is above"
        );
        assert!(
            conflicted(&OFFICE_OF_A, &WARD_A, DISTRICT),
            "the member's unit is below"
        );
    }

    #[test]
    fn siblings_and_strangers_are_not() {
        assert!(!conflicted(&WARD_A, &WARD_B, DISTRICT));
        assert!(!conflicted(&OFFICE_OF_A, &WARD_B, DISTRICT));
        assert!(!conflicted(&ELSEWHERE, &WARD_A, DISTRICT));
        assert!(!conflicted(&[], &WARD_A, DISTRICT), "a member without a unit");
    }

    #[test]
    fn the_organizer_unit_is_above_nobody() {
        // Councils sit at the organizer: its members score every participant.
        assert!(!conflicted(&[DISTRICT], &WARD_A, DISTRICT));
        assert!(!conflicted(&[DISTRICT], &OFFICE_OF_A, DISTRICT));
        // A ward's member does not become conflicted with the organizer's own initiative by it…
        assert!(!conflicted(&WARD_A, &[DISTRICT], DISTRICT));
        // …but the organizer's own member is, as with any unit's own initiative.
        assert!(conflicted(&[DISTRICT], &[DISTRICT], DISTRICT));
    }

    #[test]
    fn under_another_organizer_the_district_counts_again() {
        // A campaign organized by ward A: the district's member is above ward A's offices.
        assert!(conflicted(&[DISTRICT], &OFFICE_OF_A, 2));
    }

    /// A random forest of up to 12 units (each unit's parent has a smaller id) and its lineages.
    fn forest() -> impl Strategy<Value = Vec<Vec<i64>>> {
        prop::collection::vec(prop::option::of(0usize..12), 1..12).prop_map(|parents| {
            let mut lineages: Vec<Vec<i64>> = Vec::new();
            for (i, parent) in parents.into_iter().enumerate() {
                let mut lineage = vec![i as i64];
                if let Some(p) = parent.filter(|p| *p < i) {
                    lineage.extend(lineages[p].iter().copied());
                }
                lineages.push(lineage);
            }
            lineages
        })
    }

    proptest! {
        #[test]
        fn the_recused_set_is_exactly_the_conflicted_units(
            lineages in forest(), member in 0usize..12, organizer in 0i64..12
        ) {
            let member = member % lineages.len();
            let own = &lineages[member];
            let subtree: Vec<i64> = lineages
                .iter()
                .filter(|l| l.contains(&(member as i64)))
                .map(|l| l[0])
                .collect();
            let set = recused_units(own, &subtree, organizer);
            for lineage in &lineages {
                prop_assert_eq!(set.contains(&lineage[0]), conflicted(own, lineage, organizer), "{:?}", lineage);
            }
        }
    }
}
