//! The organizer's unit links: listing them with their QR codes, issuing, revoking. Links are
//! issued to units of a campaign that is not yet evaluated; every change is audited.
use super::campaigns::load;
use super::db::{self, audit::Change};
use super::state::{link_key, pool};
use super::{access, unit_link};
use crate::domain::audit::AuditKind;
use crate::domain::campaign_state::CampaignState;
use crate::error::{AppError, Problem};
use crate::wire::unit_links::{LinksOfCampaign, UnitLink};
use serde_json::json;

#[tracing::instrument(skip_all, fields(campaign.id = id))]
pub async fn list(id: i64) -> Result<LinksOfCampaign, AppError> {
    access::campaign_admin(id).await?;
    let pool = pool()?;
    let campaign = load(&mut *pool.acquire().await?, id).await?;
    let key = link_key()?;
    let site = unit_link::site_url()?;
    let units = db::unit_links::for_campaign(&pool, id)
        .await?
        .into_iter()
        .map(|row| {
            let url = match (row.link_id, &row.nonce) {
                (Some(link_id), Some(nonce)) => Some(format!(
                    "{site}{}",
                    unit_link::path(&unit_link::token(&key, link_id, nonce))
                )),
                _ => None,
            };
            UnitLink {
                unit_id: row.unit_id,
                unit_name: row.unit_name,
                unit_kind: row.unit_kind,
                qr_svg: url.as_deref().map(unit_link::qr_svg),
                url,
                issued_at: row.issued_at,
            }
        })
        .collect();
    Ok(LinksOfCampaign {
        id,
        title: campaign.title,
        state: campaign.state,
        organizer_name: campaign.organizer.name,
        registration_deadline: campaign.schedule.registration_deadline,
        units,
    })
}

/// Links can be handed out until registration closes.
fn check_state(state: CampaignState) -> Result<(), AppError> {
    match state {
        CampaignState::Draft | CampaignState::Open => Ok(()),
        state => Err(AppError::field("form", Problem::Locked { state })),
    }
}

#[tracing::instrument(skip_all, fields(campaign.id = id))]
pub async fn issue_missing(id: i64) -> Result<usize, AppError> {
    let admin = access::campaign_admin(id).await?;
    let key = link_key()?;
    let mut tx = pool()?.begin().await?;
    check_state(db::campaigns::lock_state(&mut tx, id).await?)?;
    let issued = db::unit_links::issue_missing(&mut tx, &key, id).await?;
    if issued > 0 {
        let change = Change {
            campaign_id: id,
            account_id: admin.id(),
            kind: AuditKind::Links,
            before: None,
            after: Some(json!({ "links_issued": issued })),
            reason: "",
        };
        db::audit::record(&mut tx, change).await?;
    }
    tx.commit().await?;
    Ok(issued)
}

#[tracing::instrument(skip_all, fields(campaign.id = id, unit.id = unit_id, reissue))]
pub async fn revoke(id: i64, unit_id: i64, reissue: bool) -> Result<(), AppError> {
    let admin = access::campaign_admin(id).await?;
    let key = link_key()?;
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::lock_state(&mut tx, id).await?;
    if reissue {
        check_state(state)?;
    }
    let unit_name: String = sqlx::query_scalar(
        "SELECT u.name::text FROM campaign_units cu JOIN units u ON u.id = cu.unit_id
         WHERE cu.campaign_id = $1 AND cu.unit_id = $2",
    )
    .bind(id)
    .bind(unit_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let revoked = db::unit_links::revoke(&mut tx, id, unit_id).await?;
    if reissue {
        db::unit_links::reissue(&mut tx, &key, id, unit_id).await?;
    }
    let key_name = if reissue { "link_reissued" } else { "link_revoked" };
    if revoked || reissue {
        let change = Change {
            campaign_id: id,
            account_id: admin.id(),
            kind: AuditKind::Links,
            before: None,
            after: Some(json!({ key_name: unit_name })),
            reason: "",
        };
        db::audit::record(&mut tx, change).await?;
    }
    Ok(tx.commit().await?)
}
