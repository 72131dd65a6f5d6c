//! The Content-Security-Policy of every page. Rules: scripts run only from this site or inline
//! with the page's nonce (Leptos puts it on its hydration and resource scripts), WebAssembly may
//! be compiled (`'wasm-unsafe-eval'`), nothing is loaded from or sent to another site, and no
//! other site may frame a page. Styles may be inline (`style` attributes set by the views).
use axum::http::{header, HeaderValue};
use leptos::nonce::use_nonce;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Sets the policy on the response of the page being rendered (called from the shell).
pub fn apply() {
    let (Some(nonce), Some(response)) = (use_nonce(), use_context::<ResponseOptions>()) else {
        // The page then leaves with the router's strict default policy and will not come alive.
        tracing::warn!("page rendered without its nonce or response options");
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&content_security_policy(&nonce)) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}
