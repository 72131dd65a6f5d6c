//! What every request passes before any route: state-changing requests from another site are
//! refused (403), a server function's body must be of the type it reads (400/415), and every
//! body is limited while it streams (413).
//!
//! Rules: uploads (`refusal::UPLOAD_PATHS`) may send [`UPLOAD_LIMIT`], every other request
//! [`FORM_LIMIT`]. A declared length over the limit is answered before a byte is read; a body
//! that grows past it is cut off there, and the answer is 413 whatever the handler made of the
//! cut. Server functions decode the raw body themselves, which is why the limit sits on the
//! body stream and not in an extractor. The body also pauses after each chunk: the multipart
//! reader (multer) takes every chunk that is ready into its own buffer, so without the pause a
//! fast sender would have a whole body buffered before the handler had looked at its first field.
use app::server::refusal::{self, Refusal, UPLOAD_PATHS};
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderMap};
use axum::middleware::Next;
use axum::response::Response;
use http_body::{Frame, SizeHint};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{ready, Context, Poll};

/// An initiative's files may total 15 MB (`attachment::MAX_TOTAL_MB`), plus its text.
pub const UPLOAD_LIMIT: usize = 16 * 1024 * 1024;
/// The largest form (a campaign's units picked from a tree of thousands) is far below this.
pub const FORM_LIMIT: usize = 1024 * 1024;

pub async fn guard(request: Request, next: Next) -> Response {
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
    let cut_off = Arc::new(AtomicBool::new(false));
    let request = request.map(|body| {
        Body::new(CappedBody {
            inner: body,
            left: limit,
            cut_off: cut_off.clone(),
            pause: false,
        })
    });
    let response = next.run(request).await;
    if cut_off.load(Ordering::Relaxed) {
        tracing::warn!(path, "request body over the limit");
        return refusal::answer(too_large, &path, &asked);
    }
    response
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers.get(header::CONTENT_LENGTH)?.to_str().ok()?.parse().ok()
}

/// A request body that fails once more than `left` bytes have come, and says so in `cut_off`;
/// after each chunk it answers "not yet" once, so a reader holds one chunk at a time.
struct CappedBody {
    inner: Body,
    left: usize,
    cut_off: Arc<AtomicBool>,
    pause: bool,
}

#[derive(Debug, thiserror::Error)]
#[error("request body over the limit")]
struct OverLimit;

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
        let frame = ready!(Pin::new(&mut this.inner).poll_frame(cx));
        if let Some(Ok(frame)) = &frame {
            this.pause = true;
            let size = frame.data_ref().map_or(0, Bytes::len);
            if size > this.left {
                this.left = 0;
                this.cut_off.store(true, Ordering::Relaxed);
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
