//! The council's meeting: the secretary records its date, the members present and, per
//! initiative put to the vote, how many agreed. Rules:
//! - The chair and the secretary record it (`council_chair::officer`), while the campaign is
//!   `evaluating`; each sees and records only the initiatives he is not conflicted on (the
//!   other officer records the rest), so no score, level or vote of such an initiative reaches him.
//! - Those present are members of the council, at least one; an agreed count is blank (not put
//!   to the vote) or a whole number up to those present. An initiative is recognised with at
//!   least two thirds of those present (`domain::council::decision::recognised`).
//! - The proposal defaults to the initiatives rated hoàn thành or better; any may be put to the
//!   vote. Every recording is audited.
use crate::domain::audit::AuditKind;
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::decision::{parse_agreed, recognised, Level};
use crate::domain::deadline::{format_date, parse_date};
use crate::error::{AppError, Checks, Problem};
use crate::server::campaigns::{audit_change, load};
use crate::server::council_chair::officer;
use crate::server::council_roster::{Placed, Roster};
use crate::server::db;
use crate::server::state::pool;
use crate::wire::council_meeting::{MeetingMember, MeetingView, VoteLine};
use serde_json::json;
use std::cmp::Ordering;
use std::collections::HashMap;

pub async fn view(campaign_id: i64) -> Result<MeetingView, AppError> {
    let seat = officer(campaign_id).await?;
    let mut conn = pool()?.acquire().await?;
    let campaign = load(&mut conn, campaign_id).await?;
    let roster = Roster::load(&mut conn, campaign_id, campaign.organizer.id, None).await?;
    let meeting = db::council_meeting::meeting(&mut *conn, campaign_id).await?;
    let votes: HashMap<i64, db::council_meeting::VoteRow> =
        db::council_meeting::votes(&mut *conn, campaign_id)
            .await?
            .into_iter()
            .map(|v| (v.initiative_id, v))
            .collect();
    let mut lines: Vec<VoteLine> = db::council_chair::rows(&mut *conn, campaign_id)
        .await?
        .into_iter()
        .map(|r| {
            let placed = Placed::new(r.id, r.unit_id, r.field_id);
            if roster.account_recused(seat.account_id(), placed) {
                return VoteLine::conflicted(r.id, r.title, r.unit_name);
            }
            let level = r
                .override_level
                .as_deref()
                .or(r.level.as_deref())
                .and_then(Level::parse);
            let vote = votes.get(&r.id);
            VoteLine {
                initiative_id: r.id,
                title: r.title,
                unit_name: r.unit_name,
                conflicted: false,
                score: r.override_score.or(r.score),
                level,
                proposed: level.is_some_and(Level::proposed_for_recognition),
                agreed: vote.map(|v| v.agreed.max(0) as u32),
                present: vote.map(|v| v.present.max(0) as u32),
                recognised: vote.map(|v| v.recognised),
            }
        })
        .collect();
    // The proposal first, best first; conflicted lines last.
    lines.sort_by(|a, b| {
        (a.conflicted, !a.proposed)
            .cmp(&(b.conflicted, !b.proposed))
            .then_with(|| b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal))
    });
    let present = meeting.as_ref().map(|m| m.present.clone());
    Ok(MeetingView {
        campaign_id,
        title: campaign.title,
        state: campaign.state,
        role: seat.role(),
        held_on: meeting.as_ref().map(|m| format_date(m.held_on)),
        today: format_date(
            chrono::Utc::now()
                .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
                .date_naive(),
        ),
        members: roster
            .members
            .iter()
            .map(|m| MeetingMember {
                account_id: m.account_id,
                name: m.name.clone(),
                role: m.role,
                present: present.as_ref().is_none_or(|p| p.contains(&m.account_id)),
            })
            .collect(),
        lines,
        editable: campaign.state == CampaignState::Evaluating,
    })
}

/// What the recording form sends: the date, the members present, and per initiative listed to
/// the viewer the agreed count as typed (`initiatives[i]` goes with `agreed[i]`).
pub struct MeetingInput<'a> {
    pub held_on: &'a str,
    pub present: &'a [i64],
    pub initiatives: &'a [i64],
    pub agreed: &'a [String],
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn save(campaign_id: i64, input: MeetingInput<'_>) -> Result<(), AppError> {
    let seat = officer(campaign_id).await?;
    if input.initiatives.len() != input.agreed.len() {
        return Err(AppError::field("form", Problem::UnknownChoice));
    }
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::lock_state(&mut tx, campaign_id).await?;
    if state != CampaignState::Evaluating {
        return Err(AppError::field("form", Problem::NotScoring));
    }
    let campaign = load(&mut tx, campaign_id).await?;
    let roster = Roster::load(&mut tx, campaign_id, campaign.organizer.id, None).await?;
    let mut checks = Checks::default();
    let held_on = checks.check("held_on", parse_date(input.held_on));
    let mut present: Vec<i64> = input.present.to_vec();
    present.sort_unstable();
    present.dedup();
    let known = present.iter().all(|p| roster.member(*p).is_some());
    let present_ok = match (present.is_empty(), known) {
        (true, _) => Err(Problem::Choose),
        (false, false) => Err(Problem::UnknownChoice),
        (false, true) => Ok(()),
    };
    checks.check("present", present_ok);
    let count = present.len() as u32;
    let rows: HashMap<i64, db::council_chair::Row> = db::council_chair::rows(&mut *tx, campaign_id)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let mut votes = Vec::with_capacity(input.initiatives.len());
    for (i, (initiative, typed)) in input.initiatives.iter().zip(input.agreed).enumerate() {
        let Some(row) = rows.get(initiative) else {
            return Err(AppError::NotFound);
        };
        let placed = Placed::new(row.id, row.unit_id, row.field_id);
        if roster.account_recused(seat.account_id(), placed) {
            return Err(AppError::NotFound);
        }
        if let Some(agreed) = checks.check(&format!("agreed[{i}]"), parse_agreed(typed, count)) {
            votes.push((row.id, agreed));
        }
    }
    checks.finish()?;
    let Some(held_on) = held_on else {
        return Err(AppError::Internal);
    };
    let before = snapshot(&mut tx, campaign_id, &roster).await?;
    db::council_meeting::save_meeting(&mut tx, campaign_id, held_on, &present, seat.account_id()).await?;
    for (initiative, agreed) in &votes {
        let vote = agreed.map(|a| (a as i32, count as i32, recognised(count, a)));
        db::council_meeting::set_vote(&mut tx, campaign_id, *initiative, vote).await?;
    }
    let after = snapshot(&mut tx, campaign_id, &roster).await?;
    audit_change(
        &mut tx,
        campaign_id,
        seat.account_id(),
        AuditKind::Scores,
        &before,
        &after,
    )
    .await?;
    tx.commit().await?;
    crate::server::respond::redirect_plain_form(&format!("/council/{campaign_id}/meeting?saved=meeting"));
    Ok(())
}

/// The meeting as the audit trail shows it: date, names present, and each vote.
async fn snapshot(
    conn: &mut sqlx::PgConnection,
    campaign_id: i64,
    roster: &Roster,
) -> Result<serde_json::Value, AppError> {
    let meeting = db::council_meeting::meeting(&mut *conn, campaign_id).await?;
    let titles: HashMap<i64, String> = db::council_chair::rows(&mut *conn, campaign_id)
        .await?
        .into_iter()
        .map(|r| (r.id, r.title))
        .collect();
    let mut votes: Vec<String> = db::council_meeting::votes(&mut *conn, campaign_id)
        .await?
        .into_iter()
        .map(|v| {
            let title = titles.get(&v.initiative_id).cloned().unwrap_or_default();
            format!("{title}: {}/{}", v.agreed, v.present)
        })
        .collect();
    votes.sort();
    let present: Vec<String> = meeting
        .as_ref()
        .map(|m| {
            roster
                .members
                .iter()
                .filter(|r| m.present.contains(&r.account_id))
                .map(|r| r.name.clone())
                .collect()
        })
        .unwrap_or_default();
    Ok(json!({
        "held_on": meeting.as_ref().map(|m| format_date(m.held_on)),
        "present": present,
        "votes": votes,
    }))
}
