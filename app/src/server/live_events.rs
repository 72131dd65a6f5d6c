//! `GET /live/{campaign}/events`: the campaign's board as Server-Sent Events. The first event is
//! the current board, then one per change (`event: board`, the JSON of `LiveBoard`), so a screen
//! that reconnects is whole again at once. Open like the board itself (a link-only board with its
//! key `?k=`); anything else 404. Streams end when the server stops. Each board's event is made
//! once by the hub and written to every screen as it is.
use super::live_board::may_open;
use super::live_hub::LiveHub;
use super::state::LinkKey;
use crate::error::AppError;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::convert::Infallible;
use std::time::Duration;
use tokio_stream::wrappers::{IntervalStream, WatchStream};
use tokio_stream::StreamExt;

/// A comment sent while nothing changes, so proxies keep the connection open.
const KEEP_ALIVE: Duration = Duration::from_secs(20);
const KEEP_ALIVE_FRAME: &[u8] = b":\n\n";

#[derive(Deserialize)]
pub struct BoardQuery {
    k: Option<String>,
}

pub async fn events(
    State(hub): State<LiveHub>,
    State(link_key): State<LinkKey>,
    Path(campaign_id): Path<i64>,
    Query(query): Query<BoardQuery>,
) -> Response {
    let allowed = |link_only| may_open(&link_key, campaign_id, link_only, query.k.as_deref());
    match hub.subscribe(campaign_id, allowed).await {
        Ok(receiver) => {
            let boards = WatchStream::new(receiver).map(|board| board.frame);
            let start = tokio::time::Instant::now() + KEEP_ALIVE;
            let keep_alive = IntervalStream::new(tokio::time::interval_at(start, KEEP_ALIVE))
                .map(|_| Bytes::from_static(KEEP_ALIVE_FRAME));
            // The stream ends when the server stops, so the screen reconnects elsewhere.
            let stop = WatchStream::from_changes(hub.stopping()).map(|_| None);
            let frames = boards
                .merge(keep_alive)
                .map(Some)
                .merge(stop)
                .take_while(Option::is_some)
                .filter_map(|frame| frame)
                .map(Ok::<_, Infallible>);
            (
                [
                    (header::CONTENT_TYPE, "text/event-stream"),
                    (header::CACHE_CONTROL, "no-cache"),
                    // nginx would otherwise hold events back in its buffer.
                    (header::HeaderName::from_static("x-accel-buffering"), "no"),
                ],
                Body::from_stream(frames),
            )
                .into_response()
        }
        Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
