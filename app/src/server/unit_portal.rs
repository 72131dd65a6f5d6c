//! The unit's page and its commitment. Each function first checks the unit link behind the
//! session (`access::unit`), then touches only that unit's rows.
use super::access::{self, UnitCaller};
use super::board_key::board_path;
use super::db::{self, unit_portal::CampaignRow};
use super::state::{link_key, pool};
use crate::domain::campaign::Visibility;
use crate::domain::text::required_text;
use crate::error::{AppError, Checks, Problem};
use crate::wire::unit_portal::{UnitCampaign, UnitHome};
use chrono::Utc;

const HEAD_TEXT_MAX: usize = 100;

pub fn unit_campaign(caller: &UnitCaller, row: CampaignRow) -> UnitCampaign {
    UnitCampaign {
        id: caller.campaign_id(),
        state: row.state(),
        registration_deadline: row.registration_deadline(),
        report_deadline: row.report_deadline(),
        title: row.title,
        theme: row.theme,
        organizer_name: row.organizer_name,
        period_end: row.period_end,
        min_initiatives: row.min_initiatives,
        max_initiatives: row.max_initiatives,
        unit_id: caller.unit_id(),
        unit_name: caller.unit_name().to_owned(),
        loaded_at: Utc::now(),
    }
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn campaign(campaign_id: i64) -> Result<UnitCampaign, AppError> {
    let caller = access::unit(campaign_id).await?;
    let row = db::unit_portal::campaign(&pool()?, campaign_id).await?;
    Ok(unit_campaign(&caller, row))
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn home(campaign_id: i64) -> Result<UnitHome, AppError> {
    let caller = access::unit(campaign_id).await?;
    let pool = pool()?;
    let (c, u) = (campaign_id, caller.unit_id());
    let row = db::unit_portal::campaign(&pool, c).await?;
    let board_path = board_path(&link_key()?, c, row.visibility == Visibility::LinkOnly, "");
    Ok(UnitHome {
        board_path,
        campaign: unit_campaign(&caller, row),
        commitment: db::unit_portal::commitment(&pool, c, u).await?,
        initiatives: db::unit_portal::initiatives(&pool, c, u).await?,
        report: db::unit_portal::report(&pool, c, u).await?,
        has_draft: db::drafts::exists(&pool, c, u, "new").await?,
    })
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn sign_commitment(
    campaign_id: i64,
    head_name: &str,
    head_position: &str,
    confirmed: bool,
) -> Result<(), AppError> {
    let caller = access::unit(campaign_id).await?;
    let mut checks = Checks::default();
    let name = checks.check("head_name", required_text(head_name, HEAD_TEXT_MAX));
    let position = checks.check("head_position", required_text(head_position, HEAD_TEXT_MAX));
    checks.check("confirm", if confirmed { Ok(()) } else { Err(Problem::Confirm) });
    checks.finish()?;
    let (Some(name), Some(position)) = (name, position) else {
        return Err(AppError::Internal);
    };
    let mut tx = pool()?.begin().await?;
    let campaign = db::unit_portal::campaign_for_write(&mut tx, campaign_id).await?;
    if !campaign.state().accepts_registrations() {
        return Err(AppError::field(
            "form",
            Problem::Locked {
                state: campaign.state(),
            },
        ));
    }
    if !db::unit_portal::insert_commitment(&mut tx, campaign_id, caller.unit_id(), &name, &position).await? {
        return Err(AppError::field("form", Problem::AlreadySigned));
    }
    Ok(tx.commit().await?)
}
