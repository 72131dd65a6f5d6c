//! Forming a campaign's council through the real router on the demo data: members come from the
//! evaluators in the admin's scope, one chair and one secretary, fields of the campaign only, a
//! ward's member is recused on his ward's initiatives, a member who has scored stays, and a
//! published council is fixed. Refusals change nothing; every change is audited.
mod common;

use app::domain::account::{Role, Username};
use axum::http::StatusCode;
use common::demo::{demo, Demo};
use serde_json::Value;
use sqlx::PgPool;

impl Demo {
    async fn scalar(&self, sql: &str, id: i64) -> i64 {
        sqlx::query_scalar(sql)
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    /// A new evaluator account working at `unit`.
    async fn evaluator(&self, username: &str, unit: i64) -> i64 {
        let hash = app::server::auth::hash_password("mat-khau-giam-khao".to_owned())
            .await
            .unwrap();
        let username = Username::parse(username).unwrap();
        let name = format!("Giám khảo {}", username.as_str());
        app::server::db::accounts::insert(&self.pool, &username, &name, &hash, Role::Evaluator, Some(unit))
            .await
            .unwrap()
    }

    async fn council(&self, campaign: i64, cookie: &str) -> Value {
        let (status, view) = self
            .call("/api/campaign_council", &format!("id={campaign}"), cookie)
            .await;
        assert_eq!(status, StatusCode::OK, "{view}");
        view
    }
}

fn member(council: &Value, account: i64) -> &Value {
    council["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["account_id"] == account)
        .unwrap_or_else(|| panic!("{account} is not in {council}"))
}

fn ids(list: &Value, key: &str) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v[key].as_i64().unwrap())
        .collect()
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_council_is_formed_with_one_chair_and_its_ward_member_recused_on_his_ward(pool: PgPool) {
    let demo = demo(pool).await;
    let admin = demo.system_admin().await;
    let campaign = demo.campaign_of("Q10").await;
    let (ward, ward_initiatives): (i64, i64) = sqlx::query_as(
        "SELECT unit_id, count(*) FROM initiatives WHERE campaign_id = $1 GROUP BY unit_id ORDER BY unit_id LIMIT 1",
    )
    .bind(campaign)
    .fetch_one(&demo.pool)
    .await
    .unwrap();
    assert!(ward_initiatives > 0);
    let district_member = demo.evaluator("gk-quan10", demo.unit("Q10").await).await;
    let ward_member = demo.evaluator("gk-phuong", ward).await;
    let view = demo.council(campaign, &admin).await;
    let candidates = ids(&view["candidates"], "account_id");
    assert!(candidates.contains(&district_member) && candidates.contains(&ward_member));
    assert_eq!(view["editable"], true);

    for account in [district_member, ward_member] {
        let (status, body) = demo
            .call(
                "/api/add_council_member",
                &format!("id={campaign}&account_id={account}"),
                &admin,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let fields: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM campaign_fields WHERE campaign_id = $1 ORDER BY position")
            .bind(campaign)
            .fetch_all(&demo.pool)
            .await
            .unwrap();
    // Checkboxes come with gaps in their indices: only the ticked ones are sent.
    let (status, body) = demo
        .call(
            "/api/save_council_member",
            &format!(
                "id={campaign}&account_id={district_member}&role=chair&fields[0]={}&fields[2]={}",
                fields[0], fields[2]
            ),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = demo
        .call(
            "/api/save_council_member",
            &format!("id={campaign}&account_id={ward_member}&role=chair"),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let view = demo.council(campaign, &admin).await;
    let district = member(&view, district_member);
    assert_eq!(
        district["role"], "Member",
        "a new chair replaces the previous one"
    );
    assert_eq!(ids_of(&district["fields"]), vec![fields[0], fields[2]]);
    assert_eq!(district["recused"], 0, "the organizer unit is above nobody");
    let ward_view = member(&view, ward_member);
    assert_eq!(ward_view["role"], "Chair");
    assert_eq!(ward_view["recused"], ward_initiatives);
    assert!(ids(&view["candidates"], "account_id")
        .iter()
        .all(|c| *c != ward_member));

    // Refused: a field of another campaign, a member twice, someone not in the council.
    let foreign_field = demo
        .scalar(
            "SELECT min(id) FROM campaign_fields WHERE campaign_id <> $1",
            campaign,
        )
        .await;
    let audit = "SELECT count(*) FROM audit_log WHERE campaign_id = $1 AND kind = 'council'";
    let audited = demo.scalar(audit, campaign).await;
    assert_eq!(audited, 4);
    for (path, body, status) in [
        (
            "/api/save_council_member",
            format!("id={campaign}&account_id={ward_member}&role=member&fields[0]={foreign_field}"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/api/save_council_member",
            format!("id={campaign}&account_id={ward_member}&role=president"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/api/add_council_member",
            format!("id={campaign}&account_id={ward_member}"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/api/remove_council_member",
            format!("id={campaign}&account_id=999999"),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let (got, answer) = demo.call(path, &body, &admin).await;
        assert_eq!(got, status, "{path} {body}: {answer}");
    }
    assert_eq!(
        demo.council(campaign, &admin).await,
        view,
        "refusals change nothing"
    );
    assert_eq!(demo.scalar(audit, campaign).await, audited);

    // A member who has submitted a score stays; one who has not may leave.
    let initiative = demo
        .scalar("SELECT min(id) FROM initiatives WHERE campaign_id = $1", campaign)
        .await;
    sqlx::query(
        "INSERT INTO council_scores (initiative_id, account_id, campaign_id, state, total)
         VALUES ($1, $2, $3, 'submitted', 10)",
    )
    .bind(initiative)
    .bind(district_member)
    .bind(campaign)
    .execute(&demo.pool)
    .await
    .unwrap();
    let remove = |account: i64| format!("id={campaign}&account_id={account}");
    let (status, body) = demo
        .call("/api/remove_council_member", &remove(district_member), &admin)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("member_has_scores"), "{body}");
    let (status, body) = demo
        .call("/api/remove_council_member", &remove(ward_member), &admin)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let members = ids(&demo.council(campaign, &admin).await["members"], "account_id");
    assert!(members.contains(&district_member) && !members.contains(&ward_member));
}

fn ids_of(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect()
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn an_organizer_picks_evaluators_of_his_scope_and_a_published_council_is_fixed(pool: PgPool) {
    let demo = demo(pool).await;
    let organizer = demo.organizer("Q11").await;
    let campaign = demo.campaign_of("Q11").await;
    let own = demo.evaluator("gk-quan11", demo.unit("Q11").await).await;
    let foreign = demo.evaluator("gk-quan10", demo.unit("Q10").await).await;

    let view = demo.council(campaign, &organizer).await;
    assert_eq!(ids(&view["candidates"], "account_id"), vec![own]);
    let mut seated = ids(&view["members"], "account_id");
    assert_eq!(seated.len(), 3, "the demo's council of 2022");
    assert_eq!(view["editable"], false, "the 2022 campaign is published");
    let add = |account: i64| format!("id={campaign}&account_id={account}");
    let (status, body) = demo.call("/api/add_council_member", &add(own), &organizer).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("locked"), "{body}");

    sqlx::query("UPDATE campaigns SET state = 'evaluating', results_released_at = NULL WHERE id = $1")
        .bind(campaign)
        .execute(&demo.pool)
        .await
        .unwrap();
    let (status, body) = demo
        .call("/api/add_council_member", &add(foreign), &organizer)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = demo.call("/api/add_council_member", &add(own), &organizer).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    seated.push(own);
    seated.sort();
    let mut now = ids(&demo.council(campaign, &organizer).await["members"], "account_id");
    now.sort();
    assert_eq!(now, seated);

    let elsewhere = demo.campaign_of("Q10").await;
    let (status, _) = demo
        .call("/api/campaign_council", &format!("id={elsewhere}"), &organizer)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
