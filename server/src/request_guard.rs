//! What every request passes before any route: state-changing requests from another site are
//! refused (403), a server function's body must be of the type it reads (400/415), and every
//! body is limited while it streams (413).
//!
//! Rules: uploads (`wire::UPLOAD_PATHS`) may send [`UPLOAD_LIMIT`], every other request
//! [`FORM_LIMIT`]. A declared length over the limit is answered before a byte is read; a body
//! that grows past it is cut off there, and the answer is 413 whatever the handler made of the
//! cut. Server functions decode the raw body themselves, which is why the limit sits on the
//! body stream and not in an extractor. The body also pauses after each chunk: the multipart
//! reader (multer) takes every chunk that is ready into its own buffer, so without the pause a
//! fast sender would have a whole body buffered before the handler had looked at its first field.
//! A body that sends nothing for its idle time ([`BODY_IDLE`] unless the router says otherwise)
//! is cut off too (408): a client that trickles a
//! byte now and then must not hold a handler and its memory for ever.
use app::server::refusal::{self, Refusal};
use app::wire::UPLOAD_PATHS;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap};
use axum::middleware::Next;
use axum::response::Response;
use http_body::{Frame, SizeHint};
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::Duration;
use tokio::time::Sleep;

/// An initiative's files may total 15 MB (`attachment::MAX_TOTAL_MB`), plus its text.
pub const UPLOAD_LIMIT: usize = 16 * 1024 * 1024;
/// The largest form (a campaign's units picked from a tree of thousands) is far below this.
pub const FORM_LIMIT: usize = 1024 * 1024;
/// The longest pause allowed inside a request body (a phone on a weak network stalls for seconds,
/// not for half a minute).
pub const BODY_IDLE: Duration = Duration::from_secs(30);

/// The guard's settings (the router's state for this middleware).
#[derive(Debug, Clone, Copy)]
pub struct GuardSettings {
    pub body_idle: Duration,
}

impl Default for GuardSettings {
    fn default() -> Self {
        Self { body_idle: BODY_IDLE }
    }
}

pub async fn guard(State(settings): State<GuardSettings>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if refusal::cross_site(request.method(), request.headers()) {
        tracing::warn!(path, "cross-site request refused");
        return refusal::answer(Refusal::CrossSite, &path, request.headers());
    }
    if let Some(refused) = refusal::unreadable(request.method(), &path, request.headers()) {
        return refusal::answer(refused, &path, request.headers());
    }
    let limit = if UPLOAD_PATHS.contains(&path.as_str()) {
        UPLOAD_LIMIT
    } else {
        FORM_LIMIT
    };
    let too_large = Refusal::TooLarge {
        limit_mb: limit / 1024 / 1024,
    };
    if declared_length(request.headers()).is_some_and(|n| n > limit as u64) {
        return refusal::answer(too_large, &path, request.headers());
    }
    // Kept for the answer to a body cut off on the way (the request itself goes to the handler).
    let asked: HeaderMap = [header::ACCEPT, header::REFERER]
        .into_iter()
        .filter_map(|name| Some((name.clone(), request.headers().get(&name)?.clone())))
        .collect();
    let cut = Arc::new(Cut::default());
    let request = request.map(|body| {
        Body::new(CappedBody {
            inner: body,
            left: limit,
            cut: cut.clone(),
            pause: false,
            idle: None,
            idle_for: settings.body_idle,
        })
    });
    let response = next.run(request).await;
    if cut.too_large.load(Ordering::Relaxed) {
        tracing::warn!(path, "request body over the limit");
        return refusal::answer(too_large, &path, &asked);
    }
    if cut.stalled.load(Ordering::Relaxed) {
        tracing::info!(path, "request body stalled");
        return refusal::answer(Refusal::Stalled, &path, &asked);
    }
    response
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers.get(header::CONTENT_LENGTH)?.to_str().ok()?.parse().ok()
}

/// Why a body was cut off, for the answer made after the handler.
#[derive(Default)]
struct Cut {
    too_large: AtomicBool,
    stalled: AtomicBool,
}

/// A request body that fails once more than `left` bytes have come or once it has sent nothing
/// for `idle_for`, and says which in `cut`; after each chunk it answers "not yet" once, so a
/// reader holds one chunk at a time.
struct CappedBody {
    inner: Body,
    left: usize,
    cut: Arc<Cut>,
    pause: bool,
    /// Made on the first read: most requests have no body to wait for.
    idle: Option<Pin<Box<Sleep>>>,
    idle_for: Duration,
}

#[derive(Debug, thiserror::Error)]
#[error("request body over the limit")]
struct OverLimit;

#[derive(Debug, thiserror::Error)]
#[error("request body stalled")]
struct Stalled;

impl http_body::Body for CappedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        if std::mem::take(&mut this.pause) {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        let idle_for = this.idle_for;
        let idle = this
            .idle
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(idle_for)));
        let frame = match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(frame) => frame,
            Poll::Pending => {
                ready!(idle.as_mut().poll(cx));
                this.cut.stalled.store(true, Ordering::Relaxed);
                return Poll::Ready(Some(Err(axum::Error::new(Stalled))));
            }
        };
        if let Some(Ok(frame)) = &frame {
            this.pause = true;
            idle.as_mut().reset(tokio::time::Instant::now() + idle_for);
            let size = frame.data_ref().map_or(0, Bytes::len);
            if size > this.left {
                this.left = 0;
                this.cut.too_large.store(true, Ordering::Relaxed);
                return Poll::Ready(Some(Err(axum::Error::new(OverLimit))));
            }
            this.left -= size;
        }
        Poll::Ready(frame)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
