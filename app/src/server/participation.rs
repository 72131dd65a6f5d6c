//! Reading registration progress for the organizer (admins only).
use super::campaigns::load;
use super::db::{self};
use super::{access, state::pool};
use crate::domain::initiative::receipt;
use crate::error::{AppError, Problem};
use crate::wire::participation::{Participation, ReceiptMatch, UnitRegistration};

#[tracing::instrument(skip_all, fields(campaign.id = id))]
pub async fn participation(id: i64) -> Result<Participation, AppError> {
    access::campaign_admin(id).await?;
    let pool = pool()?;
    let campaign = load(&mut *pool.acquire().await?, id).await?;
    Ok(Participation {
        id,
        title: campaign.title,
        state: campaign.state,
        min_initiatives: campaign.min_initiatives,
        registration_deadline: campaign.schedule.registration_deadline,
        report_deadline: campaign.schedule.report_deadline,
        rows: db::participation::rows(&pool, id).await?,
        loaded_at: campaign.loaded_at,
    })
}

#[tracing::instrument(skip_all, fields(campaign.id = id))]
pub async fn lookup(id: i64, code: &str) -> Result<Option<ReceiptMatch>, AppError> {
    access::campaign_admin(id).await?;
    let code = receipt::normalize(code).ok_or_else(|| AppError::field("code", Problem::ReceiptFormat))?;
    db::participation::by_receipt(&pool()?, id, &code).await
}

/// Unit `unit_id`'s registration in campaign `id`, for the campaign's admins; a unit that does
/// not take part is `NotFound`, so ids reveal nothing.
#[tracing::instrument(skip_all, fields(campaign.id = id, unit.id = unit_id))]
pub async fn unit_registration(id: i64, unit_id: i64) -> Result<UnitRegistration, AppError> {
    access::campaign_admin(id).await?;
    let pool = pool()?;
    let mut conn = pool.acquire().await?;
    let campaign = load(&mut conn, id).await?;
    let unit_name = db::participation::participant_name(&mut *conn, id, unit_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut initiatives = Vec::new();
    for summary in db::unit_portal::initiatives(&mut *conn, id, unit_id).await? {
        let unit = (unit_id, unit_name.as_str());
        initiatives.push(super::initiatives::content(&mut conn, id, unit, summary.id).await?);
    }
    Ok(UnitRegistration {
        campaign_id: id,
        campaign_title: campaign.title,
        state: campaign.state,
        min_initiatives: campaign.min_initiatives,
        commitment: db::unit_portal::commitment(&mut *conn, id, unit_id).await?,
        initiatives,
        report: super::reports::filed(&pool, id, unit_id).await?,
        unit_name,
    })
}
