//! Reading registration progress for the organizer (admins only).
use super::campaigns::load;
use super::db::{self};
use super::{access, state::pool};
use crate::domain::initiative::receipt;
use crate::error::{AppError, Problem};
use crate::wire::participation::{Participation, ReceiptMatch};

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
