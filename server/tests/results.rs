//! A campaign's results: who sees how much of them, and results held for the conference
//! ("công bố tại hội nghị"): published for the organizer and the council, while every public
//! path (the board's page and server function, the screen's, the event stream, the results
//! page) keeps showing participation only until the organizer releases them.
mod common;

use axum::http::StatusCode;
use common::council::Council;
use common::demo::{demo, Demo};
use common::events::{board_where, next_board, open_stream};
use common::{get, sign_in};
use serde_json::Value;
use server::demo_council::DEMO_COUNCIL_PASSWORD;
use sqlx::PgPool;

/// The chair of the demo's Quận 10 council (being scored) and its campaign.
async fn chair_of_q10(demo: &Demo) -> (String, i64) {
    let campaign = demo.campaign_of("Q10").await;
    (
        sign_in(&demo.app, "hd.chutich", DEMO_COUNCIL_PASSWORD).await,
        campaign,
    )
}

/// The initiatives the chair must confirm before publishing (below quorum).
async fn below_quorum(demo: &Demo, campaign: i64) -> String {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT initiative_id FROM initiative_results
         WHERE campaign_id = $1 AND below_quorum AND override_score IS NULL ORDER BY 1",
    )
    .bind(campaign)
    .fetch_all(&demo.pool)
    .await
    .unwrap();
    ids.iter()
        .enumerate()
        .map(|(n, id)| format!("&confirm[{n}]={id}"))
        .collect()
}

/// Each row's unit, place and score, as the public sees them.
fn standings(board: &Value) -> Vec<(i64, i64, i64)> {
    board["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["unit_id"].as_i64().unwrap(),
                r["place"].as_i64().unwrap(),
                r["score_hundredths"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// The public board once it is (or is not) `published`, within 5 s: a kept board is rebuilt
/// when the database notifies the change, a moment later.
async fn board_once(demo: &Demo, campaign: i64, published: bool) -> Value {
    let mut board = public_board(demo, campaign).await;
    for _ in 0..50 {
        if board["published"] == published {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        board = public_board(demo, campaign).await;
    }
    board
}

/// The demo's 2022 year waits for its ceremony; its organizer releases it instead.
async fn release(demo: &Demo, campaign: i64) {
    let organizer = demo.organizer("Q11").await;
    let (status, body) = demo
        .call(
            "/api/release_campaign_results",
            &format!("id={campaign}"),
            &organizer,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// The results as the page asks for them by default: the units' table.
async fn results_of(demo: &Demo, campaign: i64, cookie: &str) -> Value {
    arranged(demo, campaign, cookie, "").await
}

/// The initiatives' table (its first page).
async fn initiatives_of(demo: &Demo, campaign: i64, cookie: &str) -> Value {
    arranged(demo, campaign, cookie, "table%3Dinitiatives").await
}

async fn arranged(demo: &Demo, campaign: i64, cookie: &str, query: &str) -> Value {
    let body = format!("campaign_id={campaign}&query={query}");
    let (status, body) = demo.call("/api/campaign_results", &body, cookie).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn public_board(demo: &Demo, campaign: i64) -> Value {
    let (status, body) = demo
        .call("/api/live_board", &format!("campaign_id={campaign}"), "")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn results_held_for_the_conference_reach_no_public_path_until_released(pool: PgPool) {
    let demo = demo(pool).await;
    let (chair, campaign) = chair_of_q10(&demo).await;
    let mut stream = open_stream(demo.app.clone(), campaign, "").await;
    let before = next_board(&mut stream).await;
    assert_eq!(before["published"], false);

    // The chair must say how the results go public; without it nothing changes.
    let confirm = below_quorum(&demo, campaign).await;
    let publish = |release: &str| format!("campaign_id={campaign}{confirm}{release}");
    let (status, body) = demo.call("/api/publish_results", &publish(""), &chair).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("\"release\""), "{body}");
    let (status, body) = demo
        .call("/api/publish_results", &publish("&release=later"), &chair)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let state: String = sqlx::query_scalar("SELECT state FROM campaigns WHERE id = $1")
        .bind(campaign)
        .fetch_one(&demo.pool)
        .await
        .unwrap();
    assert_eq!(state, "evaluating");

    let (status, body) = demo
        .call("/api/publish_results", &publish("&release=ceremony"), &chair)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Published inside: the organizer's page says the results wait, the chair still sees them.
    let organizer = demo.system_admin().await;
    let (_, detail) = demo
        .call("/api/get_campaign", &format!("id={campaign}"), &organizer)
        .await;
    assert_eq!(detail["state"], "published");
    assert_eq!(detail["results_held"], true);
    let (_, desk) = demo
        .call("/api/chair_matrix", &format!("campaign_id={campaign}"), &chair)
        .await;
    assert!(
        desk["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["score"].is_number()),
        "the council sees its scores"
    );

    // Outside, nothing moved: the stream's rebuilt board, the server functions, the pages.
    let held = board_where(&mut stream, |b| b["loaded_at"] != before["loaded_at"]).await;
    assert_eq!(held["published"], false);
    assert_eq!(standings(&held), standings(&before));
    let board = public_board(&demo, campaign).await;
    assert_eq!(board["published"], false);
    assert_eq!(standings(&board), standings(&before));
    let (status, screen) = demo
        .call("/api/live_screen", &format!("campaign_id={campaign}"), "")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(standings(&screen["board"]), standings(&before));
    for page in ["", "/screen"] {
        let (status, html, _) = get(&demo.app, &format!("/live/{campaign}{page}"), None).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("\"published\":true"), "{page}");
        assert!(!html.contains("podium"), "{page}");
    }
    let public_results = results_of(&demo, campaign, "").await;
    assert_eq!(public_results["pending"], true);
    assert_eq!(public_results["units"], serde_json::json!([]));
    assert_eq!(public_results["initiatives"], serde_json::json!([]));
    let (status, html, _) = get(&demo.app, &format!("/results/{campaign}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Kết quả chưa được công bố"));
    assert!(
        !html.contains("score_hundredths"),
        "no unit row in the page's data"
    );
    let inside = results_of(&demo, campaign, &organizer).await;
    assert_eq!(inside["held"], true);
    assert!(inside["units"][0]["evaluation_points"].is_number());

    // Only the organizer releases them.
    let release = format!("id={campaign}");
    let (status, _) = demo.call("/api/release_campaign_results", &release, &chair).await;
    assert_ne!(status, StatusCode::OK, "the chair is not the organizer");
    let (status, _) = demo.call("/api/release_campaign_results", &release, "").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = demo
        .call("/api/release_campaign_results", &release, &organizer)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let released = board_where(&mut stream, |b| b["published"] == true).await;
    assert_ne!(
        standings(&released),
        standings(&before),
        "evaluation scores now count"
    );
    assert_eq!(public_board(&demo, campaign).await["published"], true);
    let public_results = results_of(&demo, campaign, "").await;
    assert_eq!(public_results["pending"], false);
    assert_eq!(public_results["units"], inside["units"]);
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE campaign_id = $1 AND after->>'results' = 'public'",
    )
    .bind(campaign)
    .fetch_one(&demo.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);
    // A second release changes nothing and records nothing.
    let (status, _) = demo
        .call("/api/release_campaign_results", &release, &organizer)
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn results_published_at_once_are_public_at_once(pool: PgPool) {
    let demo = demo(pool).await;
    let (chair, campaign) = chair_of_q10(&demo).await;
    let confirm = below_quorum(&demo, campaign).await;
    let (status, body) = demo
        .call(
            "/api/publish_results",
            &format!("campaign_id={campaign}{confirm}&release=now"),
            &chair,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let board = public_board(&demo, campaign).await;
    assert_eq!(board["published"], true);
    let places: Vec<i64> = standings(&board).iter().map(|r| r.1).collect();
    assert_eq!(places.first(), Some(&1));
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_member_sees_no_result_of_his_own_ward_nor_what_he_has_still_to_score(pool: PgPool) {
    let council = Council::new(pool).await;
    let (an, phuong) = (council.member("gk-an").await, council.member("gk-phuong").await);
    let own = council.ward_initiatives[0];
    // gk-an scores the ward's first initiative; the ward's own member may not see it.
    let (status, _) = council.save(own, "submit", 0, "8", &an).await;
    assert_eq!(status, StatusCode::OK);
    let campaign = council.campaign;
    let row = |results: &Value, id: i64| {
        results["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .cloned()
            .unwrap()
    };
    let seen_by_an = initiatives_of(&council.demo, campaign, &an).await;
    assert_eq!(seen_by_an["reader"], "Council");
    assert_eq!(seen_by_an["final_results"], false, "provisional while scoring");
    assert_eq!(row(&seen_by_an, own)["hidden"], false);
    assert!(row(&seen_by_an, own)["score"].is_number());
    let seen_by_phuong = initiatives_of(&council.demo, campaign, &phuong).await;
    let hidden = row(&seen_by_phuong, own);
    assert_eq!(seen_by_phuong["some_hidden"], true);
    assert_eq!(
        seen_by_phuong["units"],
        serde_json::json!([]),
        "one table at a time"
    );
    let seen_by_phuong = results_of(&council.demo, campaign, &phuong).await;
    assert_eq!(hidden["hidden"], true);
    assert_eq!(hidden["score"], Value::Null);
    assert_eq!(hidden["level"], Value::Null);
    let ward = hidden["unit_id"].clone();
    let unit = seen_by_phuong["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit_id"] == ward)
        .cloned()
        .unwrap();
    assert_eq!(unit["hidden"], true);
    assert_eq!(unit["evaluation_points"], Value::Null);
    assert_eq!(unit["score_hundredths"], 0);
    // gk-binh has scored nothing yet: no peer's score reaches him.
    let binh = council.member("gk-binh").await;
    let seen_by_binh = initiatives_of(&council.demo, campaign, &binh).await;
    assert_eq!(row(&seen_by_binh, own)["hidden"], true);
    // The organizer sees everything; the public nothing while the council scores.
    let admin = council.demo.system_admin().await;
    assert!(row(&initiatives_of(&council.demo, campaign, &admin).await, own)["score"].is_number());
    let public = results_of(&council.demo, campaign, "").await;
    assert_eq!(public["pending"], true);
    assert_eq!(public["initiatives"], serde_json::json!([]));
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_draft_has_no_results_and_a_link_only_campaign_needs_its_key(pool: PgPool) {
    let demo = demo(pool).await;
    let draft: i64 = sqlx::query_scalar("SELECT id FROM campaigns WHERE state = 'draft' LIMIT 1")
        .fetch_one(&demo.pool)
        .await
        .unwrap();
    let (status, _) = demo
        .call("/api/campaign_results", &format!("campaign_id={draft}"), "")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = demo.call("/api/campaign_results", "campaign_id=999999", "").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let finished = demo.campaign_of("Q11").await;
    release(&demo, finished).await;
    let released = results_of(&demo, finished, "").await;
    assert_eq!(released["pending"], false);
    assert!(!released["units"].as_array().unwrap().is_empty());
    sqlx::query("UPDATE campaigns SET visibility = 'link_only' WHERE id = $1")
        .bind(finished)
        .execute(&demo.pool)
        .await
        .unwrap();
    let (status, _) = demo
        .call("/api/campaign_results", &format!("campaign_id={finished}"), "")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "as if it did not exist");
    let link_key = app::server::state::LinkKey(std::sync::Arc::from(
        common::config().link_key.unwrap().as_bytes(),
    ));
    let key = app::server::board_key::board_key(&link_key, finished);
    let (status, _) = demo
        .call(
            "/api/campaign_results",
            &format!("campaign_id={finished}&key={key}"),
            "",
        )
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn awards_are_public_with_the_results_and_never_before(pool: PgPool) {
    let demo = demo(pool).await;
    let finished = demo.campaign_of("Q11").await;
    assert_eq!(
        public_board(&demo, finished).await["awards"],
        serde_json::json!([]),
        "held for its ceremony"
    );
    release(&demo, finished).await;
    let board = board_once(&demo, finished, true).await;
    assert_eq!(board["published"], true);
    assert_eq!(
        board["awards"].as_array().unwrap().len(),
        2,
        "the demo's giấy khen"
    );
    // The same year held for a conference: its awards leave every public path.
    sqlx::query("UPDATE campaigns SET results_released_at = NULL WHERE id = $1")
        .bind(finished)
        .execute(&demo.pool)
        .await
        .unwrap();
    let board = board_once(&demo, finished, false).await;
    assert_eq!(board["published"], false);
    assert_eq!(board["awards"], serde_json::json!([]));
    let results = results_of(&demo, finished, "").await;
    assert_eq!(results["pending"], true);
    assert_eq!(results["awards"], serde_json::json!([]));
    let (status, html, _) = get(&demo.app, &format!("/live/{finished}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("1250/QĐ-UBND"), "no decision on the public page");
    let admin = demo.system_admin().await;
    assert_eq!(
        results_of(&demo, finished, &admin).await["awards"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}
