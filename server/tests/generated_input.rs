//! Generated hostile input through the real router on a throwaway database: initiative forms
//! (text and files), unit lists, score sheets and sign-ins. Rules checked for every case: the
//! answer is never a 500, and a refused request changes nothing that it would have written.
//! Inputs come from proptest's generators, drawn with a fixed seed so a failure repeats; the
//! failing input is printed. The parsers behind them get 100,000 cases each in `./x bench`.
mod common;

use axum::http::StatusCode;
use common::council::Council;
use common::unit_fixture::fixture;
use common::{multipart, post, post_multipart, sign_in};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use sqlx::PgPool;

/// Cases drawn from `strategy` (deterministic: the same every run).
fn draw<S: Strategy>(strategy: S, cases: usize) -> Vec<S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..cases)
        .map(|_| strategy.new_tree(&mut runner).expect("a case").current())
        .collect()
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Mô hình “Một cửa không chờ”".to_owned()),
        Just("=HYPERLINK(\"http://x\")".to_owned()),
        Just("\u{0}\u{1}\u{202e}".to_owned()),
        Just("💥".repeat(300)),
        Just("a".repeat(5_000)),
        "[0-9]{1,12}",
        "[0-9]{1,2}/[0-9]{1,2}/[0-9]{1,5}",
        "-?[0-9]{1,3}[.,][0-9]{0,3}",
        ".{0,40}",
    ]
}

/// A case as printed on failure: long texts cut to their start.
fn shown(changes: &[(&str, String)]) -> String {
    let cut = changes
        .iter()
        .map(|(field, value)| (field, value.chars().take(80).collect::<String>()));
    format!("{:?}", cut.collect::<Vec<_>>())
}

/// A digest of a table's rows, to see that a refused request left it as it was.
async fn digest(pool: &PgPool, sql: &str) -> String {
    sqlx::query_scalar(&format!(
        "SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM ({sql}) t"
    ))
    .fetch_one(pool)
    .await
    .unwrap()
}

const FORM_FIELDS: [&str; 15] = [
    "campaign_id",
    "initiative_id",
    "submit_key",
    "kind",
    "field_id",
    "title",
    "situation",
    "solution",
    "benefit",
    "scope",
    "first_applied",
    "author_mode",
    "authors[0][name]",
    "authors[0][share]",
    "authors[7][job_title]",
];

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn generated_initiative_forms_never_fail_the_server_and_refusals_store_nothing(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    // Above the per-unit cap (50), every later form would be refused for the cap alone.
    sqlx::query("UPDATE campaigns SET max_initiatives = 2000 WHERE id = $1")
        .bind(f.campaign)
        .execute(&f.pool)
        .await
        .unwrap();
    let changes = proptest::collection::vec(
        (proptest::sample::select(FORM_FIELDS.to_vec()), hostile_text()),
        0..5,
    );
    let file = proptest::option::of((
        prop_oneof![
            Just("anh.jpg".to_owned()),
            Just("../../etc/passwd".to_owned()),
            ".{0,30}"
        ],
        proptest::collection::vec(any::<u8>(), 0..3_000),
    ));
    let mut accepted = 0;
    for (n, (changes, file)) in draw((changes, file), 1_200).into_iter().enumerate() {
        let key = format!("gen-{n}");
        let change: Vec<(&str, &str)> = changes.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let files: Vec<(&str, &str, &[u8])> = file
            .iter()
            .map(|(name, bytes)| ("attachments", name.as_str(), bytes.as_slice()))
            .collect();
        let before = digest(&f.pool, "SELECT id, title, receipt_code FROM initiatives").await;
        let (status, answer) = f.submit(Some(&cookie), &key, &change, &files).await;
        assert!(
            status != StatusCode::INTERNAL_SERVER_ERROR,
            "case {n} {}: {answer}",
            shown(&changes)
        );
        if status == StatusCode::OK {
            accepted += 1;
        } else {
            let after = digest(&f.pool, "SELECT id, title, receipt_code FROM initiatives").await;
            assert_eq!(
                before,
                after,
                "case {n} {} was refused ({status}) yet changed initiatives",
                shown(&changes)
            );
        }
    }
    // The generator keeps most forms whole: plenty were stored, plenty refused.
    assert!(accepted > 100, "only {accepted} accepted");
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn generated_unit_lists_never_fail_the_server_and_refusals_change_no_unit(pool: PgPool) {
    let f = fixture(pool).await;
    common::account(
        &f.pool,
        "nhap-don-vi",
        "mat-khau-nhap-don-vi",
        app::domain::account::Role::SystemAdmin,
    )
    .await;
    let admin = sign_in(&f.app, "nhap-don-vi", "mat-khau-nhap-don-vi").await;
    let row = (
        "[A-Z]{1,2}[0-9]{0,2}",
        hostile_text(),
        prop_oneof![
            Just("xã".to_owned()),
            Just("phường".to_owned()),
            Just("đặc khu".to_owned()),
            hostile_text()
        ],
        prop_oneof![Just(String::new()), "[A-Z]{1,2}[0-9]{0,2}", hostile_text()],
    )
        .prop_map(|(code, name, kind, parent)| {
            format!("{code},\"{}\",{kind},{parent}", name.replace('"', "\"\""))
        });
    let file = prop_oneof![
        proptest::collection::vec(row, 0..12).prop_map(|rows| format!(
            "Mã đơn vị,Tên đơn vị,Loại,Mã cấp trên\r\n{}",
            rows.join("\r\n")
        )
        .into_bytes()),
        proptest::collection::vec(any::<u8>(), 0..2_000),
        proptest::collection::vec(any::<u8>(), 0..500).prop_map(|b| [b"PK\x03\x04".as_slice(), &b].concat()),
    ];
    let units = "SELECT id, code, name, kind, parent_id, active FROM units";
    for (n, bytes) in draw(file, 400).into_iter().enumerate() {
        let before = digest(&f.pool, units).await;
        let body = multipart(&[], &[("file", "don-vi.csv", &bytes)]);
        let (status, answer) = post_multipart(&f.app, "/api/import_units", body, Some(&admin)).await;
        assert!(status != StatusCode::INTERNAL_SERVER_ERROR, "case {n}: {answer}");
        if status != StatusCode::OK {
            assert_eq!(
                before,
                digest(&f.pool, units).await,
                "case {n} was refused yet changed units"
            );
        }
    }
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn generated_score_sheets_never_fail_the_server_and_refusals_change_no_sheet(pool: PgPool) {
    let council = Council::new(pool).await;
    let member = council.member("gk-an").await;
    let queue = council.queue(&member).await;
    let initiatives: Vec<i64> = queue["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["id"].as_i64())
        .collect();
    let sheet = (
        proptest::sample::select(initiatives),
        prop_oneof![
            Just("draft"),
            Just("submit"),
            Just("skip"),
            Just("abstain"),
            Just("xoá")
        ],
        prop_oneof![Just(0i64), Just(1), -3i64..5],
        proptest::collection::vec(
            prop_oneof![
                "[0-9]{1,2}",
                "[0-9]{1,2}[.,]5",
                "-?[0-9]{1,4}[.,][0-9]{1,3}",
                hostile_text()
            ],
            0..8,
        ),
        hostile_text(),
    );
    let sheets = "SELECT initiative_id, account_id, state, half_points, comments, overall_comment, reason, version FROM council_scores";
    for (n, (initiative, action, version, points, reason)) in draw(sheet, 1_000).into_iter().enumerate() {
        let mut form = form_urlencoded::Serializer::new(String::new());
        form.append_pair("campaign_id", &council.campaign.to_string())
            .append_pair("initiative_id", &initiative.to_string())
            .append_pair("action", action)
            .append_pair("version", &version.to_string())
            .append_pair("reason", &reason);
        for (i, p) in points.iter().enumerate() {
            form.append_pair(&format!("points[{i}]"), p);
        }
        let body = form.finish();
        let before = digest(&council.demo.pool, sheets).await;
        let (status, answer, _) =
            post(&council.demo.app, "/api/save_score_sheet", &body, Some(&member)).await;
        assert!(
            status != StatusCode::INTERNAL_SERVER_ERROR,
            "case {n} {body}: {answer}"
        );
        if status != StatusCode::OK {
            assert_eq!(
                before,
                digest(&council.demo.pool, sheets).await,
                "case {n} {body} was refused yet changed sheets"
            );
        }
    }
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn generated_sign_ins_never_fail_the_server_nor_lead_off_site(pool: PgPool) {
    let f = fixture(pool).await;
    common::account(
        &f.pool,
        "dang-nhap",
        "mat-khau-dang-nhap",
        app::domain::account::Role::SystemAdmin,
    )
    .await;
    let form = (
        prop_oneof![Just("dang-nhap".to_owned()), hostile_text()],
        prop_oneof![Just("mat-khau-dang-nhap".to_owned()), hostile_text()],
        prop_oneof![
            "/[a-z/?=&]{0,20}",
            "//[a-z.]{1,20}",
            "/\\\\[a-z.]{1,20}",
            "(https?|javascript):[a-z/.]{0,20}",
            hostile_text()
        ],
    );
    for (n, (username, password, next)) in draw(form, 60).into_iter().enumerate() {
        let body = form_urlencoded::Serializer::new(String::new())
            .append_pair("username", &username)
            .append_pair("password", &password)
            .append_pair("next", &next)
            .finish();
        let (status, answer, headers) = post(&f.app, "/api/login", &body, None).await;
        assert!(
            status != StatusCode::INTERNAL_SERVER_ERROR,
            "case {n} {body}: {answer}"
        );
        if let Some(location) = headers.get("location").and_then(|l| l.to_str().ok()) {
            let off_site =
                !location.starts_with('/') || location.starts_with("//") || location.starts_with("/\\");
            assert!(!off_site, "case {n} led to {location}");
        }
    }
}
