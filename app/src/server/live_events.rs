//! `GET /live/{campaign}/events`: the campaign's board as Server-Sent Events. The first event is
//! the current board, then one per change (`event: board`, the JSON of `LiveBoard`), so a screen
//! that reconnects is whole again at once. Public like the board itself; hidden campaigns 404.
//! Streams end when the server stops.
use super::live_board::may_open;
use super::live_hub::LiveHub;
use super::state::LinkKey;
use crate::error::AppError;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::convert::Infallible;
use std::time::Duration;
use tokio_stream::wrappers::WatchStream;
use tokio_stream::StreamExt;

/// Comments sent while nothing changes, so proxies keep the connection open.
const KEEP_ALIVE: Duration = Duration::from_secs(20);

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
    match hub.subscribe(campaign_id).await {
        Ok(receiver)
            if !may_open(
                &link_key,
                campaign_id,
                receiver.borrow().link_only,
                query.k.as_deref(),
            ) =>
        {
            StatusCode::NOT_FOUND.into_response()
        }
        Ok(receiver) => {
            // The stream ends when the server stops, so the screen reconnects elsewhere.
            let stop = WatchStream::from_changes(hub.stopping()).map(|_| None);
            let stream = WatchStream::new(receiver)
                .map(Some)
                .merge(stop)
                .take_while(Option::is_some)
                .filter_map(|json| json)
                .map(|board| Ok::<_, Infallible>(Event::default().event("board").data(&*board.json)));
            Sse::new(stream)
                .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
                .into_response()
        }
        Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
