use super::*;
use proptest::prelude::*;

fn rules(combine: Combine) -> FinalScoreRules {
    FinalScoreRules {
        combine,
        ..FinalScoreRules::with_defaults(200)
    }
}

#[test]
fn a_mean_of_three_members_in_points() {
    let parts = [Part::Scored(160), Part::Scored(170), Part::Scored(175)];
    let result = final_score(&parts, &rules(Combine::Mean));
    assert!((result.score.unwrap() - 505.0 / 6.0).abs() < 1e-9);
    assert_eq!((result.scored, result.expected), (3, 3));
    assert!(!result.below_quorum && !result.disagreement);
}

#[test]
fn a_median_of_an_even_count_is_the_middle_pair_halved() {
    let parts = [
        Part::Scored(100),
        Part::Scored(180),
        Part::Scored(140),
        Part::Scored(150),
    ];
    assert_eq!(final_score(&parts, &rules(Combine::Median)).score, Some(72.5));
}

#[test]
fn a_trimmed_mean_drops_both_ends_only_from_five_scores() {
    let four = [150, 160, 170, 40].map(Part::Scored);
    assert_eq!(final_score(&four, &rules(Combine::TrimmedMean)).score, Some(65.0));
    let five = [150, 160, 170, 40, 200].map(Part::Scored);
    assert_eq!(final_score(&five, &rules(Combine::TrimmedMean)).score, Some(80.0));
}

#[test]
fn recused_members_are_not_expected_and_abstentions_are() {
    let parts = [Part::Scored(150), Part::Recused, Part::Abstained, Part::Pending];
    let result = final_score(&parts, &rules(Combine::Mean));
    assert_eq!((result.scored, result.expected), (1, 3));
    assert!(result.below_quorum, "1 of 3 is under two thirds");
    let two_of_three = [Part::Scored(150), Part::Scored(150), Part::Pending, Part::Recused];
    assert!(!final_score(&two_of_three, &rules(Combine::Mean)).below_quorum);
}

#[test]
fn nobody_scored_means_no_score() {
    let result = final_score(&[Part::Pending, Part::Recused], &rules(Combine::Median));
    assert_eq!(result.score, None);
    assert!(result.below_quorum && !result.disagreement);
    let nobody = final_score(&[], &rules(Combine::Mean));
    assert!(!nobody.below_quorum, "nobody expected, nothing missing");
}

#[test]
fn disagreement_is_a_spread_above_thirty_percent_of_the_maximum() {
    // 30 % of 100 points is 60 half points: a spread of exactly that is not yet a disagreement.
    let at = [Part::Scored(100), Part::Scored(160)];
    assert!(!final_score(&at, &rules(Combine::Mean)).disagreement);
    let above = [Part::Scored(100), Part::Scored(161)];
    assert!(final_score(&above, &rules(Combine::Mean)).disagreement);
}

#[test]
fn combine_names_round_trip() {
    for combine in [Combine::Mean, Combine::Median, Combine::TrimmedMean] {
        assert_eq!(Combine::parse(combine.as_str()), Some(combine));
    }
    assert_eq!(Combine::parse("average"), None);
}

fn any_part() -> impl Strategy<Value = Part> {
    prop_oneof![
        4 => (0u32..=200).prop_map(Part::Scored),
        1 => Just(Part::Pending),
        1 => Just(Part::Abstained),
        1 => Just(Part::Recused),
    ]
}

fn any_combine() -> impl Strategy<Value = Combine> {
    prop_oneof![
        Just(Combine::Mean),
        Just(Combine::Median),
        Just(Combine::TrimmedMean)
    ]
}

/// The combined total computed the plain way, in points.
fn reference(totals: &[u32], combine: Combine) -> Option<f64> {
    let mut sorted = totals.to_vec();
    sorted.sort();
    let points: Vec<f64> = sorted.iter().map(|&t| f64::from(t) / 2.0).collect();
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    match (combine, points.len()) {
        (_, 0) => None,
        (Combine::Mean, _) => Some(mean(&points)),
        (Combine::Median, n) => {
            let (low, high) = (points[(n - 1) / 2], points[n / 2]);
            Some((low + high) / 2.0)
        }
        (Combine::TrimmedMean, n) if n >= 5 => Some(mean(&points[1..n - 1])),
        (Combine::TrimmedMean, _) => Some(mean(&points)),
    }
}

proptest! {
    #[test]
    fn the_result_does_not_depend_on_the_order(
        (parts, shuffled) in prop::collection::vec(any_part(), 0..12)
            .prop_flat_map(|p| (Just(p.clone()), Just(p).prop_shuffle())),
        combine in any_combine(),
    ) {
        prop_assert_eq!(final_score(&parts, &rules(combine)), final_score(&shuffled, &rules(combine)));
    }

    #[test]
    fn it_matches_the_plain_computation(parts in prop::collection::vec(any_part(), 0..12), combine in any_combine()) {
        let totals: Vec<u32> = parts.iter().filter_map(|p| match p { Part::Scored(t) => Some(*t), _ => None }).collect();
        let got = final_score(&parts, &rules(combine)).score;
        let want = reference(&totals, combine);
        match (got, want) {
            (Some(g), Some(w)) => prop_assert!((g - w).abs() < 1e-9, "{g} vs {w}"),
            (g, w) => prop_assert_eq!(g, w),
        }
    }

    #[test]
    fn members_who_did_not_score_change_nothing_but_coverage(
        parts in prop::collection::vec(any_part(), 0..12),
        extra in prop::collection::vec(prop_oneof![Just(Part::Pending), Just(Part::Abstained), Just(Part::Recused)], 0..6),
        combine in any_combine(),
    ) {
        let mut more = parts.clone();
        more.extend(extra);
        let (before, after) = (final_score(&parts, &rules(combine)), final_score(&more, &rules(combine)));
        prop_assert_eq!(before.score, after.score);
        prop_assert_eq!(before.scored, after.scored);
        prop_assert_eq!(before.disagreement, after.disagreement);
    }

    #[test]
    fn the_score_stays_within_the_totals(parts in prop::collection::vec(any_part(), 1..12), combine in any_combine()) {
        let totals: Vec<f64> = parts.iter().filter_map(|p| match p { Part::Scored(t) => Some(f64::from(*t) / 2.0), _ => None }).collect();
        if let Some(score) = final_score(&parts, &rules(combine)).score {
            let low = totals.iter().cloned().fold(f64::MAX, f64::min);
            let high = totals.iter().cloned().fold(f64::MIN, f64::max);
            prop_assert!(low - 1e-9 <= score && score <= high + 1e-9);
        }
    }
}
