//! `GET /live/{campaign}/photos/{award}`: an award's photo, for the screens. Open like the board
//! (a link-only campaign's with its key `?k=`), and only once the ceremony has reached that
//! award's card (live) or has finished: a photo is never seen ahead of its card. Anything else
//! answers 404.
use super::access::board_pass;
use super::db;
use super::state::AppState;
use crate::domain::ceremony::{Mode, Step};
use crate::error::AppError;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct PhotoQuery {
    k: Option<String>,
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, award.id = award_id))]
pub async fn photo(
    State(state): State<AppState>,
    Path((campaign_id, award_id)): Path<(i64, i64)>,
    Query(query): Query<PhotoQuery>,
) -> Response {
    match shown(&state, campaign_id, award_id, query.k).await {
        Ok(Some((media_type, bytes))) => {
            let mut response = bytes.into_response();
            let headers = response.headers_mut();
            let media = HeaderValue::from_str(&media_type).unwrap_or(HeaderValue::from_static("image/jpeg"));
            headers.insert(header::CONTENT_TYPE, media);
            headers.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            response
        }
        Ok(None) | Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = ?e, "ceremony photo failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn shown(
    state: &AppState,
    campaign_id: i64,
    award_id: i64,
    key: Option<String>,
) -> Result<Option<(String, Vec<u8>)>, AppError> {
    let pass = board_pass(&state.link_key, campaign_id, key);
    super::live_board::opened_campaign(&state.pool, campaign_id, |link_only| pass.opens(link_only)).await?;
    let Some(ceremony) = db::ceremonies::get(&state.pool, campaign_id).await? else {
        return Ok(None);
    };
    let reached = match ceremony.mode {
        Mode::Live => ceremony.script.get(..=ceremony.step).unwrap_or_default(),
        Mode::Finished => &ceremony.script[..],
        Mode::Prepared | Mode::Rehearsal => &[],
    };
    let path = super::ceremony::photo_path(campaign_id, award_id);
    let on_a_card = reached
        .iter()
        .any(|step| matches!(step, Step::Card(card) if card.photo.as_deref() == Some(path.as_str())));
    if !on_a_card {
        return Ok(None);
    }
    db::ceremonies::photo(&state.pool, campaign_id, award_id).await
}
