use super::*;
use chrono::TimeZone;
use proptest::prelude::*;

fn scoring(mode: EvaluationMode) -> Scoring {
    Scoring {
        points_commitment: 10,
        points_minimum: 20,
        points_report: 30,
        evaluation_mode: mode,
        evaluation_weight: 0.5,
        ..Scoring::default()
    }
}

fn unit(unit_id: i64, name_order: i64) -> UnitFacts {
    UnitFacts {
        unit_id,
        name_order,
        commitment_signed: false,
        minimum_met_on_time: false,
        report_on_time: false,
        first_on_time_submission: None,
        initiative_scores: Vec::new(),
        replications: 0,
    }
}

fn at(minute: u32) -> Option<DateTime<Utc>> {
    Utc.with_ymd_and_hms(2026, 11, 20, 8, minute, 0).single()
}

fn order(standings: &[Standing]) -> Vec<i64> {
    standings.iter().map(|s| s.unit_id).collect()
}

#[test]
fn scores_are_written_the_vietnamese_way() {
    assert_eq!(score_text(3500), "35");
    assert_eq!(score_text(3550), "35,5");
    assert_eq!(score_text(3505), "35,05");
    assert_eq!(score_text(123_456_700), "1.234.567");
    assert_eq!(score_text(0), "0");
    assert_eq!(score_text(-250), "-2,5");
}

#[test]
fn participation_points_add_up_per_duty_met() {
    let mut all = unit(1, 0);
    (all.commitment_signed, all.minimum_met_on_time, all.report_on_time) = (true, true, true);
    let mut signed = unit(2, 1);
    signed.commitment_signed = true;
    let standings = rank(&scoring(EvaluationMode::Best), false, &[signed, all, unit(3, 2)]);
    let points: Vec<(i64, i64)> = standings
        .iter()
        .map(|s| (s.unit_id, s.participation_points))
        .collect();
    assert_eq!(points, vec![(1, 60), (2, 10), (3, 0)]);
    assert_eq!(
        standings.iter().map(|s| s.place).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
}

#[test]
fn each_replication_within_the_period_earns_its_points() {
    let mut adopter = unit(1, 1);
    adopter.replications = 3;
    let giving = Scoring {
        points_replication: 5,
        ..scoring(EvaluationMode::Best)
    };
    let standings = rank(&giving, false, &[unit(2, 0), adopter.clone()]);
    assert_eq!((standings[0].unit_id, standings[0].participation_points), (1, 15));
    let standings = rank(&scoring(EvaluationMode::Best), false, &[adopter]);
    assert_eq!(
        standings[0].participation_points, 0,
        "no points unless the formula gives them"
    );
}

#[test]
fn before_publication_only_participation_counts() {
    let mut strong = unit(1, 0);
    strong.initiative_scores = vec![95.0];
    let mut signed = unit(2, 1);
    signed.commitment_signed = true;
    let before = rank(
        &scoring(EvaluationMode::Best),
        false,
        &[strong.clone(), signed.clone()],
    );
    assert_eq!(order(&before), vec![2, 1]);
    assert_eq!(before[0].evaluation_points, None);
    let after = rank(&scoring(EvaluationMode::Best), true, &[strong, signed]);
    assert_eq!(order(&after), vec![1, 2]);
    assert_eq!(after[0].evaluation_points, Some(47.5));
    assert_eq!(after[0].score_hundredths, 4750);
}

#[test]
fn best_mean_and_sum_read_the_initiatives_scores() {
    let mut u = unit(1, 0);
    u.initiative_scores = vec![80.0, 60.0, 70.0];
    let part = |mode| rank(&scoring(mode), true, std::slice::from_ref(&u))[0].evaluation_points;
    assert_eq!(part(EvaluationMode::Best), Some(40.0));
    assert_eq!(part(EvaluationMode::Mean), Some(35.0));
    assert_eq!(part(EvaluationMode::Sum), Some(105.0));
    let none = rank(&scoring(EvaluationMode::Mean), true, &[unit(2, 0)]);
    assert_eq!(none[0].evaluation_points, Some(0.0));
}

#[test]
fn ties_go_to_the_earlier_on_time_submission_then_to_the_name() {
    let mut late_a = unit(1, 0);
    late_a.first_on_time_submission = at(30);
    let mut early = unit(2, 2);
    early.first_on_time_submission = at(5);
    let never = unit(3, 1);
    let mut late_b = unit(4, 3);
    late_b.first_on_time_submission = at(30);
    let standings = rank(
        &scoring(EvaluationMode::Best),
        false,
        &[never, late_b, late_a, early],
    );
    assert_eq!(order(&standings), vec![2, 1, 4, 3]);
    assert_eq!(places(&standings), vec![1, 1, 1, 1]);
    let why: Vec<_> = standings.iter().map(|s| s.ahead_by).collect();
    assert_eq!(
        why,
        vec![
            Some(TieBreak::EarlierSubmission),
            Some(TieBreak::Name),
            Some(TieBreak::EarlierSubmission),
            None
        ]
    );
}

fn places(standings: &[Standing]) -> Vec<usize> {
    standings.iter().map(|s| s.place).collect()
}

#[test]
fn equal_scores_share_a_place_and_the_next_place_skips_them() {
    let signed = |id| UnitFacts {
        commitment_signed: true,
        ..unit(id, id)
    };
    let mut best = signed(5);
    best.report_on_time = true;
    let standings = rank(
        &scoring(EvaluationMode::Best),
        false,
        &[signed(1), signed(2), signed(3), unit(4, 4), best],
    );
    assert_eq!(order(&standings), vec![5, 1, 2, 3, 4]);
    assert_eq!(places(&standings), vec![1, 2, 2, 2, 5]);
    let shared: Vec<bool> = standings.iter().map(|s| s.shared).collect();
    assert_eq!(shared, vec![false, true, true, true, false]);
}

#[test]
fn the_first_n_follow_shared_places_and_a_straddled_place_is_left_to_decide() {
    let with = |id, points: bool| UnitFacts {
        commitment_signed: true,
        report_on_time: points,
        ..unit(id, id)
    };
    // Places 1, 2, 2, 2, 5.
    let standings = rank(
        &scoring(EvaluationMode::Best),
        false,
        &[
            with(1, true),
            with(2, false),
            with(3, false),
            with(4, false),
            unit(5, 5),
        ],
    );
    let cut = |n| first_places(&standings, n);
    assert_eq!(
        cut(1),
        FirstPlaces {
            within: vec![1],
            tied_at_cut: vec![]
        }
    );
    assert_eq!(
        cut(2),
        FirstPlaces {
            within: vec![1],
            tied_at_cut: vec![2, 3, 4]
        }
    );
    assert_eq!(
        cut(3),
        FirstPlaces {
            within: vec![1],
            tied_at_cut: vec![2, 3, 4]
        }
    );
    assert_eq!(
        cut(4),
        FirstPlaces {
            within: vec![1, 2, 3, 4],
            tied_at_cut: vec![]
        }
    );
    assert_eq!(
        cut(9),
        FirstPlaces {
            within: vec![1, 2, 3, 4, 5],
            tied_at_cut: vec![]
        }
    );
    assert_eq!(cut(0), FirstPlaces::default());
}

#[test]
fn scores_equal_to_the_hundredth_are_a_tie() {
    let mut a = unit(1, 1);
    a.initiative_scores = vec![10.001];
    let mut b = unit(2, 0);
    b.initiative_scores = vec![10.002];
    let standings = rank(&scoring(EvaluationMode::Sum), true, &[a, b]);
    assert_eq!(standings[0].score_hundredths, standings[1].score_hundredths);
    assert_eq!(order(&standings), vec![2, 1]);
}

fn any_unit() -> impl Strategy<Value = UnitFacts> {
    (
        0i64..40,
        any::<[bool; 3]>(),
        proptest::option::of(0u32..60),
        proptest::collection::vec(0.0f64..100.0, 0..4),
    )
        .prop_map(|(name_order, duties, minute, initiative_scores)| UnitFacts {
            unit_id: 0,
            name_order,
            commitment_signed: duties[0],
            minimum_met_on_time: duties[1],
            report_on_time: duties[2],
            first_on_time_submission: minute.and_then(at),
            initiative_scores,
            replications: 0,
        })
}

/// Units with distinct ids, as the database gives them, and a shuffle of them.
fn any_campaign() -> impl Strategy<Value = (Vec<UnitFacts>, Vec<UnitFacts>)> {
    proptest::collection::vec(any_unit(), 0..30)
        .prop_map(|units| {
            (0..)
                .zip(units)
                .map(|(id, u)| UnitFacts { unit_id: id, ..u })
                .collect::<Vec<_>>()
        })
        .prop_flat_map(|units| (Just(units.clone()), Just(units).prop_shuffle()))
}

fn any_mode() -> impl Strategy<Value = EvaluationMode> {
    proptest::sample::select(EvaluationMode::ALL.to_vec())
}

proptest! {
    #[test]
    fn the_order_does_not_depend_on_the_input_order(
        (units, shuffled) in any_campaign(), mode in any_mode(), published in any::<bool>()
    ) {
        let s = scoring(mode);
        prop_assert_eq!(rank(&s, published, &units), rank(&s, published, &shuffled));
    }

    #[test]
    fn the_order_is_total_and_equal_scores_share_their_place(
        (units, _) in any_campaign(), mode in any_mode(), published in any::<bool>()
    ) {
        let standings = rank(&scoring(mode), published, &units);
        prop_assert_eq!(standings.len(), units.len());
        let mut ids = order(&standings);
        ids.sort();
        prop_assert_eq!(ids, (0..units.len() as i64).collect::<Vec<_>>());
        if let Some(first) = standings.first() {
            prop_assert_eq!(first.place, 1);
        }
        for (i, pair) in standings.windows(2).enumerate() {
            let (a, b) = (&units[pair[0].unit_id as usize], &units[pair[1].unit_id as usize]);
            // Strictly before: never equal, never the other way round.
            prop_assert_eq!(compare(a, &pair[0], b, &pair[1]), Ordering::Less);
            prop_assert_eq!(compare(b, &pair[1], a, &pair[0]), Ordering::Greater);
            prop_assert!(pair[0].score_hundredths >= pair[1].score_hundredths);
            let tied = pair[0].score_hundredths == pair[1].score_hundredths;
            // A new score starts the place its row would have alone: 1, 1, 1, 4.
            let expected = if tied { pair[0].place } else { i + 2 };
            prop_assert_eq!(pair[1].place, expected);
            prop_assert_eq!(pair[0].ahead_by.is_some(), tied);
            prop_assert!(!tied || (pair[0].shared && pair[1].shared));
            if tied {
                let earlier = submitted(a) < submitted(b);
                prop_assert_eq!(pair[0].ahead_by == Some(TieBreak::EarlierSubmission), earlier);
            }
        }
    }

    #[test]
    fn the_first_n_never_split_a_place(
        (units, _) in any_campaign(), published in any::<bool>(), n in 0usize..35
    ) {
        let standings = rank(&scoring(EvaluationMode::Sum), published, &units);
        let cut = first_places(&standings, n);
        prop_assert!(cut.within.len() <= n);
        let place_of = |id: &i64| standings.iter().find(|s| s.unit_id == *id).map(|s| s.place);
        let straddled: Vec<_> = cut.tied_at_cut.iter().map(place_of).collect();
        // At most one place straddles the cut, and it is wholly there.
        prop_assert!(straddled.windows(2).all(|w| w[0] == w[1]));
        if let Some(Some(place)) = straddled.first() {
            let whole = standings.iter().filter(|s| s.place == *place).count();
            prop_assert_eq!(whole, cut.tied_at_cut.len());
            prop_assert!(cut.within.len() + whole > n);
        } else {
            prop_assert_eq!(cut.within.len(), n.min(standings.len()));
        }
        for id in &cut.within {
            prop_assert!(place_of(id).is_some_and(|p| p <= n));
        }
    }

    #[test]
    fn meeting_one_more_duty_never_lowers_a_place(
        (units, _) in any_campaign(), published in any::<bool>(), pick in any::<prop::sample::Index>()
    ) {
        prop_assume!(!units.is_empty());
        let s = scoring(EvaluationMode::Best);
        let who = pick.index(units.len());
        let mut better = units.clone();
        better[who].report_on_time = true;
        let place = |list: &[UnitFacts]| {
            rank(&s, published, list).iter().find(|x| x.unit_id == who as i64).map(|x| x.place)
        };
        prop_assert!(place(&better) <= place(&units));
    }
}
