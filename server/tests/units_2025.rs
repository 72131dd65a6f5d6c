//! The two-tier local government of 1 July 2025 as an import: the official list of 34 provinces
//! and their xã, phường and đặc khu (tests/fixtures/units-2025.csv) imports in one go and is
//! searchable at once; one bad province row is reported once for its communes, not per row.
mod common;

use app::domain::account::Role;
use axum::http::StatusCode;
use common::{account, multipart, post, post_multipart, router, sign_in};
use sqlx::PgPool;

const UNITS_2025: &[u8] = include_bytes!("fixtures/units-2025.csv");

/// The report of the latest import: (created, unchanged, problems as JSON text).
async fn last_import(pool: &PgPool) -> (i32, i32, String) {
    sqlx::query_as("SELECT created, unchanged, problems::text FROM unit_imports ORDER BY id DESC LIMIT 1")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_official_list_of_2025_imports_in_one_go_and_is_searchable_at_once(pool: PgPool) {
    account(&pool, "tinh", "mat-khau-du-dai-1", Role::SystemAdmin).await;
    let app = router(&pool).await;
    let cookie = sign_in(&app, "tinh", "mat-khau-du-dai-1").await;
    let body = multipart(&[], &[("file", "don-vi-2025.csv", UNITS_2025)]);
    let (status, text) = post_multipart(&app, "/api/import_units", body, Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let (created, _, problems) = last_import(&pool).await;
    assert_eq!((created, problems.as_str()), (3355, "[]"));

    let kinds: Vec<(String, i64)> =
        sqlx::query_as("SELECT kind, count(*) FROM units GROUP BY kind ORDER BY kind")
            .fetch_all(&pool)
            .await
            .unwrap();
    let kinds: Vec<(&str, i64)> = kinds.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    assert_eq!(
        kinds,
        [("province", 34), ("special_zone", 13), ("ward", 3308)],
        "both wordings of a centrally-run city are provinces; đặc khu is its own kind"
    );

    let (status, hits, _) = post(&app, "/api/search_units", "query=mong+cai", Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK, "{hits}");
    for ward in ["Phường Móng Cái 1", "Phường Móng Cái 2", "Phường Móng Cái 3"] {
        assert!(hits.contains(ward), "{ward} in {hits}");
    }
    assert!(
        hits.contains("Tỉnh Quảng Ninh"),
        "each hit names its parent: {hits}"
    );

    // The same file again changes nothing.
    let body = multipart(&[], &[("file", "don-vi-2025.csv", UNITS_2025)]);
    post_multipart(&app, "/api/import_units", body, Some(&cookie)).await;
    let (created, unchanged, _) = last_import(&pool).await;
    assert_eq!((created, unchanged), (0, 3355));
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_refused_province_row_is_reported_once_for_its_communes(pool: PgPool) {
    account(&pool, "tinh", "mat-khau-du-dai-1", Role::SystemAdmin).await;
    let app = router(&pool).await;
    let cookie = sign_in(&app, "tinh", "mat-khau-du-dai-1").await;
    let text = std::str::from_utf8(UNITS_2025).unwrap();
    let broken = text.replace("T22,Tỉnh Quảng Ninh,Tỉnh,", "T22,Tỉnh Quảng Ninh,Tỉnh mới,");
    assert_ne!(broken, text);
    let body = multipart(&[], &[("file", "don-vi-2025.csv", broken.as_bytes())]);
    let (status, page) = post_multipart(&app, "/api/import_units", body, Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let (created, _, problems) = last_import(&pool).await;
    let problems: serde_json::Value = serde_json::from_str(&problems).unwrap();
    let problems = problems.as_array().unwrap();
    assert_eq!(created, 0, "a file with a bad row imports nothing");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0]["problem"]["kind"], "unknown_kind");
    assert_eq!(problems[1]["problem"]["kind"], "parent_row_refused");
    assert_eq!(problems[1]["problem"]["code"], "T22");
    assert_eq!(problems[1]["problem"]["rows"], 54);
    let units: i64 = sqlx::query_scalar("SELECT count(*) FROM units")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(units, 0);
}
