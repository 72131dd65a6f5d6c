//! Upgrades keep every row: the database of the last release (its migrations and demo data, a
//! backup in `fixtures/release-*.dump`, refreshed at each release as `fixtures/README.md` says)
//! is restored, today's migrations run on it, and the app serves it — the admin's campaign list,
//! a public board, a unit's page from its link. A migration that breaks old data fails here.
mod common;

use axum::http::StatusCode;
use common::unit_fixture::key;
use common::{database_url, get, set_cookie, sign_in};
use sqlx::PgPool;
use std::path::Path;

const LAST_RELEASE: &str = "tests/fixtures/release-2026-12-05.dump";
/// Tables whose rows must all survive, with nothing added by a migration.
const TABLES: [&str; 8] = [
    "units",
    "campaigns",
    "campaign_units",
    "unit_links",
    "initiatives",
    "commitments",
    "audit_log",
    "accounts",
];

async fn counts(pool: &PgPool) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in TABLES {
        let sql = format!("SELECT count(*) FROM {table}");
        counts.push(sqlx::query_scalar(&sql).fetch_one(pool).await.unwrap());
    }
    counts
}

#[sqlx::test(migrations = false)]
async fn the_last_release_database_upgrades_and_is_served(pool: PgPool) {
    let url = database_url(pool.connect_options().get_database().unwrap());
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(LAST_RELEASE);
    server::backup::restore(&url, &fixture, false)
        .await
        .expect("the last release's database");
    let before = counts(&pool).await;
    assert!(before.iter().all(|n| *n > 0), "{before:?}");

    app::server::MIGRATOR
        .run(&pool)
        .await
        .expect("today's migrations on it");
    assert_eq!(counts(&pool).await, before, "rows of {TABLES:?}");
    let applied: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations WHERE success")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(applied, app::server::MIGRATOR.iter().count() as i64);

    let app = common::router(&pool).await;
    let admin = sign_in(
        &app,
        server::bootstrap::DEMO_ADMIN_USERNAME,
        server::bootstrap::DEMO_ADMIN_PASSWORD,
    )
    .await;
    let (status, body, _) = get(&app, "/admin/campaigns", Some(&admin)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Quảng Ninh"), "{body}");
    let (status, body, _) = get(&app, "/live/3", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("2022"), "{body}");

    // A unit's link from before the upgrade still opens its pages.
    let (link, nonce): (i64, Vec<u8>) = sqlx::query_as(
        "SELECT l.id, l.nonce FROM unit_links l JOIN campaigns c ON c.id = l.campaign_id
         WHERE c.state = 'open' AND l.revoked_at IS NULL ORDER BY l.id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let token = app::server::unit_link::token(&key(), link, &nonce);
    let (status, _, headers) = get(&app, &format!("/l/{token}"), None).await;
    assert!(status.is_redirection(), "{status}");
    let unit = set_cookie(&headers).expect("a unit session");
    let page = headers
        .get(axum::http::header::LOCATION)
        .unwrap()
        .to_str()
        .unwrap();
    let (status, body, _) = get(&app, page, Some(&unit)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Việc cần làm"), "{body}");
}
