//! What every request can reach: the pool, the Leptos options, the key that derives unit links
//! (and signs unit cookies), the queue of submits being written and the live boards (rebuilt from
//! the database). Nothing else lives in memory.
use crate::error::AppError;
use crate::server::live_hub::LiveHub;
use crate::server::registration_queue::RegistrationQueue;
use crate::server::unit_cookie::UnitCookieKey;
use axum::extract::FromRef;
use leptos::prelude::*;
use sqlx::PgPool;
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

fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}
