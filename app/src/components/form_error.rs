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

/// As `form_error`, for one of several forms on a page: a plain post's `err` counts only when it
/// came back with `marker`, a field only that form sends back.
pub fn form_error_of(
    from_action: impl Fn() -> Option<AppError> + Send + Sync + 'static,
    marker: &'static str,
) -> Signal<Option<AppError>> {
    let query = use_query_map();
    Signal::derive(move || {
        from_action().or_else(|| {
            let query = query.read();
            query.get(marker)?;
            query.get("err").and_then(|json| serde_json::from_str(&json).ok())
        })
    })
}

/// The value a plain post sent back for `name`, or "".
pub fn typed_value(name: &str) -> String {
    use_query_map().read_untracked().get(name).unwrap_or_default()
}

/// After a refused plain post (`err` in the query) the typed value, otherwise the stored one.
pub fn typed_or(name: &str, stored: String) -> String {
    let query = use_query_map();
    let query = query.read_untracked();
    if query.get("err").is_some() {
        query.get(name).unwrap_or_default()
    } else {
        stored
    }
}

/// True after a successful save: the action's result (scripts on) or `?saved=key` (scripts off).
pub fn saved_flag(
    from_action: impl Fn() -> Option<bool> + Send + Sync + 'static,
    key: &'static str,
) -> Signal<bool> {
    let query = use_query_map();
    Signal::derive(move || from_action().unwrap_or_else(|| query.read().get("saved").as_deref() == Some(key)))
}

/// Bumps only when a save succeeds, so a refused save keeps what was typed on screen.
pub fn successes(
    succeeded: impl Fn() -> bool + Send + Sync + 'static,
    version: impl Fn() -> usize + Send + Sync + 'static,
) -> Memo<usize> {
    Memo::new(move |previous: Option<&usize>| {
        let version = version();
        if succeeded() {
            version
        } else {
            previous.copied().unwrap_or(0)
        }
    })
}

/// After a refused plain post, the rows of list `list` as typed: `list[i][a]` and `list[i][b]`
/// for each row `i` that came back. `None` when nothing was refused.
pub fn typed_rows(list: &str, [first, second]: [&str; 2]) -> Option<Vec<(String, String)>> {
    let query = use_query_map();
    let query = query.read_untracked();
    query.get("err")?;
    let cell = |i: usize, column: &str| query.get(&format!("{list}[{i}][{column}]"));
    Some(
        (0..)
            .map_while(|i| Some((cell(i, first)?, cell(i, second).unwrap_or_default())))
            .collect(),
    )
}
