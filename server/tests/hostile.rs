//! Hostile traffic through the real router: one test per attack the app must survive, each with
//! bounded sizes (a test must never be able to exhaust the machine that runs it).
mod common;

use app::domain::account::Role;
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use common::unit_fixture::{fixture, PDF};
use common::{account, get, multipart, router, sign_in, BOUNDARY, FORM};
use futures_util::stream;
use http_body_util::BodyExt;
use sqlx::PgPool;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tower::ServiceExt;

const MB: usize = 1024 * 1024;
const MULTIPART: &str = "multipart/form-data; boundary=thidua-test-boundary";

/// A body of `head` then `filler` bytes of 'x', made 64 KB at a time as the server pulls it;
/// `pulled` counts what it took. No length is declared (chunked, as a streaming attacker sends).
fn streamed(head: Vec<u8>, filler: usize, pulled: Arc<AtomicUsize>) -> Body {
    const CHUNK: usize = 64 * 1024;
    let chunks = std::iter::once(head.len())
        .chain(std::iter::repeat_n(CHUNK, filler / CHUNK))
        .enumerate()
        .map(move |(i, size)| {
            pulled.fetch_add(size, Ordering::Relaxed);
            let bytes = if i == 0 { head.clone() } else { vec![b'x'; size] };
            Ok::<_, std::io::Error>(Bytes::from(bytes))
        });
    Body::from_stream(stream::iter(chunks))
}

async fn send(app: &Router, request: Request<Body>) -> (StatusCode, HeaderMap, String) {
    let response = app.clone().oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn multipart_post(path: &str, cookie: Option<&str>, body: Body) -> Request<Body> {
    let mut request = Request::post(path).header(header::CONTENT_TYPE, MULTIPART);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(body).unwrap()
}

/// The opening of a multipart field named `name` whose value follows.
fn field_head(name: &str) -> Vec<u8> {
    format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n").into_bytes()
}

/// The start of a unit's initiative whose attachment never ends.
fn endless_file_head(campaign: i64) -> Vec<u8> {
    let mut head = field_head("campaign_id");
    head.extend_from_slice(format!("{campaign}\r\n").as_bytes());
    head.extend_from_slice(
        format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"a.pdf\"\r\n\r\n").as_bytes(),
    );
    head
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn an_endless_field_is_refused_unread_when_anonymous_and_cut_off_at_the_limit_otherwise(pool: PgPool) {
    let f = fixture(pool).await;
    let app = f.app.clone();
    for path in [
        "/api/submit_initiative",
        "/api/submit_report",
        "/api/import_units",
    ] {
        let pulled = Arc::new(AtomicUsize::new(0));
        let body = streamed(field_head("campaign_id"), 40 * MB, pulled.clone());
        let (status, _, text) = send(&app, multipart_post(path, None, body)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}: {text}");
        let read = pulled.load(Ordering::Relaxed);
        assert!(read <= MB, "{path} read {read} bytes before knowing the caller");
    }
    // A unit with a live link that sends an endless file is cut off at the limit: 413.
    let cookie = f.open(0).await;
    let head = endless_file_head(f.campaign);
    let pulled = Arc::new(AtomicUsize::new(0));
    let body = streamed(head, 40 * MB, pulled.clone());
    let (status, _, text) = send(
        &app,
        multipart_post("/api/submit_initiative", Some(&cookie), body),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{text}");
    assert!(pulled.load(Ordering::Relaxed) <= 17 * MB);
    assert_eq!(f.initiatives_of(0).await, 0);
    // A declared length over the limit is answered before one byte is read, in Vietnamese.
    let pulled = Arc::new(AtomicUsize::new(0));
    let request = Request::post("/api/submit_initiative")
        .header(header::CONTENT_TYPE, MULTIPART)
        .header(header::CONTENT_LENGTH, (17 * MB).to_string())
        .header(header::ACCEPT, "text/html")
        .body(streamed(field_head("campaign_id"), 17 * MB, pulled.clone()))
        .unwrap();
    let (status, _, text) = send(&app, request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(text.contains("quá lớn"), "{text}");
    assert_eq!(pulled.load(Ordering::Relaxed), 0);
    // Every other route has a far smaller limit, server functions included.
    let pulled = Arc::new(AtomicUsize::new(0));
    let request = Request::post("/api/login")
        .header(header::CONTENT_TYPE, FORM)
        .body(streamed(b"username=".to_vec(), 4 * MB, pulled.clone()))
        .unwrap();
    let (status, _, _) = send(&app, request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(pulled.load(Ordering::Relaxed) <= 2 * MB);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_too_large_form_without_scripts_goes_back_to_its_form_with_the_message(pool: PgPool) {
    let f = fixture(pool).await;
    let (app, cookie) = (f.app.clone(), f.open(0).await);
    let request = Request::post("/api/submit_initiative")
        .header(header::CONTENT_TYPE, MULTIPART)
        .header(header::COOKIE, &cookie)
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::REFERER, "http://localhost:3000/unit/7/initiatives/new")
        .body(streamed(endless_file_head(f.campaign), 20 * MB, Arc::default()))
        .unwrap();
    let (status, headers, text) = send(&app, request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(text.contains("http-equiv=\"refresh\""), "{text}");
    assert!(text.contains("/unit/7/initiatives/new?refused="), "{text}");
    // The problem goes back in a cookie for the form's page only, not in the address.
    let set = headers[header::SET_COOKIE].to_str().unwrap();
    assert!(set.starts_with("thidua_refused="), "{set}");
    assert!(set.contains("Path=/unit/7/initiatives/new"), "{set}");
    let value = set.split(['=', ';']).nth(1).unwrap();
    let json = data_encoding::BASE64URL_NOPAD.decode(value.as_bytes()).unwrap();
    let refusal: app::wire::form_refusal::FormRefusal = serde_json::from_slice(&json).unwrap();
    assert!(
        !refusal.err.problems_at("attachments").is_empty(),
        "the message lands at the file field: {refusal:?}"
    );
    // The app's script gets the error it shows at the file field.
    let request = Request::post("/api/submit_initiative")
        .header(header::CONTENT_TYPE, MULTIPART)
        .header(header::COOKIE, &cookie)
        .body(streamed(endless_file_head(f.campaign), 20 * MB, Arc::default()))
        .unwrap();
    let (status, _, text) = send(&app, request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let error: app::error::AppError = serde_json::from_str(&text).unwrap();
    assert!(!error.problems_at("attachments").is_empty(), "{text}");
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_multipart_call_without_a_boundary_or_content_type_is_refused_not_a_panic(pool: PgPool) {
    let app = router(&pool).await;
    for (path, content_type, expected) in [
        (
            "/api/submit_initiative",
            Some("multipart/form-data"),
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/submit_report",
            Some("multipart/form-data; charset=utf-8"),
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/import_units",
            Some(FORM),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        ("/api/submit_initiative", None, StatusCode::UNSUPPORTED_MEDIA_TYPE),
        (
            "/api/login",
            Some("text/plain"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        ("/api/login", None, StatusCode::UNSUPPORTED_MEDIA_TYPE),
    ] {
        let mut request = Request::post(path);
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let (status, _, text) = send(&app, request.body(Body::from("campaign_id=1")).unwrap()).await;
        assert_eq!(status, expected, "{path} {content_type:?}: {text}");
    }
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_revoked_link_cannot_make_the_server_read_its_upload(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    let mut conn = f.pool.acquire().await.unwrap();
    app::server::db::unit_links::revoke(&mut conn, f.campaign, f.units[0].0)
        .await
        .unwrap();
    let mut head = field_head("campaign_id");
    head.extend_from_slice(format!("{}\r\n", f.campaign).as_bytes());
    head.extend_from_slice(&field_head("title"));
    let pulled = Arc::new(AtomicUsize::new(0));
    let body = streamed(head, 8 * MB, pulled.clone());
    let (status, _, _) = send(
        &f.app,
        multipart_post("/api/submit_initiative", Some(&cookie), body),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        pulled.load(Ordering::Relaxed) <= 256 * 1024,
        "read {} bytes for a revoked link",
        pulled.load(Ordering::Relaxed)
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_unit_flooding_fields_and_files_is_refused_as_it_sends(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    // Thousands of tiny text fields.
    let names: Vec<String> = (0..5_000).map(|i| format!("junk{i}")).collect();
    let mut flood: Vec<(&str, &str)> = vec![("campaign_id", "")];
    let campaign = f.campaign.to_string();
    flood[0].1 = &campaign;
    flood.extend(names.iter().map(|n| (n.as_str(), "x")));
    let (status, text) = common::post_multipart(
        &f.app,
        "/api/submit_initiative",
        multipart(&flood, &[]),
        Some(&cookie),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert!(text.contains("too_many_items"), "{text}");
    // Many files: only the first ones are held, the rest are refused at the file field.
    let files: Vec<(&str, &str, &[u8])> = (0..60).map(|_| ("attachments", "tờ trình.pdf", PDF)).collect();
    let (status, text) = f.submit(Some(&cookie), "K-FLOOD", &[], &files).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert!(text.contains("too_many_files"), "{text}");
    assert_eq!(f.initiatives_of(0).await, 0);
}

/// An .xlsx whose first sheet has cells A1 and XFD1048576 (a few KB on disk).
fn sheet_with_far_corners() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "code").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    book.save_to_buffer().unwrap()
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_sheet_declaring_billions_of_cells_gets_an_import_report_not_a_crash(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "quantri", "mat-khau-du-dai", Role::SystemAdmin).await;
    let cookie = sign_in(&app, "quantri", "mat-khau-du-dai").await;
    let xlsx = sheet_with_far_corners();
    assert!(xlsx.len() < 64 * 1024);
    let body = multipart(&[], &[("file", "don-vi.xlsx", &xlsx)]);
    let (status, text) = common::post_multipart(&app, "/api/import_units", body, Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let problems: serde_json::Value =
        sqlx::query_scalar("SELECT to_jsonb(problems) FROM unit_imports ORDER BY id DESC LIMIT 1")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(problems.to_string().contains("too_many_rows"), "{problems}");
    let units: i64 = sqlx::query_scalar("SELECT count(*) FROM units")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(units, 0);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn files_are_served_to_admins_and_their_unit_only(pool: PgPool) {
    let f = fixture(pool).await;
    let owner = f.open(0).await;
    let (status, body) = f
        .submit(
            Some(&owner),
            "K-FILE",
            &[],
            &[("attachments", "tờ trình.pdf", PDF)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let file: i64 = sqlx::query_scalar("SELECT max(id) FROM attachments")
        .fetch_one(&f.pool)
        .await
        .unwrap();
    let path = format!("/files/{file}");
    account(&f.pool, "giamkhao", "mat-khau-du-dai", Role::Evaluator).await;
    let evaluator = sign_in(&f.app, "giamkhao", "mat-khau-du-dai").await;
    assert_eq!(
        get(&f.app, &path, Some(&evaluator)).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get(&f.app, &path, None).await.0, StatusCode::NOT_FOUND);
    let admin = sign_in(&f.app, "admin", server::bootstrap::DEMO_ADMIN_PASSWORD).await;
    let (status, _, headers) = get(&f.app, &path, Some(&admin)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_SECURITY_POLICY], "frame-ancestors 'self'");
    assert_eq!(get(&f.app, &path, Some(&owner)).await.0, StatusCode::OK);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_post_from_another_site_is_refused_and_signs_nobody_in(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "quantri", "mat-khau-du-dai", Role::SystemAdmin).await;
    let body = "username=quantri&password=mat-khau-du-dai&next=/admin/units";
    for (name, value) in [
        ("sec-fetch-site", "cross-site"),
        ("sec-fetch-site", "same-site"),
        ("origin", "https://evil.example"),
    ] {
        let request = Request::post("/api/login")
            .header(header::CONTENT_TYPE, FORM)
            .header(header::HOST, "localhost:3000")
            .header(name, value)
            .body(Body::from(body))
            .unwrap();
        let (status, headers, _) = send(&app, request).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name}: {value}");
        assert!(headers.get(header::SET_COOKIE).is_none());
    }
    let request = Request::post("/api/login")
        .header(header::CONTENT_TYPE, FORM)
        .header(header::HOST, "localhost:3000")
        .header(header::ORIGIN, "http://localhost:3000")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(body))
        .unwrap();
    let (status, headers, text) = send(&app, request).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(headers.get(header::SET_COOKIE).is_some());
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn pages_carry_a_nonce_policy_and_the_security_headers(pool: PgPool) {
    let (_, body, headers) = get(&router(&pool).await, "/login", None).await;
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    let script_src = policy
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .unwrap();
    assert!(
        script_src.contains("'wasm-unsafe-eval'") && !script_src.contains("unsafe-inline"),
        "{policy}"
    );
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    let nonce = script_src
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    assert!(
        body.contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries the nonce"
    );
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(headers[header::REFERRER_POLICY], "same-origin");
    assert!(
        headers.get(header::STRICT_TRANSPORT_SECURITY).is_none(),
        "no HSTS without TLS"
    );
    // Each page gets its own nonce.
    let (_, _, again) = get(&router(&pool).await, "/login", None).await;
    assert_ne!(
        again[header::CONTENT_SECURITY_POLICY],
        headers[header::CONTENT_SECURITY_POLICY]
    );
    // Behind TLS browsers are told to come back over https only.
    let config = server::config::Config {
        cookie_secure: true,
        ..common::config()
    };
    let live = app::server::live_hub::LiveHub::new(pool.clone());
    let secure = server::router::build(pool.clone(), &config, live).await.unwrap();
    let (_, _, headers) = get(&secure, "/", None).await;
    assert!(headers[header::STRICT_TRANSPORT_SECURITY]
        .to_str()
        .unwrap()
        .starts_with("max-age="));
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn sign_in_never_sends_the_browser_to_another_site(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "quantri", "mat-khau-du-dai", Role::SystemAdmin).await;
    for next in [
        "/%09/evil.example",
        "//evil.example",
        "/%5Cevil.example",
        "/%01",
        "/a%0D%0ASet-Cookie:x=1",
    ] {
        let body = format!("username=quantri&password=mat-khau-du-dai&next={next}");
        let request = Request::post("/api/login")
            .header(header::CONTENT_TYPE, FORM)
            .header(header::ACCEPT, "text/html")
            .body(Body::from(body))
            .unwrap();
        let (status, headers, _) = send(&app, request).await;
        assert!(!status.is_server_error(), "{next}: {status}");
        assert_eq!(
            headers[header::LOCATION],
            app::wire::auth::DEFAULT_AFTER_LOGIN,
            "{next}"
        );
    }
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_first_admin_password_must_meet_the_password_rule(pool: PgPool) {
    let config = server::config::Config {
        admin_username: Some("quantri".into()),
        admin_password: Some("ngan".into()),
        ..common::config()
    };
    assert!(server::bootstrap::prepare(&pool, &config).await.is_err());
    let admins: i64 = sqlx::query_scalar("SELECT count(*) FROM accounts")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(admins, 0);
}

/// A sign-in from `address`; answers the status and whether a session was signed in.
async fn sign_in_from(app: &Router, address: &str, username: &str, password: &str) -> (StatusCode, String) {
    let mut request = Request::post("/api/login")
        .header(header::CONTENT_TYPE, FORM)
        .body(Body::from(format!(
            "username={username}&password={password}&next=/admin"
        )))
        .unwrap();
    let peer: std::net::SocketAddr = format!("{address}:40000").parse().unwrap();
    request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
    let (status, _, text) = send(app, request).await;
    (status, text)
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn parallel_guesses_are_counted_before_verifying_and_never_lock_the_owner_out(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "quantri", "mat-khau-quan-tri", Role::SystemAdmin).await;
    let guesses = (0..12).map(|i| {
        let app = app.clone();
        async move { sign_in_from(&app, "127.0.0.2", "quantri", &format!("sai-{i}")).await }
    });
    for (status, text) in futures_util::future::join_all(guesses).await {
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
        assert!(text.contains("bad_credentials"), "{text}");
    }
    // Only the free attempts were let through to a verification, however parallel the guesses.
    let attempts: i32 =
        sqlx::query_scalar("SELECT attempts FROM login_throttle WHERE key = 'user:quantri@127.0.0.2'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        attempts,
        app::server::login_throttle::LoginPolicy::default().free_per_account
    );
    // The guesser's address now waits (made long here: in a debug build the verifications of the
    // free attempts alone can outlast the first one-second wait), even with the right password.
    sqlx::query("UPDATE login_throttle SET next_at = now() + interval '1 minute' WHERE key = 'user:quantri@127.0.0.2'")
        .execute(&pool)
        .await
        .unwrap();
    let (status, text) = sign_in_from(&app, "127.0.0.2", "quantri", "mat-khau-quan-tri").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert!(text.contains("bad_credentials"), "{text}");
    // The owner, elsewhere, signs in at once.
    let (status, text) = sign_in_from(&app, "127.0.0.1", "quantri", "mat-khau-quan-tri").await;
    assert_eq!(status, StatusCode::OK, "{text}");
    // An unknown account answers exactly as a wrong password does.
    let (status, unknown) = sign_in_from(&app, "127.0.0.3", "khong-co-ai", "mat-khau-quan-tri").await;
    let (_, wrong) = sign_in_from(&app, "127.0.0.3", "quantri", "mat-khau-sai").await;
    assert_eq!((status, &unknown), (StatusCode::UNPROCESSABLE_ENTITY, &wrong));
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn another_units_link_does_not_silently_take_over_a_bound_phone(pool: PgPool) {
    let f = fixture(pool).await;
    let first = f.open(0).await;
    let (status, body, headers) = get(&f.app, &format!("/l/{}", f.units[1].1), Some(&first)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("Chuyển sang"), "the phone is asked first: {body}");
    assert!(
        headers.get(header::SET_COOKIE).is_none(),
        "nothing changes before the answer"
    );
    let (status, _, _) = get(&f.app, &format!("/unit/{}", f.campaign), Some(&first)).await;
    assert_eq!(status, StatusCode::OK, "still bound to the first unit");
    // Confirmed (a plain form post from that page): now bound to the second unit.
    let request = Request::post("/api/switch_unit_link")
        .header(header::CONTENT_TYPE, FORM)
        .header(header::COOKIE, &first)
        .body(Body::from(format!("token={}", f.units[1].1)))
        .unwrap();
    let (status, headers, text) = send(&f.app, request).await;
    assert!(status.is_success() || status.is_redirection(), "{status} {text}");
    let switched = common::set_cookie(&headers).expect("the cookie names the new link");
    let (_, home, _) = get(&f.app, &format!("/unit/{}", f.campaign), Some(&switched)).await;
    let second_name: String = sqlx::query_scalar("SELECT name FROM units WHERE id = $1")
        .bind(f.units[1].0)
        .fetch_one(&f.pool)
        .await
        .unwrap();
    assert!(home.contains(&second_name), "{home}");
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn an_upload_that_stops_sending_is_cut_off_with_408(pool: PgPool) {
    let config = server::config::Config {
        guard_settings: server::request_guard::GuardSettings {
            body_idle: std::time::Duration::from_millis(300),
        },
        ..common::config()
    };
    let live = app::server::live_hub::LiveHub::new(pool.clone());
    let app = server::router::build(pool, &config, live).await.unwrap();
    let head = stream::iter([Ok::<_, std::io::Error>(Bytes::from(field_head("campaign_id")))]);
    let body = Body::from_stream(futures_util::StreamExt::chain(head, stream::pending()));
    let answer = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        send(&app, multipart_post("/api/submit_initiative", None, body)),
    )
    .await
    .expect("a stalled body must not hold its handler for ever");
    assert_eq!(answer.0, StatusCode::REQUEST_TIMEOUT, "{}", answer.2);
}

/// Reads until the server closes the connection; true when it did within `within`.
async fn closed_within(stream: &mut tokio::net::TcpStream, within: std::time::Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut buf = [0u8; 1024];
    loop {
        match tokio::time::timeout(within, stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue,
            Err(_) => return false,
        }
    }
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn connections_past_the_per_address_cap_are_closed_and_silent_ones_time_out(pool: PgPool) {
    use tokio::io::AsyncWriteExt;
    let app = router(&pool).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let limits = server::serve::ConnectionLimits {
        per_address: 2,
        head_timeout: std::time::Duration::from_millis(500),
        ..common::config().connection_limits()
    };
    tokio::spawn(server::serve::serve(
        listener,
        app,
        limits,
        std::future::pending(),
    ));
    let mut first = tokio::net::TcpStream::connect(address).await.unwrap();
    let mut second = tokio::net::TcpStream::connect(address).await.unwrap();
    // A slow client: part of a head, then nothing.
    first.write_all(b"GET /healthz HTTP/1.1\r\nHo").await.unwrap();
    let mut third = tokio::net::TcpStream::connect(address).await.unwrap();
    let short = std::time::Duration::from_millis(300);
    assert!(
        closed_within(&mut third, short).await,
        "the third connection is closed at once"
    );
    assert!(
        !closed_within(&mut second, short).await,
        "the first two stay open for now"
    );
    let head_timeout = std::time::Duration::from_secs(3);
    assert!(
        closed_within(&mut first, head_timeout).await,
        "a trickled head times out"
    );
    assert!(
        closed_within(&mut second, head_timeout).await,
        "an idle connection times out"
    );
    // Their places are free again.
    let mut fresh = tokio::net::TcpStream::connect(address).await.unwrap();
    fresh
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    tokio::io::AsyncReadExt::read_to_string(&mut fresh, &mut answer)
        .await
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

/// A public campaign that has a board.
async fn public_board(pool: &PgPool) -> i64 {
    sqlx::query_scalar(
        "SELECT id FROM campaigns WHERE state <> 'draft' AND visibility = 'public' ORDER BY id LIMIT 1",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

fn events_from(campaign: i64, address: &str) -> Request<Body> {
    let mut request = Request::get(format!("/live/{campaign}/events"))
        .body(Body::empty())
        .unwrap();
    let peer: std::net::SocketAddr = format!("{address}:50000").parse().unwrap();
    request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
    request
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn board_streams_are_capped_per_address_and_a_crowd_of_page_loads_builds_one_board(pool: PgPool) {
    let f = fixture(pool).await;
    let campaign = public_board(&f.pool).await;
    let config = server::config::Config {
        max_streams_per_address: 2,
        ..common::config()
    };
    let live = app::server::live_hub::LiveHub::new(f.pool.clone());
    let app = server::router::build(f.pool.clone(), &config, live.clone())
        .await
        .unwrap();
    let mut open = Vec::new();
    for _ in 0..2 {
        let response = app
            .clone()
            .oneshot(events_from(campaign, "198.51.100.1"))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        open.push(response);
    }
    let third = app
        .clone()
        .oneshot(events_from(campaign, "198.51.100.1"))
        .await
        .unwrap();
    assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
    let elsewhere = app
        .clone()
        .oneshot(events_from(campaign, "198.51.100.2"))
        .await
        .unwrap();
    assert_eq!(elsewhere.status(), StatusCode::OK);
    drop(open);
    drop(elsewhere);
    // A crowd opening the board page: one build, then the board the hub keeps.
    let before = live.boards_built();
    for _ in 0..20 {
        let (status, body, _) = get(&app, &format!("/live/{campaign}"), None).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    assert!(
        live.boards_built() - before <= 1,
        "{} builds",
        live.boards_built() - before
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn an_owner_who_signs_in_often_is_never_taken_for_a_guesser(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "quantri", "mat-khau-quan-tri", Role::SystemAdmin).await;
    // More sign-ins in an hour than the account watch allows guesses, two at a time.
    for _ in 0..16 {
        let (a, b) = tokio::join!(
            sign_in_from(&app, "127.0.0.1", "quantri", "mat-khau-quan-tri"),
            sign_in_from(&app, "127.0.0.1", "quantri", "mat-khau-quan-tri"),
        );
        assert_eq!((a.0, b.0), (StatusCode::OK, StatusCode::OK), "{} {}", a.1, b.1);
    }
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_unit_cannot_register_past_the_campaign_maximum_even_all_at_once(pool: PgPool) {
    let f = fixture(pool).await;
    f.cap_initiatives(3).await;
    let cookie = f.open(0).await;
    let keys: Vec<String> = (0..8).map(|i| format!("K-CAP-{i}")).collect();
    let answers =
        futures_util::future::join_all(keys.iter().map(|key| f.submit(Some(&cookie), key, &[], &[]))).await;
    let stored = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    assert_eq!(stored, 3, "{answers:?}");
    for (status, body) in answers.iter().filter(|(s, _)| *s != StatusCode::OK) {
        assert_eq!(*status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains("initiative_cap"), "{body}");
    }
    assert_eq!(f.initiatives_of(0).await, 3);
    let (status, body) = f.submit(Some(&cookie), "K-CAP-9", &[], &[]).await;
    assert!(body.contains("initiative_cap"), "{status}: {body}");
    // A repeat of a stored submit still gets its receipt; the other unit is not affected.
    let stored_key = keys
        .iter()
        .zip(&answers)
        .find(|(_, (s, _))| *s == StatusCode::OK)
        .map(|(k, _)| k)
        .unwrap();
    let (status, _) = f.submit(Some(&cookie), stored_key, &[], &[]).await;
    assert_eq!(status, StatusCode::OK);
    let other = f.open(1).await;
    assert_eq!(
        f.submit(Some(&other), "K-CAP-OTHER", &[], &[]).await.0,
        StatusCode::OK
    );
    // The cap reads each unit's kept count: it must equal what is stored.
    let drifted: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM campaign_units cu WHERE initiative_count <> (SELECT count(*) FROM initiatives i
             WHERE i.campaign_id = cu.campaign_id AND i.unit_id = cu.unit_id)",
    )
    .fetch_one(&f.pool)
    .await
    .unwrap();
    assert_eq!(drifted, 0);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn one_statement_with_many_rows_of_one_unit_stops_at_the_cap(pool: PgPool) {
    let f = fixture(pool).await;
    f.cap_initiatives(3).await;
    // Five rows of one unit in one INSERT, as the batched registration sends them; one of them
    // repeats a submit key and must be skipped by ON CONFLICT without being counted.
    let insert = "INSERT INTO initiatives (campaign_id, unit_id, submit_key, receipt_code, kind, field_id, title,
                      situation, solution, benefit, scope, first_applied, collective_author)
         SELECT $1, $2, k.key, 'CAP-' || k.n, 'initiative', f.id, 't', 's', 's', 'b', 's', DATE '2026-01-01', true
         FROM unnest(ARRAY['A', 'A', 'B', 'C', 'D']) WITH ORDINALITY AS k(key, n)
         CROSS JOIN (SELECT min(id) AS id FROM campaign_fields WHERE campaign_id = $1) f
         ON CONFLICT DO NOTHING";
    sqlx::query(insert)
        .bind(f.campaign)
        .bind(f.units[0].0)
        .execute(&f.pool)
        .await
        .unwrap();
    assert_eq!(f.initiatives_of(0).await, 3);
    let counted: i32 = sqlx::query_scalar(
        "SELECT initiative_count FROM campaign_units WHERE campaign_id = $1 AND unit_id = $2",
    )
    .bind(f.campaign)
    .bind(f.units[0].0)
    .fetch_one(&f.pool)
    .await
    .unwrap();
    assert_eq!(counted, 3);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn sign_ins_from_one_address_at_once_never_fail_on_each_others_counters(pool: PgPool) {
    use app::server::login_throttle::{clear_after_success, count_attempt, AttemptKeys, LoginPolicy};
    let policy = LoginPolicy {
        free_per_address: i32::MAX / 2,
        free_per_account: i32::MAX / 2,
        max_delay_secs: 1,
    };
    let address = Some("127.0.0.4".parse().unwrap());
    // A guess and a success from one office address, interleaved: the success clears the
    // address counter the guess is about to lock (a race seen as a 500 on the sign-in form).
    let rounds = (0..150).map(|i| {
        let pool = pool.clone();
        async move {
            let guess = AttemptKeys::new(address, &format!("khong-co-ai-{i}"));
            let owner = AttemptKeys::new(address, "quantri");
            let (counted, cleared) = tokio::join!(
                count_attempt(&pool, &guess, policy),
                clear_after_success(&pool, &owner)
            );
            (
                counted.map_err(|e| e.to_string()),
                cleared.map_err(|e| e.to_string()),
            )
        }
    });
    for (counted, cleared) in futures_util::future::join_all(rounds).await {
        assert_eq!(counted, Ok(true));
        assert_eq!(cleared, Ok(()));
    }
}
