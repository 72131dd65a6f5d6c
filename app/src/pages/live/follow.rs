//! Follows a board's Server-Sent Events in the browser, through `gloo-net`'s `EventSource`
//! stream. The browser's own retry of an `EventSource` has a fixed delay; here any error closes
//! the stream, and a new one opens after 0.5 s, then twice as long each time up to 30 s, back to
//! 0.5 s once a board arrives. Each new stream starts with the whole current board and the
//! ceremony's current stage, so nothing missed while away stays missing.
use futures::channel::oneshot;
use futures::future::{abortable, AbortHandle};
use futures::StreamExt;
use gloo_net::eventsource::futures::EventSource;
use std::time::Duration;

const RETRY_FIRST_MS: u64 = 500;
const RETRY_MAX_MS: u64 = 30_000;

/// Following stops (and its stream closes) when this is dropped.
pub struct Follower {
    task: AbortHandle,
}

impl Drop for Follower {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// What one stream delivered before it ended.
enum Event {
    Board(String),
    Stage(String),
    Down,
}

/// Calls `on_board` with each board's JSON, `on_stage` with each ceremony stage's JSON, and
/// `on_connected` when the stream drops or returns.
pub fn follow(
    url: String,
    on_board: impl Fn(String) + 'static,
    on_stage: impl Fn(String) + 'static,
    on_connected: impl Fn(bool) + 'static,
) -> Follower {
    let (task, handle) = abortable(async move {
        let mut retry_ms = RETRY_FIRST_MS;
        loop {
            let mut delivered = false;
            if let Ok(mut source) = EventSource::new(&url) {
                // Every "error" event, including those of the browser's own reconnecting (which
                // gloo's subscription leaves out): each one is a drop to show and to handle here.
                if let (Ok(boards), Ok(stages), Ok(errors)) = (
                    source.subscribe("board"),
                    source.subscribe("stage"),
                    source.subscribe("error"),
                ) {
                    let data = |kind: fn(String) -> Event| {
                        move |m: Result<(String, web_sys::MessageEvent), _>| match m {
                            Ok((_, message)) => message.data().as_string().map_or(Event::Down, kind),
                            Err(_) => Event::Down,
                        }
                    };
                    let boards = boards.map(data(Event::Board));
                    let stages = stages.map(data(Event::Stage));
                    let mut events = futures::stream::select(
                        futures::stream::select(boards, stages),
                        errors.map(|_| Event::Down),
                    );
                    while let Some(event) = events.next().await {
                        let (board, stage) = match event {
                            Event::Board(json) => (Some(json), None),
                            Event::Stage(json) => (None, Some(json)),
                            Event::Down => break,
                        };
                        if !delivered {
                            delivered = true;
                            retry_ms = RETRY_FIRST_MS;
                            on_connected(true);
                        }
                        if let Some(json) = board {
                            on_board(json);
                        }
                        if let Some(json) = stage {
                            on_stage(json);
                        }
                    }
                }
                source.close();
            }
            on_connected(false);
            sleep(retry_ms).await;
            retry_ms = (retry_ms * 2).min(RETRY_MAX_MS);
        }
    });
    leptos::task::spawn_local(async move {
        let _ = task.await;
    });
    Follower { task: handle }
}

async fn sleep(ms: u64) {
    let (done, wait) = oneshot::channel();
    leptos::prelude::set_timeout(
        move || {
            let _ = done.send(());
        },
        Duration::from_millis(ms),
    );
    let _ = wait.await;
}
