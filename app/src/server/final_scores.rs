//! Keeps each initiative's final score, coverage, flags and level up to date. Called in the
//! transaction of every change that can move them: a sheet submitted or abstained, a conflict
//! declared, a member added, changed or removed. Rules (`domain::council`): a member is expected
//! on an initiative of his fields unless the unit tree or his declaration recuses him; his
//! submitted total counts, an abstention keeps him expected without a score.
use crate::domain::campaign::Thresholds;
use crate::domain::council::conflict::conflicted;
use crate::domain::council::decision::Level;
use crate::domain::council::final_score::{final_score, Part};
use crate::error::AppError;
use crate::server::campaigns::load;
use crate::server::db::{self, final_scores::Outcome};
use sqlx::PgConnection;
use std::collections::{HashMap, HashSet};

/// Recomputes and stores the results of `ids` (every initiative of the campaign for `None`).
pub async fn refresh(conn: &mut PgConnection, campaign_id: i64, ids: Option<&[i64]>) -> Result<(), AppError> {
    let campaign = load(conn, campaign_id).await?;
    let max_total: u32 = campaign
        .criteria
        .iter()
        .map(|c| c.max_points.max(0) as u32 * 2)
        .sum();
    let rules = campaign.scoring.final_score_rules(max_total);
    let members = db::final_scores::members(&mut *conn, campaign_id).await?;
    let lineages: HashMap<i64, Vec<i64>> = db::council::unit_lineages(&mut *conn, campaign_id)
        .await?
        .into_iter()
        .filter_map(|l| Some((*l.first()?, l)))
        .collect();
    let declared: HashSet<(i64, i64)> = db::final_scores::declared(&mut *conn, campaign_id, ids)
        .await?
        .into_iter()
        .collect();
    let decided = decided_totals(&mut *conn, campaign_id, ids).await?;
    let initiatives = db::final_scores::initiatives(&mut *conn, campaign_id, ids).await?;
    let outcomes: Vec<Outcome> = initiatives
        .iter()
        .map(|i| {
            let lineage = lineages.get(&i.unit_id).map(Vec::as_slice).unwrap_or(&[]);
            let parts: Vec<Part> = members
                .iter()
                .filter(|m| m.fields.is_empty() || m.fields.contains(&i.field_id))
                .map(|m| {
                    let recused = conflicted(&m.lineage, lineage, campaign.organizer.id)
                        || declared.contains(&(i.id, m.account_id));
                    match (recused, decided.get(&(i.id, m.account_id))) {
                        (true, _) => Part::Recused,
                        (false, Some(Some(total))) => Part::Scored(*total),
                        (false, Some(None)) => Part::Abstained,
                        (false, None) => Part::Pending,
                    }
                })
                .collect();
            outcome(i.id, &final_score(&parts, &rules), campaign.thresholds.as_ref())
        })
        .collect();
    db::final_scores::store(conn, campaign_id, &outcomes).await
}

fn outcome(
    initiative_id: i64,
    result: &crate::domain::council::final_score::FinalScore,
    thresholds: Option<&Thresholds>,
) -> Outcome {
    Outcome {
        initiative_id,
        score: result.score,
        scored: result.scored as i32,
        expected: result.expected as i32,
        below_quorum: result.below_quorum,
        disagreement: result.disagreement,
        level: result
            .score
            .zip(thresholds)
            .map(|(score, t)| Level::of(score, t).as_str()),
    }
}

/// Each decided sheet by (initiative, member): its total when submitted, `None` when abstained.
pub async fn decided_totals(
    conn: &mut PgConnection,
    campaign_id: i64,
    ids: Option<&[i64]>,
) -> Result<HashMap<(i64, i64), Option<u32>>, AppError> {
    Ok(db::final_scores::decided(conn, campaign_id, ids)
        .await?
        .into_iter()
        .map(|d| {
            let total = (d.state == "submitted")
                .then(|| d.total.map(|t| t.max(0) as u32))
                .flatten();
            ((d.initiative_id, d.account_id), total)
        })
        .collect())
}
