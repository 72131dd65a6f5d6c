//! What every request can reach: the pool, the Leptos options, the key that derives unit links
//! (and signs unit cookies), the queue of submits being written and the live boards (rebuilt from
//! the database). Nothing else lives in memory.
use crate::error::AppError;
use crate::server::live_hub::LiveHub;
use crate::server::login_throttle::LoginPolicy;
use crate::server::registration_queue::RegistrationQueue;
use crate::server::unit_cookie::UnitCookieKey;
use axum::extract::FromRef;
use leptos::prelude::*;
use sqlx::PgPool;
use std::net::IpAddr;
use std::sync::Arc;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub link_key: LinkKey,
    /// `PUBLIC_URL`: how phones reach this site (for unit links and QR codes); without it, the
    /// address the admin's browser used.
    pub public_url: Option<Arc<str>>,
    pub registrations: RegistrationQueue,
    pub unit_cookie_key: UnitCookieKey,
    /// Boards of the campaigns with open screens on this server, pushed as they change.
    pub live: LiveHub,
    /// `TRUSTED_PROXIES`: peers whose `X-Forwarded-For` names the client (see `client_address`).
    pub trusted_proxies: Arc<[IpAddr]>,
    /// How sign-in attempts are throttled.
    pub login_policy: LoginPolicy,
    /// Open board streams allowed from one client address (`live_events`).
    pub max_streams_per_address: usize,
}

/// The secret from which unit links are derived; every app server of one database needs the same.
#[derive(Clone)]
pub struct LinkKey(pub Arc<[u8]>);

/// The pool, from the context that the router gives every server function.
pub fn pool() -> Result<PgPool, AppError> {
    state().map(|s| s.pool)
}

pub fn link_key() -> Result<LinkKey, AppError> {
    state().map(|s| s.link_key)
}

pub fn public_url() -> Result<Option<Arc<str>>, AppError> {
    state().map(|s| s.public_url)
}

pub fn unit_cookie_key() -> Result<UnitCookieKey, AppError> {
    state().map(|s| s.unit_cookie_key)
}

pub fn registrations() -> Result<RegistrationQueue, AppError> {
    state().map(|s| s.registrations)
}

pub fn trusted_proxies() -> Result<Arc<[IpAddr]>, AppError> {
    state().map(|s| s.trusted_proxies)
}

pub fn live_hub() -> Result<LiveHub, AppError> {
    state().map(|s| s.live)
}

pub fn login_policy() -> Result<LoginPolicy, AppError> {
    state().map(|s| s.login_policy)
}

/// The address of the client of the request being answered, when known.
pub fn client_address() -> Result<Option<IpAddr>, AppError> {
    let trusted = state()?.trusted_proxies;
    Ok(use_context::<axum::http::request::Parts>().and_then(|parts| {
        let peer = crate::server::client_address::peer(&parts);
        crate::server::client_address::client_address(peer, &parts.headers, &trusted)
    }))
}

fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}
