//! Helpers shared by the HTTP tests: the real router on a test database, accounts, posts.
#![allow(dead_code)]
pub mod council;
pub mod demo;
pub mod events;
pub mod unit_fixture;
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
        db_max_connections: 5,
        link_key: Some("a-test-key-of-at-least-32-characters".into()),
        ..Config::default()
    }
}

/// `DATABASE_URL` with its database swapped for `database` (for tools run beside the tests).
pub fn database_url(database: &str) -> String {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let (base, query) = url
        .split_once('?')
        .map_or((url.as_str(), None), |(b, q)| (b, Some(q)));
    let (server, _) = base.rsplit_once('/').expect("a database in DATABASE_URL");
    match query {
        Some(query) => format!("{server}/{database}?{query}"),
        None => format!("{server}/{database}"),
    }
}

pub async fn router(pool: &PgPool) -> Router {
    let live = app::server::live_hub::LiveHub::new(pool.clone());
    server::router::build(pool.clone(), &config(), live)
        .await
        .unwrap()
}

pub async fn account(pool: &PgPool, username: &str, password: &str, role: Role) -> i64 {
    let hash = auth::hash_password(password.to_owned()).await.unwrap();
    db::accounts::insert(
        pool,
        &Username::parse(username).unwrap(),
        "Người thử",
        &hash,
        role,
        None,
    )
    .await
    .unwrap()
}

pub async fn unit_id(pool: &PgPool, code: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM units WHERE code = $1")
        .bind(code)
        .fetch_one(pool)
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

pub async fn get(
    app: &Router,
    path: &str,
    cookie: Option<&str>,
) -> (StatusCode, String, axum::http::HeaderMap) {
    let (status, headers, bytes) = download(app, path, cookie).await;
    (status, String::from_utf8_lossy(&bytes).into_owned(), headers)
}

/// The session cookie a response set, as a `Cookie` header value.
pub fn set_cookie(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
}

pub const BOUNDARY: &str = "thidua-test-boundary";

/// A multipart body: text fields in order, then files as (field, file name, bytes).
pub fn multipart(fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    for (name, file_name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

pub async fn post_multipart(
    app: &Router,
    path: &str,
    body: Vec<u8>,
    cookie: Option<&str>,
) -> (StatusCode, String) {
    let (status, body, _) = send_multipart(app, path, body, cookie, None).await;
    (status, body)
}

/// A multipart post as a browser without scripts sends it from the page `from`: it reads HTML.
pub async fn post_multipart_from_page(
    app: &Router,
    path: &str,
    body: Vec<u8>,
    cookie: &str,
    from: &str,
) -> (StatusCode, axum::http::HeaderMap) {
    let (status, _, headers) = send_multipart(app, path, body, Some(cookie), Some(from)).await;
    (status, headers)
}

async fn send_multipart(
    app: &Router,
    path: &str,
    body: Vec<u8>,
    cookie: Option<&str>,
    page: Option<&str>,
) -> (StatusCode, String, axum::http::HeaderMap) {
    let mut request = Request::post(path).header(
        header::CONTENT_TYPE,
        format!("multipart/form-data; boundary={BOUNDARY}"),
    );
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    if let Some(page) = page {
        request = request
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .header(header::REFERER, format!("http://localhost{page}"));
    }
    let response = app
        .clone()
        .oneshot(request.body(Body::from(body)).unwrap())
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

/// A GET whose answer is read as bytes (downloads).
pub async fn download(
    app: &Router,
    path: &str,
    cookie: Option<&str>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut request = Request::get(path).header(header::ACCEPT, "text/html");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let response = app
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes().to_vec();
    (parts.status, parts.headers, bytes)
}
