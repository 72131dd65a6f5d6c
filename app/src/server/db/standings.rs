//! What a campaign's standings are computed from, in one query: per participating unit, the
//! facts `domain::ranking` needs (duties met, first on-time submission, name order as the
//! database keeps it in `units.name_order`, its initiatives' stored final scores) and the counts
//! a leaderboard shows. Initiatives count towards the minimum only when submitted before the
//! registration deadline.
use crate::domain::campaign::{EvaluationMode, Visibility};
use crate::domain::campaign_state::CampaignState;
use crate::domain::initiative::InitiativeKind;
use crate::domain::ranking::UnitFacts;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgExecutor;

/// One participating unit: the ranking's facts and what is shown beside its place.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRecord {
    pub facts: UnitFacts,
    pub name: String,
    pub initiatives: i64,
    /// `None` while no report is filed.
    pub report_on_time: Option<bool>,
}

struct Row {
    unit_id: i64,
    unit_name: String,
    name_order: i64,
    commitment_signed: bool,
    initiatives: i64,
    minimum_met_on_time: bool,
    report_on_time: Option<bool>,
    first_on_time: Option<DateTime<Utc>>,
    scores: Vec<f64>,
    replications: i64,
}

pub async fn unit_records(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<UnitRecord>, AppError> {
    let rows = sqlx::query_as!(
        Row,
        r#"WITH c AS (SELECT registration_deadline AS deadline, min_initiatives FROM campaigns WHERE id = $1),
              i AS (SELECT unit_id, count(*) AS n,
                           count(*) FILTER (WHERE submitted_at <= (SELECT deadline FROM c)) AS on_time,
                           min(submitted_at) FILTER (WHERE submitted_at <= (SELECT deadline FROM c)) AS first_on_time
                    FROM initiatives WHERE campaign_id = $1 GROUP BY unit_id),
              -- Final scores per unit in one pass (not one scan of the campaign per unit).
              s AS (SELECT ii.unit_id, array_agg(COALESCE(fr.override_score, fr.score)) AS scores
                    FROM initiatives ii JOIN initiative_results fr ON fr.initiative_id = ii.id
                    WHERE ii.campaign_id = $1 AND COALESCE(fr.override_score, fr.score) IS NOT NULL
                    GROUP BY ii.unit_id),
              -- Exemplary initiatives adopted within the campaign's period (nhân rộng).
              p AS (SELECT r.unit_id, count(*) AS n
                    FROM replications r JOIN campaigns cc ON cc.id = $1
                    WHERE r.adopted_on BETWEEN cc.period_start AND cc.period_end
                      AND r.unit_id IN (SELECT unit_id FROM campaign_units WHERE campaign_id = $1)
                    GROUP BY r.unit_id)
         SELECT u.id AS unit_id, u.name::text AS "unit_name!",
                u.name_order::bigint AS "name_order!",
                cm.unit_id IS NOT NULL AS "commitment_signed!",
                coalesce(i.n, 0) AS "initiatives!",
                coalesce(i.on_time, 0) >= c.min_initiatives AS "minimum_met_on_time!",
                r.on_time AS "report_on_time?",
                i.first_on_time AS "first_on_time?: DateTime<Utc>",
                coalesce(s.scores, '{}') AS "scores!",
                coalesce(p.n, 0) AS "replications!"
         FROM campaign_units cu
         CROSS JOIN c
         JOIN units u ON u.id = cu.unit_id
         LEFT JOIN i ON i.unit_id = cu.unit_id
         LEFT JOIN s ON s.unit_id = cu.unit_id
         LEFT JOIN p ON p.unit_id = cu.unit_id
         LEFT JOIN commitments cm ON cm.campaign_id = cu.campaign_id AND cm.unit_id = cu.unit_id
         LEFT JOIN reports r ON r.campaign_id = cu.campaign_id AND r.unit_id = cu.unit_id
         WHERE cu.campaign_id = $1"#,
        campaign_id
    )
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| UnitRecord {
            facts: UnitFacts {
                unit_id: r.unit_id,
                name_order: r.name_order,
                commitment_signed: r.commitment_signed,
                minimum_met_on_time: r.minimum_met_on_time,
                report_on_time: r.report_on_time == Some(true),
                first_on_time_submission: r.first_on_time,
                initiative_scores: r.scores,
                replications: r.replications,
            },
            name: r.unit_name,
            initiatives: r.initiatives,
            report_on_time: r.report_on_time,
        })
        .collect())
}

/// What a leaderboard shows of its campaign, and how units are scored in it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BoardCampaign {
    pub title: String,
    pub theme: String,
    pub state: CampaignState,
    pub visibility: Visibility,
    pub min_initiatives: i32,
    pub registration_deadline: Option<DateTime<Utc>>,
    pub points_commitment: i32,
    pub points_minimum: i32,
    pub points_report: i32,
    pub points_replication: i32,
    pub evaluation_mode: EvaluationMode,
    pub evaluation_weight: f64,
    /// Published results are public (not held for the conference).
    pub results_released: bool,
}

pub async fn board_campaign(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
) -> Result<Option<BoardCampaign>, AppError> {
    Ok(sqlx::query_as(
        "SELECT title, theme, state, visibility, min_initiatives, registration_deadline, points_commitment,
                points_minimum, points_report, points_replication, evaluation_mode, evaluation_weight,
                results_released_at IS NOT NULL AS results_released
         FROM campaigns WHERE id = $1",
    )
    .bind(campaign_id)
    .fetch_optional(ex)
    .await?)
}

/// The newest registrations, newest first.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LatestRow {
    pub unit_name: String,
    pub title: String,
    pub kind: InitiativeKind,
    pub submitted_at: DateTime<Utc>,
}

pub async fn latest(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    limit: i64,
) -> Result<Vec<LatestRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT u.name::text AS unit_name, i.title, i.kind, i.submitted_at
         FROM initiatives i JOIN units u ON u.id = i.unit_id
         WHERE i.campaign_id = $1
         ORDER BY i.submitted_at DESC, i.id DESC
         LIMIT $2",
    )
    .bind(campaign_id)
    .bind(limit)
    .fetch_all(ex)
    .await?)
}

#[cfg(test)]
mod tests;
