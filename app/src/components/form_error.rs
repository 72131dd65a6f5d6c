//! A form's current error: the last result of its action (JavaScript on), or the refusal a
//! failed plain post came back with (JavaScript off, `wire::form_refusal`). Typed values come
//! back the same way.
use crate::error::AppError;
use crate::wire::codec::SliceJson;
use crate::wire::form_refusal::{FormRefusal, REFUSED_QUERY};
use leptos::prelude::*;
use leptos::server::SharedValue;
use leptos_router::hooks::use_query_map;

/// The refusal the page was answered with, handed from the server's render to the browser.
#[derive(Clone)]
struct PlainRefusal(Option<FormRefusal>);

/// Called once at the root of the app, before anything else that hands data to the browser.
pub fn provide_plain_refusal() {
    let refusal = SharedValue::<Option<FormRefusal>, SliceJson>::new_with_encoding(|| {
        #[cfg(feature = "ssr")]
        return crate::server::respond::refusal_of_request();
        #[cfg(not(feature = "ssr"))]
        None
    });
    provide_context(PlainRefusal(refusal.into_inner()));
}

/// Reads the refusal of the page in view: only while its address names it.
fn refusal_reader() -> impl Fn(bool) -> Option<FormRefusal> + Send + Sync + 'static {
    let refusal = use_context::<PlainRefusal>().and_then(|shown| shown.0);
    let query = use_query_map();
    move |tracked| {
        let refusal = refusal.clone()?;
        let id = if tracked {
            query.read().get(REFUSED_QUERY)
        } else {
            query.read_untracked().get(REFUSED_QUERY)
        };
        (id.as_deref() == Some(refusal.id.as_str())).then_some(refusal)
    }
}

fn refusal_in_view(tracked: bool) -> Option<FormRefusal> {
    refusal_reader()(tracked)
}

/// The problems of the refused plain post the page shows, handed to an island as a prop.
pub fn plain_refusal_error() -> Option<AppError> {
    refusal_in_view(false).map(|refusal| refusal.err)
}

pub fn form_error(
    from_action: impl Fn() -> Option<AppError> + Send + Sync + 'static,
) -> Signal<Option<AppError>> {
    let refusal = refusal_reader();
    Signal::derive(move || from_action().or_else(|| refusal(true).map(|refusal| refusal.err)))
}

/// As `form_error`, for one of several forms on a page: a refused plain post counts only when it
/// came back with `marker`, a field only that form sends back.
pub fn form_error_of(
    from_action: impl Fn() -> Option<AppError> + Send + Sync + 'static,
    marker: &'static str,
) -> Signal<Option<AppError>> {
    let refusal = refusal_reader();
    Signal::derive(move || {
        from_action().or_else(|| {
            let refusal = refusal(true)?;
            refusal.typed(marker)?;
            Some(refusal.err)
        })
    })
}

/// The value a plain post sent back for `name`, or "".
pub fn typed_value(name: &str) -> String {
    refusal_in_view(false)
        .and_then(|refusal| refusal.typed(name).map(str::to_owned))
        .unwrap_or_default()
}

/// After a refused plain post the typed value, otherwise the stored one.
pub fn typed_or(name: &str, stored: String) -> String {
    match refusal_in_view(false) {
        Some(refusal) => refusal.typed(name).unwrap_or_default().to_owned(),
        None => stored,
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
    let refusal = refusal_in_view(false)?;
    let cell = |i: usize, column: &str| {
        refusal
            .typed(&format!("{list}[{i}][{column}]"))
            .map(str::to_owned)
    };
    Some(
        (0..)
            .map_while(|i| Some((cell(i, first)?, cell(i, second).unwrap_or_default())))
            .collect(),
    )
}
