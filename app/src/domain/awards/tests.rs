use super::*;
use crate::domain::campaign::scoring::Scoring;
use crate::domain::ranking::{rank, UnitFacts};

/// Units 1..=5 with scores 90, 80, 80, 80, 50 (places 1, 2, 2, 2, 5).
fn facts() -> AwardFacts {
    let units: Vec<UnitFacts> = [90.0, 80.0, 80.0, 80.0, 50.0]
        .into_iter()
        .zip(1..)
        .map(|(score, id)| UnitFacts {
            unit_id: id,
            name_order: id,
            commitment_signed: false,
            minimum_met_on_time: false,
            report_on_time: false,
            first_on_time_submission: None,
            initiative_scores: vec![score],
            replications: 0,
        })
        .collect();
    let scoring = Scoring {
        points_commitment: 0,
        points_minimum: 0,
        points_report: 0,
        evaluation_weight: 1.0,
        ..Scoring::default()
    };
    let initiative = |id, unit_id, level, exemplary, recognised, authors: &[i32]| InitiativeFacts {
        id,
        unit_id,
        level,
        exemplary,
        recognised,
        authors: authors.to_vec(),
    };
    AwardFacts {
        standings: rank(&scoring, true, &units),
        initiatives: vec![
            initiative(10, 1, Some(Level::Excellent), true, true, &[1, 2]),
            initiative(20, 2, Some(Level::Good), false, true, &[1]),
            initiative(30, 5, Some(Level::Excellent), false, false, &[]),
        ],
    }
}

fn units(ids: &[i64]) -> Vec<Candidate> {
    ids.iter().map(|&id| Candidate::Unit(id)).collect()
}

fn author(initiative_id: i64, position: i32) -> Candidate {
    Candidate::Author {
        initiative_id,
        position,
    }
}

#[test]
fn the_first_n_follow_shared_places_and_leave_a_straddled_place_to_decide() {
    let none = HashSet::new();
    let first = |n| propose(AwardRule::FirstUnits(n), &facts(), &none);
    assert_eq!(first(1).proposed, units(&[1]));
    assert_eq!(first(3).proposed, units(&[1]));
    assert_eq!(first(3).tied_at_cut, units(&[2, 3, 4]));
    assert_eq!(first(4).proposed, units(&[1, 2, 3, 4]));
    assert!(first(4).tied_at_cut.is_empty());
}

#[test]
fn units_with_an_excellent_initiative_come_best_first() {
    let proposal = propose(AwardRule::ExcellentUnits, &facts(), &HashSet::new());
    assert_eq!(proposal.proposed, units(&[1, 5]));
}

#[test]
fn authors_of_exemplary_or_recognised_initiatives_are_proposed_by_name() {
    let none = HashSet::new();
    assert_eq!(
        propose(AwardRule::ExemplaryAuthors, &facts(), &none).proposed,
        vec![author(10, 1), author(10, 2)]
    );
    assert_eq!(
        propose(AwardRule::RecognisedAuthors, &facts(), &none).proposed,
        vec![author(10, 1), author(10, 2), author(20, 1)]
    );
    assert_eq!(propose(AwardRule::None, &facts(), &none), Proposal::default());
}

#[test]
fn nobody_already_awarded_for_the_same_achievement_is_proposed_again() {
    let awarded: HashSet<Candidate> = [Candidate::Unit(1), author(10, 2), Candidate::Unit(3)].into();
    let first = propose(AwardRule::FirstUnits(4), &facts(), &awarded);
    assert_eq!(first.proposed, units(&[2, 4]));
    let authors = propose(AwardRule::RecognisedAuthors, &facts(), &awarded);
    assert_eq!(authors.proposed, vec![author(10, 1), author(20, 1)]);
}

#[test]
fn a_rule_must_suit_its_form_and_n_is_a_whole_number_in_range() {
    use crate::domain::campaign::Recipient::{Collective, Individual};
    assert_eq!(
        AwardRule::parse("first_units", " 3 ", Collective),
        Ok(AwardRule::FirstUnits(3))
    );
    assert_eq!(
        AwardRule::parse("first_units", "ba", Collective),
        Err(("count", Problem::NotAWholeNumber))
    );
    assert!(AwardRule::parse("first_units", "0", Collective).is_err());
    assert!(AwardRule::parse("first_units", "1001", Collective).is_err());
    assert_eq!(
        AwardRule::parse("exemplary_authors", "", Collective),
        Err(("rule", Problem::UnknownChoice))
    );
    assert_eq!(
        AwardRule::parse("first_units", "3", Individual),
        Err(("rule", Problem::UnknownChoice))
    );
    assert_eq!(AwardRule::parse("none", "", Individual), Ok(AwardRule::None));
    assert_eq!(
        AwardRule::parse("drop table", "", Individual),
        Err(("rule", Problem::UnknownChoice))
    );
    for rule in [
        AwardRule::None,
        AwardRule::FirstUnits(7),
        AwardRule::ExcellentUnits,
    ] {
        assert_eq!(AwardRule::stored(rule.as_str(), rule.count()), Some(rule));
    }
}

#[test]
fn a_candidate_survives_its_key_and_odd_keys_are_nobody() {
    for c in [Candidate::Unit(12), author(34, 2)] {
        assert_eq!(Candidate::parse(&c.key()), Some(c));
    }
    for odd in ["", "u", "ux", "a12", "a-1", "a1-x", "b3", "u-", "a1-2-3"] {
        assert_eq!(Candidate::parse(odd), None, "{odd}");
    }
    use crate::domain::campaign::Recipient::{Collective, Individual};
    assert!(Candidate::Unit(1).suits(Collective) && !Candidate::Unit(1).suits(Individual));
    assert!(author(1, 1).suits(Individual) && !author(1, 1).suits(Collective));
}
