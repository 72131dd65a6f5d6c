//! Who is at the other end: the TCP peer's address, or — only when that peer is one of the
//! configured trusted proxies (`TRUSTED_PROXIES`) — the address the proxy puts last in
//! `X-Forwarded-For` (the one it saw itself; what comes before it the client may have written).
//! Anybody can write the header, so it is never read from any other peer.
use axum::extract::ConnectInfo;
use axum::http::{request::Parts, HeaderMap};
use std::net::{IpAddr, SocketAddr};

pub fn client_address(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpAddr]) -> Option<IpAddr> {
    let peer = peer?;
    if !trusted.contains(&peer) {
        return Some(peer);
    }
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .next_back();
    Some(forwarded.unwrap_or(peer))
}

/// The TCP peer, as the connection loop records it on each request.
pub fn peer(parts: &Parts) -> Option<IpAddr> {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn forwarded_addresses_count_only_from_a_trusted_proxy() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 203.0.113.7"),
        );
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let stranger: IpAddr = "198.51.100.1".parse().unwrap();
        assert_eq!(
            client_address(Some(proxy), &headers, &[proxy]),
            "203.0.113.7".parse().ok()
        );
        assert_eq!(client_address(Some(stranger), &headers, &[proxy]), Some(stranger));
        assert_eq!(
            client_address(Some(proxy), &HeaderMap::new(), &[proxy]),
            Some(proxy)
        );
        assert_eq!(client_address(None, &headers, &[proxy]), None);
    }
}
