//! How a server function's result becomes an HTTP answer: the status follows the error, and a
//! plain HTML form post (JavaScript off) that fails goes back to its form with the problems and
//! the typed values in a cookie for that page (`wire::form_refusal`), so nothing typed is lost
//! and nothing typed lands in an address.
use crate::error::AppError;
use crate::wire::form_refusal::{FormRefusal, REFUSAL_COOKIE, REFUSED_QUERY};
use axum::http::{header, request::Parts, HeaderMap, HeaderValue, StatusCode};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use tower_cookies::cookie::{time::Duration, Cookie, SameSite};

/// Sets the HTTP status for an error when the server function was called over HTTP; a call made
/// while rendering a page leaves the page's status alone (the page shows the problem itself).
pub fn finish<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    let over_http = use_context::<Parts>().is_some_and(|parts| parts.uri.path().starts_with("/api/"));
    if let (Err(err), true) = (&result, over_http) {
        if let Some(res) = use_context::<ResponseOptions>() {
            set_error_status(&res, err);
        }
    }
    result
}

/// The error's status; a database out of reach also says when to try again (load balancers and
/// the phone's outbox retry).
pub fn set_error_status(res: &ResponseOptions, err: &AppError) {
    let status = StatusCode::from_u16(err.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    res.set_status(status);
    if status == StatusCode::SERVICE_UNAVAILABLE {
        res.insert_header(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
    }
}

/// Long enough for PostgreSQL to come back after a restart (about a second when measured).
pub(crate) const RETRY_AFTER_SECONDS: &str = "5";

/// For forms with nothing typed to send back (buttons only).
pub const NOTHING_TYPED: &[(&str, &str)] = &[];

/// Like [`finish`], but a failed plain form post is redirected back to the form page.
pub fn finish_form<T, K: AsRef<str>, V: AsRef<str>>(
    result: Result<T, AppError>,
    typed: &[(K, V)],
) -> Result<T, AppError> {
    match (&result, plain_form_referer()) {
        (Err(err), Some(back)) => {
            let (to, cookie) = back_with_problems(&back, err, typed);
            if let Some(res) = use_context::<ResponseOptions>() {
                res.append_header(header::SET_COOKIE, cookie);
            }
            leptos_axum::redirect(&to);
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

/// Whether this server function was called by a plain form post (scripts off), whose page comes
/// back from the server.
pub fn is_plain_form_post() -> bool {
    plain_form_referer().is_some()
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

/// The longest cookie value browsers keep (4 KB with its name and attributes).
const MAX_COOKIE_VALUE: usize = 3800;
/// Long enough to read the message and fix the form; short, as it holds what was typed.
const REFUSAL_MINUTES: i64 = 10;

/// Where a refused plain post goes back to (`back?refused=id`), and the `Set-Cookie` value that
/// carries the problems and the typed values to that page only. Values that would not fit in a
/// cookie are left out, longest first (the initiative form keeps its long texts as a draft).
pub fn back_with_problems<K: AsRef<str>, V: AsRef<str>>(
    back: &str,
    err: &AppError,
    typed: &[(K, V)],
) -> (String, HeaderValue) {
    let mut refusal = FormRefusal {
        id: format!("{:016x}", rand::random::<u64>()),
        err: err.clone(),
        typed: typed
            .iter()
            .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
            .collect(),
    };
    let mut value = encode(&refusal);
    while value.len() > MAX_COOKIE_VALUE {
        let Some(longest) = (0..refusal.typed.len()).max_by_key(|&i| refusal.typed[i].1.len()) else {
            break;
        };
        refusal.typed.remove(longest);
        value = encode(&refusal);
    }
    let cookie = Cookie::build((REFUSAL_COOKIE, value))
        .path(back.to_owned())
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(Duration::minutes(REFUSAL_MINUTES))
        .build();
    let to = format!("{back}?{REFUSED_QUERY}={}", refusal.id);
    (to, header_value(&cookie))
}

/// The refusal this request's page shows: its cookie, when the address names it. The answer
/// clears the cookie, so a later visit starts from an empty form.
pub fn refusal_of_request() -> Option<FormRefusal> {
    let parts = use_context::<Parts>()?;
    let wanted = form_urlencoded::parse(parts.uri.query()?.as_bytes())
        .find(|(name, _)| name == REFUSED_QUERY)?
        .1
        .into_owned();
    let cookie = parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == REFUSAL_COOKIE)?;
    let refusal = decode(cookie.value()).filter(|refusal| refusal.id == wanted)?;
    if let Some(res) = use_context::<ResponseOptions>() {
        let gone = Cookie::build((REFUSAL_COOKIE, ""))
            .path(parts.uri.path().to_owned())
            .max_age(Duration::ZERO)
            .build();
        res.append_header(header::SET_COOKIE, header_value(&gone));
    }
    Some(refusal)
}

fn header_value(cookie: &Cookie<'_>) -> HeaderValue {
    HeaderValue::from_str(&cookie.to_string()).unwrap_or(HeaderValue::from_static(""))
}

/// Base64 of the JSON: only characters a cookie value may hold.
fn encode(refusal: &FormRefusal) -> String {
    data_encoding::BASE64URL_NOPAD.encode(serde_json::to_string(refusal).unwrap_or_default().as_bytes())
}

fn decode(value: &str) -> Option<FormRefusal> {
    let bytes = data_encoding::BASE64URL_NOPAD.decode(value.as_bytes()).ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Problem;

    #[test]
    fn the_address_carries_no_typed_value_and_the_cookie_gives_them_back() {
        let err = AppError::field("head_name", Problem::Required);
        let (to, cookie) = back_with_problems("/unit/7", &err, &[("head_name", "Nguyễn Văn A")]);
        assert!(to.starts_with("/unit/7?refused="), "{to}");
        assert!(!to.contains("Nguy") && !to.contains("head_name"), "{to}");
        let cookie = Cookie::parse(cookie.to_str().unwrap().to_owned()).unwrap();
        assert_eq!(cookie.path(), Some("/unit/7"));
        assert_eq!(cookie.http_only(), Some(true));
        let back = decode(cookie.value()).unwrap();
        assert_eq!(to, format!("/unit/7?refused={}", back.id));
        assert_eq!(back.err, err);
        assert_eq!(back.typed("head_name"), Some("Nguyễn Văn A"));
    }

    #[test]
    fn values_too_long_for_a_cookie_are_left_out_longest_first() {
        let long = "ệ".repeat(2000);
        let typed = [("title", "Sáng kiến"), ("description", long.as_str())];
        let (_, cookie) = back_with_problems("/f", &AppError::Forbidden, &typed);
        assert!(cookie.len() < 4096, "{}", cookie.len());
        let cookie = Cookie::parse(cookie.to_str().unwrap().to_owned()).unwrap();
        let back = decode(cookie.value()).unwrap();
        assert_eq!(back.typed("title"), Some("Sáng kiến"));
        assert_eq!(back.typed("description"), None);
    }
}
