//! A per-member z-score normalisation, shown beside the raw result on the chair's desk for
//! information only (it never decides a level). Rules: each member's totals are turned into
//! z-scores against his own mean and standard deviation, so a severe and a lenient member weigh
//! alike; a member with fewer than two totals, or all equal, tells nothing and is left out. An
//! initiative's normalised score is the mean of its members' z-scores, put back on the points
//! scale with the mean and standard deviation of all totals given. Callers pass only what the
//! viewer may see, so the figures are per viewer too.
use std::collections::HashMap;

/// One submitted total: (initiative, member, total in half points).
pub type Given = (i64, i64, u32);

fn mean_and_deviation(values: &[f64]) -> Option<(f64, f64)> {
    if values.len() < 2 {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    let deviation = variance.sqrt();
    (deviation > 1e-9).then_some((mean, deviation))
}

/// Each initiative's normalised score in points (half points halved), where one can be given.
pub fn normalised(given: &[Given]) -> HashMap<i64, f64> {
    let all: Vec<f64> = given.iter().map(|g| f64::from(g.2)).collect();
    let Some((pool_mean, pool_deviation)) = mean_and_deviation(&all) else {
        return HashMap::new();
    };
    let mut by_member: HashMap<i64, Vec<f64>> = HashMap::new();
    for (_, member, total) in given {
        by_member.entry(*member).or_default().push(f64::from(*total));
    }
    let scales: HashMap<i64, (f64, f64)> = by_member
        .iter()
        .filter_map(|(m, totals)| Some((*m, mean_and_deviation(totals)?)))
        .collect();
    let mut per_initiative: HashMap<i64, Vec<f64>> = HashMap::new();
    for (initiative, member, total) in given {
        if let Some((mean, deviation)) = scales.get(member) {
            per_initiative
                .entry(*initiative)
                .or_default()
                .push((f64::from(*total) - mean) / deviation);
        }
    }
    per_initiative
        .into_iter()
        .map(|(initiative, z)| {
            let z = z.iter().sum::<f64>() / z.len() as f64;
            (initiative, (pool_mean + z * pool_deviation) / 2.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_severe_and_a_lenient_member_agreeing_on_the_order_give_the_same_spread() {
        // Member 1 gives 100/120/140, member 2 the same order 160/170/180 (half points).
        let given = [
            (1, 1, 100),
            (2, 1, 120),
            (3, 1, 140),
            (1, 2, 160),
            (2, 2, 170),
            (3, 2, 180),
        ];
        let n = normalised(&given);
        assert!(n[&1] < n[&2] && n[&2] < n[&3]);
        // The middle initiative sits at the pooled mean: (100+120+140+160+170+180)/6 / 2 = 72.5.
        assert!((n[&2] - 72.5).abs() < 1e-9, "{n:?}");
    }

    #[test]
    fn a_member_with_one_total_or_all_equal_tells_nothing() {
        assert!(normalised(&[(1, 1, 100)]).is_empty());
        let given = [(1, 1, 100), (2, 1, 100), (1, 2, 80), (2, 2, 120)];
        let n = normalised(&given);
        assert!(n[&1] < n[&2], "only member 2 counts: {n:?}");
    }

    proptest! {
        #[test]
        fn shifting_one_members_totals_changes_nothing(
            totals in prop::collection::vec((0i64..6, 0i64..4, 0u32..200), 2..40),
            shift in 0u32..40,
        ) {
            let mut given: Vec<Given> = totals;
            given.sort();
            given.dedup_by_key(|g| (g.0, g.1));
            let shifted: Vec<Given> = given.iter().map(|&(i, m, t)| (i, m, if m == 0 { t + shift } else { t })).collect();
            let (a, b) = (normalised(&given), normalised(&shifted));
            prop_assert_eq!(a.len(), b.len());
            // The pooled scale moves with the shift; the order of initiatives does not.
            let order = |n: &HashMap<i64, f64>| {
                let mut keys: Vec<(i64, f64)> = n.iter().map(|(k, v)| (*k, *v)).collect();
                keys.sort_by(|x, y| x.1.partial_cmp(&y.1).unwrap().then(x.0.cmp(&y.0)));
                keys.into_iter().map(|k| k.0).collect::<Vec<_>>()
            };
            let mut values: Vec<f64> = a.values().copied().collect();
            values.sort_by(|x, y| x.partial_cmp(y).unwrap());
            // Near ties may swap by rounding; the order is what must hold.
            prop_assume!(values.windows(2).all(|w| w[1] - w[0] > 1e-6));
            prop_assert_eq!(order(&a), order(&b));
        }
    }
}
