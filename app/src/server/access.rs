//! The one access layer: every server entry point obtains its caller here, and the proofs it
//! returns can be built nowhere else (their fields are private). Rules:
//! - Accounts come from the session. A system admin manages everything; an organizer the units
//!   below its unit and the campaigns organized inside its subtree (`domain::access`); an
//!   evaluator manages nothing. A campaign, unit, account or file outside an admin's scope is
//!   `NotFound`, exactly like one that does not exist; an own unit it may see but not change is
//!   `Forbidden`.
//! - A unit acts through the link its browser opened (the signed unit cookie names it per
//!   campaign) and only while that link is live: revoking it ends access at the next request.
//!   Without a link for the campaign the caller is `NoUnitLink`; with a dead one, `LinkInvalid`.
//! - A public board opens for anybody, a link-only one only with its key (`BoardPass`).
//! - A council member acts in the campaigns whose council holds his account (`CouncilSeat`);
//!   anyone else is told the campaign's desk does not exist. He may not score, nor learn the
//!   scores of, an initiative of his own unit, a unit above or below his (the organizer unit is
//!   above nobody) or one he declared a conflict on; to him such an initiative's desk does not
//!   exist either. He sees only the initiatives given to him: those of his fields, or those
//!   assigned to him when the campaign spreads them (`domain::council::assignment`).
//! - A campaign's results are read by its admins, by its council's members (what they may not
//!   score stays hidden from them, `server::results`) and by anybody with the board's pass once
//!   they are released (`ResultsReader`).
//! - A campaign's reveal ceremony is prepared by its admins and driven (started, moved, ended)
//!   by its admins or its council's chair (`CeremonyDriver`); to anyone else it does not exist.
//! - A stored file is read by the unit that sent it (through a live link), by the admins whose
//!   scope holds its campaign and by the council members who may score its initiative; to
//!   anyone else it does not exist, unless it is public: marked so by the organizer (or a
//!   replication's photo) and of an initiative in the gallery (`server::gallery`).
//! - The gallery is public. A unit records a replication through any of its live links
//!   (`adopters`); an admin records or removes one for a unit it sees.
use super::auth::{self, Caller};
use super::council_roster::{stored_assignment, stored_role};
use super::db;
use super::state::pool;
use super::state::{unit_cookie_key, LinkKey};
use super::unit_cookie;
use crate::domain::access::{LinkState, Scope};
use crate::domain::account::Role;
use crate::domain::council::assignment::Assignment;
use crate::domain::council::conflict::{conflicted, recused_units};
use crate::domain::council::role::CouncilRole;
use crate::error::AppError;
use crate::wire::accounts::AccountView;
use tower_cookies::Cookies;

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
    admin_of(auth::require_account().await?)
}

/// The admin proof for a signed-in account, if its role manages anything.
fn admin_of(account: Caller) -> Result<Admin, AppError> {
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

/// The signed-in admin, if the visitor is one; anybody else is `None` (public pages that show
/// an organizer more).
pub async fn admin_if_signed_in() -> Result<Option<Admin>, AppError> {
    Ok(auth::current_caller().await?.and_then(|a| admin_of(a).ok()))
}

/// Any signed-in account.
pub async fn signed_in() -> Result<Caller, AppError> {
    auth::require_account().await
}

/// A member of one campaign's council, with what decides his conflicts.
#[derive(Debug, Clone)]
pub struct CouncilSeat {
    account: Caller,
    campaign_id: i64,
    role: CouncilRole,
    organizer_id: i64,
    lineage: Vec<i64>,
    fields: Vec<i64>,
    assignment: Assignment,
    /// The initiatives assigned to him, when the campaign spreads them.
    assigned: Vec<i64>,
    /// The units whose initiatives the tree forbids him.
    recused_units: Vec<i64>,
}

impl CouncilSeat {
    pub fn account(&self) -> &Caller {
        &self.account
    }

    pub fn account_id(&self) -> i64 {
        self.account.id
    }

    pub fn campaign_id(&self) -> i64 {
        self.campaign_id
    }

    pub fn role(&self) -> CouncilRole {
        self.role
    }

    /// The fields he scores (empty: every field); empty when the campaign spreads initiatives.
    pub fn fields(&self) -> &[i64] {
        match self.assignment {
            Assignment::All => &self.fields,
            Assignment::Spread { .. } => &[],
        }
    }

    /// The initiatives assigned to him when the campaign spreads them; `None`: not restricted.
    pub fn assigned(&self) -> Option<&[i64]> {
        match self.assignment {
            Assignment::All => None,
            Assignment::Spread { .. } => Some(&self.assigned),
        }
    }

    /// The units whose initiatives the unit tree forbids him.
    pub fn recused_units(&self) -> &[i64] {
        &self.recused_units
    }

    /// Whether the unit tree forbids him the initiatives of the unit with this lineage.
    pub fn recused_by_tree(&self, unit_lineage: &[i64]) -> bool {
        conflicted(&self.lineage, unit_lineage, self.organizer_id)
    }

    /// Whether the initiative is given to him (conflicts apart).
    pub fn scores(&self, initiative_id: i64, field_id: i64) -> bool {
        self.assignment
            .scores(&self.fields, field_id, self.assigned.contains(&initiative_id))
    }
}

/// The signed-in account's seat in `campaign_id`'s council; `NotFound` for anyone else.
pub async fn council_seat(campaign_id: i64) -> Result<CouncilSeat, AppError> {
    let account = auth::require_account().await?;
    seat_of(&pool()?, campaign_id, account)
        .await?
        .ok_or(AppError::NotFound)
}

async fn seat_of(
    pool: &sqlx::PgPool,
    campaign_id: i64,
    account: Caller,
) -> Result<Option<CouncilSeat>, AppError> {
    let Some(seat) = db::access::council_seat(pool, campaign_id, account.id).await? else {
        return Ok(None);
    };
    let assignment = stored_assignment(&seat.council_assignment, seat.reviewers_per_initiative)?;
    let assigned = match assignment {
        Assignment::All => Vec::new(),
        Assignment::Spread { .. } => db::council_roster::assigned_to(pool, campaign_id, account.id).await?,
    };
    let (lineage, subtree) = match account.unit_id {
        // At the organizer (where councils sit) nothing below counts: no walk of the whole tree.
        Some(unit) if unit == seat.organizer_id => (db::access::lineage(pool, unit).await?, vec![unit]),
        Some(unit) => (
            db::access::lineage(pool, unit).await?,
            db::access::subtree(pool, unit).await?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    Ok(Some(CouncilSeat {
        recused_units: recused_units(&lineage, &subtree, seat.organizer_id),
        role: stored_role(&seat.role)?,
        account,
        campaign_id,
        organizer_id: seat.organizer_id,
        lineage,
        fields: seat.fields,
        assignment,
        assigned,
    }))
}

/// Who may drive a campaign's ceremony: one of its admins, or its council's chair.
#[derive(Debug, Clone)]
pub struct CeremonyDriver {
    account_id: i64,
    campaign_id: i64,
}

impl CeremonyDriver {
    pub fn account_id(&self) -> i64 {
        self.account_id
    }

    pub fn campaign_id(&self) -> i64 {
        self.campaign_id
    }
}

/// The signed-in driver of `campaign_id`'s ceremony; `NotFound` for anyone else.
pub async fn ceremony_driver(campaign_id: i64) -> Result<CeremonyDriver, AppError> {
    let account = auth::require_account().await?;
    let account_id = account.id;
    let driver = CeremonyDriver {
        account_id,
        campaign_id,
    };
    if account.role != Role::Evaluator {
        return admin_of(account)?.campaign(campaign_id).await.map(|_| driver);
    }
    match seat_of(&pool()?, campaign_id, account).await? {
        Some(seat) if seat.role() == CouncilRole::Chair => Ok(driver),
        _ => Err(AppError::NotFound),
    }
}

/// The unit on whose behalf this browser acts in one campaign, through a live link.
#[derive(Debug, Clone)]
pub struct UnitCaller {
    link_id: i64,
    campaign_id: i64,
    unit_id: i64,
    unit_name: String,
}

impl UnitCaller {
    pub fn link_id(&self) -> i64 {
        self.link_id
    }

    pub fn campaign_id(&self) -> i64 {
        self.campaign_id
    }

    pub fn unit_id(&self) -> i64 {
        self.unit_id
    }

    pub fn unit_name(&self) -> &str {
        &self.unit_name
    }
}

pub(super) async fn cookies() -> Result<Cookies, AppError> {
    leptos_axum::extract::<Cookies>().await.map_err(|e| {
        tracing::error!(error = %e, "cookie layer missing");
        AppError::Internal
    })
}

/// The unit this browser acts for in `campaign_id`, through a link that is still live.
pub async fn unit(campaign_id: i64) -> Result<UnitCaller, AppError> {
    let link_id = unit_cookie::bound_links(&cookies().await?, &unit_cookie_key()?)
        .get(&campaign_id)
        .copied()
        .ok_or(AppError::NoUnitLink)?;
    let unit = live_unit(&pool()?, link_id, campaign_id)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    Ok(UnitCaller {
        link_id,
        campaign_id,
        unit_id: unit.unit_id,
        unit_name: unit.unit_name,
    })
}

/// Every unit this browser acts for through a live link, one per unit (the newest campaign's
/// link when it holds several): who may record that it adopted an exemplary initiative.
pub async fn adopters() -> Result<Vec<UnitCaller>, AppError> {
    let links: Vec<i64> = unit_cookie::bound_links(&cookies().await?, &unit_cookie_key()?)
        .into_values()
        .collect();
    if links.is_empty() {
        return Ok(Vec::new());
    }
    let mut units: Vec<UnitCaller> = Vec::new();
    for link in db::unit_links::live_links(&pool()?, &links).await? {
        if !units.iter().any(|u| u.unit_id == link.unit_id) {
            units.push(UnitCaller {
                link_id: link.link_id,
                campaign_id: link.campaign_id,
                unit_id: link.unit_id,
                unit_name: link.unit_name,
            });
        }
    }
    Ok(units)
}

/// The unit behind `link_id` if that link still acts in `campaign_id`.
pub async fn live_unit(
    pool: &sqlx::PgPool,
    link_id: i64,
    campaign_id: i64,
) -> Result<Option<db::unit_links::LinkedUnit>, AppError> {
    let link = db::unit_links::linked_unit(pool, link_id).await?;
    Ok(link.filter(|l| {
        LinkState {
            campaign_id: l.campaign_id,
            revoked: l.revoked,
        }
        .acts_in(campaign_id)
    }))
}

/// Anybody asking for a campaign's board (boards are public pages), with the key its address
/// brought. Only this module makes one; the live hub opens a board for a pass and asks it, once
/// the board's visibility is known, whether it [opens](BoardPass::opens) it.
pub struct BoardPass {
    link_key: LinkKey,
    campaign_id: i64,
    typed: Option<String>,
}

impl BoardPass {
    pub fn campaign_id(&self) -> i64 {
        self.campaign_id
    }

    /// A public board opens for anybody, a link-only one only with its key.
    pub fn opens(&self, link_only: bool) -> bool {
        !link_only
            || self
                .typed
                .as_deref()
                .is_some_and(|typed| super::board_key::key_matches(&self.link_key, self.campaign_id, typed))
    }
}

/// The pass of a visitor of `campaign_id`'s board who typed `typed` (the `k` of its address).
pub fn board_pass(link_key: &LinkKey, campaign_id: i64, typed: Option<String>) -> BoardPass {
    BoardPass {
        link_key: link_key.clone(),
        campaign_id,
        typed,
    }
}

/// Who reads a campaign's results; `server::results` decides how much each one sees.
pub enum ResultsReader {
    Organizer(CampaignAdmin),
    Council(CouncilSeat),
    /// Anybody else, with the key the address brought.
    Public(BoardPass),
}

/// The reader of `campaign_id`'s results: an admin who manages it, else a member of its
/// council, else the public.
pub async fn results_reader(campaign_id: i64, typed: Option<String>) -> Result<ResultsReader, AppError> {
    if let Some(account) = auth::current_caller().await? {
        if let Ok(admin) = admin_of(account.clone()) {
            match admin.campaign(campaign_id).await {
                Ok(campaign) => return Ok(ResultsReader::Organizer(campaign)),
                Err(AppError::NotFound) => {}
                Err(other) => return Err(other),
            }
        }
        if let Some(seat) = seat_of(&pool()?, campaign_id, account).await? {
            return Ok(ResultsReader::Council(seat));
        }
    }
    let link_key = super::state::link_key()?;
    Ok(ResultsReader::Public(board_pass(&link_key, campaign_id, typed)))
}

/// Whether this request may read stored file `file_id`: a signed-in admin whose scope holds the
/// file's campaign, a council member who may score its initiative, or a browser whose unit
/// cookie holds a live link of the unit that sent it.
/// For the file route, which runs outside server functions (hence its arguments).
pub async fn may_read_file(
    pool: &sqlx::PgPool,
    session: &tower_sessions::Session,
    (cookies, unit_key): (&Cookies, &super::unit_cookie::UnitCookieKey),
    file_id: i64,
) -> Result<bool, AppError> {
    let links: Vec<i64> = unit_cookie::bound_links(cookies, unit_key)
        .into_values()
        .collect();
    let account = match auth::signed_in_account(session).await {
        Ok(Some(signed_in)) => db::accounts::caller(pool, signed_in.account_id, signed_in.generation).await?,
        Ok(None) => None,
        Err(e) => {
            tracing::error!(error = %e, "session read failed");
            return Err(AppError::Internal);
        }
    };
    let member_sees = match &account {
        Some(a) if a.role == Role::Evaluator => council_reads_file(pool, a, file_id).await?,
        _ => false,
    };
    let admin_sees = match account.and_then(|a| admin_of(a).ok()).map(|a| a.scope) {
        Some(Scope::System) => true,
        Some(Scope::Subtree(root)) => db::access::file_in_subtree(pool, file_id, root).await?,
        None => false,
    };
    Ok(member_sees
        || admin_sees
        || (!links.is_empty() && db::access::file_of_links(pool, file_id, &links).await?)
        || db::gallery::file_is_public(pool, file_id).await?)
}

/// A council member reads the files of the initiatives he may score.
async fn council_reads_file(pool: &sqlx::PgPool, account: &Caller, file_id: i64) -> Result<bool, AppError> {
    let Some(file) = db::access::file_for_council(pool, file_id, account.id).await? else {
        return Ok(false);
    };
    let Some(seat) = seat_of(pool, file.campaign_id, account.clone()).await? else {
        return Ok(false);
    };
    Ok(seat.scores(file.initiative_id, file.field_id)
        && !file.declared
        && !seat.recused_by_tree(&file.unit_lineage))
}
