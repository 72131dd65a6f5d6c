//! The connection loop: HTTP/1.1 on every accepted TCP connection, one task each, and a graceful
//! stop that lets answers in progress finish.
//!
//! Rules: only HTTP/1.1 is spoken. Browsers use HTTP/2 only over TLS, which a proxy in front of
//! the app ends (README), so nothing is lost; in exchange a connection does not start by sniffing
//! for HTTP/2 as `axum::serve` does, which made hyper's read buffer double to 16 KB on every
//! connection (measured with heaptrack) — and every conference screen keeps one open.
//! Connections are capped overall and per peer address (a trusted proxy carries many clients and
//! has no per-address cap); one past a cap is closed at once, before a byte is read. A request
//! head must arrive within `head_timeout` (20 s), the first one and each next one on a kept-alive
//! connection, so an idle or trickling client lets go of its connection.
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::serve::Listener;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tower::util::MapRequest;

/// How long a client may take to send a request head.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(20);

/// How many connections the server keeps open (`MAX_CONNECTIONS`, `MAX_CONNECTIONS_PER_ADDRESS`;
/// the defaults are in `config`).
#[derive(Debug, Clone)]
pub struct ConnectionLimits {
    pub total: usize,
    /// A conference hall's phones share one NAT address: several hundred at once is normal.
    pub per_address: usize,
    /// Proxies in front (`TRUSTED_PROXIES`), exempt from the per-address cap.
    pub trusted: Vec<IpAddr>,
    /// How long a client may take to send a request head.
    pub head_timeout: Duration,
}

/// Open connections, overall and per address.
#[derive(Default)]
struct Open {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// One open connection, counted until it is dropped.
struct Counted {
    open: Arc<Mutex<Open>>,
    address: IpAddr,
}

impl Drop for Counted {
    fn drop(&mut self) {
        let mut open = lock(&self.open);
        open.total -= 1;
        if let Some(n) = open.by_address.get_mut(&self.address) {
            *n -= 1;
            if *n == 0 {
                open.by_address.remove(&self.address);
            }
        }
    }
}

fn lock(open: &Mutex<Open>) -> std::sync::MutexGuard<'_, Open> {
    // Every change is one call, so a panic cannot leave the counts half-changed.
    open.lock().unwrap_or_else(|e| e.into_inner())
}

/// Counts a new connection from `address`, or `None` when it is over a cap.
fn admit(open: &Arc<Mutex<Open>>, limits: &ConnectionLimits, address: IpAddr) -> Option<Counted> {
    let mut counts = lock(open);
    let from_address = counts.by_address.get(&address).copied().unwrap_or(0);
    let capped = !limits.trusted.contains(&address) && from_address >= limits.per_address;
    if counts.total >= limits.total || capped {
        return None;
    }
    counts.total += 1;
    *counts.by_address.entry(address).or_default() += 1;
    Some(Counted {
        open: open.clone(),
        address,
    })
}

/// Serves `app` until `stop` completes, then waits for the answers in progress.
pub async fn serve(
    mut listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    stop: impl Future<Output = ()>,
) {
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.head_timeout);
    let open = Arc::new(Mutex::new(Open::default()));
    let mut stop = std::pin::pin!(stop);
    loop {
        // axum's accept waits and retries when the process runs out of file descriptors.
        let (stream, peer): (_, SocketAddr) = tokio::select! {
            accepted = Listener::accept(&mut listener) => accepted,
            () = &mut stop => break,
        };
        let Some(counted) = admit(&open, &limits, peer.ip()) else {
            tracing::debug!(peer = %peer, "connection over the cap closed");
            continue;
        };
        // An answer written in parts (a streamed page, an event) goes out at once, not after the
        // client's delayed acknowledgement of the previous part (up to 40 ms).
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!(error = %e, "TCP_NODELAY not set");
        }
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
            drop(counted);
        });
    }
    drop(listener);
    graceful.shutdown().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_are_capped_per_address_except_for_trusted_proxies_and_overall() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let limits = ConnectionLimits {
            total: 5,
            per_address: 2,
            trusted: vec![proxy],
            head_timeout: HEAD_TIMEOUT,
        };
        let open = Arc::new(Mutex::new(Open::default()));
        let hall: IpAddr = "203.0.113.7".parse().unwrap();
        let first = admit(&open, &limits, hall).unwrap();
        let _second = admit(&open, &limits, hall).unwrap();
        assert!(admit(&open, &limits, hall).is_none(), "third from one address");
        drop(first);
        let _third = admit(&open, &limits, hall).expect("a closed connection frees its place");
        let _proxied: Vec<_> = (0..3).map(|_| admit(&open, &limits, proxy).unwrap()).collect();
        assert!(
            admit(&open, &limits, proxy).is_none(),
            "the overall cap holds for proxies too"
        );
    }
}
