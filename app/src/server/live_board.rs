//! Builds a campaign's public leaderboard from the database: the standings facts ranked by
//! `domain::ranking`, and the newest registrations. Only public campaigns that have opened are
//! shown; anything else is "not found", so ids reveal nothing.
use super::db::{self, standings};
use super::state::pool;
use crate::api::live::{LatestRegistration, LiveBoard, LiveRow, LATEST_SHOWN};
use crate::domain::campaign::scoring::Scoring;
use crate::domain::campaign::{EvaluationMode, Visibility};
use crate::domain::campaign_state::CampaignState;
use crate::domain::deadline::Deadline;
use crate::domain::initiative::InitiativeKind;
use crate::domain::ranking::rank;
use crate::error::AppError;
use sqlx::PgPool;
use std::collections::HashMap;

pub async fn load(campaign_id: i64) -> Result<LiveBoard, AppError> {
    build(&pool()?, campaign_id).await
}

pub async fn build(pool: &PgPool, campaign_id: i64) -> Result<LiveBoard, AppError> {
    let campaign = standings::board_campaign(pool, campaign_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let state = CampaignState::parse(&campaign.state).ok_or(AppError::NotFound)?;
    if state == CampaignState::Draft || Visibility::parse(&campaign.visibility) != Some(Visibility::Public) {
        return Err(AppError::NotFound);
    }
    let scoring = Scoring {
        points_commitment: campaign.points_commitment,
        points_minimum: campaign.points_minimum,
        points_report: campaign.points_report,
        evaluation_mode: EvaluationMode::parse(&campaign.evaluation_mode).unwrap_or(EvaluationMode::Best),
        evaluation_weight: campaign.evaluation_weight,
    };
    let published = matches!(state, CampaignState::Published | CampaignState::Closed);
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
                place: s.place,
                score_hundredths: s.score_hundredths,
                initiatives: record.initiatives,
                committed: record.facts.commitment_signed,
                report_on_time: record.report_on_time,
            })
        })
        .collect();
    let latest = db::standings::latest(pool, campaign_id, LATEST_SHOWN)
        .await?
        .into_iter()
        .map(|r| LatestRegistration {
            unit_name: r.unit_name,
            title: r.title,
            kind: InitiativeKind::parse(&r.kind).unwrap_or(InitiativeKind::Initiative),
            submitted_at: r.submitted_at,
        })
        .collect();
    Ok(LiveBoard {
        campaign_id,
        title: campaign.title,
        theme: campaign.theme,
        published,
        min_initiatives: campaign.min_initiatives,
        registration_deadline: campaign.registration_deadline.map(Deadline::from_instant),
        rows,
        latest,
        loaded_at,
    })
}
