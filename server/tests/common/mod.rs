//! Helpers shared by the HTTP tests: the real router on a test database, accounts, posts.
#![allow(dead_code)]
use app::domain::account::{Role, Username};
use app::server::{auth, db};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use server::config::Config;
use sqlx::PgPool;
use tower::ServiceExt;

pub const FORM: &str = "application/x-www-form-urlencoded";

pub fn config() -> Config {
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

pub async fn router(pool: &PgPool) -> Router {
    server::router::build(pool.clone(), &config()).await.unwrap()
}

pub async fn account(pool: &PgPool, username: &str, password: &str, role: Role) -> i64 {
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

pub async fn post(
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

pub async fn sign_in(app: &Router, username: &str, password: &str) -> String {
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
