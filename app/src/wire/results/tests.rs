use super::*;

fn initiative(id: i64, title: &str, unit: &str, score: Option<f64>) -> InitiativeResult {
    InitiativeResult {
        id,
        receipt_code: format!("K-{id}"),
        title: title.into(),
        kind: InitiativeKind::Initiative,
        field: "Ứng dụng CNTT".into(),
        unit_id: id,
        unit_name: unit.into(),
        authors: Vec::new(),
        hidden: false,
        score,
        scored: 3,
        expected: 3,
        level: None,
        recognised: None,
        exemplary: false,
    }
}

fn arrangement(query: &[(&str, &str)]) -> Arrangement {
    Arrangement::parse(|key| {
        query
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| (*v).to_owned())
    })
}

fn ids(rows: &[InitiativeResult]) -> Vec<i64> {
    rows.iter().map(|r| r.id).collect()
}

#[test]
fn an_empty_or_unknown_query_shows_units_by_place() {
    assert_eq!(arrangement(&[]), Arrangement::default());
    let odd = arrangement(&[("table", "x"), ("sort", "y"), ("level", "z"), ("only", "w")]);
    assert_eq!(odd, Arrangement::default());
}

#[test]
fn initiatives_sort_by_score_with_the_unscored_and_hidden_last() {
    let mut hidden = initiative(4, "D", "Phường 4", Some(99.0));
    hidden.hidden = true;
    let rows = [
        initiative(1, "A", "Phường 1", Some(70.0)),
        initiative(2, "B", "Phường 2", None),
        initiative(3, "C", "Phường 3", Some(85.5)),
        hidden,
    ];
    let by_score = arrangement(&[("table", "initiatives")]);
    assert_eq!(ids(&by_score.initiatives(&rows)), vec![3, 1, 2, 4]);
    let by_title = arrangement(&[("sort", "title")]);
    assert_eq!(ids(&by_title.initiatives(&rows)), vec![1, 2, 3, 4]);
}

#[test]
fn filters_combine_and_the_search_ignores_diacritics() {
    let mut excellent = initiative(1, "Một cửa điện tử", "Phường Bến Nghé", Some(95.0));
    excellent.level = Some(Level::Excellent);
    excellent.exemplary = true;
    excellent.authors = vec!["Nguyễn Thị Hạnh (Chuyên viên)".into()];
    let mut good = initiative(2, "Số hóa hồ sơ", "Phường 4", Some(80.0));
    good.level = Some(Level::Good);
    good.recognised = Some(true);
    let rows = [excellent, good];
    assert_eq!(ids(&arrangement(&[("q", "mot cua")]).initiatives(&rows)), vec![1]);
    assert_eq!(ids(&arrangement(&[("q", "hanh")]).initiatives(&rows)), vec![1]);
    assert_eq!(
        ids(&arrangement(&[("q", "phuong 4")]).initiatives(&rows)),
        vec![2]
    );
    assert_eq!(
        ids(&arrangement(&[("level", "good")]).initiatives(&rows)),
        vec![2]
    );
    assert_eq!(
        ids(&arrangement(&[("only", "exemplary")]).initiatives(&rows)),
        vec![1]
    );
    assert_eq!(
        ids(&arrangement(&[("only", "recognised")]).initiatives(&rows)),
        vec![2]
    );
    let none = arrangement(&[("level", "excellent"), ("only", "recognised")]);
    assert!(none.initiatives(&rows).is_empty());
    assert!(arrangement(&[("field", "Khác")]).initiatives(&rows).is_empty());
}

#[test]
fn an_arrangement_survives_its_own_address() {
    let typed = arrangement(&[
        ("table", "initiatives"),
        ("sort", "coverage"),
        ("field", "Dân vận khéo & CNTT"),
        ("level", "excellent"),
        ("q", "một cửa"),
        ("only", "recognised"),
        ("page", "3"),
    ]);
    let address = typed.query_string(Some("ABC"));
    let pairs: Vec<(String, String)> = form_urlencoded::parse(address.trim_start_matches('?').as_bytes())
        .into_owned()
        .collect();
    let read = Arrangement::parse(|k| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()));
    assert_eq!(read, typed);
    assert!(address.ends_with("&k=ABC"), "{address}");
    assert_eq!(Arrangement::default().query_string(None), "");
}

#[test]
fn pages_hold_a_hundred_rows_and_an_odd_page_is_the_nearest() {
    let rows: Vec<usize> = (0..250).collect();
    let at = |page: &str| arrangement(&[("page", page)]).paged(&rows);
    assert_eq!(at("1").0.first(), Some(&0));
    assert_eq!(at("3").0, (200..250).collect::<Vec<_>>());
    assert_eq!(at("3").1, 3);
    assert_eq!(at("99").0.first(), Some(&200), "past the end: the last page");
    assert_eq!(at("0").0.first(), Some(&0));
    assert_eq!(at("x").0.first(), Some(&0));
    assert_eq!(Arrangement::default().paged::<usize>(&[]), (vec![], 1));
    assert_eq!(Arrangement::from_query("table=initiatives&page=2").page, 2);
}
