//! Unit links: `/l/{token}` where the token is 160 bits derived with HMAC-SHA256 from the server's
//! link key, the link's id and a random nonce. The database keeps only the token's SHA-256, so a
//! copy of it cannot open any unit's page; the server can show a link again because it holds the
//! key. Opening compares tokens in constant time.
use super::state::LinkKey;
use data_encoding::BASE32_NOPAD;
use hmac::{Hmac, Mac};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

pub const NONCE_BYTES: usize = 16;
const TOKEN_BYTES: usize = 20;

pub fn new_nonce() -> Vec<u8> {
    let mut nonce = vec![0u8; NONCE_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    nonce
}

/// HMAC-SHA256 under the link key, begun with `purpose` so that values derived for one use
/// (unit links, board keys) never equal those of another.
pub fn keyed_mac(key: &LinkKey, purpose: &[u8]) -> Hmac<Sha256> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key.0).expect("HMAC takes any key length");
    mac.update(purpose);
    mac
}

/// The token of link `link_id`: 32 characters of upper-case base32.
pub fn token(key: &LinkKey, link_id: i64, nonce: &[u8]) -> String {
    let mut mac = keyed_mac(key, b"thidua unit link\0");
    mac.update(&link_id.to_be_bytes());
    mac.update(nonce);
    let digest = mac.finalize().into_bytes();
    BASE32_NOPAD.encode(&digest[..TOKEN_BYTES])
}

pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// A token as typed or scanned, upper-cased; `None` when it cannot be one.
pub fn clean_token(raw: &str) -> Option<String> {
    let token = raw.trim().to_ascii_uppercase();
    let valid =
        token.len() == BASE32_NOPAD.encode_len(TOKEN_BYTES) && BASE32_NOPAD.decode(token.as_bytes()).is_ok();
    valid.then_some(token)
}

/// True when `typed` is the token of this link, compared in constant time.
pub fn matches(key: &LinkKey, link_id: i64, nonce: &[u8], typed: &str) -> bool {
    token(key, link_id, nonce)
        .as_bytes()
        .ct_eq(typed.as_bytes())
        .into()
}

pub fn path(token: &str) -> String {
    format!("/l/{token}")
}

/// Where phones reach this site: `PUBLIC_URL`, else the scheme and host of the current request.
pub fn site_url() -> Result<String, crate::error::AppError> {
    use axum::http::{header, request::Parts};
    if let Some(url) = super::state::public_url()? {
        return Ok(url.to_string());
    }
    let parts = leptos::prelude::use_context::<Parts>();
    let header = |name| {
        parts
            .as_ref()
            .and_then(|p| p.headers.get(name))
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let host = header(header::HOST).unwrap_or_else(|| "localhost".into());
    // Only a trusted proxy says how the browser reached it (TLS ends there).
    let from_proxy = parts
        .as_ref()
        .and_then(super::client_address::peer)
        .is_some_and(|peer| super::state::trusted_proxies().is_ok_and(|trusted| trusted.contains(&peer)));
    let forwarded = header(header::HeaderName::from_static("x-forwarded-proto"));
    let scheme = match forwarded.as_deref() {
        Some("https") if from_proxy => "https",
        _ => "http",
    };
    Ok(format!("{scheme}://{host}"))
}

/// The QR code of `url` as SVG that scales without blur (its size comes from CSS).
pub fn qr_svg(url: &str) -> String {
    match QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M) {
        Ok(code) => code
            .render::<svg::Color>()
            .module_dimensions(1, 1)
            .quiet_zone(true)
            .build(),
        Err(e) => {
            tracing::error!(error = %e, "QR code could not be made");
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn key(byte: u8) -> LinkKey {
        LinkKey(Arc::from(vec![byte; 32]))
    }

    #[test]
    fn tokens_are_160_bits_of_base32_and_depend_on_key_id_and_nonce() {
        let nonce = [7u8; NONCE_BYTES];
        let t = token(&key(1), 5, &nonce);
        assert_eq!(t.len(), 32);
        assert_eq!(clean_token(&t.to_lowercase()), Some(t.clone()));
        assert_ne!(t, token(&key(2), 5, &nonce));
        assert_ne!(t, token(&key(1), 6, &nonce));
        assert_ne!(t, token(&key(1), 5, &[8u8; NONCE_BYTES]));
        assert!(matches(&key(1), 5, &nonce, &t));
        assert!(!matches(&key(1), 5, &nonce, &token(&key(1), 6, &nonce)));
    }

    #[test]
    fn malformed_tokens_are_refused_before_any_lookup() {
        assert_eq!(clean_token("short"), None);
        assert_eq!(clean_token(&"1".repeat(32)), None);
    }

    #[test]
    fn the_qr_code_is_an_svg_with_a_view_box() {
        let svg = qr_svg("http://127.0.0.1:3000/l/ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
        assert!(svg.contains("<svg") && svg.contains("viewBox"), "{svg}");
    }
}
