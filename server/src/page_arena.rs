//! Keeps each request's reactive state its own for the whole time its response is built.
//!
//! Leptos (leptos_integration_utils 0.8.9) keeps a page's signals in an arena that a thread
//! holds as "current" only while a `Sandboxed` part of the page is polled, and leaves it there
//! afterwards. It renders a page's first chunk after the page's database reads, outside those
//! parts: if the thread served another page meanwhile, that page's arena is current, and the
//! render panics ("already been disposed", "no Arena is active"), closing the connection with no
//! answer. The rule here: each poll of a response future starts with the arena that was current
//! when its previous poll ended (the page's own, set by the page's first poll).
//!
//! Leptos also leaves a page's root owner "current" on its thread once the page starts, and code
//! that creates an owner takes the current one as its parent: the static-file fallback then read
//! the page's response options as its own and took the page's headers (its nonce policy), and a
//! server function's owner became a child of a page, cleaned up with it. The second rule: every
//! request is polled under a root owner of its own, so nothing it creates hangs under another's.
use leptos::reactive::owner::{Owner, Sandboxed};
use std::future::{Future, Pending};
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use tower::{Layer, Service};

/// Wraps a service so that its response futures keep their arena (see the module doc).
#[derive(Clone, Copy, Default)]
pub struct PageArenaLayer;

impl<S> Layer<S> for PageArenaLayer {
    type Service = PageArena<S>;

    fn layer(&self, inner: S) -> Self::Service {
        PageArena { inner }
    }
}

#[derive(Clone)]
pub struct PageArena<S> {
    inner: S,
}

impl<S: Service<R>, R> Service<R> for PageArena<S> {
    type Response = S::Response;
    type Error = S::Error;
    type Future = KeepArena<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: R) -> Self::Future {
        KeepArena {
            inner: Box::pin(self.inner.call(request)),
            arena: None,
            owner: Owner::new_root(None),
        }
    }
}

/// A response future with the arena its last poll ended in.
pub struct KeepArena<F> {
    inner: Pin<Box<F>>,
    /// Polling it makes its arena current again (what `Sandboxed` does at every poll); it never
    /// finishes, so it is polled with a waker that does nothing.
    arena: Option<Sandboxed<Pending<()>>>,
    /// The request's own root: the current owner while it is polled.
    owner: Owner,
}

impl<F: Future> Future for KeepArena<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = &mut *self;
        // The owner first: making it current also makes its (empty) arena current, which the
        // page's own arena then replaces.
        this.owner.clone().with(|| {
            if let Some(arena) = this.arena.as_mut() {
                let _ = Pin::new(arena).poll(&mut Context::from_waker(Waker::noop()));
            }
            let polled = this.inner.as_mut().poll(cx);
            this.arena = polled
                .is_pending()
                .then(|| Sandboxed::new(std::future::pending()));
            polled
        })
    }
}
