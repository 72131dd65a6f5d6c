//! A campaign's results page. Rules: a draft has none for anybody. The organizer sees every
//! result from the council's first score (while evaluating they are provisional); a council
//! member sees them too, except where he is recused (no score, level, vote or unit score) and,
//! while the council scores, the initiatives he has still to score (no peer's score reaches him
//! before his own). The public (with the board's pass: a link-only campaign needs its key) sees
//! results only once they are published and released; before that the page says when to come
//! back and carries nothing else.
use super::access::{self, ResultsReader};
use super::council_roster::{Part, Placed, Roster};
use super::db::{self, standings};
use super::state::pool;
use crate::domain::campaign::Visibility;
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::decision::Level;
use crate::domain::ranking::{rank, Standing};
use crate::error::AppError;
use crate::wire::results::{Arrangement, CampaignResults, InitiativeResult, Reader, Table, UnitResult};
use std::collections::{HashMap, HashSet};

/// The page's results: the asked page of the asked table, filtered and sorted (`query`).
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn load(campaign_id: i64, key: Option<String>, query: &str) -> Result<CampaignResults, AppError> {
    let mut results = everything(campaign_id, key).await?;
    if results.pending {
        return Ok(results);
    }
    // Only the asked page of the asked table travels: a campaign may have 20,000 initiatives.
    let arrangement = Arrangement::from_query(query);
    match arrangement.table {
        Table::Units => {
            let units = arrangement.units(&results.units);
            results.matching = units.len();
            (results.units, results.pages) = arrangement.paged(&units);
            results.initiatives = Vec::new();
        }
        Table::Initiatives => {
            let initiatives = arrangement.initiatives(&results.initiatives);
            results.matching = initiatives.len();
            (results.initiatives, results.pages) = arrangement.paged(&initiatives);
            results.units = Vec::new();
        }
    }
    Ok(results)
}

/// Every result this reader may see, both tables whole (pages and exports cut them).
pub async fn everything(campaign_id: i64, key: Option<String>) -> Result<CampaignResults, AppError> {
    let reader = access::results_reader(campaign_id, key).await?;
    let mut conn = pool()?.acquire().await?;
    let campaign = super::campaigns::load(&mut conn, campaign_id).await?;
    if campaign.state == CampaignState::Draft {
        return Err(AppError::NotFound);
    }
    let released = campaign.state.has_results() && !campaign.results_held;
    let kind = match &reader {
        ResultsReader::Organizer(_) => Reader::Organizer,
        ResultsReader::Council(_) => Reader::Council,
        ResultsReader::Public(pass) if pass.opens(campaign.visibility == Visibility::LinkOnly) => {
            Reader::Public
        }
        ResultsReader::Public(_) => return Err(AppError::NotFound),
    };
    let mut results = CampaignResults {
        campaign_id,
        title: campaign.title.clone(),
        state: campaign.state,
        reader: kind,
        final_results: campaign.state.has_results(),
        held: campaign.results_held,
        pending: kind == Reader::Public && !released,
        fields: campaign.fields.clone(),
        some_hidden: false,
        initiatives: Vec::new(),
        units: Vec::new(),
        matching: 0,
        pages: 1,
        awards: Vec::new(),
        loaded_at: campaign.loaded_at,
    };
    if results.pending {
        return Ok(results);
    }
    let rows = db::results::initiatives(&mut *conn, campaign_id).await?;
    let hidden = match &reader {
        ResultsReader::Council(seat) => {
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            let roster = Roster::load(&mut conn, campaign_id, campaign.organizer.id, Some(&ids)).await?;
            let decided = super::final_scores::decided_totals(&mut conn, campaign_id, None).await?;
            let scoring_now = campaign.state == CampaignState::Evaluating;
            rows.iter()
                .filter(|r| {
                    let placed = Placed::new(r.id, r.unit_id, r.field_id);
                    let Some(member) = roster.member(seat.account_id()) else {
                        return false;
                    };
                    match roster.part(member, placed) {
                        Part::Recused => true,
                        Part::Expected => scoring_now && !decided.contains_key(&(r.id, member.account_id)),
                        Part::NotHis => roster.recused(member, placed),
                    }
                })
                .map(|r| r.id)
                .collect()
        }
        _ => HashSet::new(),
    };
    let hidden_units: HashSet<i64> = rows
        .iter()
        .filter(|r| hidden.contains(&r.id))
        .map(|r| r.unit_id)
        .collect();
    results.initiatives = rows
        .into_iter()
        .map(|r| {
            let secret = hidden.contains(&r.id);
            InitiativeResult {
                id: r.id,
                receipt_code: r.receipt_code,
                title: r.title,
                kind: r.kind,
                field: r.field,
                unit_id: r.unit_id,
                unit_name: r.unit_name,
                authors: r.authors,
                hidden: secret,
                score: r.score.filter(|_| !secret),
                scored: r.scored.unwrap_or(0),
                expected: r.expected.unwrap_or(0),
                level: r.level.as_deref().and_then(Level::parse).filter(|_| !secret),
                recognised: r.recognised.filter(|_| !secret),
                exemplary: r.exemplary.unwrap_or(false) && !secret,
            }
        })
        .collect();
    let records = standings::unit_records(&mut *conn, campaign_id).await?;
    let facts: Vec<_> = records.iter().map(|r| r.facts.clone()).collect();
    let by_unit: HashMap<i64, &standings::UnitRecord> =
        records.iter().map(|r| (r.facts.unit_id, r)).collect();
    // Readers who see results see the evaluation part, provisional until published.
    results.units = rank(&campaign.scoring, true, &facts)
        .into_iter()
        .filter_map(|s| {
            let record = by_unit.get(&s.unit_id)?;
            let secret = hidden_units.contains(&s.unit_id);
            Some(UnitResult {
                unit_name: record.name.clone(),
                name_order: record.facts.name_order,
                hidden: secret,
                standing: if secret { concealed(s) } else { s },
                initiatives: record.initiatives,
                committed: record.facts.commitment_signed,
                report_on_time: record.report_on_time,
            })
        })
        .collect();
    results.awards = super::awards::lists(&mut conn, campaign_id).await?;
    results.some_hidden = results.initiatives.iter().any(|r| r.hidden);
    Ok(results)
}

/// A unit's standing with nothing of its evaluation left: no place, no score.
fn concealed(standing: Standing) -> Standing {
    Standing {
        unit_id: standing.unit_id,
        place: 0,
        shared: false,
        ahead_by: None,
        participation_points: standing.participation_points,
        evaluation_points: None,
        score_hundredths: 0,
    }
}
