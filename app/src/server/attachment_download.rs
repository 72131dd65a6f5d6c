//! `GET /files/{id}`: an attached file, for whom `access::may_read_file` allows (an admin in
//! scope, the unit that owns it through its live link, a council member who scores it, or
//! anybody when it is a public file of the gallery). Who asks is checked before the file is
//! read: a visitor with neither a session nor a unit cookie costs one indexed query (is it
//! public?), and the bytes are read only once the caller may have them. Anybody else gets 404,
//! so ids reveal nothing.
use super::unit_cookie::UnitCookieKey;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sqlx::PgPool;
use tower_cookies::Cookies;
use tower_sessions::Session;

#[derive(sqlx::FromRow)]
struct FileRow {
    file_name: String,
    media_type: String,
    bytes: Vec<u8>,
}

#[tracing::instrument(skip_all, fields(file.id = id))]
pub async fn download(
    State(pool): State<PgPool>,
    State(unit_key): State<UnitCookieKey>,
    session: Session,
    cookies: Cookies,
    Path(id): Path<i64>,
) -> Response {
    let found = async {
        if !super::access::may_read_file(&pool, &session, (&cookies, &unit_key), id).await? {
            return Ok(None);
        }
        read(&pool, id).await
    };
    match found.await {
        Ok(Some(file)) => file_response(file),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "attachment download failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn read(pool: &PgPool, id: i64) -> Result<Option<FileRow>, crate::error::AppError> {
    Ok(
        sqlx::query_as("SELECT file_name, media_type, bytes FROM attachments WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

fn file_response(file: FileRow) -> Response {
    let encoded: String = form_urlencoded::byte_serialize(file.file_name.as_bytes()).collect();
    let disposition = format!("inline; filename*=UTF-8''{}", encoded.replace('+', "%20"));
    let mut response = file.bytes.into_response();
    let headers = response.headers_mut();
    let set = |value: &str| {
        HeaderValue::from_str(value).unwrap_or(HeaderValue::from_static("application/octet-stream"))
    };
    headers.insert(header::CONTENT_TYPE, set(&file.media_type));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Shown inside the app's own pages (the council's PDF view), never framed by another site.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("frame-ancestors 'self'"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=3600"),
    );
    response
}
