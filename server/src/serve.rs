//! The connection loop: HTTP/1.1 on every accepted TCP connection, one task each, and a graceful
//! stop that lets answers in progress finish.
//!
//! Rules: only HTTP/1.1 is spoken. Browsers use HTTP/2 only over TLS, which a proxy in front of
//! the app ends (README), so nothing is lost; in exchange a connection does not start by sniffing
//! for HTTP/2 as `axum::serve` does, which made hyper's read buffer double to 16 KB on every
//! connection (measured with heaptrack) — and every conference screen keeps one open.
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::serve::Listener;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use tokio::net::TcpListener;
use tower::util::MapRequest;

/// Serves `app` until `stop` completes, then waits for the answers in progress.
pub async fn serve(mut listener: TcpListener, app: Router, stop: impl Future<Output = ()>) {
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    // The timer bounds how long a client may take to send its request head (30 s).
    http.timer(TokioTimer::new());
    let mut stop = std::pin::pin!(stop);
    loop {
        // axum's accept waits and retries when the process runs out of file descriptors.
        let (stream, peer) = tokio::select! {
            accepted = Listener::accept(&mut listener) => accepted,
            () = &mut stop => break,
        };
        // Each request knows its peer (`client_address` reads it) without a router per connection.
        let service = TowerToHyperService::new(MapRequest::new(
            app.clone(),
            move |mut request: Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            },
        ));
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
}
