//! Answers to requests refused before any handler runs: a body over its limit (413), a body the
//! server cannot read as its endpoint expects (400, 415) and a state-changing request sent from
//! another site (403). A server function called by the app's script gets the JSON error it
//! decodes (shown at the form's field); a plain form post (scripts off) gets a short Vietnamese
//! page that takes it straight back to its form with the message at the file field.
use crate::domain::initiative::attachment::{MAX_FILE_MB, MAX_TOTAL_MB};
use crate::error::{AppError, Problem};
use crate::i18n::Locale;
use crate::server::import_file::MAX_FILE_BYTES;
use crate::server::respond::{accepts_html, back_with_problems, plain_form_back, NOTHING_TYPED};
use crate::wire::{CEREMONY_PHOTO_PATH, IMPORT_UNITS_PATH, REPLICATION_PATH, UPLOAD_PATHS};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos_i18n::td_string;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The body is over the limit of its route (in MB).
    TooLarge { limit_mb: usize },
    /// No content type, or not the one the endpoint reads (415); a multipart body without its
    /// boundary (400).
    Unreadable(StatusCode),
    /// A state-changing request whose `Origin` or `Sec-Fetch-Site` names another site.
    CrossSite,
    /// A body that stopped arriving (408).
    Stalled,
}

/// The answer to `refusal` of a request to `path` with `headers`.
pub fn answer(refusal: Refusal, path: &str, headers: &HeaderMap) -> Response {
    let (status, error) = match refusal {
        Refusal::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, too_large_error(path)),
        Refusal::Unreadable(status) => (status, AppError::Transport("unreadable request".into())),
        Refusal::CrossSite => (StatusCode::FORBIDDEN, AppError::Forbidden),
        Refusal::Stalled => (
            StatusCode::REQUEST_TIMEOUT,
            AppError::Transport("the upload stalled".into()),
        ),
    };
    match plain_form_back(headers) {
        Some(back) if refusal != Refusal::CrossSite => {
            let (back, cookie) = back_with_problems(&back, &error, NOTHING_TYPED);
            let mut response = page(status, refusal, Some(&back));
            response.headers_mut().append(header::SET_COOKIE, cookie);
            response
        }
        _ if path.starts_with("/api/") && !accepts_html(headers) => {
            let json = serde_json::to_string(&error).unwrap_or_default();
            (status, [(header::CONTENT_TYPE, "application/json")], json).into_response()
        }
        _ => page(status, refusal, None),
    }
}

/// The problem the form shows at its file field.
fn too_large_error(path: &str) -> AppError {
    let max_mb = MAX_FILE_BYTES / 1024 / 1024;
    if path == IMPORT_UNITS_PATH {
        AppError::field("file", Problem::FileTooLarge { max_mb })
    } else if path == CEREMONY_PHOTO_PATH || path == REPLICATION_PATH {
        AppError::field("photo", Problem::FileTooLarge { max_mb: MAX_FILE_MB })
    } else {
        AppError::field("attachments", Problem::FilesTooLarge { max_mb: MAX_TOTAL_MB })
    }
}

/// A page with the message; with `back`, the browser returns to the form at once.
fn page(status: StatusCode, refusal: Refusal, back: Option<&str>) -> Response {
    let (title, text) = match refusal {
        Refusal::TooLarge { limit_mb } => (
            td_string!(Locale::vi, request.too_large_title).to_string(),
            td_string!(Locale::vi, request.too_large, max_mb = limit_mb),
        ),
        Refusal::Unreadable(_) => (
            td_string!(Locale::vi, request.bad_request_title).to_string(),
            td_string!(Locale::vi, request.bad_request).to_string(),
        ),
        Refusal::CrossSite => (
            td_string!(Locale::vi, request.cross_site_title).to_string(),
            td_string!(Locale::vi, request.cross_site).to_string(),
        ),
        Refusal::Stalled => (
            td_string!(Locale::vi, request.stalled_title).to_string(),
            td_string!(Locale::vi, request.stalled).to_string(),
        ),
    };
    let (href, link) = match back {
        Some(back) => (back.to_owned(), td_string!(Locale::vi, request.back).to_string()),
        None => ("/".to_owned(), td_string!(Locale::vi, request.home).to_string()),
    };
    message_page(status, (&title, &text), (&href, &link), back.is_some())
}

/// A short Vietnamese page: a title, the message and one link (followed at once when `go`).
pub fn message_page(
    status: StatusCode,
    (title, text): (&str, &str),
    (href, link): (&str, &str),
    go: bool,
) -> Response {
    let href = escape(href);
    let refresh = if go {
        format!(r#"<meta http-equiv="refresh" content="0;url={href}">"#)
    } else {
        String::new()
    };
    let css = crate::server::static_files::stylesheet_href();
    let html = format!(
        r#"<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">{refresh}<title>{title}</title><link rel="stylesheet" href="{css}"></head><body><main class="refusal"><h1>{title}</h1><p role="alert">{text}</p><p><a href="{href}">{link}</a></p></main></body></html>"#
    );
    let mut response = (status, html).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// For an attribute value: the address comes from the request's `Referer`.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Whether a server function's body is not of the type it reads (checked before its handler:
/// a multipart endpoint called without a boundary would otherwise fail inside the framework).
pub fn unreadable(method: &Method, path: &str, headers: &HeaderMap) -> Option<Refusal> {
    if method != Method::POST || !path.starts_with("/api/") {
        return None;
    }
    let Some(content_type) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return Some(Refusal::Unreadable(StatusCode::UNSUPPORTED_MEDIA_TYPE));
    };
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let wanted = if UPLOAD_PATHS.contains(&path) {
        "multipart/form-data"
    } else {
        "application/x-www-form-urlencoded"
    };
    if mime != wanted {
        return Some(Refusal::Unreadable(StatusCode::UNSUPPORTED_MEDIA_TYPE));
    }
    if wanted == "multipart/form-data" && multer::parse_boundary(content_type).is_err() {
        return Some(Refusal::Unreadable(StatusCode::BAD_REQUEST));
    }
    None
}

/// Whether a request that may change something was sent by a page of another site (a browser
/// says so in `Sec-Fetch-Site`, or in `Origin` when it is older). Requests without either come
/// from programs, which carry no visitor's cookies. `Origin` is compared with the `Host` the
/// request was sent to (the proxy in front keeps it, see the README).
pub fn cross_site(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let text = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    if let Some(site) = text(SEC_FETCH_SITE) {
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = text(header::ORIGIN.as_str()) else {
        return false;
    };
    let origin_host = origin.split_once("://").map(|(_, rest)| rest);
    origin_host.is_none() || origin_host != text(header::HOST.as_str())
}

const SEC_FETCH_SITE: &str = "sec-fetch-site";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{SUBMIT_INITIATIVE_PATH, SUBMIT_REPORT_PATH};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (header::HeaderName::from_static(k), HeaderValue::from_static(v)))
            .collect()
    }

    #[test]
    fn only_same_origin_browsers_and_programs_may_post() {
        let post = Method::POST;
        assert!(!cross_site(&post, &headers(&[("sec-fetch-site", "same-origin")])));
        assert!(cross_site(&post, &headers(&[("sec-fetch-site", "same-site")])));
        assert!(cross_site(&post, &headers(&[("sec-fetch-site", "cross-site")])));
        let same = headers(&[("origin", "https://thidua.example"), ("host", "thidua.example")]);
        assert!(!cross_site(&post, &same));
        let other = headers(&[
            ("origin", "https://evil.thidua.example"),
            ("host", "thidua.example"),
        ]);
        assert!(cross_site(&post, &other));
        assert!(cross_site(
            &post,
            &headers(&[("origin", "null"), ("host", "thidua.example")])
        ));
        assert!(!cross_site(&post, &headers(&[])), "programs send neither");
        assert!(!cross_site(
            &Method::GET,
            &headers(&[("sec-fetch-site", "cross-site")])
        ));
    }

    #[test]
    fn server_functions_read_only_their_own_content_type() {
        let post = Method::POST;
        let form = headers(&[("content-type", "application/x-www-form-urlencoded")]);
        assert_eq!(unreadable(&post, "/api/login", &form), None);
        assert!(unreadable(&post, "/api/login", &headers(&[])).is_some());
        assert!(unreadable(&post, SUBMIT_INITIATIVE_PATH, &form).is_some());
        let no_boundary = headers(&[("content-type", "multipart/form-data")]);
        assert_eq!(
            unreadable(&post, SUBMIT_INITIATIVE_PATH, &no_boundary),
            Some(Refusal::Unreadable(StatusCode::BAD_REQUEST))
        );
        let multipart = headers(&[("content-type", "multipart/form-data; boundary=x")]);
        assert_eq!(unreadable(&post, SUBMIT_REPORT_PATH, &multipart), None);
        assert_eq!(unreadable(&Method::GET, "/unit/1", &headers(&[])), None);
    }
}
