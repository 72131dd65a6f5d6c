//! A board's Server-Sent Events stream, read the way a screen reads it.
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use std::time::Duration;
use tower::ServiceExt;

/// A screen's event stream on `server`, checked to be one.
/// `query` is "" or a link-only board's `?k=…`.
pub async fn open_stream(server: axum::Router, campaign: i64, query: &str) -> Body {
    let response = server
        .oneshot(
            Request::get(format!("/live/{campaign}/events{query}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    response.into_body()
}

/// The next `board` event of a stream, as JSON; keep-alive comments and other events are skipped.
pub async fn next_board(body: &mut Body) -> serde_json::Value {
    next_event(body, "board").await
}

/// The next `stage` event of a stream (a live ceremony's step, or `null`), as JSON.
pub async fn next_stage(body: &mut Body) -> serde_json::Value {
    next_event(body, "stage").await
}

/// The next event named `kind`, within 10 s (each event arrives in a frame of its own).
async fn next_event(body: &mut Body, kind: &str) -> serde_json::Value {
    let wanted = format!("event: {kind}\n");
    let wait = async {
        let mut text = String::new();
        loop {
            let frame = body
                .frame()
                .await
                .expect("the stream ended")
                .expect("a readable frame");
            if let Ok(data) = frame.into_data() {
                text.push_str(&String::from_utf8_lossy(&data));
            }
            while let Some(end) = text.find("\n\n") {
                let event: String = text.drain(..end + 2).collect();
                if event.starts_with(&wanted) {
                    let json = event.lines().find_map(|l| l.strip_prefix("data: ")).unwrap();
                    return serde_json::from_str(json).unwrap();
                }
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(10), wait)
        .await
        .unwrap_or_else(|_| panic!("a {kind} event within 10 s"))
}

/// The first board of the stream (from now) that satisfies `wanted`, within 10 s.
pub async fn board_where(body: &mut Body, wanted: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    let wait = async {
        loop {
            let board = next_board(body).await;
            if wanted(&board) {
                return board;
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(10), wait)
        .await
        .expect("the awaited board within 10 s")
}

/// The board's row of `unit`.
pub fn row_of(board: &serde_json::Value, unit: i64) -> &serde_json::Value {
    board["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit_id"] == unit)
        .unwrap()
}
