//! `GET /files/{id}`: an attached file, for an admin or for the unit that owns it (through its
//! live link). Rules: who asks is checked before the file is read — a visitor with neither a
//! session nor a unit cookie costs no query at all, and the bytes are read only once the caller
//! may have them. Anybody else gets 404, so ids reveal nothing.
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
}

pub async fn download(
    State(pool): State<PgPool>,
    State(unit_key): State<UnitCookieKey>,
    session: Session,
    cookies: Cookies,
    Path(id): Path<i64>,
) -> Response {
    let links: Vec<i64> = unit_cookie::bound_links(&cookies, &unit_key)
        .into_values()
        .collect();
    let found = async {
        if !(admin_sees(&pool, &session, id).await? || unit_owns(&pool, &links, id).await?) {
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

/// A signed-in system admin, or an organizer whose scope holds the file's campaign (evaluators
/// see files through the council's pages, not by id).
async fn admin_sees(pool: &PgPool, session: &Session, id: i64) -> download_error::Result<bool> {
    use crate::domain::account::Role;
    let Some(signed_in) = super::auth::signed_in_account(session).await? else {
        return Ok(false);
    };
    let caller = super::db::accounts::caller(pool, signed_in.account_id, signed_in.generation).await?;
    let scope_root = match caller.map(|c| (c.role, c.unit_id)) {
        Some((Role::SystemAdmin, _)) => return Ok(true),
        Some((Role::Organizer, Some(unit))) => unit,
        _ => return Ok(false),
    };
    Ok(sqlx::query_scalar(&format!(
        "SELECT EXISTS (
             SELECT 1 FROM attachments a LEFT JOIN initiatives i ON i.id = a.initiative_id
             JOIN campaigns c ON c.id = COALESCE(i.campaign_id, a.report_campaign)
             WHERE a.id = $1 AND c.organizer_id IN ({}))",
        super::db::access::subtree("$2")
    ))
    .bind(id)
    .bind(scope_root)
    .fetch_one(pool)
    .await?)
}

/// Whether one of this browser's live links is the owning unit's link in the file's campaign.
async fn unit_owns(pool: &PgPool, links: &[i64], id: i64) -> download_error::Result<bool> {
    if links.is_empty() {
        return Ok(false);
    }
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (
             SELECT 1 FROM attachments a LEFT JOIN initiatives i ON i.id = a.initiative_id
             JOIN unit_links l ON l.id = ANY($2)
                  AND l.campaign_id = COALESCE(i.campaign_id, a.report_campaign)
                  AND l.unit_id = COALESCE(i.unit_id, a.report_unit)
                  AND l.revoked_at IS NULL
             WHERE a.id = $1)",
    )
    .bind(id)
    .bind(links)
    .fetch_one(pool)
    .await?)
}

async fn read(pool: &PgPool, id: i64) -> download_error::Result<Option<FileRow>> {
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

/// Errors of the two stores this handler reads, logged alike.
mod download_error {
    #[derive(Debug, thiserror::Error)]
    pub enum Error {
        #[error("database: {0}")]
        Db(#[from] sqlx::Error),
        #[error("session: {0}")]
        Session(#[from] tower_sessions::session::Error),
        #[error("account: {0}")]
        Account(#[from] crate::error::AppError),
    }
    pub type Result<T> = std::result::Result<T, Error>;
}
