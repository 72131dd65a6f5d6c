//! Keeps each initiative's final score, coverage, flags and level up to date. Called in the
//! transaction of every change that can move them: a sheet submitted or abstained, a conflict
//! declared, the council or its assignment changed, the campaign sent to its council. Rules
//! (`server::council_roster`): a member is expected on the initiatives given to him unless the
//! unit tree or his declaration recuses him; his submitted total counts, an abstention keeps him
//! expected without a score.
use crate::domain::campaign::Thresholds;
use crate::domain::council::decision::Level;
use crate::domain::council::final_score::{final_score, Part};
use crate::error::AppError;
use crate::server::council_roster::{self, Placed, Roster};
use crate::server::db::{
    self,
    final_scores::{Basis, Outcome},
};
use sqlx::PgConnection;
use std::collections::HashMap;

/// Recomputes and stores the results of `ids` (every initiative of the campaign for `None`).
pub async fn refresh(conn: &mut PgConnection, campaign_id: i64, ids: Option<&[i64]>) -> Result<(), AppError> {
    let basis = db::final_scores::share_basis(conn, campaign_id).await?;
    refresh_of(conn, &basis, ids).await
}

/// As `refresh`, on the basis the caller has already read in this transaction.
pub async fn refresh_of(conn: &mut PgConnection, basis: &Basis, ids: Option<&[i64]>) -> Result<(), AppError> {
    let campaign_id = basis.id;
    let rules = basis.rules();
    let thresholds = basis.thresholds();
    let roster = Roster::load(&mut *conn, campaign_id, basis.organizer_id, ids).await?;
    let decided = decided_totals(&mut *conn, campaign_id, ids).await?;
    let initiatives = db::final_scores::initiatives(&mut *conn, campaign_id, ids).await?;
    let outcomes: Vec<Outcome> = initiatives
        .iter()
        .map(|i| {
            let placed = Placed::new(i.id, i.unit_id, i.field_id);
            let parts: Vec<Part> = roster
                .members
                .iter()
                .filter_map(|m| match roster.part(m, placed) {
                    council_roster::Part::NotHis => None,
                    council_roster::Part::Recused => Some(Part::Recused),
                    council_roster::Part::Expected => Some(match decided.get(&(i.id, m.account_id)) {
                        Some(Some(total)) => Part::Scored(*total),
                        Some(None) => Part::Abstained,
                        None => Part::Pending,
                    }),
                })
                .collect();
            outcome(i.id, &final_score(&parts, &rules), thresholds.as_ref())
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
