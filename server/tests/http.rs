//! HTTP tests through the real router (sessions, server functions, status codes), each against
//! its own database.
use app::domain::account::Role;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use sqlx::PgPool;
use tower::ServiceExt;

mod common;
use common::{account, post, router, sign_in, FORM};

/// Row counts of every table a server function could write, plus each campaign's title and state.
async fn counts(pool: &PgPool) -> (i64, i64, i64, i64, i64, i64, i64, i64, String) {
    sqlx::query_as(
        "SELECT (SELECT count(*) FROM units), (SELECT count(*) FROM accounts), (SELECT count(*) FROM unit_imports),
                (SELECT count(*) FROM campaigns), (SELECT count(*) FROM campaign_units),
                (SELECT count(*) FROM audit_log), (SELECT count(*) FROM campaign_criteria),
                (SELECT count(*) FROM unit_links),
                (SELECT coalesce(string_agg(title || ':' || state || ':' || registration_deadline::text, ','), '')
                 FROM campaigns)",
    )
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Every admin server function with a body it would accept.
const ADMIN_CALLS: &[(&str, &str)] = &[
    ("/api/list_accounts", ""),
    (
        "/api/create_account",
        "username=moi&display_name=M%E1%BB%9Bi&password=mat-khau-du-dai&role=system_admin&unit_code=",
    ),
    ("/api/unit_children", ""),
    ("/api/unit_tree_top", ""),
    ("/api/get_unit_detail", "id=1"),
    ("/api/search_units", "query=phuong"),
    (
        "/api/create_unit",
        "code=MOI&name=Ph%C6%B0%E1%BB%9Dng&kind=ward&parent_code=",
    ),
    ("/api/update_unit", "id=1&name=Kh%C3%A1c&kind=ward"),
    ("/api/move_unit", "id=1&parent_code="),
    ("/api/set_unit_active", "id=1&active=false"),
    ("/api/get_import_report", "id=1"),
    ("/api/list_campaigns", ""),
    ("/api/organizer_options", ""),
    ("/api/get_campaign", "id=1"),
    (
        "/api/create_campaign",
        "title=M%E1%BB%9Bi&theme=&plan_ref=&plan_date=&organizer_code=GV&period_start=&period_end=&registration_deadline=&report_deadline=&min_initiatives=1&max_initiatives=50&visibility=public",
    ),
    (
        "/api/save_campaign_general",
        "id=1&title=Kh%C3%A1c&theme=&plan_ref=&plan_date=&organizer_code=GV&period_start=&period_end=&registration_deadline=&report_deadline=&min_initiatives=1&max_initiatives=50&visibility=public",
    ),
    ("/api/copy_campaign", "id=1&title=B%E1%BA%A3n%20sao&shift_years=1"),
    ("/api/campaign_unit_picker", "id=1"),
    ("/api/set_campaign_units", "id=1&unit_id=2&branch=true&include=true"),
    ("/api/save_campaign_fields", "id=1&fields=A"),
    ("/api/campaign_links", "id=1"),
    ("/api/campaign_participation", "id=1"),
    ("/api/lookup_receipt", "id=1&code=K7QP-3MXD"),
    ("/api/issue_unit_links", "id=1"),
    ("/api/revoke_unit_link", "id=1&unit_id=2&reissue=true"),
    (
        "/api/save_campaign_criteria",
        "id=1&criteria[0][name]=A&criteria[0][max_points]=10&excellent_min=9&good_min=7&pass_min=5",
    ),
    (
        "/api/save_campaign_scoring",
        "id=1&points_commitment=1&points_minimum=1&points_report=1&evaluation_mode=sum&evaluation_weight=1&final_combine=mean&quorum=two_thirds&disagreement_percent=30",
    ),
    ("/api/change_campaign_state", "id=1&to=open"),
    (
        "/api/extend_campaign_deadline",
        "id=1&deadline=registration&new_date=01/01/2031&reason=L%C3%BD%20do",
    ),
    ("/api/campaign_audit", "id=1&kind="),
    ("/api/board_links", "campaign_id=1"),
];

/// A draft campaign (id 1) of Gò Vấp with one of its wards taking part.
async fn campaign(pool: &PgPool) {
    sqlx::query(
        "WITH gv AS (INSERT INTO units (code, name, search_key, kind) VALUES ('GV', 'Quận Gò Vấp', 'quan go vap', 'district') RETURNING id),
              p1 AS (INSERT INTO units (code, name, search_key, kind, parent_id) SELECT 'GV-P1', 'Phường 1', 'phuong 1', 'ward', id FROM gv RETURNING id),
              c AS (INSERT INTO campaigns (id, title, organizer_id, period_start, period_end, registration_deadline, report_deadline)
                    SELECT 1, 'Đợt thi đua', id, '2030-01-01', '2030-12-31', '2030-03-31T16:59:59Z', '2030-11-30T16:59:59Z' FROM gv RETURNING id)
         INSERT INTO campaign_units (campaign_id, unit_id) SELECT c.id, p1.id FROM c, p1",
    )
    .execute(pool)
    .await
    .unwrap();
}

fn import_request(cookie: Option<&str>) -> Request<Body> {
    let body = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\ncode,name,kind,parent code\nMOI,Phường Mới,phường,\n\r\n--B--\r\n";
    let mut request =
        Request::post("/api/import_units").header(header::CONTENT_TYPE, "multipart/form-data; boundary=B");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn every_admin_server_function_refuses_a_caller_without_a_session(pool: PgPool) {
    let app = router(&pool).await;
    campaign(&pool).await;
    let before = counts(&pool).await;
    for (path, body) in ADMIN_CALLS {
        let (status, text, _) = post(&app, path, body, None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}: {text}");
    }
    let response = app.clone().oneshot(import_request(None)).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(counts(&pool).await, before);
    let (name, active): (String, bool) = sqlx::query_as("SELECT name, active FROM units WHERE code = 'GV'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!((name.as_str(), active), ("Quận Gò Vấp", true));
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn an_evaluator_is_forbidden_every_admin_server_function(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "giamkhao", "mat-khau-giam-khao", Role::Evaluator).await;
    campaign(&pool).await;
    let cookie = sign_in(&app, "giamkhao", "mat-khau-giam-khao").await;
    let before = counts(&pool).await;
    for (path, body) in ADMIN_CALLS {
        let (status, text, _) = post(&app, path, body, Some(&cookie)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}: {text}");
    }
    let response = app.clone().oneshot(import_request(Some(&cookie))).await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(counts(&pool).await, before);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn signing_in_sets_an_http_only_lax_cookie_that_admin_functions_accept(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "quantri", "mat-khau-quan-tri", Role::SystemAdmin).await;
    let (_, _, headers) = post(
        &app,
        "/api/login",
        "username=quantri&password=mat-khau-quan-tri&next=/admin/units",
        None,
    )
    .await;
    let set_cookie = headers.get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    let cookie = set_cookie.split(';').next().unwrap();
    let (status, body, _) = post(&app, "/api/list_accounts", "", Some(cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("quantri"));
    let response = app.clone().oneshot(import_request(Some(cookie))).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(counts(&pool).await.0, 1);
    let (status, _, _) = post(&app, "/api/logout", "", Some(cookie)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = post(&app, "/api/list_accounts", "", Some(cookie)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_failed_plain_form_post_goes_back_to_its_form_with_the_problems(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "quantri", "mat-khau-quan-tri", Role::SystemAdmin).await;
    let cookie = sign_in(&app, "quantri", "mat-khau-quan-tri").await;
    let request = Request::post("/api/create_unit")
        .header(header::CONTENT_TYPE, FORM)
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::REFERER, "http://localhost:3000/admin/units/new?parent=GV")
        .header(header::COOKIE, &cookie)
        .body(Body::from(
            "code=A+B&name=Ph%C6%B0%E1%BB%9Dng+X&kind=ward&parent_code=",
        ))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    let location = response.headers()[header::LOCATION].to_str().unwrap().to_owned();
    // Nothing typed and no error data in the address: only the refusal's id.
    assert!(location.starts_with("/admin/units/new?refused="), "{location}");
    assert!(
        !location.contains("A+B") && !location.contains("code_characters"),
        "{location}"
    );
    let set = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        set.contains("Path=/admin/units/new") && set.contains("HttpOnly"),
        "{set}"
    );
    assert_eq!(counts(&pool).await.0, 0);

    // The form page, opened with that cookie, shows the problem and the typed values, and
    // clears the cookie.
    let refusal = set.split(';').next().unwrap();
    let page = Request::get(&location)
        .header(header::COOKIE, format!("{cookie}; {refusal}"))
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(page).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let cleared = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with("thidua_refused=;") && v.contains("Max-Age=0"));
    assert!(cleared, "{:?}", response.headers());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let html = String::from_utf8_lossy(&body);
    assert!(html.contains(r#"value="A B""#), "the typed code comes back");
    assert!(html.contains("Phường X"), "the typed name comes back");
    assert!(
        html.contains(r##"href="#code""##),
        "the banner links to the field to fix"
    );

    // Another id in the address (an old link) shows an empty form.
    let stale = Request::get("/admin/units/new?refused=0")
        .header(header::COOKIE, format!("{cookie}; {refusal}"))
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap();
    let body = app
        .oneshot(stale)
        .await
        .unwrap()
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes();
    assert!(!String::from_utf8_lossy(&body).contains("Phường X"));
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn healthz_answers_ok_while_the_database_answers(pool: PgPool) {
    let app = router(&pool).await;
    let response = app
        .clone()
        .oneshot(Request::get("/healthz").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    pool.close().await;
    let response = app
        .oneshot(Request::get("/healthz").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
}
