//! How a server function that needs an admin runs: the access layer gives the caller's proof
//! first, the work gets that proof, and the result is answered as every endpoint answers
//! (`respond::finish`: an error sets its HTTP status). Without a proof there is no work.
use super::access::{self, Admin, CampaignAdmin};
use super::respond::finish;
use crate::error::AppError;
use std::future::Future;

/// `work` as a signed-in admin (any scope).
pub async fn as_admin<T, Work>(work: impl FnOnce(Admin) -> Work) -> Result<T, AppError>
where
    Work: Future<Output = Result<T, AppError>>,
{
    finish(async { work(access::admin().await?).await }.await)
}

/// `work` as an admin whose scope holds the campaign's organizer (404 for anyone else).
pub async fn as_campaign_admin<T, Work>(
    campaign_id: i64,
    work: impl FnOnce(CampaignAdmin) -> Work,
) -> Result<T, AppError>
where
    Work: Future<Output = Result<T, AppError>>,
{
    finish(async { work(access::campaign_admin(campaign_id).await?).await }.await)
}
