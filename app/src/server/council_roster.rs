//! The council of one campaign as every council page reads it: who is in it, and who is
//! expected on which initiative. Rules (`domain::council`): a member scores an initiative when
//! the assignment gives it to him (his fields, or a stored pair when spreading) and neither the
//! unit tree nor his own declaration recuses him. Loaded once per request or transaction.
use crate::domain::council::assignment::Assignment;
use crate::domain::council::conflict::conflicted;
use crate::domain::council::role::CouncilRole;
use crate::error::AppError;
use crate::server::db;
use sqlx::PgConnection;
use std::collections::{HashMap, HashSet};

pub struct Member {
    pub account_id: i64,
    pub name: String,
    pub role: CouncilRole,
    pub lineage: Vec<i64>,
    pub fields: Vec<i64>,
}

/// An initiative as the roster places it.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    pub id: i64,
    pub unit_id: i64,
    pub field_id: i64,
}

impl Placed {
    pub fn new(id: i64, unit_id: i64, field_id: i64) -> Self {
        Placed {
            id,
            unit_id,
            field_id,
        }
    }
}

/// A member's part in one initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Not given to him (another field, or not assigned).
    NotHis,
    /// His unit's, above or below it, or declared by him.
    Recused,
    Expected,
}

pub struct Roster {
    pub members: Vec<Member>,
    pub assignment: Assignment,
    organizer: i64,
    declared: HashSet<(i64, i64)>,
    assigned: HashSet<(i64, i64)>,
    lineages: HashMap<i64, Vec<i64>>,
}

/// A council role as stored; an unknown one is a fault, logged.
pub fn stored_role(raw: &str) -> Result<CouncilRole, AppError> {
    CouncilRole::parse(raw).ok_or_else(|| {
        tracing::error!(role = raw, "unknown council role stored");
        AppError::Internal
    })
}

/// A stored assignment mode; an unknown one is a fault, logged.
pub fn stored_assignment(mode: &str, per_initiative: i32) -> Result<Assignment, AppError> {
    Assignment::from_stored(mode, per_initiative).ok_or_else(|| {
        tracing::error!(mode, per_initiative, "unknown council assignment stored");
        AppError::Internal
    })
}

impl Roster {
    /// The roster for the initiatives `ids` (every one of the campaign for `None`): what it says
    /// of any other initiative or unit is not to be relied on.
    pub async fn load(
        conn: &mut PgConnection,
        campaign_id: i64,
        organizer: i64,
        ids: Option<&[i64]>,
    ) -> Result<Roster, AppError> {
        let mut members = Vec::new();
        for row in db::council_roster::members(&mut *conn, campaign_id).await? {
            members.push(Member {
                account_id: row.account_id,
                name: row.display_name,
                role: stored_role(&row.role)?,
                lineage: row.lineage,
                fields: row.fields,
            });
        }
        let (mode, per) = db::council_roster::mode(&mut *conn, campaign_id).await?;
        Ok(Roster {
            members,
            assignment: stored_assignment(&mode, per)?,
            organizer,
            declared: db::final_scores::declared(&mut *conn, campaign_id, ids)
                .await?
                .into_iter()
                .collect(),
            assigned: db::council_roster::pairs(&mut *conn, campaign_id, ids)
                .await?
                .into_iter()
                .collect(),
            lineages: db::council::initiative_unit_lineages(&mut *conn, campaign_id, ids)
                .await?
                .into_iter()
                .filter_map(|l| Some((*l.first()?, l)))
                .collect(),
        })
    }

    pub fn member(&self, account_id: i64) -> Option<&Member> {
        self.members.iter().find(|m| m.account_id == account_id)
    }

    /// Whether the tree recuses the member from the unit's initiatives.
    pub fn recused_by_tree(&self, member: &Member, unit_id: i64) -> bool {
        let lineage = self.lineages.get(&unit_id).map(Vec::as_slice).unwrap_or(&[]);
        conflicted(&member.lineage, lineage, self.organizer)
    }

    /// Whether the member may not score the initiative, by the tree or his declaration.
    pub fn recused(&self, member: &Member, initiative: Placed) -> bool {
        self.declared.contains(&(initiative.id, member.account_id))
            || self.recused_by_tree(member, initiative.unit_id)
    }

    /// Whether an account (a member or not) is recused from the initiative; a non-member never is.
    pub fn account_recused(&self, account_id: i64, initiative: Placed) -> bool {
        self.member(account_id)
            .is_some_and(|m| self.recused(m, initiative))
    }

    pub fn is_assigned(&self, member: &Member, initiative: Placed) -> bool {
        self.assigned.contains(&(initiative.id, member.account_id))
    }

    pub fn part(&self, member: &Member, initiative: Placed) -> Part {
        let his = self.assignment.scores(
            &member.fields,
            initiative.field_id,
            self.is_assigned(member, initiative),
        );
        if !his {
            Part::NotHis
        } else if self.recused(member, initiative) {
            Part::Recused
        } else {
            Part::Expected
        }
    }

    /// Whether spreading may give the initiative to the member: his field, no conflict.
    pub fn may_score(&self, member: &Member, initiative: Placed) -> bool {
        Assignment::All.scores(&member.fields, initiative.field_id, false)
            && !self.recused(member, initiative)
    }
}
