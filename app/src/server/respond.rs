//! How a server function's result becomes an HTTP answer: the status follows the error, and a
//! plain HTML form post (JavaScript off) that fails goes back to its form with the problems and
//! the typed values in the query string, so nothing typed is lost.
use crate::error::AppError;
use axum::http::{header, request::Parts, HeaderMap, StatusCode};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

/// Sets the HTTP status for an error when the server function was called over HTTP; a call made
/// while rendering a page leaves the page's status alone (the page shows the problem itself).
pub fn finish<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    let over_http = use_context::<Parts>().is_some_and(|parts| parts.uri.path().starts_with("/api/"));
    if let (Err(err), true) = (&result, over_http) {
        if let Some(res) = use_context::<ResponseOptions>() {
            res.set_status(
                StatusCode::from_u16(err.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            );
        }
    }
    result
}

/// For forms with nothing typed to send back (buttons only).
pub const NOTHING_TYPED: &[(&str, &str)] = &[];

/// Like [`finish`], but a failed plain form post is redirected back to the form page.
pub fn finish_form<T, K: AsRef<str>, V: AsRef<str>>(
    result: Result<T, AppError>,
    typed: &[(K, V)],
) -> Result<T, AppError> {
    match (&result, plain_form_referer()) {
        (Err(err), Some(back)) => {
            leptos_axum::redirect(&back_with_problems(&back, err, typed));
            result
        }
        _ => finish(result),
    }
}

/// After a save that stays on its page: a plain form post (scripts off) is sent to `to`; with
/// scripts on the page updates in place and keeps its scroll position.
pub fn redirect_plain_form(to: &str) {
    if plain_form_referer().is_some() {
        leptos_axum::redirect(to);
    }
}

/// The page a plain (non-JavaScript) form was posted from, without its query.
fn plain_form_referer() -> Option<String> {
    plain_form_back(&use_context::<Parts>()?.headers)
}

/// Whether the caller reads HTML: a browser's navigation or plain form post, not the app's script.
pub fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// For a request sent by a plain form (it accepts HTML): the path of the page it came from.
pub fn plain_form_back(headers: &HeaderMap) -> Option<String> {
    if !accepts_html(headers) {
        return None;
    }
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let path = referer
        .split_once("://")
        .map_or(referer, |(_, rest)| rest.find('/').map_or("/", |i| &rest[i..]));
    let path = path.split(['?', '#']).next().unwrap_or("/");
    // A path starting with "//" would leave the site.
    Some(if path.starts_with("//") { "/" } else { path }.to_owned())
}

/// `back` with the typed values and the error in its query, as the form page reads them.
pub fn back_with_problems<K: AsRef<str>, V: AsRef<str>>(
    back: &str,
    err: &AppError,
    typed: &[(K, V)],
) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in typed {
        query.append_pair(name.as_ref(), value.as_ref());
    }
    query.append_pair("err", &serde_json::to_string(err).unwrap_or_default());
    format!("{back}?{}", query.finish())
}
