//! Awards through the real router and PostgreSQL, on the demo's Quận 11 2022 campaign (whose
//! giấy khen the demo decided as an organizer would): rules propose, one achievement is
//! rewarded once, a hand-picked recipient and a removal carry their reason, a decision is
//! checked, nothing changes before publication, and a form with awards stays.
mod common;

use axum::http::StatusCode;
use common::demo::{demo, Demo};
use serde_json::Value;
use sqlx::PgPool;

async fn desk(demo: &Demo, campaign: i64, admin: &str) -> Value {
    let (status, desk) = demo
        .call("/api/awards_desk", &format!("campaign_id={campaign}"), admin)
        .await;
    assert_eq!(status, StatusCode::OK, "{desk}");
    desk
}

/// The form to `recipient` whose name starts with `name`.
fn form<'a>(desk: &'a Value, name: &str, recipient: &str) -> &'a Value {
    desk["forms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"].as_str().unwrap().starts_with(name) && f["recipient"] == recipient)
        .unwrap()
}

fn keys(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap().to_owned())
        .collect()
}

async fn count(demo: &Demo, sql: &str, campaign: i64) -> i64 {
    sqlx::query_scalar(sql)
        .bind(campaign)
        .fetch_one(&demo.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_demo_year_has_its_giay_khen_decided_by_rule_and_one_achievement_is_rewarded_once(pool: PgPool) {
    let demo = demo(pool).await;
    let campaign = demo.campaign_of("Q11").await;
    let admin = demo.system_admin().await;
    let book = desk(&demo, campaign, &admin).await;
    assert_eq!(book["open"], true);
    let units = form(&book, "Giấy khen", "collective");
    assert_eq!(units["rule"], serde_json::json!({ "FirstUnits": 3 }));
    assert_eq!(units["awards"].as_array().unwrap().len(), 3);
    assert_eq!(units["proposed"], serde_json::json!([]), "all given");
    assert_eq!(units["decision"]["number"], "1250/QĐ-UBND");
    // The three are the first three places of the published results.
    // Held for the ceremony: the organizer reads them.
    let (_, results) = demo
        .call(
            "/api/campaign_results",
            &format!("campaign_id={campaign}"),
            &admin,
        )
        .await;
    let first: Vec<&str> = results["units"].as_array().unwrap()[..3]
        .iter()
        .map(|u| u["unit_name"].as_str().unwrap())
        .collect();
    let given: Vec<&str> = units["awards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["recipient"].as_str().unwrap())
        .collect();
    assert_eq!(given, first);
    let people = form(&book, "Giấy khen", "individual");
    let exemplary_authors = count(
        &demo,
        "SELECT count(*) FROM initiative_authors a JOIN initiatives i ON i.id = a.initiative_id
         JOIN initiative_results r ON r.initiative_id = i.id
         WHERE i.campaign_id = $1 AND r.exemplary AND NOT i.collective_author",
        campaign,
    )
    .await;
    assert!(exemplary_authors > 0);
    assert_eq!(
        people["awards"].as_array().unwrap().len() as i64,
        exemplary_authors
    );
    // The public results list them, with the decision.
    assert_eq!(results["awards"].as_array().unwrap().len(), 2);
    assert_eq!(results["awards"][0]["recipients"].as_array().unwrap().len(), 3);

    // A unit already holding a giấy khen cannot also get the bằng khen for the same campaign,
    // nor an author for the same initiative: the server refuses, nothing changes.
    let before = count(
        &demo,
        "SELECT count(*) FROM awards WHERE campaign_id = $1",
        campaign,
    )
    .await;
    let city_units = form(&book, "Bằng khen", "collective");
    let city_people = form(&book, "Bằng khen", "individual");
    let holder = units["awards"][0]["recipient"].clone();
    let holder_key = results["units"][0]["unit_id"].as_i64().unwrap();
    let add = |form: &Value, candidate: String, reason: &str| {
        format!(
            "campaign_id={campaign}&form_id={}&candidate={candidate}&reason={reason}",
            form["id"]
        )
    };
    let (status, body) = demo
        .call(
            "/api/add_award",
            &add(city_units, format!("u{holder_key}"), "Th%C3%AAm"),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{holder}: {body}");
    assert!(body.to_string().contains("already_awarded"), "{body}");
    let author = people["awards"][0]["recipient"].as_str().unwrap().to_owned();
    let (status, _) = demo
        .call(
            "/api/add_award",
            &add(city_people, "a999999-1".into(), "L%C3%BD%20do"),
            &admin,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not an author of this campaign"
    );
    let awarded_author: (i64, i32) = sqlx::query_as(
        "SELECT a.initiative_id, ia.position FROM awards a
         JOIN initiative_authors ia ON ia.initiative_id = a.initiative_id AND ia.name = a.person_name
         WHERE a.campaign_id = $1 AND a.person_name IS NOT NULL LIMIT 1",
    )
    .bind(campaign)
    .fetch_one(&demo.pool)
    .await
    .unwrap();
    let (status, body) = demo
        .call(
            "/api/add_award",
            &add(
                city_people,
                format!("a{}-{}", awarded_author.0, awarded_author.1),
                "L%C3%BD%20do",
            ),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{author}: {body}");
    assert!(body.to_string().contains("already_awarded"), "{body}");
    assert_eq!(
        count(
            &demo,
            "SELECT count(*) FROM awards WHERE campaign_id = $1",
            campaign
        )
        .await,
        before
    );

    // By hand: a unit the rule does not propose needs a reason; removing needs one too.
    let other = keys(&city_units["others"])[0].clone();
    let (status, body) = demo
        .call("/api/add_award", &add(city_units, other.clone(), ""), &admin)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("\"reason\""), "{body}");
    let (status, body) = demo
        .call(
            "/api/add_award",
            &add(
                city_units,
                other,
                "Th%C3%A0nh%20t%C3%ADch%20%C4%91%E1%BB%99t%20xu%E1%BA%A5t",
            ),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let book = desk(&demo, campaign, &admin).await;
    let given = &form(&book, "Bằng khen", "collective")["awards"][0];
    assert_eq!(given["reason"], "Thành tích đột xuất");
    let remove = |reason: &str| {
        format!(
            "campaign_id={campaign}&form_id=0&award_id={}&removal_reason={reason}",
            given["id"]
        )
    };
    let (status, _) = demo.call("/api/remove_award", &remove(""), &admin).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = demo
        .call("/api/remove_award", &remove("Nh%E1%BA%A7m"), &admin)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        count(
            &demo,
            "SELECT count(*) FROM awards WHERE campaign_id = $1",
            campaign
        )
        .await,
        before
    );
    let audited = count(
        &demo,
        "SELECT count(*) FROM audit_log WHERE campaign_id = $1 AND kind = 'awards' AND reason IN ('Thành tích đột xuất', 'Nhầm')",
        campaign,
    )
    .await;
    assert_eq!(audited, 2);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_decision_is_checked_and_awards_wait_for_published_results(pool: PgPool) {
    let demo = demo(pool).await;
    let campaign = demo.campaign_of("Q11").await;
    let admin = demo.system_admin().await;
    let book = desk(&demo, campaign, &admin).await;
    let city = form(&book, "Bằng khen", "collective");
    let decide = |number: &str, date: &str, signer: &str| {
        format!(
            "campaign_id={campaign}&form_id={}&decision_number={number}&decision_date={date}&decision_signer={signer}",
            city["id"]
        )
    };
    let (status, body) = demo
        .call(
            "/api/record_award_decision",
            &decide("", "31/02/2022", ""),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["decision_number", "decision_date", "decision_signer"] {
        assert!(body.to_string().contains(field), "{field}: {body}");
    }
    let (status, body) = demo
        .call(
            "/api/record_award_decision",
            &decide("88/Q%C4%90-UBND", "21/12/2022", "Ch%E1%BB%A7%20t%E1%BB%8Bch"),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let book = desk(&demo, campaign, &admin).await;
    assert_eq!(
        form(&book, "Bằng khen", "collective")["decision"]["date"],
        "2022-12-21"
    );

    // Removing or turning a form that has awards is refused on the scoring page.
    let scoring = format!(
        "id={campaign}&points_commitment=10&points_minimum=10&points_report=10&evaluation_mode=best\
         &evaluation_weight=1&final_combine=mean&quorum=two_thirds&disagreement_percent=30\
         &award_forms[0][name]=Gi%E1%BA%A5y%20khen&award_forms[0][recipient]=individual"
    );
    let (status, body) = demo.call("/api/save_campaign_scoring", &scoring, &admin).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("award_form_in_use"), "{body}");

    // Quận 10's campaign is still being scored: no awards yet, rules may be set.
    let scoring_now = demo.campaign_of("Q10").await;
    let early = desk(&demo, scoring_now, &admin).await;
    assert_eq!(early["open"], false);
    let first = &early["forms"][0];
    let (status, body) = demo
        .call(
            "/api/add_award",
            &format!(
                "campaign_id={scoring_now}&form_id={}&candidate=u1&reason=x",
                first["id"]
            ),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("awards_not_open"), "{body}");
    let (status, body) = demo
        .call(
            "/api/set_award_rule",
            &format!(
                "campaign_id={scoring_now}&form_id={}&rule=first_units&count=5",
                first["id"]
            ),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // A form of another campaign is not found through this one.
    let (status, _) = demo
        .call(
            "/api/set_award_rule",
            &format!("campaign_id={scoring_now}&form_id={}&rule=none", city["id"]),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
