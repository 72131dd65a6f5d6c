//! The one access layer: every server entry point obtains its caller here, and the proofs it
//! returns can be built nowhere else (their fields are private). It checks the session (accounts)
//! and applies the rules of `domain::access` to what the caller names: a campaign or a unit
//! outside an admin's scope is `NotFound`, exactly like one that does not exist.
use super::auth::{self, Caller};
use super::db;
use super::state::pool;
use crate::api::accounts::AccountView;
use crate::domain::access::Scope;
use crate::domain::account::Role;
use crate::error::AppError;

/// A signed-in system admin or organizer, with what it manages.
#[derive(Debug, Clone)]
pub struct Admin {
    account: Caller,
    scope: Scope,
}

/// An admin who manages this campaign.
#[derive(Debug, Clone)]
pub struct CampaignAdmin {
    admin: Admin,
    campaign_id: i64,
}

impl Admin {
    pub fn account(&self) -> &Caller {
        &self.account
    }

    pub fn id(&self) -> i64 {
        self.account.id
    }

    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// This admin's proof for the campaign, if it manages it.
    pub async fn campaign(&self, campaign_id: i64) -> Result<CampaignAdmin, AppError> {
        let lineage = db::access::campaign_lineage(&pool()?, campaign_id).await?;
        if lineage.is_empty() || !self.scope.contains(&lineage) {
            return Err(AppError::NotFound);
        }
        Ok(CampaignAdmin {
            admin: self.clone(),
            campaign_id,
        })
    }

    /// Succeeds when the unit exists and lies in this admin's scope (it may be seen).
    pub async fn sees_unit(&self, unit_id: i64) -> Result<(), AppError> {
        let lineage = db::access::lineage(&pool()?, unit_id).await?;
        if lineage.is_empty() || !self.scope.contains(&lineage) {
            return Err(AppError::NotFound);
        }
        Ok(())
    }

    /// Succeeds when the unit may be changed by this admin: strictly below its own unit. One it
    /// sees but may not change (its own) is `Forbidden`; one it does not see, `NotFound`.
    pub async fn manages_unit(&self, unit_id: i64) -> Result<(), AppError> {
        let lineage = db::access::lineage(&pool()?, unit_id).await?;
        if lineage.is_empty() || !self.scope.contains(&lineage) {
            return Err(AppError::NotFound);
        }
        if !self.scope.manages_unit(&lineage) {
            return Err(AppError::Forbidden);
        }
        Ok(())
    }

    /// The account, if this admin manages it: its unit lies in the scope (an account without a
    /// unit, a system admin's, only for system admins).
    pub async fn managed_account(&self, account_id: i64) -> Result<AccountView, AppError> {
        let pool = pool()?;
        let account = db::accounts::view(&pool, account_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let in_scope = match (self.scope, &account.unit) {
            (Scope::System, _) => true,
            (Scope::Subtree(_), None) => false,
            (scope, Some(unit)) => scope.contains(&db::access::lineage(&pool, unit.id).await?),
        };
        if !in_scope {
            return Err(AppError::NotFound);
        }
        Ok(account)
    }

    /// Whether a unit may be placed under `parent` (`None`: as a root).
    pub async fn may_place_under(&self, parent: Option<i64>) -> Result<bool, AppError> {
        let lineage = match parent {
            Some(id) => Some(db::access::lineage(&pool()?, id).await?),
            None => None,
        };
        Ok(self.scope.may_place_under(lineage.as_deref()))
    }
}

impl CampaignAdmin {
    pub fn admin(&self) -> &Admin {
        &self.admin
    }

    pub fn id(&self) -> i64 {
        self.admin.id()
    }

    pub fn campaign_id(&self) -> i64 {
        self.campaign_id
    }
}

/// The signed-in admin (system admin or organizer).
pub async fn admin() -> Result<Admin, AppError> {
    let account = auth::require_account().await?;
    let scope = match (account.role, account.unit_id) {
        (Role::SystemAdmin, _) => Scope::System,
        (Role::Organizer, Some(unit)) => Scope::Subtree(unit),
        (Role::Organizer, None) => {
            tracing::error!(account.id = account.id, "organizer without a unit");
            return Err(AppError::Forbidden);
        }
        (Role::Evaluator, _) => return Err(AppError::Forbidden),
    };
    Ok(Admin { account, scope })
}

/// The signed-in admin, if it manages `campaign_id`.
pub async fn campaign_admin(campaign_id: i64) -> Result<CampaignAdmin, AppError> {
    admin().await?.campaign(campaign_id).await
}

/// Any signed-in account.
pub async fn signed_in() -> Result<Caller, AppError> {
    auth::require_account().await
}
