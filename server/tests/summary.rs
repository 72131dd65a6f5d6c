//! The printable summary over HTTP on the demo's 2022 campaign: its organizer gets the key
//! figures as the database counts them and the four charts as SVG; the public gets nothing until
//! the results are released, then the same page.
mod common;

use axum::http::StatusCode;
use common::unit_fixture::fixture;
use common::{get, post, sign_in};
use serde_json::Value;

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_summary_counts_what_the_database_holds_and_waits_for_release(pool: sqlx::PgPool) {
    let f = fixture(pool).await;
    let campaign: i64 = sqlx::query_scalar("SELECT id FROM campaigns WHERE state = 'published'")
        .fetch_one(&f.pool)
        .await
        .unwrap();
    let count = |sql: &'static str| {
        let pool = f.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .bind(campaign)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let units = count("SELECT count(*) FROM campaign_units WHERE campaign_id = $1").await;
    let initiatives = count("SELECT count(*) FROM initiatives WHERE campaign_id = $1").await;
    let exemplary =
        count("SELECT count(*) FROM initiative_results WHERE campaign_id = $1 AND exemplary").await;

    let summary = |cookie: Option<String>| {
        let app = f.app.clone();
        async move {
            let (status, body, _) = post(
                &app,
                "/api/campaign_summary",
                &format!("campaign_id={campaign}"),
                cookie.as_deref(),
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            serde_json::from_str::<Value>(&body).unwrap()
        }
    };
    let public = summary(None).await;
    assert_eq!(public["pending"], true, "held for the conference");
    assert_eq!(public["charts"].as_array().unwrap().len(), 0);

    let organizer = sign_in(&f.app, "quan11", "quan11-demo-2026").await;
    let s = summary(Some(organizer.clone())).await;
    assert_eq!(s["pending"], false);
    assert_eq!(s["figures"]["units"], units);
    assert_eq!(s["figures"]["initiatives"], initiatives);
    assert_eq!(s["figures"]["exemplary"], exemplary);
    let kinds: Vec<&str> = s["charts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["ByUnit", "ByField", "Scores", "Ranking"]);
    for chart in s["charts"].as_array().unwrap() {
        let svg = chart["svg"].as_str().unwrap();
        assert!(
            svg.starts_with("<svg") && svg.ends_with("</svg>\n") || svg.ends_with("</svg>"),
            "{svg:.80}"
        );
        assert!(!chart["description"].as_str().unwrap().is_empty());
    }
    let (status, page, _) = get(&f.app, &format!("/results/{campaign}/summary"), Some(&organizer)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("<svg") && page.contains("Số sáng kiến theo đơn vị"),
        "the page prints the charts"
    );

    let (status, _, _) = post(
        &f.app,
        "/api/release_campaign_results",
        &format!("id={campaign}"),
        Some(&organizer),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let public = summary(None).await;
    assert_eq!(public["pending"], false);
    assert_eq!(public["figures"]["initiatives"], initiatives);
    assert_eq!(public["charts"].as_array().unwrap().len(), 4);
}
