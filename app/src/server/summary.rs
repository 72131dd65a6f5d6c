//! A campaign's printable summary for the tổng kết conference. Rules: who reads it, and what
//! each reader sees, is exactly the results page's (`server::results`: its organizer and
//! council at once — provisional while the council scores — the public once released); the
//! figures and charts are made from those same results, so a hidden score never reaches them.
pub mod charts;

use super::state::pool;
use crate::domain::council::decision::Level;
use crate::error::AppError;
use crate::wire::results::CampaignResults;
use crate::wire::summary::{CampaignSummary, KeyFigures};
use chrono::Utc;

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn summary(campaign_id: i64, key: Option<String>) -> Result<CampaignSummary, AppError> {
    let results = super::results::everything(campaign_id, key).await?;
    let mut conn = pool()?.acquire().await?;
    let campaign = super::campaigns::load(&mut conn, campaign_id).await?;
    let pending = results.pending;
    let max_points: f64 = campaign.criteria.iter().map(|c| f64::from(c.max_points)).sum();
    Ok(CampaignSummary {
        campaign_id,
        title: campaign.title,
        theme: campaign.theme,
        organizer: campaign.organizer.name,
        plan_ref: campaign.plan_ref,
        plan_date: campaign.plan_date,
        period: campaign.schedule.period_start.zip(campaign.schedule.period_end),
        final_results: results.final_results,
        pending,
        figures: if pending {
            KeyFigures::default()
        } else {
            figures(&results)
        },
        charts: if pending {
            Vec::new()
        } else {
            charts::all(&results, max_points)
        },
        awards: results.awards.clone(),
        made_at: Utc::now(),
    })
}

/// The key figures of what this reader may see.
pub fn figures(results: &CampaignResults) -> KeyFigures {
    let shown: Vec<f64> = results.initiatives.iter().filter_map(|i| i.score).collect();
    let level_count = |level: Level| {
        results
            .initiatives
            .iter()
            .filter(|i| i.level == Some(level))
            .count()
    };
    KeyFigures {
        units: results.units.len(),
        units_with_initiatives: results.units.iter().filter(|u| u.initiatives > 0).count(),
        initiatives: results.initiatives.len(),
        committed: results.units.iter().filter(|u| u.committed).count(),
        reports_on_time: results
            .units
            .iter()
            .filter(|u| u.report_on_time == Some(true))
            .count(),
        mean_score: (!shown.is_empty()).then(|| shown.iter().sum::<f64>() / shown.len() as f64),
        levels: [
            level_count(Level::Excellent),
            level_count(Level::Good),
            level_count(Level::Pass),
            level_count(Level::Fail),
        ],
        recognised: results
            .initiatives
            .iter()
            .filter(|i| i.recognised == Some(true))
            .count(),
        exemplary: results.initiatives.iter().filter(|i| i.exemplary).count(),
    }
}
