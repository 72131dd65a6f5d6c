use super::*;
use proptest::prelude::*;

fn row(unit_id: i64, place: usize) -> Row {
    Row {
        unit_id,
        unit_name: format!("Phường {unit_id}"),
        place,
        score_hundredths: 10_000 - place as i64 * 100,
    }
}

fn line(form_position: i32, unit_id: i64, stop: bool) -> AwardLine {
    AwardLine {
        form_position,
        unit_id,
        stop,
        citation: Citation {
            form: format!("Hình thức {form_position}"),
            collective: true,
            recipient: format!("Phường {unit_id}"),
            position: None,
            unit_name: format!("Phường {unit_id}"),
            initiative: None,
            photo: None,
        },
    }
}

/// Places 1, 1, 3, 4 (units 1..=4).
fn rows() -> Vec<Row> {
    vec![row(1, 1), row(2, 1), row(3, 3), row(4, 4)]
}

fn kinds(steps: &[Step]) -> Vec<String> {
    steps
        .iter()
        .map(|s| match s {
            Step::Opening { .. } => "open".into(),
            Step::Reveal(r) => format!("r{}", r.unit_id),
            Step::Card(c) => format!("c:{}", c.recipient),
            Step::Finale { .. } => "end".into(),
        })
        .collect()
}

#[test]
fn last_to_first_reveals_from_the_bottom_and_stops_at_marked_award_lines() {
    let awards = [
        line(1, 1, true),
        line(1, 2, true),
        line(2, 3, false),
        line(2, 1, true),
    ];
    let steps = script(Order::LastToFirst, &rows(), &awards);
    assert_eq!(
        kinds(&steps),
        [
            "open",
            "r4",
            "r3",
            "r2",
            "c:Phường 2",
            "r1",
            "c:Phường 1",
            "c:Phường 1",
            "end"
        ]
    );
}

#[test]
fn by_award_form_shows_the_cards_form_by_form_then_the_standings() {
    let awards = [
        line(2, 4, true),
        line(1, 1, true),
        line(1, 2, false),
        line(1, 3, true),
    ];
    let steps = script(Order::ByAwardForm, &rows(), &awards);
    assert_eq!(
        kinds(&steps),
        ["open", "c:Phường 1", "c:Phường 3", "c:Phường 4", "end"]
    );
    let last = stage_at(&steps, steps.len() - 1);
    assert!(last.finale);
    assert_eq!(last.revealed, rows());
    assert_eq!(last.hidden, 0);
}

#[test]
fn a_stage_shows_what_is_revealed_best_first_and_the_current_card() {
    let steps = script(Order::LastToFirst, &rows(), &[line(1, 3, true)]);
    let opening = stage_at(&steps, 0);
    assert_eq!((opening.revealed.len(), opening.hidden), (0, 4));
    let two = stage_at(&steps, 2);
    assert_eq!(two.revealed, vec![row(3, 3), row(4, 4)]);
    assert_eq!((two.just_revealed, two.hidden), (Some(3), 2));
    let card = stage_at(&steps, 3);
    assert_eq!(card.card.as_ref().map(|c| c.recipient.as_str()), Some("Phường 3"));
    assert_eq!(card.just_revealed, None);
    assert_eq!(card.revealed, two.revealed, "a card reveals no row");
    let four = stage_at(&steps, 4);
    assert_eq!(four.just_revealed, Some(2));
    assert_eq!(four.card, None);
    assert_eq!(stage_at(&steps, 99), stage_at(&steps, steps.len() - 1));
}

fn any_ceremony() -> impl Strategy<Value = (Vec<Row>, Vec<AwardLine>, Order)> {
    (
        1usize..12,
        proptest::collection::vec((1i32..4, 0usize..12, any::<bool>()), 0..10),
        any::<bool>(),
    )
        .prop_map(|(n, lines, by_form)| {
            let rows: Vec<Row> = (0..n).map(|i| row(i as i64 + 1, i / 2 * 2 + 1)).collect();
            let awards = lines
                .into_iter()
                .map(|(form, unit, stop)| line(form, (unit % n) as i64 + 1, stop))
                .collect();
            let order = if by_form {
                Order::ByAwardForm
            } else {
                Order::LastToFirst
            };
            (rows, awards, order)
        })
}

proptest! {
    #[test]
    fn nothing_beyond_the_current_step_reaches_a_stage(
        (rows, awards, order) in any_ceremony(), k in 0usize..40
    ) {
        let steps = script(order, &rows, &awards);
        let stage = stage_at(&steps, k);
        // The same stage comes from the script cut after step k: later steps cannot matter.
        let cut = &steps[..=stage.step];
        let mut from_cut = stage_at(cut, k);
        from_cut.steps = stage.steps;
        prop_assert_eq!(&from_cut, &stage);
        // Before the finale only rows revealed by earlier steps show, never a better one first.
        if !stage.finale {
            let shown: Vec<i64> = stage.revealed.iter().map(|r| r.unit_id).collect();
            for s in cut {
                if let Step::Reveal(r) = s {
                    prop_assert!(shown.contains(&r.unit_id));
                }
            }
            prop_assert_eq!(stage.revealed.len() + stage.hidden, rows.len());
        }
    }

    #[test]
    fn every_unit_is_revealed_once_and_the_finale_shows_all(
        (rows, awards, order) in any_ceremony()
    ) {
        let steps = script(order, &rows, &awards);
        let stops = awards.iter().filter(|a| a.stop).count();
        let reveals = if order == Order::LastToFirst { rows.len() } else { 0 };
        prop_assert_eq!(steps.len(), 2 + reveals + stops);
        let last = stage_at(&steps, steps.len() - 1);
        prop_assert!(last.finale);
        prop_assert_eq!(last.revealed.len(), rows.len());
        prop_assert_eq!(last.hidden, 0);
    }
}

#[test]
fn a_ceremony_is_ready_only_when_every_item_is_done() {
    let facts = Readiness {
        published: true,
        awards: 4,
        undecided_forms: 0,
        unnamed_recipients: 0,
    };
    assert!(ready(&checklist(facts)));
    for broken in [
        Readiness {
            published: false,
            ..facts
        },
        Readiness { awards: 0, ..facts },
        Readiness {
            undecided_forms: 1,
            ..facts
        },
        Readiness {
            unnamed_recipients: 2,
            ..facts
        },
    ] {
        assert!(!ready(&checklist(broken)), "{broken:?}");
    }
}

#[test]
fn modes_read_back_as_stored() {
    for mode in [Mode::Prepared, Mode::Rehearsal, Mode::Live, Mode::Finished] {
        assert_eq!(Mode::parse(mode.as_str()), Some(mode));
    }
    assert_eq!(Mode::parse("paused"), None);
    assert!(Mode::Live.running() && Mode::Rehearsal.running() && !Mode::Finished.running());
}
