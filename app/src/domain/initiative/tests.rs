use super::*;

fn latest() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
}

fn valid() -> InitiativeInput {
    InitiativeInput {
        kind: "model".into(),
        field_id: "7".into(),
        title: "  Mô hình   “Cà phê doanh nhân” ".into(),
        situation: "Hồ sơ trễ hạn.".into(),
        solution: "Tiếp nhận tại chỗ.\n\nTrả kết quả qua Zalo.".into(),
        benefit: "Giảm 30% thời gian.".into(),
        scope: "Toàn phường.".into(),
        first_applied: "01/03/2026".into(),
        author_mode: "collective".into(),
        authors: Vec::new(),
    }
}

fn author(name: &str, share: &str) -> AuthorInput {
    AuthorInput {
        name: name.into(),
        job_title: "Chuyên viên".into(),
        share: share.into(),
    }
}

fn problems(input: &InitiativeInput) -> Vec<(String, Problem)> {
    match InitiativeText::parse(input, Some(&[7, 8]), latest()) {
        Err(AppError::Invalid(errors)) => errors.into_iter().map(|e| (e.field, e.problem)).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_complete_form_parses_with_texts_normalized() {
    let parsed = InitiativeText::parse(&valid(), Some(&[7, 8]), latest()).unwrap();
    assert_eq!(parsed.kind, InitiativeKind::Model);
    assert_eq!(parsed.field_id, 7);
    assert_eq!(parsed.title, "Mô hình “Cà phê doanh nhân”");
    assert_eq!(parsed.solution, "Tiếp nhận tại chỗ.\n\nTrả kết quả qua Zalo.");
    assert_eq!(parsed.authors, Authors::Collective);
}

#[test]
fn an_empty_form_reports_every_required_field() {
    let fields: Vec<String> = problems(&InitiativeInput::default())
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    for expected in [
        "kind",
        "field_id",
        "title",
        "situation",
        "solution",
        "benefit",
        "scope",
        "first_applied",
        "author_mode",
    ] {
        assert!(
            fields.contains(&expected.to_owned()),
            "{expected} missing in {fields:?}"
        );
    }
}

#[test]
fn a_field_of_another_campaign_is_refused() {
    let input = InitiativeInput {
        field_id: "99".into(),
        ..valid()
    };
    assert_eq!(
        problems(&input),
        vec![("field_id".into(), Problem::UnknownChoice)]
    );
}

#[test]
fn first_applied_may_not_pass_the_period_end() {
    let input = InitiativeInput {
        first_applied: "1/1/2027".into(),
        ..valid()
    };
    assert_eq!(
        problems(&input),
        vec![(
            "first_applied".into(),
            Problem::DateAfter {
                latest: "31/12/2026".into()
            }
        )]
    );
}

#[test]
fn named_authors_need_shares_adding_to_a_hundred() {
    let mut input = InitiativeInput {
        author_mode: "individuals".into(),
        authors: vec![author("Nguyễn Văn An", "60"), author("Trần Thị Bình", "30%")],
        ..valid()
    };
    assert_eq!(
        problems(&input),
        vec![("authors".into(), Problem::SharesNotHundred { total: 90 })]
    );
    input.authors[1].share = "40 %".into();
    let parsed = InitiativeText::parse(&input, Some(&[7]), latest()).unwrap();
    let Authors::Individuals(authors) = parsed.authors else {
        panic!("individuals expected")
    };
    assert_eq!(authors[1].share_percent, 40);
}

#[test]
fn a_single_author_may_leave_the_share_empty_and_blank_rows_are_ignored() {
    let input = InitiativeInput {
        author_mode: "individuals".into(),
        authors: vec![AuthorInput::default(), author("Lê Văn Cường", "")],
        ..valid()
    };
    let parsed = InitiativeText::parse(&input, Some(&[7]), latest()).unwrap();
    assert_eq!(
        parsed.authors,
        Authors::Individuals(vec![Author {
            name: "Lê Văn Cường".into(),
            job_title: "Chuyên viên".into(),
            share_percent: 100
        }])
    );
}

#[test]
fn author_problems_point_at_their_row_and_cell() {
    let input = InitiativeInput {
        author_mode: "individuals".into(),
        authors: vec![author("An", "50"), author("", "abc")],
        ..valid()
    };
    let found = problems(&input);
    assert!(found.contains(&("authors[1][name]".into(), Problem::Required)));
    assert!(found.contains(&("authors[1][share]".into(), Problem::NotAWholeNumber)));
}

#[test]
fn individuals_without_any_author_is_refused() {
    let input = InitiativeInput {
        author_mode: "individuals".into(),
        ..valid()
    };
    assert_eq!(problems(&input), vec![("authors".into(), Problem::Required)]);
}

#[test]
fn typed_values_include_every_author_cell() {
    let input = InitiativeInput {
        author_mode: "individuals".into(),
        authors: vec![author("An", "100")],
        ..valid()
    };
    let typed = input.typed();
    assert!(typed.contains(&("authors[0][share]".into(), "100".into())));
    assert!(typed.contains(&("title".into(), input.title.clone())));
}

#[test]
fn without_a_field_list_any_positive_id_passes_for_the_database_to_check() {
    let input = InitiativeInput {
        field_id: "99".into(),
        ..valid()
    };
    assert_eq!(
        InitiativeText::parse(&input, None, latest()).map(|t| t.field_id),
        Ok(99)
    );
    let zero = InitiativeInput {
        field_id: "0".into(),
        ..valid()
    };
    assert!(InitiativeText::parse(&zero, None, latest()).is_err());
}
