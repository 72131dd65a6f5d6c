//! Numeric route parameters (`:id`, `:campaign`), 0 when missing or malformed: the server
//! answers "not found" for it.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

pub fn id_param() -> impl Fn() -> i64 + Clone + Send + Sync + 'static {
    number_param("id")
}

pub fn number_param(name: &'static str) -> impl Fn() -> i64 + Clone + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get(name)
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    }
}
