//! The live board pushed over Server-Sent Events, through the real router and a real
//! PostgreSQL: a commit made through one app server reaches a screen on another.
mod common;

use app::server::access::board_pass;
use app::server::state::LinkKey;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::events::{board_where, next_board, open_stream, row_of};
use common::unit_fixture::fixture;
use sqlx::PgPool;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt;

fn initiatives_of(board: &serde_json::Value, unit: i64) -> i64 {
    row_of(board, unit)["initiatives"].as_i64().unwrap()
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_registration_through_one_server_reaches_a_screen_on_another(pool: PgPool) {
    let f = fixture(pool).await;
    // A second app server on the same database.
    let other_server = common::router(&f.pool).await;
    let mut body = open_stream(other_server, f.campaign, "").await;
    let first = next_board(&mut body).await;
    let unit = f.units[0].0;
    assert_eq!(initiatives_of(&first, unit), 0);

    let cookie = f.open(0).await;
    let (status, answer) = f.submit(Some(&cookie), "LIVE-1", &[], &[]).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    // A board may come first that was built before the commit (the hub resynchronizes when its
    // listener connects); the registration's board must follow.
    let pushed = board_where(&mut body, |b| initiatives_of(b, unit) == 1).await;
    assert_eq!(pushed["latest"][0]["title"], "Mô hình “Một cửa không chờ”");

    // A commitment changes the standings too.
    let (status, _, _) = common::post(
        &f.app,
        "/api/sign_commitment",
        &format!(
            "campaign_id={}&head_name=A&head_position=B&confirm=yes",
            f.campaign
        ),
        Some(&cookie),
    )
    .await;
    assert!(status.is_success() || status.is_redirection(), "{status}");
    let board = board_where(&mut body, |b| row_of(b, unit)["committed"] == true).await;
    assert!(
        row_of(&board, unit)["score_hundredths"].as_i64().unwrap()
            > row_of(&pushed, unit)["score_hundredths"].as_i64().unwrap()
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_renamed_unit_is_renamed_on_open_boards(pool: PgPool) {
    let f = fixture(pool).await;
    let mut body = open_stream(f.app.clone(), f.campaign, "").await;
    let unit = f.units[0].0;
    // A registration's board first: the hub is listening (its resync cannot carry the rename).
    let cookie = f.open(0).await;
    let (status, answer) = f.submit(Some(&cookie), "RENAME-1", &[], &[]).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    board_where(&mut body, |b| initiatives_of(b, unit) == 1).await;
    sqlx::query("UPDATE units SET name = 'Phường Đổi Tên Mới' WHERE id = $1")
        .bind(unit)
        .execute(&f.pool)
        .await
        .unwrap();
    board_where(&mut body, |b| {
        row_of(b, unit)["unit_name"] == "Phường Đổi Tên Mới"
    })
    .await;
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_draft_or_unknown_campaign_has_no_event_stream(pool: PgPool) {
    let f = fixture(pool).await;
    let draft: i64 = sqlx::query_scalar("SELECT id FROM campaigns WHERE state = 'draft' LIMIT 1")
        .fetch_one(&f.pool)
        .await
        .unwrap();
    for id in [draft, 987_654] {
        let response = f
            .app
            .clone()
            .oneshot(
                Request::get(format!("/live/{id}/events"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "campaign {id}");
    }
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_link_only_board_opens_only_with_its_key(pool: PgPool) {
    let f = fixture(pool).await;
    sqlx::query("UPDATE campaigns SET visibility = 'link_only' WHERE id = $1")
        .bind(f.campaign)
        .execute(&f.pool)
        .await
        .unwrap();
    let link_key = app::server::state::LinkKey(std::sync::Arc::from(
        common::config().link_key.unwrap().as_bytes(),
    ));
    let key = app::server::board_key::board_key(&link_key, f.campaign);
    let other = app::server::board_key::board_key(&link_key, f.campaign + 1);
    let events = |query: &str| format!("/live/{}/events{query}", f.campaign);
    for query in [String::new(), format!("?k={other}"), "?k=".into()] {
        let response = f
            .app
            .clone()
            .oneshot(Request::get(events(&query)).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{query}");
        for function in ["live_board", "live_screen"] {
            let args = format!(
                "campaign_id={}&key={}",
                f.campaign,
                query.trim_start_matches("?k=")
            );
            let (status, _, _) = common::post(&f.app, &format!("/api/{function}"), &args, None).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{function} {query}");
        }
    }
    // Typed in lower case from the screen, it still opens.
    let mut body = open_stream(f.app.clone(), f.campaign, &format!("?k={}", key.to_lowercase())).await;
    assert_eq!(next_board(&mut body).await["link_only"], true);
    let args = format!("campaign_id={}&key={key}", f.campaign);
    let (status, answer, _) = common::post(&f.app, "/api/live_screen", &args, None).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let screen: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert!(screen["share"]["url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/live/{}?k={key}", f.campaign)));
    assert!(screen["share"]["qr_svg"].as_str().unwrap().contains("<svg"));
    // A participating unit's page links to the board with its key.
    let cookie = f.open(0).await;
    let args = format!("campaign_id={}", f.campaign);
    let (status, answer, _) = common::post(&f.app, "/api/get_unit_home", &args, Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let home: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(home["board_path"], format!("/live/{}?k={key}", f.campaign));
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_served_app_stops_at_once_with_screens_open(pool: PgPool) {
    let f = fixture(pool).await;
    let live = app::server::live_hub::LiveHub::new(f.pool.clone());
    let app = server::router::build(f.pool.clone(), &common::config(), live.clone())
        .await
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn(server::serve::serve(
        listener,
        app,
        common::config().connection_limits(),
        async move {
            let _ = stopped.await;
            live.stop();
        },
    ));

    // A screen over a real connection: HTTP/1.1, its first board, then it stays open.
    let mut screen = tokio::net::TcpStream::connect(address).await.unwrap();
    let request = format!("GET /live/{}/events HTTP/1.1\r\nHost: test\r\n\r\n", f.campaign);
    screen.write_all(request.as_bytes()).await.unwrap();
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    let first_board = tokio::time::timeout(Duration::from_secs(10), async {
        while !String::from_utf8_lossy(&received).contains("event: board") {
            let n = screen.read(&mut buffer).await.unwrap();
            assert!(n > 0, "the connection closed before the first board");
            received.extend_from_slice(&buffer[..n]);
        }
    })
    .await;
    assert!(first_board.is_ok(), "no board within 10 s");
    assert!(String::from_utf8_lossy(&received).starts_with("HTTP/1.1 200 OK"));

    // Graceful shutdown waits for answers in progress: the board stream must end by itself.
    stop.send(()).unwrap();
    let served = tokio::time::timeout(Duration::from_secs(5), serving).await;
    assert!(served.is_ok(), "the server kept running with a screen open");
    let closed = tokio::time::timeout(Duration::from_secs(5), async {
        while screen.read(&mut buffer).await.unwrap_or(0) > 0 {}
    })
    .await;
    assert!(
        closed.is_ok(),
        "the screen's connection stayed open after the stop"
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn screens_that_open_together_share_one_board(pool: PgPool) {
    let f = fixture(pool).await;
    let live = app::server::live_hub::LiveHub::new(f.pool.clone());
    // The fixture's campaign is public: a pass without a key opens it.
    let key = LinkKey(b"any key: a public board asks for none".as_slice().into());
    // A hall of screens reconnecting at once to a server that has no board yet.
    let mut opening = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let (live, campaign) = (live.clone(), f.campaign);
        let pass = board_pass(&key, campaign, None);
        opening.spawn(async move { live.subscribe(&pass).await });
    }
    let mut boards = Vec::new();
    while let Some(opened) = opening.join_next().await {
        boards.push(opened.unwrap().expect("a board for every screen"));
    }
    assert!(boards.iter().all(|b| b.same_channel(&boards[0])));
    // The gate of the first build is gone: a later screen gets the same board at once.
    let later = tokio::time::timeout(
        Duration::from_secs(1),
        live.subscribe(&board_pass(&key, f.campaign, None)),
    )
    .await
    .expect("no wait")
    .unwrap();
    assert!(later.same_channel(&boards[0]));
}
