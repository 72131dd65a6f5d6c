//! The chair's desk through the real router (Quận 10's campaign, with a council of three): the
//! matrix per viewer, reopening a sheet, overriding a result, marking exemplary and publishing,
//! each refused to whoever may not do it, and a chair conflicted on an initiative learning
//! nothing about it while the secretary handles it.
mod common;

use axum::http::StatusCode;
use common::council::Council;
use serde_json::Value;
use sqlx::PgPool;

fn row(desk: &Value, initiative: i64) -> &Value {
    desk["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["initiative_id"] == initiative)
        .unwrap_or_else(|| panic!("no row {initiative} in {desk}"))
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_chair_reopens_overrides_marks_exemplary_and_publishes(pool: PgPool) {
    let council = Council::new(pool).await;
    council.seat("gk-an", "chair").await;
    council.seat("gk-binh", "secretary").await;
    let (an, binh, phuong) = (
        council.member("gk-an").await,
        council.member("gk-binh").await,
        council.member("gk-phuong").await,
    );
    let first = council.queue(&an).await["next"].as_i64().unwrap();
    for cookie in [&an, &binh] {
        let (status, body) = council.save(first, "submit", 0, "8", cookie).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, _) = council.post("/api/chair_matrix", "sort=score", &phuong).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "a plain member has no chair's desk"
    );
    let (status, desk) = council.post("/api/chair_matrix", "sort=score", &an).await;
    assert_eq!(status, StatusCode::OK, "{desk}");
    let cells = row(&desk, first)["cells"].clone();
    let scored = 16 * council.criteria as i64;
    assert_eq!(cells[0]["Scored"], scored);
    assert_eq!(cells[1]["Scored"], scored);
    assert_eq!(row(&desk, first)["score"], 8.0 * council.criteria as f64);
    assert_eq!(
        desk["rows"][0]["initiative_id"], first,
        "the only score sorts first"
    );

    // Reopening needs a reason; it sends Bình's sheet back to him as a draft.
    let binh_id = council.account("gk-binh").await;
    let reopen = |reason: &str| format!("initiative_id={first}&account_id={binh_id}&reason={reason}");
    let (status, body) = council.post("/api/reopen_score", &reopen(""), &an).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = council
        .post(
            "/api/reopen_score",
            &reopen("Nh%E1%BA%A7m%20ti%C3%AAu%20ch%C3%AD"),
            &an,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let queue = council.queue(&binh).await;
    let entry = queue["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == first)
        .unwrap();
    assert_eq!(entry["status"]["Todo"]["draft"], true);
    let (_, desk) = council.post("/api/chair_matrix", "", &an).await;
    assert_eq!(row(&desk, first)["scored"], 1);

    // An override needs its reason and shows beside the computed result.
    let change = |reason: &str| {
        format!("initiative_id={first}&override_score=&override_level=excellent&reason={reason}")
    };
    let (status, body) = council.post("/api/override_result", &change(""), &an).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = council
        .post(
            "/api/override_result",
            &change("H%E1%BB%99i%20%C4%91%E1%BB%93ng%20th%E1%BB%91ng%20nh%E1%BA%A5t"),
            &an,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = council
        .post(
            "/api/set_exemplary",
            &format!("initiative_id={first}&exemplary=true"),
            &binh,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "the secretary decides only where the chair may not"
    );
    let (status, _) = council
        .post(
            "/api/set_exemplary",
            &format!("initiative_id={first}&exemplary=true"),
            &an,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, desk) = council.post("/api/chair_matrix", "", &an).await;
    assert_eq!(row(&desk, first)["override_level"], "Excellent");
    assert_eq!(row(&desk, first)["exemplary"], true);

    // Publishing is the chair's step, and asks him to confirm what is below quorum.
    let admin = council.demo.system_admin().await;
    let (status, body) = council
        .demo
        .call(
            "/api/change_campaign_state",
            &format!("id={}&to=published", council.campaign),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("chair_publishes"), "{body}");
    let (status, _) = council.post("/api/publish_results", "", &binh).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = council.post("/api/publish_results", "", &an).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("below_quorum"), "{body}");
    let below: Vec<i64> = sqlx::query_scalar(
        "SELECT initiative_id FROM initiative_results WHERE campaign_id = $1 AND below_quorum ORDER BY 1",
    )
    .bind(council.campaign)
    .fetch_all(&council.demo.pool)
    .await
    .unwrap();
    assert!(below.contains(&first), "{below:?}");
    let (status, body) = council
        .post("/api/publish_results", &confirm(&below[1..]), &an)
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "every one is confirmed: {body}"
    );
    let (status, body) = council
        .post(
            "/api/publish_results",
            &format!("{}&release=now", confirm(&below)),
            &an,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let state: String = sqlx::query_scalar("SELECT state FROM campaigns WHERE id = $1")
        .bind(council.campaign)
        .fetch_one(&council.demo.pool)
        .await
        .unwrap();
    assert_eq!(state, "published");
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE campaign_id = $1 AND kind IN ('scores', 'state')",
    )
    .bind(council.campaign)
    .fetch_one(&council.demo.pool)
    .await
    .unwrap();
    assert!(
        audited >= 6,
        "two submissions, a reopening, an override, exemplary, publication"
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_chair_conflicted_on_an_initiative_sees_only_xung_dot_and_the_secretary_decides(pool: PgPool) {
    let council = Council::new(pool).await;
    council.seat("gk-phuong", "chair").await;
    council.seat("gk-an", "secretary").await;
    let (an, phuong) = (council.member("gk-an").await, council.member("gk-phuong").await);
    let own = council.ward_initiatives[0];
    let (status, _) = council.save(own, "submit", 0, "8", &an).await;
    assert_eq!(status, StatusCode::OK);

    let (status, desk) = council.post("/api/chair_matrix", "", &phuong).await;
    assert_eq!(status, StatusCode::OK, "{desk}");
    let conflicted = row(&desk, own);
    assert_eq!(conflicted["conflicted"], true);
    assert_eq!(conflicted["cells"], serde_json::json!([]));
    assert_eq!(conflicted["score"], Value::Null);
    assert_eq!(conflicted["scored"], 0);
    let an_id = council.account("gk-an").await;
    let reopen = format!("initiative_id={own}&account_id={an_id}&reason=L%C3%BD%20do");
    let (status, _) = council.post("/api/reopen_score", &reopen, &phuong).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "to him it does not exist");

    // The secretary decides where the chair may not, and only there.
    let (status, body) = council
        .post(
            "/api/set_exemplary",
            &format!("initiative_id={own}&exemplary=true"),
            &an,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let elsewhere: i64 =
        sqlx::query_scalar("SELECT min(id) FROM initiatives WHERE campaign_id = $1 AND id <> ALL($2)")
            .bind(council.campaign)
            .bind(&council.ward_initiatives)
            .fetch_one(&council.demo.pool)
            .await
            .unwrap();
    let (status, _) = council
        .post(
            "/api/set_exemplary",
            &format!("initiative_id={elsewhere}&exemplary=true"),
            &an,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

fn confirm(initiatives: &[i64]) -> String {
    initiatives
        .iter()
        .enumerate()
        .map(|(n, id)| format!("confirm[{n}]={id}"))
        .collect::<Vec<_>>()
        .join("&")
}
