//! Builds a campaign's leaderboard from the database: the standings facts ranked by
//! `domain::ranking`, and the newest registrations. Rules: a board exists once its campaign has
//! opened (a draft is "not found", so ids reveal nothing); a link-only board opens only with its
//! key, and without it answers exactly as a missing one does; a board is public, so it shows
//! evaluation scores only once published results are released (held for the conference, it
//! shows participation only).
use super::board_key::board_path;
use super::db::standings::BoardCampaign;
use super::db::{self, standings};
use super::state::{link_key, live_hub, pool, LinkKey};
use super::unit_link::{qr_svg, site_url};
use crate::domain::campaign::scoring::Scoring;
use crate::domain::campaign::Visibility;
use crate::domain::campaign_state::CampaignState;
use crate::domain::deadline::Deadline;
use crate::domain::ranking::rank;
use crate::domain::unit_noun::shared_noun;
use crate::error::AppError;
use crate::wire::live::{
    BoardLinks, BoardShare, LatestRegistration, LiveBoard, LiveRow, LiveScreen, LATEST_SHOWN,
};
use sqlx::PgPool;
use std::collections::HashMap;

/// The board for a page or a server function: the one the live hub keeps for screens (built
/// once for everybody who asks, kept current by the database's notifications).
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn load(campaign_id: i64, key: Option<String>) -> Result<LiveBoard, AppError> {
    let pass = super::access::board_pass(&link_key()?, campaign_id, key);
    let board = live_hub()?.current(&pass).await?;
    Ok(LiveBoard::clone(&board))
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn load_screen(campaign_id: i64, key: Option<String>) -> Result<LiveScreen, AppError> {
    let pass = super::access::board_pass(&link_key()?, campaign_id, key);
    let (board, ceremony) = live_hub()?.current_with_stage(&pass).await?;
    let share = share(&link_key()?, campaign_id, board.link_only)?;
    Ok(LiveScreen {
        board: LiveBoard::clone(&board),
        share,
        ceremony,
    })
}

/// For organizers: the addresses to hand out, once the campaign has opened.
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn links(campaign_id: i64) -> Result<BoardLinks, AppError> {
    let campaign = standings::board_campaign(&pool()?, campaign_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if campaign.state == CampaignState::Draft {
        return Ok(BoardLinks {
            board: None,
            screen_path: None,
        });
    }
    let key = link_key()?;
    let link_only = campaign.visibility == Visibility::LinkOnly;
    Ok(BoardLinks {
        board: Some(share(&key, campaign_id, link_only)?),
        screen_path: Some(board_path(&key, campaign_id, link_only, "/screen")),
    })
}

fn share(key: &LinkKey, campaign_id: i64, link_only: bool) -> Result<BoardShare, AppError> {
    let url = format!("{}{}", site_url()?, board_path(key, campaign_id, link_only, ""));
    let short_url = url
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .to_owned();
    Ok(BoardShare {
        qr_svg: qr_svg(&url),
        url,
        short_url,
    })
}

/// The campaign of a board the caller may open (`allowed` is asked whether it may open a
/// link-only or a public board): checked with one small query before any board is built.
pub async fn opened_campaign(
    pool: &PgPool,
    campaign_id: i64,
    allowed: impl Fn(bool) -> bool,
) -> Result<BoardCampaign, AppError> {
    let campaign = standings::board_campaign(pool, campaign_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let state = campaign.state;
    if state == CampaignState::Draft || !allowed(campaign.visibility == Visibility::LinkOnly) {
        return Err(AppError::NotFound);
    }
    Ok(campaign)
}

/// The board of an opened campaign, whoever may see it (callers hold an `access::BoardPass`).
pub async fn build(pool: &PgPool, campaign_id: i64) -> Result<LiveBoard, AppError> {
    let campaign = opened_campaign(pool, campaign_id, |_| true).await?;
    build_from(pool, campaign_id, campaign).await
}

/// How the board ranks `campaign`'s units.
pub fn scoring_of(campaign: &BoardCampaign) -> Scoring {
    Scoring {
        points_commitment: campaign.points_commitment,
        points_minimum: campaign.points_minimum,
        points_report: campaign.points_report,
        points_replication: campaign.points_replication,
        evaluation_mode: campaign.evaluation_mode,
        evaluation_weight: campaign.evaluation_weight,
        // Final scores are stored, so the board never needs the council's rules.
        ..Scoring::default()
    }
}

/// The board of `campaign`, read by `opened_campaign`.
pub async fn build_from(
    pool: &PgPool,
    campaign_id: i64,
    campaign: BoardCampaign,
) -> Result<LiveBoard, AppError> {
    let state = campaign.state;
    let scoring = scoring_of(&campaign);
    // Results held for the conference stay off every public board until released.
    let published = state.has_results() && campaign.results_released;
    let loaded_at = chrono::Utc::now();
    let records = standings::unit_records(pool, campaign_id).await?;
    let facts: Vec<_> = records.iter().map(|r| r.facts.clone()).collect();
    let by_unit: HashMap<i64, &standings::UnitRecord> =
        records.iter().map(|r| (r.facts.unit_id, r)).collect();
    let rows = rank(&scoring, published, &facts)
        .into_iter()
        .filter_map(|s| {
            let record = by_unit.get(&s.unit_id)?;
            Some(LiveRow {
                unit_id: s.unit_id,
                unit_name: record.name.clone(),
                name_order: record.facts.name_order,
                place: s.place,
                shared: s.shared,
                ahead_by: s.ahead_by,
                score_hundredths: s.score_hundredths,
                initiatives: record.initiatives,
                committed: record.facts.commitment_signed,
                report_on_time: record.report_on_time,
            })
        })
        .collect();
    // Award lists are public with the results, never before.
    let awards = if published {
        super::awards::lists(&mut *pool.acquire().await?, campaign_id).await?
    } else {
        Vec::new()
    };
    let latest = db::standings::latest(pool, campaign_id, LATEST_SHOWN)
        .await?
        .into_iter()
        .map(|r| LatestRegistration {
            unit_name: r.unit_name,
            title: r.title,
            kind: r.kind,
            submitted_at: r.submitted_at,
        })
        .collect();
    Ok(LiveBoard {
        campaign_id,
        title: campaign.title,
        theme: campaign.theme,
        link_only: campaign.visibility == Visibility::LinkOnly,
        unit_noun: shared_noun(records.iter().map(|r| r.name.as_str())),
        published,
        min_initiatives: campaign.min_initiatives,
        registration_deadline: campaign.registration_deadline.map(Deadline::from_instant),
        rows,
        latest,
        awards,
        loaded_at,
    })
}
