//! A form's current error: the last result of its action (JavaScript on), or the `err` query a
//! failed plain post came back with (JavaScript off). Typed values come back the same way.
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

pub fn form_error(
    from_action: impl Fn() -> Option<AppError> + Send + Sync + 'static,
) -> Signal<Option<AppError>> {
    let query = use_query_map();
    Signal::derive(move || {
        from_action().or_else(|| {
            query
                .read()
                .get("err")
                .and_then(|json| serde_json::from_str(&json).ok())
        })
    })
}

/// The value a plain post sent back for `name`, or "".
pub fn typed_value(name: &str) -> String {
    use_query_map().read_untracked().get(name).unwrap_or_default()
}
