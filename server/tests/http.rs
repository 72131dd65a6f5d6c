//! HTTP tests through the real router (sessions, server functions, status codes), each against
//! its own database.
use app::domain::account::{Role, Username};
use app::server::{auth, db};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use server::config::Config;
use sqlx::PgPool;
use tower::ServiceExt;

const FORM: &str = "application/x-www-form-urlencoded";

fn config() -> Config {
    Config {
        database_url: None,
        address: "127.0.0.1:3000".parse().unwrap(),
        data_dir: "data".into(),
        demo: false,
        admin_username: None,
        admin_password: None,
        cookie_secure: false,
        db_max_connections: 5,
    }
}

async fn router(pool: &PgPool) -> Router {
    server::router::build(pool.clone(), &config()).await.unwrap()
}

async fn account(pool: &PgPool, username: &str, password: &str, role: Role) -> i64 {
    let hash = auth::hash_password(password.to_owned()).await.unwrap();
    db::accounts::insert(
        pool,
        &Username::parse(username).unwrap(),
        "Người thử",
        &hash,
        role,
    )
    .await
    .unwrap()
}

async fn post(
    app: &Router,
    path: &str,
    body: &str,
    cookie: Option<&str>,
) -> (StatusCode, String, axum::http::HeaderMap) {
    let mut request = Request::post(path).header(header::CONTENT_TYPE, FORM);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let response = app
        .clone()
        .oneshot(request.body(Body::from(body.to_owned())).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        String::from_utf8_lossy(&bytes).into_owned(),
        parts.headers,
    )
}

async fn sign_in(app: &Router, username: &str, password: &str) -> String {
    let (status, body, headers) = post(
        app,
        "/api/login",
        &format!("username={username}&password={password}&next=/admin/units"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let cookie = headers
        .get(header::SET_COOKIE)
        .expect("a session cookie")
        .to_str()
        .unwrap()
        .to_owned();
    cookie.split(';').next().unwrap().to_owned()
}

async fn counts(pool: &PgPool) -> (i64, i64, i64) {
    sqlx::query_as("SELECT (SELECT count(*) FROM units), (SELECT count(*) FROM accounts), (SELECT count(*) FROM unit_imports)")
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Every admin server function with a body it would accept.
const ADMIN_CALLS: &[(&str, &str)] = &[
    ("/api/list_accounts", ""),
    (
        "/api/create_account",
        "username=moi&display_name=M%E1%BB%9Bi&password=mat-khau-du-dai&role=admin",
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
];

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
    sqlx::query("INSERT INTO units (code, name, search_key, kind) VALUES ('GV', 'Quận Gò Vấp', 'quan go vap', 'district')")
        .execute(&pool)
        .await
        .unwrap();
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
    account(&pool, "quantri", "mat-khau-quan-tri", Role::Admin).await;
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
async fn after_five_wrong_passwords_even_the_right_one_is_refused(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "quantri", "mat-khau-quan-tri", Role::Admin).await;
    for attempt in 1..=5 {
        let (status, body, _) = post(&app, "/api/login", "username=quantri&password=sai&next=/", None).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "attempt {attempt}");
        let expected = if attempt < 5 {
            "bad_credentials"
        } else {
            "locked_out"
        };
        assert!(body.contains(expected), "attempt {attempt}: {body}");
    }
    let (status, body, headers) = post(
        &app,
        "/api/login",
        "username=quantri&password=mat-khau-quan-tri&next=/",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("locked_out"), "{body}");
    assert!(headers.get(header::SET_COOKIE).is_none());
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_failed_plain_form_post_goes_back_to_its_form_with_the_problems(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "quantri", "mat-khau-quan-tri", Role::Admin).await;
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
    let location = response
        .headers()
        .get(header::LOCATION)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(location.starts_with("/admin/units/new?"), "{location}");
    assert!(location.contains("code=A+B"), "{location}");
    assert!(location.contains("code_characters"), "{location}");
    assert_eq!(counts(&pool).await.0, 0);
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
