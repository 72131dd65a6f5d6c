//! What an initiative's final score is made from (the initiatives, the declared conflicts and
//! the decided sheets), and the stored results. `ids`: the
//! initiatives concerned, or `None` for every initiative of the campaign.
use crate::domain::campaign::Thresholds;
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::final_score::{Combine, FinalScoreRules, Quorum};
use crate::error::AppError;
use sqlx::{PgConnection, PgExecutor};

/// What a campaign's final scores are computed from, in one read.
#[derive(sqlx::FromRow)]
pub struct Basis {
    pub id: i64,
    pub state: CampaignState,
    pub organizer_id: i64,
    excellent_min: Option<i32>,
    good_min: Option<i32>,
    pass_min: Option<i32>,
    final_combine: Combine,
    quorum: Quorum,
    disagreement_percent: i32,
    /// Each criterion's maximum points, in order.
    pub maxima: Vec<i32>,
}

impl Basis {
    pub fn thresholds(&self) -> Option<Thresholds> {
        Some(Thresholds {
            excellent: self.excellent_min?,
            good: self.good_min?,
            pass: self.pass_min?,
        })
    }

    pub fn rules(&self) -> FinalScoreRules {
        let max_total = self.maxima.iter().map(|m| (*m).max(0) as u32 * 2).sum();
        crate::domain::campaign::scoring::Scoring {
            final_combine: self.final_combine,
            quorum: self.quorum,
            disagreement_percent: self.disagreement_percent,
            ..Default::default()
        }
        .final_score_rules(max_total)
    }
}

/// The campaign's basis, its row share-locked for the rest of the transaction (many such
/// transactions run side by side; a state change waits for them, and they for it).
pub async fn share_basis(conn: &mut PgConnection, campaign_id: i64) -> Result<Basis, AppError> {
    let basis: Option<Basis> = sqlx::query_as(
        "SELECT c.id, c.state, c.organizer_id, c.excellent_min, c.good_min, c.pass_min, c.final_combine,
                c.quorum, c.disagreement_percent,
                ARRAY(SELECT k.max_points FROM campaign_criteria k WHERE k.campaign_id = c.id
                      ORDER BY k.position) AS maxima
         FROM campaigns c WHERE c.id = $1 FOR SHARE",
    )
    .bind(campaign_id)
    .fetch_optional(conn)
    .await?;
    basis.ok_or(AppError::NotFound)
}

pub struct Initiative {
    pub id: i64,
    pub unit_id: i64,
    pub field_id: i64,
}

pub async fn initiatives(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    ids: Option<&[i64]>,
) -> Result<Vec<Initiative>, AppError> {
    // Two statements, not `$2 IS NULL OR …`: a prepared statement's generic plan would scan the
    // whole campaign for the one initiative a saved score concerns.
    let rows = match ids {
        Some(ids) => {
            sqlx::query_as!(
                Initiative,
                "SELECT id, unit_id, field_id FROM initiatives WHERE id = ANY($2) AND campaign_id = $1",
                campaign_id,
                ids
            )
            .fetch_all(ex)
            .await?
        }
        None => {
            sqlx::query_as!(
                Initiative,
                "SELECT id, unit_id, field_id FROM initiatives WHERE campaign_id = $1",
                campaign_id
            )
            .fetch_all(ex)
            .await?
        }
    };
    Ok(rows)
}

/// An (initiative, account) pair, as several council tables store one.
pub struct Pair {
    pub initiative_id: i64,
    pub account_id: i64,
}

impl Pair {
    pub fn key(&self) -> (i64, i64) {
        (self.initiative_id, self.account_id)
    }
}

/// (initiative, account) pairs with a declared conflict.
pub async fn declared(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    ids: Option<&[i64]>,
) -> Result<Vec<(i64, i64)>, AppError> {
    // Two statements, for the reason `initiatives` gives.
    let rows = match ids {
        Some(ids) => {
            sqlx::query_as!(
                Pair,
                "SELECT d.initiative_id, d.account_id FROM council_declared_conflicts d
                 JOIN initiatives i ON i.id = d.initiative_id
                 WHERE d.initiative_id = ANY($2) AND i.campaign_id = $1",
                campaign_id,
                ids
            )
            .fetch_all(ex)
            .await?
        }
        None => {
            sqlx::query_as!(
                Pair,
                "SELECT d.initiative_id, d.account_id FROM council_declared_conflicts d
                 JOIN initiatives i ON i.id = d.initiative_id WHERE i.campaign_id = $1",
                campaign_id
            )
            .fetch_all(ex)
            .await?
        }
    };
    Ok(rows.iter().map(Pair::key).collect())
}

pub struct Decided {
    pub initiative_id: i64,
    pub account_id: i64,
    pub state: String,
    pub total: Option<i32>,
}

/// The submitted and abstained sheets.
pub async fn decided(
    ex: impl PgExecutor<'_>,
    campaign_id: i64,
    ids: Option<&[i64]>,
) -> Result<Vec<Decided>, AppError> {
    // Two statements, for the reason `initiatives` gives.
    let rows = match ids {
        Some(ids) => {
            sqlx::query_as!(
                Decided,
                "SELECT initiative_id, account_id, state, total FROM council_scores
             WHERE initiative_id = ANY($2) AND campaign_id = $1 AND state IN ('submitted', 'abstained')",
                campaign_id,
                ids
            )
            .fetch_all(ex)
            .await?
        }
        None => {
            sqlx::query_as!(
                Decided,
                "SELECT initiative_id, account_id, state, total FROM council_scores
             WHERE campaign_id = $1 AND state IN ('submitted', 'abstained')",
                campaign_id
            )
            .fetch_all(ex)
            .await?
        }
    };
    Ok(rows)
}

/// One initiative's result, as stored.
pub struct Outcome {
    pub initiative_id: i64,
    pub score: Option<f64>,
    pub scored: i32,
    pub expected: i32,
    pub below_quorum: bool,
    pub disagreement: bool,
    pub level: Option<&'static str>,
}

/// Stores the results, changing only the rows whose values differ (so the boards are told only
/// of real changes).
pub async fn store(conn: &mut PgConnection, campaign_id: i64, results: &[Outcome]) -> Result<(), AppError> {
    let ids: Vec<i64> = results.iter().map(|r| r.initiative_id).collect();
    let scores: Vec<Option<f64>> = results.iter().map(|r| r.score).collect();
    let scored: Vec<i32> = results.iter().map(|r| r.scored).collect();
    let expected: Vec<i32> = results.iter().map(|r| r.expected).collect();
    let below: Vec<bool> = results.iter().map(|r| r.below_quorum).collect();
    let disagree: Vec<bool> = results.iter().map(|r| r.disagreement).collect();
    let levels: Vec<Option<&str>> = results.iter().map(|r| r.level).collect();
    sqlx::query!(
        r#"INSERT INTO initiative_results (initiative_id, campaign_id, score, scored, expected, below_quorum,
                                           disagreement, level)
           SELECT t.id, $1, t.score, t.scored, t.expected, t.below, t.disagree, t.level
           FROM UNNEST($2::bigint[], $3::float8[], $4::int[], $5::int[], $6::bool[], $7::bool[], $8::text[])
                AS t(id, score, scored, expected, below, disagree, level)
           ON CONFLICT (initiative_id) DO UPDATE SET
               score = EXCLUDED.score, scored = EXCLUDED.scored, expected = EXCLUDED.expected,
               below_quorum = EXCLUDED.below_quorum, disagreement = EXCLUDED.disagreement,
               level = EXCLUDED.level, updated_at = now()
           WHERE (initiative_results.score, initiative_results.scored, initiative_results.expected,
                  initiative_results.below_quorum, initiative_results.disagreement, initiative_results.level)
                 IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.scored, EXCLUDED.expected,
                                   EXCLUDED.below_quorum, EXCLUDED.disagreement, EXCLUDED.level)"#,
        campaign_id,
        &ids,
        &scores as &[Option<f64>],
        &scored,
        &expected,
        &below,
        &disagree,
        &levels as &[Option<&str>]
    )
    .execute(conn)
    .await?;
    Ok(())
}
