//! Forming a campaign's council, by an admin who manages the campaign. Rules: members are
//! enabled evaluator accounts in the admin's scope; the council changes until results are
//! published; a member who has submitted a score stays (his scores count); there is at most one
//! chair and one secretary (naming a new one makes the previous one a plain member); a member's
//! fields must be the campaign's; every change is audited with the council before and after.
use crate::domain::audit::AuditKind;
use crate::domain::council::role::CouncilRole;
use crate::error::{AppError, Problem};
use crate::server::access::CampaignAdmin;
use crate::server::campaigns::{audit_change, load};
use crate::server::council_roster::{stored_role, Roster};
use crate::server::db::{self, council::MemberRow};
use crate::server::state::pool;
use crate::wire::council::{CouncilMember, CouncilView};
use serde_json::{json, Value};
use sqlx::PgConnection;

pub async fn view(admin: CampaignAdmin) -> Result<CouncilView, AppError> {
    let id = admin.campaign_id();
    let mut conn = pool()?.acquire().await?;
    let campaign = load(&mut conn, id).await?;
    let rows = db::council::members(&mut *conn, id).await?;
    let roster = Roster::load(&mut conn, id, campaign.organizer.id, None).await?;
    let per_unit = db::council::initiatives_per_unit(&mut *conn, id).await?;
    let mut members = Vec::with_capacity(rows.len());
    for row in rows {
        let recused = roster.member(row.account_id).map_or(0, |m| {
            per_unit
                .iter()
                .filter(|(unit, _)| roster.recused_by_tree(m, *unit))
                .map(|(_, count)| count)
                .sum()
        });
        members.push(member_view(row, recused)?);
    }
    Ok(CouncilView {
        campaign_id: id,
        title: campaign.title,
        state: campaign.state,
        members,
        candidates: db::council::candidates(&mut *conn, id, admin.admin().scope().root()).await?,
        fields: db::council::fields(&mut *conn, id).await?,
        initiatives: per_unit.iter().map(|(_, count)| count).sum(),
        assignment: roster.assignment,
        editable: campaign.state.council_is_editable(),
    })
}

fn member_view(row: MemberRow, recused: i64) -> Result<CouncilMember, AppError> {
    Ok(CouncilMember {
        account_id: row.account_id,
        display_name: row.display_name,
        username: row.username,
        unit_name: row.unit_name,
        role: stored_role(&row.role)?,
        fields: row.fields,
        recused,
        submitted: row.submitted,
        disabled: row.disabled,
    })
}

#[tracing::instrument(skip_all, fields(campaign.id = admin.campaign_id(), account.id = account_id))]
pub async fn add(admin: CampaignAdmin, account_id: i64) -> Result<(), AppError> {
    let id = admin.campaign_id();
    let mut tx = pool()?.begin().await?;
    let before = editable_council(&mut tx, id).await?;
    let candidates = db::council::candidates(&mut *tx, id, admin.admin().scope().root()).await?;
    if !candidates.iter().any(|c| c.account_id == account_id) {
        return Err(AppError::field("account_id", Problem::Choose));
    }
    db::council::add(&mut tx, id, account_id).await?;
    finish_change(tx, &admin, before).await
}

#[tracing::instrument(skip_all, fields(campaign.id = admin.campaign_id(), account.id = account_id))]
pub async fn update(
    admin: CampaignAdmin,
    account_id: i64,
    role: &str,
    fields: &[i64],
) -> Result<(), AppError> {
    let id = admin.campaign_id();
    let role = CouncilRole::parse(role).ok_or(AppError::field("role", Problem::UnknownChoice))?;
    let mut tx = pool()?.begin().await?;
    let before = editable_council(&mut tx, id).await?;
    member_of(&before, account_id)?;
    let known = db::council::fields(&mut *tx, id).await?;
    if fields.iter().any(|f| !known.iter().any(|k| k.id == *f)) {
        return Err(AppError::field("fields", Problem::UnknownChoice));
    }
    db::council::update(&mut tx, id, account_id, role, fields).await?;
    finish_change(tx, &admin, before).await
}

#[tracing::instrument(skip_all, fields(campaign.id = admin.campaign_id(), account.id = account_id))]
pub async fn remove(admin: CampaignAdmin, account_id: i64) -> Result<(), AppError> {
    let id = admin.campaign_id();
    let mut tx = pool()?.begin().await?;
    let before = editable_council(&mut tx, id).await?;
    if member_of(&before, account_id)?.submitted > 0 {
        return Err(AppError::field("form", Problem::MemberHasScores));
    }
    db::council::remove(&mut tx, id, account_id).await?;
    finish_change(tx, &admin, before).await
}

/// The council as it is, once the campaign's row is locked and its state allows a change.
async fn editable_council(conn: &mut PgConnection, id: i64) -> Result<Vec<MemberRow>, AppError> {
    let state = db::campaigns::lock_state(&mut *conn, id).await?;
    if !state.council_is_editable() {
        return Err(AppError::field("form", Problem::Locked { state }));
    }
    db::council::members(&mut *conn, id).await
}

fn member_of(council: &[MemberRow], account_id: i64) -> Result<&MemberRow, AppError> {
    council
        .iter()
        .find(|m| m.account_id == account_id)
        .ok_or(AppError::NotFound)
}

async fn finish_change(
    mut tx: sqlx::Transaction<'_, sqlx::Postgres>,
    admin: &CampaignAdmin,
    before: Vec<MemberRow>,
) -> Result<(), AppError> {
    let id = admin.campaign_id();
    let names = db::council::fields(&mut *tx, id).await?;
    let after = db::council::members(&mut *tx, id).await?;
    // Who is expected on what may have changed: coverage and quorum follow at once.
    crate::server::final_scores::refresh(&mut tx, id, None).await?;
    let snapshot = |council: &[MemberRow]| -> Value {
        let members: Vec<Value> = council
            .iter()
            .map(|m| {
                let fields: Vec<&str> = names
                    .iter()
                    .filter(|f| m.fields.contains(&f.id))
                    .map(|f| f.name.as_str())
                    .collect();
                json!({ "name": m.display_name, "council_role": m.role, "fields": fields })
            })
            .collect();
        json!({ "council": members })
    };
    audit_change(
        &mut tx,
        id,
        admin.id(),
        AuditKind::Council,
        &snapshot(&before),
        &snapshot(&after),
    )
    .await?;
    tx.commit().await?;
    crate::server::respond::redirect_plain_form(&format!("/admin/campaigns/{id}/council"));
    Ok(())
}
