//! `GET /files/{id}`: an attached file, for a signed-in account or for the unit that owns it
//! (through its live link). Anybody else gets 404, so ids reveal nothing.
use super::auth::ACCOUNT_KEY;
use super::unit_cookie::{self, UnitCookieKey};
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
    campaign_id: i64,
    unit_id: i64,
}

pub async fn download(
    State(pool): State<PgPool>,
    State(unit_key): State<UnitCookieKey>,
    session: Session,
    cookies: Cookies,
    Path(id): Path<i64>,
) -> Response {
    let bound_links = unit_cookie::bound_links(&cookies, &unit_key);
    match find_allowed(&pool, &session, &bound_links, id).await {
        Ok(Some(file)) => file_response(file),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "attachment download failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn find_allowed(
    pool: &PgPool,
    session: &Session,
    bound_links: &std::collections::BTreeMap<i64, i64>,
    id: i64,
) -> download_error::Result<Option<FileRow>> {
    let file: Option<FileRow> = sqlx::query_as(
        "SELECT a.file_name, a.media_type, a.bytes,
                COALESCE(i.campaign_id, a.report_campaign) AS campaign_id,
                COALESCE(i.unit_id, a.report_unit) AS unit_id
         FROM attachments a LEFT JOIN initiatives i ON i.id = a.initiative_id
         WHERE a.id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    let Some(file) = file else { return Ok(None) };
    let account: Option<i64> = session.get(ACCOUNT_KEY).await?;
    if let Some(account) = account {
        let active: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM accounts WHERE id = $1)")
            .bind(account)
            .fetch_one(pool)
            .await?;
        if active {
            return Ok(Some(file));
        }
    }
    let Some(link_id) = bound_links.get(&file.campaign_id) else {
        return Ok(None);
    };
    let owns: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM unit_links WHERE id = $1 AND unit_id = $2 AND campaign_id = $3
                        AND revoked_at IS NULL)",
    )
    .bind(link_id)
    .bind(file.unit_id)
    .bind(file.campaign_id)
    .fetch_one(pool)
    .await?;
    Ok(owns.then_some(file))
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
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=3600"),
    );
    response
}

/// Errors of the two stores this handler reads, logged alike.
mod download_error {
    #[derive(Debug, thiserror::Error)]
    pub enum Error {
        #[error("database: {0}")]
        Db(#[from] sqlx::Error),
        #[error("session: {0}")]
        Session(#[from] tower_sessions::session::Error),
    }
    pub type Result<T> = std::result::Result<T, Error>;
}
