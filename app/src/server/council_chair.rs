//! The chair's desk: the matrix of initiatives × members, and the chair's decisions. Rules:
//! - Only the chair and the secretary open it; to other members it is forbidden.
//! - Rows are per viewer: an initiative the viewer may not score shows only that it is his
//!   conflict (no cell, score, level or flag), and he cannot act on it.
//! - The chair decides (reopen a sheet, override a result, mark exemplary) on every initiative
//!   he is not conflicted on; the secretary on those the chair is conflicted on.
//! - Every decision carries its reason where the law asks one, happens only while the campaign
//!   is `evaluating`, and is audited. Publishing is the chair's: refused while an initiative is
//!   below quorum unless he confirms each one.
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::decision::Level;
use crate::domain::council::normalise::{normalised, Given};
use crate::domain::council::role::CouncilRole;
use crate::domain::council::score_sheet::REASON_MAX;
use crate::domain::text::required_paragraphs;
use crate::error::{AppError, FieldError, Problem};
use crate::server::access::{self, CouncilSeat};
use crate::server::campaigns::load;
use crate::server::council_desk::audit_scores;
use crate::server::council_roster::{Part, Placed, Roster};
use crate::server::db;
use crate::server::final_scores::refresh;
use crate::server::state::{link_key, pool};
use crate::wire::campaigns::CampaignDetail;
use crate::wire::council_chair::{ChairDesk, MatrixCell, MatrixMember, MatrixRow};
use serde_json::json;
use sqlx::PgConnection;
use std::cmp::Ordering;

/// The seat of the chair or the secretary; `Forbidden` for other members.
pub async fn officer(campaign_id: i64) -> Result<CouncilSeat, AppError> {
    let seat = access::council_seat(campaign_id).await?;
    match seat.role() {
        CouncilRole::Chair | CouncilRole::Secretary => Ok(seat),
        CouncilRole::Member => Err(AppError::Forbidden),
    }
}

/// Whether `seat` decides on the initiative: the chair unless conflicted, then the secretary.
fn decides(roster: &Roster, seat: &CouncilSeat, initiative: Placed) -> bool {
    if roster.account_recused(seat.account_id(), initiative) {
        return false;
    }
    match seat.role() {
        CouncilRole::Chair => true,
        CouncilRole::Secretary => roster
            .members
            .iter()
            .filter(|m| m.role == CouncilRole::Chair)
            .all(|chair| roster.recused(chair, initiative)),
        CouncilRole::Member => false,
    }
}

pub async fn matrix(campaign_id: i64, sort: &str) -> Result<ChairDesk, AppError> {
    let seat = officer(campaign_id).await?;
    let (campaign, members, rows) = matrix_of(campaign_id, Some(seat.account_id()), sort).await?;
    Ok(ChairDesk {
        campaign_id,
        title: campaign.title,
        state: campaign.state,
        results_held: campaign.results_held,
        role: seat.role(),
        members,
        rows,
    })
}

/// The matrix as the campaign's organizer reads it (for the export): he is on the council of
/// none of its initiatives, so every row is whole.
pub async fn organizer_matrix(
    admin: &crate::server::access::CampaignAdmin,
) -> Result<(CampaignDetail, Vec<MatrixMember>, Vec<MatrixRow>), AppError> {
    matrix_of(admin.campaign_id(), None, "").await
}

/// The rows as `viewer` may see them (`None`: nobody's conflicts hide anything).
async fn matrix_of(
    campaign_id: i64,
    viewer: Option<i64>,
    sort: &str,
) -> Result<(CampaignDetail, Vec<MatrixMember>, Vec<MatrixRow>), AppError> {
    let mut conn = pool()?.acquire().await?;
    let campaign = load(&mut conn, campaign_id).await?;
    let roster = Roster::load(&mut conn, campaign_id, campaign.organizer.id, None).await?;
    let decided = crate::server::final_scores::decided_totals(&mut conn, campaign_id, None).await?;
    let mut rows: Vec<MatrixRow> = db::council_chair::rows(&mut *conn, campaign_id)
        .await?
        .into_iter()
        .map(|r| {
            let placed = Placed::new(r.id, r.unit_id, r.field_id);
            if viewer.is_some_and(|account| roster.account_recused(account, placed)) {
                return conflicted_row(r.id, r.title, r.unit_name);
            }
            let cells = roster
                .members
                .iter()
                .map(|m| match roster.part(m, placed) {
                    Part::NotHis => MatrixCell::NotAssigned,
                    Part::Recused => MatrixCell::Recused,
                    Part::Expected => match decided.get(&(r.id, m.account_id)) {
                        Some(Some(total)) => MatrixCell::Scored(*total),
                        Some(None) => MatrixCell::Abstained,
                        None => MatrixCell::Pending,
                    },
                })
                .collect();
            MatrixRow {
                initiative_id: r.id,
                title: r.title,
                unit_name: r.unit_name,
                conflicted: false,
                cells,
                score: r.score,
                normalised: None,
                scored: r.scored.unwrap_or(0),
                expected: r.expected.unwrap_or(0),
                below_quorum: r.below_quorum.unwrap_or(false),
                disagreement: r.disagreement.unwrap_or(false),
                level: r.level.as_deref().and_then(Level::parse),
                override_score: r.override_score,
                override_level: r.override_level.as_deref().and_then(Level::parse),
                override_reason: r.override_reason.unwrap_or_default(),
                exemplary: r.exemplary.unwrap_or(false),
            }
        })
        .collect();
    // Normalised over what this viewer may see only: his conflicts weigh nothing, even here.
    let decided = &decided;
    let visible: Vec<Given> =
        rows.iter()
            .filter(|r| !r.conflicted)
            .flat_map(|r| {
                roster.members.iter().filter_map(move |m| {
                    match decided.get(&(r.initiative_id, m.account_id)) {
                        Some(Some(total)) => Some((r.initiative_id, m.account_id, *total)),
                        _ => None,
                    }
                })
            })
            .collect();
    let normalised = normalised(&visible);
    for row in &mut rows {
        row.normalised = normalised.get(&row.initiative_id).copied();
    }
    sort_rows(&mut rows, sort);
    let members = roster
        .members
        .iter()
        .map(|m| MatrixMember {
            account_id: m.account_id,
            name: m.name.clone(),
            role: m.role,
        })
        .collect();
    Ok((campaign, members, rows))
}

fn conflicted_row(initiative_id: i64, title: String, unit_name: String) -> MatrixRow {
    MatrixRow {
        initiative_id,
        title,
        unit_name,
        conflicted: true,
        cells: Vec::new(),
        score: None,
        normalised: None,
        scored: 0,
        expected: 0,
        below_quorum: false,
        disagreement: false,
        level: None,
        override_score: None,
        override_level: None,
        override_reason: String::new(),
        exemplary: false,
    }
}

/// By final score (highest first), coverage (least covered first) or disagreement (flagged
/// first); conflicted rows last; ties keep the order of registration.
fn sort_rows(rows: &mut [MatrixRow], sort: &str) {
    let coverage = |r: &MatrixRow| {
        if r.expected == 0 {
            1.0
        } else {
            f64::from(r.scored) / f64::from(r.expected)
        }
    };
    match sort {
        "score" => rows.sort_by(|a, b| {
            a.conflicted.cmp(&b.conflicted).then_with(|| {
                b.final_score()
                    .partial_cmp(&a.final_score())
                    .unwrap_or(Ordering::Equal)
            })
        }),
        "coverage" => rows.sort_by(|a, b| {
            a.conflicted
                .cmp(&b.conflicted)
                .then_with(|| coverage(a).partial_cmp(&coverage(b)).unwrap_or(Ordering::Equal))
        }),
        "disagreement" => rows.sort_by_key(|r| (r.conflicted, !r.disagreement)),
        _ => rows.sort_by_key(|r| r.conflicted),
    }
}

/// The initiative's unit, once it is known to belong to the campaign; and whether the seat
/// decides on it (`NotFound` when it may not even see it).
async fn decided_by(conn: &mut PgConnection, seat: &CouncilSeat, initiative_id: i64) -> Result<(), AppError> {
    let campaign_id = seat.campaign_id();
    let state = db::campaigns::lock_state(&mut *conn, campaign_id).await?;
    let placement = db::council_desk::placement(&mut *conn, campaign_id, initiative_id, seat.account_id())
        .await?
        .ok_or(AppError::NotFound)?;
    let organizer = load(conn, campaign_id).await?.organizer.id;
    let roster = Roster::load(conn, campaign_id, organizer, Some(&[initiative_id])).await?;
    let placed = Placed::new(initiative_id, placement.unit_id, placement.field_id);
    if roster.account_recused(seat.account_id(), placed) {
        return Err(AppError::NotFound);
    }
    if !decides(&roster, seat, placed) {
        return Err(AppError::Forbidden);
    }
    if state != CampaignState::Evaluating {
        return Err(AppError::field("form", Problem::NotScoring));
    }
    Ok(())
}

fn reason_of(raw: &str) -> Result<String, AppError> {
    required_paragraphs(raw, REASON_MAX).map_err(|p| AppError::field("reason", p))
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, initiative.id = initiative_id))]
pub async fn reopen(
    campaign_id: i64,
    initiative_id: i64,
    account_id: i64,
    reason: &str,
) -> Result<(), AppError> {
    let seat = officer(campaign_id).await?;
    let reason = reason_of(reason)?;
    let mut tx = pool()?.begin().await?;
    decided_by(&mut tx, &seat, initiative_id).await?;
    if !db::council_chair::reopen(&mut tx, initiative_id, account_id).await? {
        return Err(AppError::field("form", Problem::NotSubmitted));
    }
    refresh(&mut tx, campaign_id, Some(&[initiative_id])).await?;
    let title = db::council_desk::initiative_title(&mut *tx, initiative_id).await?;
    let member = db::council::members(&mut *tx, campaign_id)
        .await?
        .into_iter()
        .find(|m| m.account_id == account_id)
        .map(|m| m.display_name)
        .unwrap_or_default();
    audit_scores(
        &mut tx,
        &seat,
        json!({ "initiative": title, "member": member, "score": "reopened" }),
        &reason,
    )
    .await?;
    tx.commit().await?;
    crate::server::respond::redirect_plain_form(&format!("/council/{campaign_id}/chair"));
    Ok(())
}

/// Overrides the initiative's final score and/or level with a reason; both blank clears it.
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, initiative.id = initiative_id))]
pub async fn set_override(
    campaign_id: i64,
    initiative_id: i64,
    (score, level, reason): (&str, &str, &str),
) -> Result<(), AppError> {
    let seat = officer(campaign_id).await?;
    let mut tx = pool()?.begin().await?;
    decided_by(&mut tx, &seat, initiative_id).await?;
    let campaign = load(&mut tx, campaign_id).await?;
    let max_total: i32 = campaign.criteria.iter().map(|c| c.max_points).sum();
    let score = match score.trim() {
        "" => None,
        text => Some(
            crate::domain::campaign::numbers::parse_weight(text, i64::from(max_total))
                .map_err(|p| AppError::field("override_score", p))?,
        ),
    };
    let level = match level {
        "" => None,
        raw => Some(Level::parse(raw).ok_or(AppError::field("override_level", Problem::UnknownChoice))?),
    };
    let reason = match (score, level) {
        (None, None) => String::new(),
        _ => reason_of(reason)?,
    };
    let key = (campaign_id, initiative_id);
    db::council_chair::set_override(&mut tx, key, score, level.map(Level::as_str), &reason).await?;
    let title = db::council_desk::initiative_title(&mut *tx, initiative_id).await?;
    let shown = json!({
        "initiative": title,
        "override_score": score,
        "override_level": level.map(Level::as_str),
    });
    audit_scores(&mut tx, &seat, shown, &reason).await?;
    tx.commit().await?;
    crate::server::respond::redirect_plain_form(&format!("/council/{campaign_id}/chair"));
    Ok(())
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, initiative.id = initiative_id))]
pub async fn set_exemplary(campaign_id: i64, initiative_id: i64, exemplary: bool) -> Result<(), AppError> {
    let seat = officer(campaign_id).await?;
    let mut tx = pool()?.begin().await?;
    decided_by(&mut tx, &seat, initiative_id).await?;
    db::council_chair::set_exemplary(&mut tx, (campaign_id, initiative_id), exemplary).await?;
    let title = db::council_desk::initiative_title(&mut *tx, initiative_id).await?;
    audit_scores(
        &mut tx,
        &seat,
        json!({ "initiative": title, "exemplary": exemplary }),
        "",
    )
    .await?;
    tx.commit().await?;
    crate::server::respond::redirect_plain_form(&format!("/council/{campaign_id}/chair"));
    Ok(())
}

/// The chair publishes the results; every initiative below quorum must be among `confirmed`.
/// With `release` "now" they are public at once; with "ceremony" only the organizer and the
/// council see them until the conference reveals them.
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn publish(campaign_id: i64, confirmed: &[i64], release: &str) -> Result<(), AppError> {
    let seat = officer(campaign_id).await?;
    if seat.role() != CouncilRole::Chair {
        return Err(AppError::Forbidden);
    }
    let release_now = match release {
        "now" => Some(true),
        "ceremony" => Some(false),
        _ => None,
    };
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::lock_state(&mut tx, campaign_id).await?;
    if state != CampaignState::Evaluating {
        return Err(AppError::field("form", Problem::TransitionNotAllowed));
    }
    let unconfirmed = db::council_chair::rows(&mut *tx, campaign_id)
        .await?
        .into_iter()
        .filter(|r| r.below_quorum == Some(true) && r.override_score.is_none())
        .filter(|r| !confirmed.contains(&r.id))
        .count();
    let mut problems = Vec::new();
    if unconfirmed > 0 {
        let count = unconfirmed;
        problems.push(FieldError::new("form", Problem::BelowQuorum { count }));
    }
    if release_now.is_none() {
        problems.push(FieldError::new("release", Problem::Choose));
    }
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    crate::server::campaign_lifecycle::set_state_in(
        &mut tx,
        &link_key()?,
        seat.account_id(),
        campaign_id,
        state,
        CampaignState::Published,
    )
    .await?;
    if release_now == Some(true) {
        crate::server::campaign_lifecycle::release_in(&mut tx, seat.account_id(), campaign_id).await?;
    }
    tx.commit().await?;
    crate::server::respond::redirect_plain_form(&format!("/council/{campaign_id}/chair?saved=published"));
    Ok(())
}
