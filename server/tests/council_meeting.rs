//! The council's meeting through the real router (Quận 10's campaign, a council of three whose
//! chair is the ward's member, so conflicted on its initiatives): the secretary records the
//! members present and the votes, two thirds of those present recognise, bad input is refused at
//! its field and changes nothing, and the conflicted chair neither sees nor records his ward's.
mod common;

use axum::http::StatusCode;
use common::council::Council;
use serde_json::Value;
use sqlx::PgPool;

impl Council {
    async fn votes(&self) -> Vec<(i64, i32, i32, bool)> {
        sqlx::query_as(
            "SELECT initiative_id, agreed, present, recognised FROM council_votes WHERE campaign_id = $1 ORDER BY 1",
        )
        .bind(self.campaign)
        .fetch_all(&self.demo.pool)
        .await
        .unwrap()
    }

    async fn meetings(&self) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM council_meetings WHERE campaign_id = $1")
            .bind(self.campaign)
            .fetch_one(&self.demo.pool)
            .await
            .unwrap()
    }
}

fn line(meeting: &Value, initiative: i64) -> &Value {
    meeting["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["initiative_id"] == initiative)
        .unwrap_or_else(|| panic!("no line {initiative} in {meeting}"))
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_secretary_records_the_vote_and_two_thirds_of_those_present_recognise(pool: PgPool) {
    let c = Council::new(pool).await;
    c.seat("gk-phuong", "chair").await;
    c.seat("gk-binh", "secretary").await;
    let (an, binh, phuong) = (
        c.member("gk-an").await,
        c.member("gk-binh").await,
        c.member("gk-phuong").await,
    );
    let ids = [
        c.account("gk-an").await,
        c.account("gk-binh").await,
        c.account("gk-phuong").await,
    ];
    // Two initiatives outside the ward scored high by the two district members.
    let queue = c.queue(&an).await;
    let outside: Vec<i64> = queue["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .filter(|i| !c.ward_initiatives.contains(i))
        .take(3)
        .collect();
    for initiative in &outside[..2] {
        for cookie in [&an, &binh] {
            let (status, body) = c.save(*initiative, "submit", 0, "8", cookie).await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
    }
    let (status, _) = c.post("/api/council_meeting", "", &an).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a plain member records no meeting");
    let (status, meeting) = c.post("/api/council_meeting", "", &binh).await;
    assert_eq!(status, StatusCode::OK, "{meeting}");
    // Proposed: rated hoàn thành or better; the proposal comes first.
    let scored = line(&meeting, outside[0]);
    let passing = scored["level"].as_str().is_some_and(|l| l != "Fail");
    assert_eq!(scored["proposed"], passing, "{meeting}");
    let flags: Vec<bool> = meeting["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["proposed"] == true)
        .collect();
    assert!(flags.windows(2).all(|w| w[0] >= w[1]), "{flags:?}");
    assert!(meeting["members"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["present"] == true));

    let (a, b, unvoted) = (outside[0], outside[1], outside[2]);
    let form = |held_on: &str, present: &[i64], agreed: [&str; 3]| {
        let mut body = format!("held_on={held_on}");
        for (i, p) in present.iter().enumerate() {
            body += &format!("&present[{i}]={p}");
        }
        for (i, (initiative, count)) in [a, b, unvoted].iter().zip(agreed).enumerate() {
            body += &format!("&initiatives[{i}]={initiative}&agreed[{i}]={count}");
        }
        body
    };
    // Each bad input is refused at its field, and nothing is recorded.
    for (body, field) in [
        (form("32/13/2026", &ids, ["2", "1", ""]), "held_on"),
        (form("05/12/2026", &[], ["2", "1", ""]), "present"),
        (form("05/12/2026", &[ids[0], 999_999], ["1", "1", ""]), "present"),
        (form("05/12/2026", &ids, ["4", "1", ""]), "agreed[0]"),
        (form("05/12/2026", &ids, ["2", "mot", ""]), "agreed[1]"),
    ] {
        let (status, answer) = c.post("/api/record_council_vote", &body, &binh).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
        assert!(answer.to_string().contains(field), "{field}: {answer}");
    }
    assert_eq!(c.meetings().await, 0);

    let (status, answer) = c
        .post(
            "/api/record_council_vote",
            &form("05/12/2026", &ids, ["2", "1", ""]),
            &binh,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(c.votes().await, {
        let mut expected = vec![(a, 2, 3, true), (b, 1, 3, false)];
        expected.sort();
        expected
    });
    let (_, meeting) = c.post("/api/council_meeting", "", &binh).await;
    assert_eq!(meeting["held_on"], "05/12/2026");
    assert_eq!(line(&meeting, a)["recognised"], true);
    assert_eq!(line(&meeting, unvoted)["recognised"], Value::Null);
    // With two present, one agreeing is not two thirds.
    let (status, answer) = c
        .post(
            "/api/record_council_vote",
            &form("05/12/2026", &ids[..2], ["1", "2", ""]),
            &binh,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let votes = c.votes().await;
    assert!(!votes.iter().find(|v| v.0 == a).unwrap().3, "1 of 2");
    assert!(votes.iter().find(|v| v.0 == b).unwrap().3, "2 of 2");

    // The chair, conflicted on his ward's initiative, sees only that it is his conflict, and
    // cannot record a vote on it.
    let ward = c.ward_initiatives[0];
    let (status, meeting) = c.post("/api/council_meeting", "", &phuong).await;
    assert_eq!(status, StatusCode::OK, "{meeting}");
    let his = line(&meeting, ward);
    assert_eq!(his["conflicted"], true);
    assert_eq!(
        (his["score"].clone(), his["level"].clone()),
        (Value::Null, Value::Null)
    );
    let before = c.votes().await;
    let body = format!(
        "held_on=05/12/2026&present[0]={}&initiatives[0]={ward}&agreed[0]=3",
        ids[2]
    );
    let (status, _) = c.post("/api/record_council_vote", &body, &phuong).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(c.votes().await, before);

    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE campaign_id = $1 AND kind = 'scores' AND after ? 'votes'",
    )
    .bind(c.campaign)
    .fetch_one(&c.demo.pool)
    .await
    .unwrap();
    assert_eq!(audited, 2);

    // Once published, the record is closed.
    sqlx::query("UPDATE campaigns SET state = 'published' WHERE id = $1")
        .bind(c.campaign)
        .execute(&c.demo.pool)
        .await
        .unwrap();
    let (status, answer) = c
        .post(
            "/api/record_council_vote",
            &form("06/12/2026", &ids, ["3", "3", ""]),
            &binh,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(c.votes().await.len(), 2);
}
