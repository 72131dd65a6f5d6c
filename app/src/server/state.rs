//! What every request can reach: the pool and the Leptos options. Nothing else lives in memory.
use crate::error::AppError;
use axum::extract::FromRef;
use leptos::prelude::*;
use sqlx::PgPool;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
}

/// The pool, from the context that the router gives every server function.
pub fn pool() -> Result<PgPool, AppError> {
    use_context::<AppState>().map(|s| s.pool).ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}
