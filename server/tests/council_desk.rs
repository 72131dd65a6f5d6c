//! The council's desk through the real router on the demo data (Quận 10's campaign, being
//! scored): a member's queue and "Lưu & tiếp", blind scoring until one's own sheet is submitted,
//! the version check between two tabs, abstaining and declaring a conflict, and a member of a
//! ward who can learn nothing about his ward's initiatives. Refusals change nothing.
mod common;

use axum::http::StatusCode;
use common::council::Council;
use serde_json::Value;
use sqlx::PgPool;

fn status_of(queue: &Value, initiative: i64) -> Value {
    queue["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == initiative)
        .map(|e| e["status"].clone())
        .unwrap_or(Value::Null)
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn members_score_blind_and_save_and_next_moves_on(pool: PgPool) {
    let council = Council::new(pool).await;
    let (an, binh) = (council.member("gk-an").await, council.member("gk-binh").await);
    let queue = council.queue(&an).await;
    let first = queue["next"].as_i64().expect("something to score");
    let (status, desk) = council.desk(first, &an).await;
    assert_eq!(status, StatusCode::OK, "{desk}");
    assert_eq!(desk["version"], 0);
    assert_eq!(desk["peers"], serde_json::json!([]));

    let (status, saved) = council.save(first, "submit", 0, "7,5", &an).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let next = saved["next"].as_i64().expect("a next initiative");
    assert_ne!(next, first);
    assert_eq!(
        status_of(&council.queue(&an).await, first)["Scored"]["total"],
        15 * council.criteria as i64
    );

    // Bình has not scored it: he sees nothing of An's sheet.
    let (_, desk) = council.desk(first, &binh).await;
    assert_eq!(desk["peers"], serde_json::json!([]));
    let (status, _) = council.save(first, "submit", 0, "9", &binh).await;
    assert_eq!(status, StatusCode::OK);
    let (_, desk) = council.desk(first, &binh).await;
    let peers = desk["peers"].as_array().unwrap();
    assert_eq!(peers.len(), 1);
    assert_eq!(peers[0]["name"], "gk-an");
    assert_eq!(peers[0]["points"][0], 15);

    // The final score is kept as the sheets arrive: the mean of 7,5 and 9 per criterion, two of
    // the three members expected, and it feeds the unit's standing.
    let (score, scored, expected, below): (f64, i32, i32, bool) = sqlx::query_as(
        "SELECT score, scored, expected, below_quorum FROM initiative_results WHERE initiative_id = $1",
    )
    .bind(first)
    .fetch_one(&council.demo.pool)
    .await
    .unwrap();
    let expected_members = if council.ward_initiatives.contains(&first) {
        2
    } else {
        3
    };
    assert_eq!(
        (score, scored, expected, below),
        (8.25 * council.criteria as f64, 2, expected_members, false)
    );
    let unit: i64 = sqlx::query_scalar("SELECT unit_id FROM initiatives WHERE id = $1")
        .bind(first)
        .fetch_one(&council.demo.pool)
        .await
        .unwrap();
    let records = app::server::db::standings::unit_records(&council.demo.pool, council.campaign)
        .await
        .unwrap();
    let record = records.iter().find(|r| r.facts.unit_id == unit).unwrap();
    assert_eq!(record.facts.initiative_scores, vec![score]);

    // A submitted sheet is final; a second tab's stale save is refused and changes nothing.
    let (status, body) = council.save(first, "submit", 1, "1", &an).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("already_submitted"), "{body}");
    let (status, draft) = council.save(next, "draft", 0, "3", &an).await;
    assert_eq!(status, StatusCode::OK, "{draft}");
    assert_eq!(draft["version"], 1);
    let before = council.scores().await;
    let (status, body) = council.save(next, "draft", 0, "4", &an).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("stale_version"), "{body}");
    let (_, desk) = council.desk(next, &an).await;
    assert_eq!(desk["sheet"]["points"][0], 6, "the first tab's draft stands");
    assert_eq!(council.scores().await, before);

    // Bad scores are refused at their field.
    let (status, body) = council.save(next, "submit", 1, "99", &an).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("points[0]"), "{body}");

    // Skipping sends it to the end of the queue; abstaining needs a reason.
    let (status, skipped) = council.save(next, "skip", 1, "", &an).await;
    assert_eq!(status, StatusCode::OK, "{skipped}");
    assert_eq!(status_of(&council.queue(&an).await, next), "Skipped");
    let abstain = |reason: &str| {
        format!(
            "campaign_id={}&initiative_id={next}&action=abstain&version=2&reason={reason}",
            council.campaign
        )
    };
    let (status, body) = council
        .demo
        .call("/api/save_score_sheet", &abstain(""), &an)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("\"reason\""), "{body}");
    let (status, _) = council
        .demo
        .call(
            "/api/save_score_sheet",
            &abstain("Kh%C3%B4ng%20%C4%91%E1%BB%A7%20th%C3%B4ng%20tin"),
            &an,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(status_of(&council.queue(&an).await, next), "Abstained");

    let audited: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE campaign_id = $1 AND kind = 'scores'")
            .bind(council.campaign)
            .fetch_one(&council.demo.pool)
            .await
            .unwrap();
    assert_eq!(audited, 3, "two submissions and one abstention");

    // Once the campaign is published nothing is saved any more.
    sqlx::query("UPDATE campaigns SET state = 'published' WHERE id = $1")
        .bind(council.campaign)
        .execute(&council.demo.pool)
        .await
        .unwrap();
    let third = council.queue(&binh).await["next"].as_i64().unwrap();
    let (status, body) = council.save(third, "submit", 0, "5", &binh).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("not_scoring"), "{body}");
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_conflicted_member_learns_nothing_of_the_initiatives_he_may_not_score(pool: PgPool) {
    let council = Council::new(pool).await;
    let (an, phuong) = (council.member("gk-an").await, council.member("gk-phuong").await);
    let own = council.ward_initiatives[0];
    // An scores his ward's initiative first.
    let (status, _) = council.save(own, "submit", 0, "8", &an).await;
    assert_eq!(status, StatusCode::OK);

    let queue = council.queue(&phuong).await;
    for initiative in &council.ward_initiatives {
        assert_eq!(status_of(&queue, *initiative), "RecusedUnit");
    }
    assert!(!council
        .ward_initiatives
        .contains(&queue["next"].as_i64().unwrap()));
    let (status, body) = council.desk(own, &phuong).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let before = council.scores().await;
    let (status, _) = council.save(own, "submit", 0, "1", &phuong).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(council.scores().await, before);
    let queue_text = queue.to_string();
    assert!(
        !queue_text.contains("\"Scored\""),
        "nothing scored by him yet, and nobody else's shows: {queue_text}"
    );

    // A conflict he declares takes the initiative off his desk the same way.
    let other = queue["next"].as_i64().unwrap();
    let declare = |reason: &str| {
        format!(
            "campaign_id={}&initiative_id={other}&conflict_reason={reason}",
            council.campaign
        )
    };
    let (status, body) = council
        .demo
        .call("/api/declare_conflict", &declare(""), &phuong)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("conflict_reason"), "{body}");
    let (status, _) = council
        .demo
        .call(
            "/api/declare_conflict",
            &declare("Ng%C6%B0%E1%BB%9Di%20th%C3%A2n"),
            &phuong,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(status_of(&council.queue(&phuong).await, other), "RecusedDeclared");
    let (status, _) = council.desk(other, &phuong).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Admins are not members: the desk does not exist for them.
    let admin = council.demo.system_admin().await;
    let (status, _) = council
        .demo
        .call(
            "/api/council_queue",
            &format!("campaign_id={}", council.campaign),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
