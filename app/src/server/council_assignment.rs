//! Who scores which initiative, set by an admin who manages the campaign. Rules:
//! - The mode (everyone, or N members per initiative spread evenly) is chosen before the
//!   campaign goes to its council (`draft`, `open`); pairs are spread and adjusted until results
//!   are published, and the campaign's move to `evaluating` spreads what is missing by itself.
//! - A pair is made only where the member may score (his fields, no conflict); a pair whose
//!   member has decided (submitted or abstained) stays.
//! - Every change refreshes the final scores it touches and is audited.
use crate::domain::audit::AuditKind;
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::assignment::{spread, Assignment, Slot, MAX_PER_INITIATIVE};
use crate::error::{AppError, Problem};
use crate::server::access::CampaignAdmin;
use crate::server::campaigns::{audit_change, load};
use crate::server::council_roster::{Part, Placed, Roster};
use crate::server::db::{self, audit::Change};
use crate::server::final_scores::{decided_totals, refresh};
use crate::server::state::pool;
use crate::wire::council_assignment::{
    AssignedMember, AssignmentView, InitiativeCover, MemberLoad, SHOWN_MAX,
};
use serde_json::json;
use sqlx::PgConnection;
use std::collections::HashSet;

pub async fn view(admin: CampaignAdmin) -> Result<AssignmentView, AppError> {
    let id = admin.campaign_id();
    let mut conn = pool()?.acquire().await?;
    let campaign = load(&mut conn, id).await?;
    let roster = Roster::load(&mut conn, id, campaign.organizer.id, None).await?;
    let decided = decided_totals(&mut conn, id, None).await?;
    let rows = db::council_chair::rows(&mut *conn, id).await?;
    let fields = db::council::fields(&mut *conn, id).await?;
    let wanted = match roster.assignment {
        Assignment::All => None,
        Assignment::Spread { per_initiative } => Some(per_initiative as usize),
    };
    let mut loads: Vec<MemberLoad> = roster
        .members
        .iter()
        .map(|m| MemberLoad {
            account_id: m.account_id,
            name: m.name.clone(),
            load: 0,
        })
        .collect();
    let mut covers: Vec<InitiativeCover> = rows
        .into_iter()
        .map(|r| {
            let placed = Placed::new(r.id, r.unit_id, r.field_id);
            let mut assigned = Vec::new();
            let mut addable = Vec::new();
            for (m, tally) in roster.members.iter().zip(loads.iter_mut()) {
                let part = roster.part(m, placed);
                if part == Part::Expected {
                    tally.load += 1;
                }
                let stored = roster.is_assigned(m, placed);
                if stored || (wanted.is_none() && part != Part::NotHis) {
                    assigned.push(AssignedMember {
                        account_id: m.account_id,
                        name: m.name.clone(),
                        recused: part == Part::Recused,
                        decided: decided.contains_key(&(r.id, m.account_id)),
                    });
                } else if wanted.is_some() && roster.may_score(m, placed) {
                    addable.push((m.account_id, m.name.clone()));
                }
            }
            let expected = assigned.iter().filter(|a| !a.recused).count();
            InitiativeCover {
                id: r.id,
                title: r.title,
                unit_name: r.unit_name,
                field_name: fields
                    .iter()
                    .find(|f| f.id == r.field_id)
                    .map(|f| f.name.clone())
                    .unwrap_or_default(),
                short: wanted.is_some_and(|n| expected < n) || expected == 0,
                expected,
                assigned,
                addable,
            }
        })
        .collect();
    let total = covers.len();
    let short = covers.iter().filter(|c| c.short).count();
    // The short ones first: they are what the organizer has to look at.
    covers.sort_by_key(|c| !c.short);
    covers.truncate(SHOWN_MAX);
    Ok(AssignmentView {
        campaign_id: id,
        title: campaign.title,
        state: campaign.state,
        assignment: roster.assignment,
        mode_editable: campaign.state.council_rules_are_editable(),
        pairs_editable: campaign.state.council_is_editable(),
        members: loads,
        initiatives: covers,
        total,
        short,
    })
}

/// Locks the campaign and answers its state, refused with `Locked` unless `allowed`.
async fn locked(
    conn: &mut PgConnection,
    id: i64,
    allowed: fn(CampaignState) -> bool,
) -> Result<(), AppError> {
    let state = db::campaigns::lock_state(&mut *conn, id).await?;
    if !allowed(state) {
        return Err(AppError::field("form", Problem::Locked { state }));
    }
    Ok(())
}

/// Sets the mode; choosing to spread spreads at once what is missing.
#[tracing::instrument(skip_all, fields(campaign.id = admin.campaign_id()))]
pub async fn set_mode(admin: CampaignAdmin, mode: &str, per_initiative: &str) -> Result<(), AppError> {
    let id = admin.campaign_id();
    let per = match per_initiative.trim().parse::<u32>() {
        Ok(n) if (1..=MAX_PER_INITIATIVE).contains(&n) => n,
        _ => {
            return Err(AppError::field(
                "per_initiative",
                Problem::OutOfRange {
                    min: 1,
                    max: i64::from(MAX_PER_INITIATIVE),
                },
            ))
        }
    };
    let assignment = match mode {
        "all" => Assignment::All,
        "spread" => Assignment::Spread { per_initiative: per },
        _ => return Err(AppError::field("mode", Problem::UnknownChoice)),
    };
    let mut tx = pool()?.begin().await?;
    locked(&mut tx, id, CampaignState::council_rules_are_editable).await?;
    let (old_mode, old_per) = db::council_roster::mode(&mut *tx, id).await?;
    db::council_roster::set_mode(&mut tx, id, assignment.as_str(), per as i32).await?;
    let added = match assignment {
        Assignment::All => 0,
        Assignment::Spread { .. } => fill(&mut tx, id).await?,
    };
    refresh(&mut tx, id, None).await?;
    audit_change(
        &mut tx,
        id,
        admin.id(),
        AuditKind::Council,
        &json!({ "assignment": old_mode, "per_initiative": old_per, "assigned_pairs": 0 }),
        &json!({ "assignment": assignment.as_str(), "per_initiative": per, "assigned_pairs": added }),
    )
    .await?;
    finish(tx, id).await
}

/// Spreads what is missing; with `afresh`, first takes back every pair not yet decided.
#[tracing::instrument(skip_all, fields(campaign.id = admin.campaign_id()))]
pub async fn spread_now(admin: CampaignAdmin, afresh: bool) -> Result<(), AppError> {
    let id = admin.campaign_id();
    let mut tx = pool()?.begin().await?;
    locked(&mut tx, id, CampaignState::council_is_editable).await?;
    let (mode, _) = db::council_roster::mode(&mut *tx, id).await?;
    if mode != "spread" {
        return Err(AppError::field("form", Problem::NotSpreading));
    }
    let removed = match afresh {
        true => db::council_roster::clear_undecided(&mut tx, id).await?,
        false => 0,
    };
    let added = fill(&mut tx, id).await?;
    refresh(&mut tx, id, None).await?;
    audit_change(
        &mut tx,
        id,
        admin.id(),
        AuditKind::Council,
        &json!({ "assigned_pairs": removed }),
        &json!({ "assigned_pairs": added }),
    )
    .await?;
    finish(tx, id).await
}

/// Gives the initiative to the member, or takes it back (refused once he has decided on it).
#[tracing::instrument(skip_all, fields(campaign.id = admin.campaign_id(), initiative.id = initiative_id))]
pub async fn set_pair(
    admin: CampaignAdmin,
    initiative_id: i64,
    account_id: i64,
    assigned: bool,
) -> Result<(), AppError> {
    let id = admin.campaign_id();
    let mut tx = pool()?.begin().await?;
    locked(&mut tx, id, CampaignState::council_is_editable).await?;
    let (mode, _) = db::council_roster::mode(&mut *tx, id).await?;
    if mode != "spread" {
        return Err(AppError::field("form", Problem::NotSpreading));
    }
    let organizer = load(&mut tx, id).await?.organizer.id;
    let initiative = db::final_scores::initiatives(&mut *tx, id, Some(&[initiative_id]))
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let roster = Roster::load(&mut tx, id, organizer, Some(&[initiative_id])).await?;
    let member = roster.member(account_id).ok_or(AppError::NotFound)?;
    let placed = Placed::new(initiative.id, initiative.unit_id, initiative.field_id);
    let name = member.name.clone();
    if assigned {
        if !roster.may_score(member, placed) {
            return Err(AppError::field("account_id", Problem::CannotScoreThis));
        }
        db::council_roster::assign(&mut tx, id, &[(initiative_id, account_id)]).await?;
    } else {
        let decided = decided_totals(&mut tx, id, Some(&[initiative_id])).await?;
        if decided.contains_key(&(initiative_id, account_id)) {
            return Err(AppError::field("form", Problem::MemberHasScores));
        }
        db::council_roster::unassign(&mut tx, id, initiative_id, account_id).await?;
    }
    refresh(&mut tx, id, Some(&[initiative_id])).await?;
    let title = db::council_desk::initiative_title(&mut *tx, initiative_id).await?;
    // Recorded whole: which initiative and member stay visible beside what changed.
    let change = Change {
        campaign_id: id,
        account_id: admin.id(),
        kind: AuditKind::Council,
        before: Some(json!({ "initiative": title, "member": name, "assigned": !assigned })),
        after: Some(json!({ "initiative": title, "member": name, "assigned": assigned })),
        reason: "",
    };
    db::audit::record(&mut tx, change).await?;
    finish(tx, id).await
}

async fn finish(tx: sqlx::Transaction<'_, sqlx::Postgres>, id: i64) -> Result<(), AppError> {
    tx.commit().await?;
    crate::server::respond::redirect_plain_form(&format!("/admin/campaigns/{id}/council/assignment"));
    Ok(())
}

/// Brings every initiative of a spreading campaign up to its number of members, where it can;
/// the number of pairs added. Nothing for a campaign where everyone scores.
pub async fn fill(conn: &mut PgConnection, campaign_id: i64) -> Result<u64, AppError> {
    let organizer = load(conn, campaign_id).await?.organizer.id;
    let roster = Roster::load(&mut *conn, campaign_id, organizer, None).await?;
    let Assignment::Spread { per_initiative } = roster.assignment else {
        return Ok(0);
    };
    let initiatives = db::final_scores::initiatives(&mut *conn, campaign_id, None).await?;
    let slots: Vec<Slot> = initiatives
        .iter()
        .map(|i| {
            let placed = Placed::new(i.id, i.unit_id, i.field_id);
            Slot {
                initiative_id: i.id,
                possible: roster
                    .members
                    .iter()
                    .filter(|m| roster.may_score(m, placed))
                    .map(|m| m.account_id)
                    .collect(),
            }
        })
        .collect();
    let existing: HashSet<(i64, i64)> = db::council_roster::pairs(&mut *conn, campaign_id, None)
        .await?
        .into_iter()
        .collect();
    let pairs = spread(&slots, &existing, per_initiative);
    db::council_roster::assign(conn, campaign_id, &pairs).await
}
