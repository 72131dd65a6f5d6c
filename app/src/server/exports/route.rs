//! `GET /exports/{table}.{format}`: the handler. It runs the table's reader inside the same
//! request context a server function gets (the session, the app state), so every check is the
//! `server::access` one the page itself passed; the rows then stream without it.
use super::{csv_file, sheets, xlsx_file};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::refusal::message_page;
use crate::server::respond::RETRY_AFTER_SECONDS;
use crate::server::AppState;
use crate::wire::auth::{safe_next, DEFAULT_AFTER_LOGIN};
use crate::wire::exports::{parse_file, ExportFormat};
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use leptos::reactive::computed::ScopedFuture;
use leptos::reactive::owner::Owner;
use leptos_i18n::td_string;

#[tracing::instrument(skip_all, fields(export.file = %file))]
pub async fn export(
    State(state): State<AppState>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    parts: Parts,
) -> Response {
    let Some((table, format)) = parse_file(&file) else {
        return refused(AppError::NotFound, &parts);
    };
    let query = query.unwrap_or_default();
    let built = within_request(
        state,
        parts.clone(),
        async move { sheets::sheet(table, &query).await },
    )
    .await;
    match built {
        Ok(sheet) => match format {
            ExportFormat::Csv => csv_answer(sheet),
            ExportFormat::Xlsx => xlsx_answer(sheet).await,
        },
        Err(e) => refused(e, &parts),
    }
}

/// Runs `work` with the request's context, as a server function runs: `server::access` and
/// `state::pool` read it.
pub(crate) async fn within_request<T>(
    state: AppState,
    parts: Parts,
    work: impl std::future::Future<Output = T>,
) -> T {
    let owner = Owner::new();
    owner
        .with(|| {
            ScopedFuture::new(async move {
                provide_context(parts);
                provide_context(state);
                work.await
            })
        })
        .await
}

pub(crate) fn download_headers(response: &mut Response, content_type: &'static str, file_name: &str) {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(disposition) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    // Scores and names: no shared cache keeps them.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
}

fn csv_answer(sheet: super::sheet::Sheet) -> Response {
    let file_name = format!("{}.csv", sheet.heading.file_stem);
    let body = Body::from_stream(csv_file::stream(&sheet.heading.headers, sheet.rows));
    let mut response = body.into_response();
    download_headers(&mut response, "text/csv; charset=utf-8", &file_name);
    response
}

async fn xlsx_answer(sheet: super::sheet::Sheet) -> Response {
    let file_name = format!("{}.xlsx", sheet.heading.file_stem);
    match xlsx_file::workbook(sheet, chrono::Utc::now()).await {
        Ok(bytes) => {
            let mut response = bytes.into_response();
            download_headers(&mut response, xlsx_file::CONTENT_TYPE, &file_name);
            response
        }
        Err(e) => {
            tracing::error!(error = ?e, "xlsx export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A refusal the browser shows as a page: sign in (401), not allowed (403), or not found (404,
/// also for what lies outside the caller's scope).
pub(crate) fn refused(error: AppError, parts: &Parts) -> Response {
    let back = referring_page(parts).unwrap_or_else(|| DEFAULT_AFTER_LOGIN.to_owned());
    let next: String = form_urlencoded::byte_serialize(back.as_bytes()).collect();
    let sign_in = format!("/login?next={next}");
    let home = td_string!(Locale::vi, request.home);
    let (status, title, text, link) = match error {
        AppError::Unauthorized => (
            StatusCode::UNAUTHORIZED,
            td_string!(Locale::vi, export.sign_in_title),
            td_string!(Locale::vi, export.sign_in),
            (sign_in.as_str(), td_string!(Locale::vi, export.sign_in_link)),
        ),
        AppError::Forbidden => (
            StatusCode::FORBIDDEN,
            td_string!(Locale::vi, export.forbidden_title),
            td_string!(Locale::vi, export.forbidden),
            ("/", home),
        ),
        AppError::Internal | AppError::Transport(_) | AppError::Unavailable => (
            if matches!(error, AppError::Unavailable) {
                StatusCode::SERVICE_UNAVAILABLE
            } else {
                StatusCode::INTERNAL_SERVER_ERROR
            },
            td_string!(Locale::vi, export.failed_title),
            td_string!(Locale::vi, export.failed),
            ("/", home),
        ),
        _ => (
            StatusCode::NOT_FOUND,
            td_string!(Locale::vi, export.not_found_title),
            td_string!(Locale::vi, export.not_found),
            ("/", home),
        ),
    };
    let mut page = message_page(status, (title, text), link, false);
    if status == StatusCode::SERVICE_UNAVAILABLE {
        page.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
    }
    page
}

/// The page of this site the download was asked from (its `Referer`), to come back to after
/// signing in: a download address is not a page the app can show.
fn referring_page(parts: &Parts) -> Option<String> {
    let referer: Uri = parts.headers.get(header::REFERER)?.to_str().ok()?.parse().ok()?;
    let host = parts.headers.get(header::HOST)?.to_str().ok()?;
    if referer.authority()?.as_str() != host {
        return None;
    }
    let page = referer.path_and_query()?.as_str();
    (safe_next(page) == page && !page.starts_with("/exports/")).then(|| page.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_out_of_reach_says_when_to_try_again() {
        let (parts, ()) = axum::http::Request::get("/exports/1/x.csv")
            .body(())
            .unwrap()
            .into_parts();
        let page = refused(AppError::Unavailable, &parts);
        assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(page.headers()[header::RETRY_AFTER], RETRY_AFTER_SECONDS);
        let page = refused(AppError::Internal, &parts);
        assert!(page.headers().get(header::RETRY_AFTER).is_none());
    }
}
