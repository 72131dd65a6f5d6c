//! Who scores which initiative. Rules: by default (`Assignment::All`) every member scores every
//! initiative of his fields (all fields when none are set). With `Assignment::Spread` each
//! initiative gets `per_initiative` members chosen so the load is even: a member is chosen only
//! where he may score (in his fields, not recused by the unit tree nor by his declaration), the
//! initiatives with the fewest possible members are served first, and each takes the least
//! loaded of its possible members (the lower account id on a tie, so the result never depends on
//! input order). Existing pairs are kept and count toward the load; an initiative with fewer
//! possible members than asked gets them all, and the shortfall is shown, never hidden.
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Assignment {
    All,
    Spread { per_initiative: u32 },
}

/// The most members an initiative can be spread to.
pub const MAX_PER_INITIATIVE: u32 = 50;
/// The default number of members per initiative when spreading.
pub const DEFAULT_PER_INITIATIVE: u32 = 3;

impl Assignment {
    pub fn as_str(self) -> &'static str {
        match self {
            Assignment::All => "all",
            Assignment::Spread { .. } => "spread",
        }
    }

    /// The stored mode and number; `None` for an unknown mode.
    pub fn from_stored(mode: &str, per_initiative: i32) -> Option<Assignment> {
        match mode {
            "all" => Some(Assignment::All),
            "spread" => Some(Assignment::Spread {
                per_initiative: u32::try_from(per_initiative).ok()?,
            }),
            _ => None,
        }
    }

    /// Whether a member scores an initiative of `field` (conflicts apart): in his `fields` (none:
    /// all) when everyone scores, or when the pair is `assigned` to him when spreading.
    pub fn scores(self, fields: &[i64], field: i64, assigned: bool) -> bool {
        match self {
            Assignment::All => fields.is_empty() || fields.contains(&field),
            Assignment::Spread { .. } => assigned,
        }
    }
}

/// An initiative to spread, with the members who may score it (fields and conflicts applied).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub initiative_id: i64,
    pub possible: Vec<i64>,
}

/// The new (initiative, member) pairs that bring every initiative up to `per_initiative` of its
/// possible members, given the pairs that exist.
pub fn spread(slots: &[Slot], existing: &HashSet<(i64, i64)>, per_initiative: u32) -> Vec<(i64, i64)> {
    let mut load: HashMap<i64, usize> = HashMap::new();
    for (_, member) in existing {
        *load.entry(*member).or_default() += 1;
    }
    let mut order: Vec<(i64, Vec<i64>)> = slots
        .iter()
        .map(|s| {
            let mut possible = s.possible.clone();
            possible.sort_unstable();
            possible.dedup();
            (s.initiative_id, possible)
        })
        .collect();
    order.sort_by_key(|(id, possible)| (possible.len(), *id));
    let mut added = Vec::new();
    for (initiative_id, possible) in order {
        let held = possible
            .iter()
            .filter(|m| existing.contains(&(initiative_id, **m)))
            .count();
        let wanted = (per_initiative as usize).saturating_sub(held);
        let mut free: Vec<i64> = possible
            .into_iter()
            .filter(|m| !existing.contains(&(initiative_id, *m)))
            .collect();
        for _ in 0..wanted {
            let Some(at) =
                (0..free.len()).min_by_key(|&i| (load.get(&free[i]).copied().unwrap_or(0), free[i]))
            else {
                break;
            };
            let member = free.swap_remove(at);
            *load.entry(member).or_default() += 1;
            added.push((initiative_id, member));
        }
    }
    added.sort_unstable();
    added
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn slot(initiative_id: i64, possible: &[i64]) -> Slot {
        Slot {
            initiative_id,
            possible: possible.to_vec(),
        }
    }

    fn loads(pairs: &[(i64, i64)]) -> HashMap<i64, usize> {
        let mut load = HashMap::new();
        for (_, m) in pairs {
            *load.entry(*m).or_default() += 1;
        }
        load
    }

    #[test]
    fn nine_initiatives_among_three_members_by_two_give_each_six() {
        let slots: Vec<Slot> = (1..=9).map(|i| slot(i, &[10, 11, 12])).collect();
        let pairs = spread(&slots, &HashSet::new(), 2);
        assert_eq!(pairs.len(), 18);
        assert!(loads(&pairs).values().all(|&l| l == 6));
    }

    #[test]
    fn a_constrained_initiative_is_served_first_and_shortfalls_stay_short() {
        // Only member 10 may score initiative 1; initiative 2 has nobody at all.
        let slots = [slot(3, &[10, 11]), slot(1, &[10]), slot(2, &[])];
        let pairs = spread(&slots, &HashSet::new(), 1);
        assert_eq!(pairs, vec![(1, 10), (3, 11)]);
    }

    #[test]
    fn existing_pairs_are_kept_and_count_toward_the_load() {
        let existing: HashSet<(i64, i64)> = [(1, 10), (2, 10)].into();
        let slots = [slot(1, &[10, 11]), slot(2, &[10, 11]), slot(3, &[10, 11])];
        let pairs = spread(&slots, &existing, 1);
        assert_eq!(pairs, vec![(3, 11)]);
    }

    #[test]
    fn modes_round_trip_and_decide_who_scores() {
        for mode in [Assignment::All, Assignment::Spread { per_initiative: 4 }] {
            assert_eq!(Assignment::from_stored(mode.as_str(), 4), Some(mode));
        }
        assert_eq!(Assignment::from_stored("every", 3), None);
        assert!(Assignment::All.scores(&[], 7, false));
        assert!(!Assignment::All.scores(&[8], 7, true));
        let spread = Assignment::Spread { per_initiative: 2 };
        assert!(spread.scores(&[8], 7, true) && !spread.scores(&[], 7, false));
    }

    fn slots() -> impl Strategy<Value = Vec<Slot>> {
        prop::collection::vec(prop::collection::vec(1i64..=8, 0..8), 0..40).prop_map(|sets| {
            sets.into_iter()
                .enumerate()
                .map(|(i, possible)| slot(i as i64 + 100, &possible))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn pairs_are_possible_new_and_fill_each_initiative_as_far_as_it_can(
            slots in slots(), per in 1u32..5
        ) {
            let pairs = spread(&slots, &HashSet::new(), per);
            let unique: HashSet<_> = pairs.iter().copied().collect();
            prop_assert_eq!(unique.len(), pairs.len());
            for s in &slots {
                let mine: Vec<_> = pairs.iter().filter(|p| p.0 == s.initiative_id).collect();
                prop_assert!(mine.iter().all(|p| s.possible.contains(&p.1)));
                let distinct: HashSet<_> = s.possible.iter().collect();
                prop_assert_eq!(mine.len(), distinct.len().min(per as usize));
            }
        }

        #[test]
        fn the_order_of_the_input_does_not_matter(slots in slots(), per in 1u32..4, seed in any::<u64>()) {
            let mut shuffled = slots.clone();
            let len = shuffled.len().max(1);
            shuffled.rotate_left((seed as usize) % len);
            for s in &mut shuffled {
                s.possible.reverse();
            }
            prop_assert_eq!(spread(&slots, &HashSet::new(), per), spread(&shuffled, &HashSet::new(), per));
        }

        #[test]
        fn without_restrictions_loads_differ_by_at_most_one(
            initiatives in 0i64..60, members in 1i64..9, per in 1u32..4
        ) {
            let everyone: Vec<i64> = (1..=members).collect();
            let slots: Vec<Slot> = (0..initiatives).map(|i| slot(i, &everyone)).collect();
            let pairs = spread(&slots, &HashSet::new(), per);
            let load = loads(&pairs);
            let counts: Vec<usize> = everyone.iter().map(|m| load.get(m).copied().unwrap_or(0)).collect();
            let (min, max) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
            prop_assert!(max - min <= 1, "{:?}", counts);
        }
    }
}
