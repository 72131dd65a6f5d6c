//! `GET /live/{campaign}/events`: the campaign's board as Server-Sent Events. The first event is
//! the current board, then one per change (`event: board`, the JSON of `LiveBoard`), so a screen
//! that reconnects is whole again at once. Open like the board itself (a link-only board with its
//! key `?k=`); anything else 404. Streams end when the server stops. Each board's event is made
//! once by the hub and written to every screen as it is. One client address may hold
//! A live ceremony's current step comes as its own event (`event: stage`, the JSON of
//! `Option<Stage>`), first when the stream opens, then at each step. One client address may hold
//! `MAX_STREAMS_PER_ADDRESS` streams at once (429 past that; a hall behind one NAT address needs
//! hundreds).
use super::access::board_pass;
use super::client_address::{client_address, peer};
use super::state::AppState;
use crate::error::AppError;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{header, request::Parts, StatusCode};
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

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn events(
    State(state): State<AppState>,
    Path(campaign_id): Path<i64>,
    Query(query): Query<BoardQuery>,
    parts: Parts,
) -> Response {
    let hub = state.live.clone();
    let address = client_address(peer(&parts), &parts.headers, &state.trusted_proxies);
    let slot = match address.map(|a| hub.open_stream(a, state.max_streams_per_address)) {
        Some(None) => return StatusCode::TOO_MANY_REQUESTS.into_response(),
        Some(slot) => slot,
        None => None,
    };
    let pass = board_pass(&state.link_key, campaign_id, query.k);
    match hub.subscribe(&pass).await {
        Ok(receiver) => {
            let Some(stages) = hub.stages(campaign_id) else {
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            };
            // The stream holds its place among its address's streams until it ends.
            let boards = WatchStream::new(receiver).map(move |board| {
                let _counted = &slot;
                board.frame
            });
            let stages = WatchStream::new(stages).map(|stage| stage.frame);
            let start = tokio::time::Instant::now() + KEEP_ALIVE;
            let keep_alive = IntervalStream::new(tokio::time::interval_at(start, KEEP_ALIVE))
                .map(|_| Bytes::from_static(KEEP_ALIVE_FRAME));
            // The stream ends when the server stops, so the screen reconnects elsewhere.
            let stop = WatchStream::from_changes(hub.stopping()).map(|_| None);
            let frames = boards
                .merge(stages)
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
