//! Organizers scoped to their part of the unit tree, through the real router on the demo data:
//! the ward organizer of Phường Nguyễn Cư Trinh and the district organizer of Quận 11 see and
//! change only what lies in their subtree; anything else answers 404, as if it did not exist.
mod common;

use axum::http::StatusCode;
use common::demo::{demo, Demo};
use common::get;
use sqlx::PgPool;

impl Demo {
    async fn campaign_ids(&self, cookie: &str) -> Vec<i64> {
        let (status, list) = self.call("/api/list_campaigns", "", cookie).await;
        assert_eq!(status, StatusCode::OK, "{list}");
        let mut ids: Vec<i64> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect();
        ids.sort();
        ids
    }

    /// The campaigns organized by the unit with this code or a unit below it.
    async fn campaigns_below(&self, code: &str) -> Vec<i64> {
        sqlx::query_scalar(
            "WITH RECURSIVE down(id) AS (SELECT id FROM units WHERE code = $1
                 UNION ALL SELECT u.id FROM units u JOIN down ON u.parent_id = down.id)
             SELECT id FROM campaigns WHERE organizer_id IN (SELECT id FROM down) ORDER BY id",
        )
        .bind(code)
        .fetch_all(&self.pool)
        .await
        .unwrap()
    }
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn each_organizer_lists_only_the_campaigns_of_its_subtree(pool: PgPool) {
    let d = demo(pool).await;
    let ward = d.organizer("Q1-NCT").await;
    let district = d.organizer("Q11").await;
    let everyone = d.system_admin().await;
    let (ward_ids, district_ids) = (d.campaign_ids(&ward).await, d.campaign_ids(&district).await);
    assert_eq!(ward_ids, d.campaigns_below("Q1-NCT").await);
    assert_eq!(district_ids, d.campaigns_below("Q11").await);
    assert!(!ward_ids.is_empty() && !district_ids.is_empty());
    assert!(ward_ids.iter().all(|id| !district_ids.contains(id)));
    let all: Vec<i64> = sqlx::query_scalar("SELECT id FROM campaigns ORDER BY id")
        .fetch_all(&d.pool)
        .await
        .unwrap();
    assert_eq!(d.campaign_ids(&everyone).await, all);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_campaign_outside_the_scope_answers_not_found_and_changes_nothing(pool: PgPool) {
    let d = demo(pool).await;
    let ward = d.organizer("Q1-NCT").await;
    let own = d.campaign_of("Q1-NCT").await;
    let other = d.campaign_of("Q11").await;
    let audit_rows = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM audit_log")
            .fetch_one(&d.pool)
            .await
            .unwrap()
    };
    let before = audit_rows().await;
    // `CID` stands for the campaign's id in each body.
    for (path, body) in [
        ("/api/get_campaign", "id=CID"),
        ("/api/campaign_audit", "id=CID&kind="),
        ("/api/campaign_participation", "id=CID"),
        ("/api/campaign_links", "id=CID"),
        ("/api/board_links", "campaign_id=CID"),
        ("/api/copy_campaign", "id=CID&title=Ch%C3%A9p&shift_years=1"),
        ("/api/save_campaign_fields", "id=CID&fields=A"),
    ] {
        let (status, answer) = d
            .call(path, &body.replace("CID", &other.to_string()), &ward)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {answer}");
        // The same call on its own campaign is answered (not refused as out of scope).
        let (status, answer) = d.call(path, &body.replace("CID", &own.to_string()), &ward).await;
        assert_ne!(
            status,
            StatusCode::NOT_FOUND,
            "{path} on its own campaign: {answer}"
        );
        assert_ne!(
            status,
            StatusCode::FORBIDDEN,
            "{path} on its own campaign: {answer}"
        );
    }
    // Its pages, typed by hand, answer 404 too.
    for page in ["", "/audit", "/links", "/participation"] {
        let (status, _, _) = get(&d.app, &format!("/admin/campaigns/{other}{page}"), Some(&ward)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{page}");
    }
    let copies: i64 = sqlx::query_scalar("SELECT count(*) FROM campaigns WHERE title = 'Chép'")
        .fetch_one(&d.pool)
        .await
        .unwrap();
    assert_eq!(copies, 1, "only the copy of its own campaign");
    assert!(audit_rows().await > before);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn an_organizer_sees_its_unit_and_changes_only_the_units_below_it(pool: PgPool) {
    let d = demo(pool).await;
    let district = d.organizer("Q11").await;
    let (status, top) = d.call("/api/unit_tree_top", "", &district).await;
    assert_eq!(status, StatusCode::OK, "{top}");
    let tops: Vec<&str> = top
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["unit"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(tops, ["Q11"]);
    let (q11, q1, office) = (d.unit("Q11").await, d.unit("Q1").await, d.unit("Q11-NV").await);
    let (status, _) = d
        .call("/api/get_unit_detail", &format!("id={q1}"), &district)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, detail) = d
        .call("/api/get_unit_detail", &format!("id={q11}"), &district)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(detail["manageable"], false);
    assert_eq!(
        detail["ancestors"].as_array().unwrap().len(),
        0,
        "nothing above its own unit"
    );
    let (status, _) = d
        .call(
            "/api/update_unit",
            &format!("id={q11}&name=Qu%E1%BA%ADn%20M%C6%B0%E1%BB%9Di%20M%E1%BB%99t&kind=district"),
            &district,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "its own unit belongs to the city");
    let (status, _) = d
        .call(
            "/api/update_unit",
            &format!("id={q1}&name=Kh%C3%A1c&kind=district"),
            &district,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = d
        .call(
            "/api/update_unit",
            &format!("id={office}&name=Ph%C3%B2ng%20N%E1%BB%99i%20v%E1%BB%A5%20Q11&kind=department"),
            &district,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Search finds nothing outside; a new unit goes only inside, never as a root.
    let (_, hits) = d
        .call("/api/search_units", "query=ph%C6%B0%E1%BB%9Dng", &district)
        .await;
    assert!(!hits.as_array().unwrap().is_empty());
    for hit in hits.as_array().unwrap() {
        let code = hit["code"].as_str().unwrap();
        assert!(code.starts_with("Q11"), "{code} is outside Quận 11");
    }
    let (status, _) = d
        .call(
            "/api/create_unit",
            "code=X1&name=Ph%C6%B0%E1%BB%9Dng%20X&kind=ward&parent_code=Q1",
            &district,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = d
        .call(
            "/api/create_unit",
            "code=X2&name=Ph%C6%B0%E1%BB%9Dng%20X&kind=ward&parent_code=",
            &district,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = d
        .call(
            "/api/create_unit",
            "code=X3&name=Ph%C6%B0%E1%BB%9Dng%20X&kind=ward&parent_code=Q11",
            &district,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let created: Vec<String> =
        sqlx::query_scalar("SELECT code FROM units WHERE code LIKE 'X%' ORDER BY code")
            .fetch_all(&d.pool)
            .await
            .unwrap();
    assert_eq!(created, ["X3"]);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn an_organizer_creates_accounts_only_inside_its_scope_and_lists_only_those(pool: PgPool) {
    let d = demo(pool).await;
    let ward = d.organizer("Q1-NCT").await;
    let create = |role: &str, unit: &str, name: &str| {
        format!("username={name}&display_name=Ng%C6%B0%E1%BB%9Di%20m%E1%BB%9Bi&password=mat-khau-du-dai&role={role}&unit_code={unit}")
    };
    for (body, field) in [
        (create("evaluator", "Q11", "ngoai"), "unit_code"),
        (create("evaluator", "", "trong"), "unit_code"),
        (create("system_admin", "", "quantri2"), "role"),
    ] {
        let (status, answer) = d.call("/api/create_account", &body, &ward).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert!(answer.to_string().contains(field), "{answer}");
    }
    let (status, answer) = d
        .call(
            "/api/create_account",
            &create("evaluator", "Q1-NCT", "canbo"),
            &ward,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let (_, list) = d.call("/api/list_accounts", "", &ward).await;
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["canbo", "nguyencutrinh"]);
    let made: i64 =
        sqlx::query_scalar("SELECT count(*) FROM accounts WHERE username IN ('ngoai', 'trong', 'quantri2')")
            .fetch_one(&d.pool)
            .await
            .unwrap();
    assert_eq!(made, 0);
    // The system admin's account is not the ward's to see or to lock.
    let admin_id: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE username = 'admin'")
        .fetch_one(&d.pool)
        .await
        .unwrap();
    let (status, _) = d.call("/api/get_account", &format!("id={admin_id}"), &ward).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = d
        .call(
            "/api/set_account_disabled",
            &format!("id={admin_id}&change=disable&confirm=on"),
            &ward,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn moving_an_organizer_to_another_unit_takes_effect_at_its_next_request(pool: PgPool) {
    let d = demo(pool).await;
    let ward = d.organizer("Q1-NCT").await;
    assert_eq!(d.campaign_ids(&ward).await, d.campaigns_below("Q1-NCT").await);
    sqlx::query("UPDATE accounts SET unit_id = (SELECT id FROM units WHERE code = 'Q11') WHERE username = 'nguyencutrinh'")
        .execute(&d.pool)
        .await
        .unwrap();
    assert_eq!(d.campaign_ids(&ward).await, d.campaigns_below("Q11").await);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_file_of_a_campaign_outside_the_scope_is_not_found(pool: PgPool) {
    let d = demo(pool).await;
    // A PDF on one of the demo's registrations (of a campaign outside Quận 11).
    let (file, organizer): (i64, String) = sqlx::query_as(
        "INSERT INTO attachments (initiative_id, file_name, media_type, size_bytes, bytes)
         SELECT i.id, 'a.pdf', 'application/pdf', 4, '%PDF'::bytea FROM initiatives i
         ORDER BY i.id LIMIT 1
         RETURNING id, (SELECT u.code FROM initiatives i JOIN campaigns c ON c.id = i.campaign_id
                        JOIN units u ON u.id = c.organizer_id WHERE i.id = initiative_id)",
    )
    .fetch_one(&d.pool)
    .await
    .unwrap();
    assert_ne!(organizer, "Q11");
    let district = d.organizer("Q11").await;
    let (status, _, _) = get(&d.app, &format!("/files/{file}"), Some(&district)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let everyone = d.system_admin().await;
    let (status, _, _) = get(&d.app, &format!("/files/{file}"), Some(&everyone)).await;
    assert_eq!(status, StatusCode::OK);
}
