//! Follows a board's Server-Sent Events in the browser. The browser's own retry of an
//! `EventSource` has a fixed delay; here a dropped stream is closed and opened again after 0.5 s,
//! then twice as long each time up to 30 s, back to 0.5 s once a board arrives. Each new stream
//! starts with the whole current board, so nothing missed while away stays missing.
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventSource, MessageEvent};

const RETRY_FIRST_MS: u64 = 500;
const RETRY_MAX_MS: u64 = 30_000;

/// Following stops when this is dropped.
pub struct Follower {
    state: Rc<State>,
}

struct State {
    url: String,
    on_board: Box<dyn Fn(String)>,
    on_connected: Box<dyn Fn(bool)>,
    retry_ms: Cell<u64>,
    stream: RefCell<Option<Stream>>,
    stopped: Cell<bool>,
}

struct Stream {
    source: EventSource,
    _on_board: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl Drop for Stream {
    fn drop(&mut self) {
        self.source.close();
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        self.state.stopped.set(true);
        self.state.stream.borrow_mut().take();
    }
}

/// Calls `on_board` with each board's JSON and `on_connected` when the stream drops or returns.
pub fn follow(
    url: String,
    on_board: impl Fn(String) + 'static,
    on_connected: impl Fn(bool) + 'static,
) -> Follower {
    let state = Rc::new(State {
        url,
        on_board: Box::new(on_board),
        on_connected: Box::new(on_connected),
        retry_ms: Cell::new(RETRY_FIRST_MS),
        stream: RefCell::new(None),
        stopped: Cell::new(false),
    });
    open(&state);
    Follower { state }
}

fn open(state: &Rc<State>) {
    if state.stopped.get() {
        return;
    }
    let Ok(source) = EventSource::new(&state.url) else {
        return retry_later(state);
    };
    let weak = Rc::downgrade(state);
    let on_board = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let (Some(state), Some(json)) = (weak.upgrade(), event.data().as_string()) {
            state.retry_ms.set(RETRY_FIRST_MS);
            (state.on_connected)(true);
            (state.on_board)(json);
        }
    });
    let weak: Weak<State> = Rc::downgrade(state);
    let on_error = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
        if let Some(state) = weak.upgrade() {
            (state.on_connected)(false);
            // Closed here, replaced later: a closure must not be dropped while it runs.
            if let Some(stream) = state.stream.borrow().as_ref() {
                stream.source.close();
            }
            retry_later(&state);
        }
    });
    let listening = source
        .add_event_listener_with_callback("board", on_board.as_ref().unchecked_ref())
        .is_ok();
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    *state.stream.borrow_mut() = Some(Stream {
        source,
        _on_board: on_board,
        _on_error: on_error,
    });
    if !listening {
        retry_later(state);
    }
}

fn retry_later(state: &Rc<State>) {
    let delay = state.retry_ms.get();
    state.retry_ms.set((delay * 2).min(RETRY_MAX_MS));
    let weak = Rc::downgrade(state);
    leptos::prelude::set_timeout(
        move || {
            if let Some(state) = weak.upgrade() {
                open(&state);
            }
        },
        Duration::from_millis(delay),
    );
}
