//! The organizer's awards: rules that propose recipients (`domain::awards`), recipients added
//! (from the proposal, or by hand with a reason) and removed (with a reason), and each form's
//! decision. Rules: only an admin of the campaign; recipients and decisions change only while
//! the campaign's results are published (not before, not once it is closed), rules until it
//! closes; a candidate must belong to the campaign (a participating unit, a named author of one
//! of its initiatives) and suit the form; one achievement is rewarded once (the database's
//! unique indexes decide, so two organizers at once cannot both succeed). Every change is
//! audited in the same transaction.
use super::access::{self, CampaignAdmin};
use super::db::{self, audit::Change, awards::NewAward, standings};
use super::state::pool;
use crate::domain::audit::AuditKind;
use crate::domain::awards::{propose, AwardFacts, AwardRule, Candidate, InitiativeFacts};
use crate::domain::campaign::Recipient;
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::decision::Level;
use crate::domain::deadline::parse_date;
use crate::domain::ranking::{rank, score_text};
use crate::domain::text::{optional_text, required_text};
use crate::error::{AppError, Checks, Problem};
use crate::wire::awards::{AwardList, AwardView, AwardsDesk, CandidateView, Decision, FormDesk};
use serde_json::json;
use sqlx::PgConnection;
use std::collections::{HashMap, HashSet};

const REASON_MAX: usize = 500;
const DECISION_MAX: usize = 120;

/// Everything the awards of one campaign are decided from, read in one go.
struct Book {
    state: CampaignState,
    title: String,
    forms: Vec<db::awards::FormRow>,
    awards: Vec<db::awards::AwardRow>,
    facts: AwardFacts,
    units: HashMap<i64, String>,
    authors: HashMap<(i64, i32), db::awards::AuthorRow>,
}

impl Book {
    async fn read(conn: &mut PgConnection, campaign_id: i64) -> Result<Book, AppError> {
        let campaign = super::campaigns::load(conn, campaign_id).await?;
        let records = standings::unit_records(&mut *conn, campaign_id).await?;
        let facts: Vec<_> = records.iter().map(|r| r.facts.clone()).collect();
        let results = db::results::initiatives(&mut *conn, campaign_id).await?;
        let authors: HashMap<(i64, i32), db::awards::AuthorRow> =
            db::awards::authors(&mut *conn, campaign_id)
                .await?
                .into_iter()
                .map(|a| ((a.initiative_id, a.position), a))
                .collect();
        let mut named: HashMap<i64, Vec<i32>> = HashMap::new();
        for &(initiative, position) in authors.keys() {
            named.entry(initiative).or_default().push(position);
        }
        let initiatives = results
            .iter()
            .map(|r| InitiativeFacts {
                id: r.id,
                unit_id: r.unit_id,
                level: r.level.as_deref().and_then(Level::parse),
                exemplary: r.exemplary.unwrap_or(false),
                recognised: r.recognised == Some(true),
                authors: named
                    .remove(&r.id)
                    .map(|mut positions| {
                        positions.sort_unstable();
                        positions
                    })
                    .unwrap_or_default(),
            })
            .collect();
        Ok(Book {
            state: campaign.state,
            title: campaign.title,
            forms: db::awards::forms(&mut *conn, campaign_id).await?,
            awards: db::awards::awards(&mut *conn, campaign_id).await?,
            facts: AwardFacts {
                standings: rank(&campaign.scoring, true, &facts),
                initiatives,
            },
            units: records.into_iter().map(|r| (r.facts.unit_id, r.name)).collect(),
            authors,
        })
    }

    fn form(&self, form_id: i64) -> Result<(&db::awards::FormRow, Recipient), AppError> {
        let form = self
            .forms
            .iter()
            .find(|f| f.id == form_id)
            .ok_or(AppError::NotFound)?;
        let recipient = Recipient::parse(&form.recipient).ok_or(AppError::Internal)?;
        Ok((form, recipient))
    }

    /// Everyone already holding an award, as candidates.
    fn awarded(&self) -> HashSet<Candidate> {
        let by_name: HashMap<(i64, String), i32> = self
            .authors
            .values()
            .map(|a| ((a.initiative_id, a.name.to_lowercase()), a.position))
            .collect();
        self.awards
            .iter()
            .filter_map(|a| match (&a.initiative_id, &a.person_name) {
                (Some(initiative), Some(name)) => {
                    by_name
                        .get(&(*initiative, name.to_lowercase()))
                        .map(|&position| Candidate::Author {
                            initiative_id: *initiative,
                            position,
                        })
                }
                _ => Some(Candidate::Unit(a.unit_id)),
            })
            .collect()
    }

    fn rule(form: &db::awards::FormRow) -> AwardRule {
        AwardRule::stored(&form.rule, form.rule_count).unwrap_or(AwardRule::None)
    }

    /// Whether the candidate is one of the campaign's units or named authors.
    fn knows(&self, candidate: &Candidate) -> bool {
        match candidate {
            Candidate::Unit(id) => self.units.contains_key(id),
            Candidate::Author {
                initiative_id,
                position,
            } => self.authors.contains_key(&(*initiative_id, *position)),
        }
    }

    fn view(&self, candidate: &Candidate) -> CandidateView {
        let (label, detail) = match candidate {
            Candidate::Unit(id) => {
                let name = self.units.get(id).cloned().unwrap_or_default();
                let detail = self
                    .facts
                    .standings
                    .iter()
                    .find(|s| s.unit_id == *id)
                    .map(|s| format!("#{} · {}", s.place, score_text(s.score_hundredths)))
                    .unwrap_or_default();
                (name, detail)
            }
            Candidate::Author {
                initiative_id,
                position,
            } => match self.authors.get(&(*initiative_id, *position)) {
                Some(a) => (
                    person(&a.name, &a.job_title),
                    format!(
                        "{} · {}",
                        self.units.get(&a.unit_id).cloned().unwrap_or_default(),
                        a.title
                    ),
                ),
                None => (String::new(), String::new()),
            },
        };
        CandidateView {
            key: candidate.key(),
            label,
            detail,
        }
    }

    /// Every candidate a form to `recipient` may go to, in a stable order.
    fn universe(&self, recipient: Recipient) -> Vec<Candidate> {
        match recipient {
            Recipient::Collective => self
                .facts
                .standings
                .iter()
                .map(|s| Candidate::Unit(s.unit_id))
                .collect(),
            Recipient::Individual => {
                let mut keys: Vec<&(i64, i32)> = self.authors.keys().collect();
                keys.sort();
                keys.into_iter()
                    .map(|&(initiative_id, position)| Candidate::Author {
                        initiative_id,
                        position,
                    })
                    .collect()
            }
        }
    }
}

/// "Nguyễn Văn A, Chuyên viên" (the position when given).
pub(crate) fn person(name: &str, position: &str) -> String {
    if position.is_empty() {
        name.to_owned()
    } else {
        format!("{name}, {position}")
    }
}

pub(crate) fn award_view(a: &db::awards::AwardRow) -> AwardView {
    AwardView {
        id: a.id,
        recipient: match &a.person_name {
            Some(name) => person(name, a.person_position.as_deref().unwrap_or("")),
            None => a.unit_name.clone(),
        },
        unit_name: a.unit_name.clone(),
        initiative: a.initiative_title.clone(),
        reason: a.reason.clone(),
    }
}

pub(crate) fn decision_of(form: &db::awards::FormRow) -> Decision {
    Decision {
        number: form.decision_number.clone(),
        date: form.decision_date,
        signer: form.decision_signer.clone(),
    }
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn desk(campaign_id: i64) -> Result<AwardsDesk, AppError> {
    access::campaign_admin(campaign_id).await?;
    let mut conn = pool()?.acquire().await?;
    let book = Book::read(&mut conn, campaign_id).await?;
    let awarded = book.awarded();
    let forms = book
        .forms
        .iter()
        .map(|form| {
            let recipient = Recipient::parse(&form.recipient).unwrap_or(Recipient::Collective);
            let rule = Book::rule(form);
            let proposal = propose(rule, &book.facts, &awarded);
            let listed: HashSet<&Candidate> = proposal.proposed.iter().chain(&proposal.tied_at_cut).collect();
            let others = book
                .universe(recipient)
                .into_iter()
                .filter(|c| !awarded.contains(c) && !listed.contains(c))
                .map(|c| book.view(&c))
                .collect();
            FormDesk {
                id: form.id,
                name: form.name.clone(),
                recipient,
                rule,
                decision: decision_of(form),
                awards: book
                    .awards
                    .iter()
                    .filter(|a| a.form_id == form.id)
                    .map(award_view)
                    .collect(),
                proposed: proposal.proposed.iter().map(|c| book.view(c)).collect(),
                tied_at_cut: proposal.tied_at_cut.iter().map(|c| book.view(c)).collect(),
                others,
            }
        })
        .collect();
    Ok(AwardsDesk {
        campaign_id,
        title: book.title,
        state: book.state,
        open: awards_open(book.state),
        forms,
        gallery: db::gallery::listing(&mut *conn, campaign_id).await?,
    })
}

/// Recipients and decisions change while results are published, before the campaign closes.
fn awards_open(state: CampaignState) -> bool {
    state == CampaignState::Published
}

/// The admin's transaction on the campaign's awards, its state locked, refused unless open.
async fn open_book(
    campaign_id: i64,
    need_open: bool,
) -> Result<(CampaignAdmin, sqlx::Transaction<'static, sqlx::Postgres>, Book), AppError> {
    let admin = access::campaign_admin(campaign_id).await?;
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::lock_state(&mut tx, campaign_id).await?;
    let allowed = if need_open {
        awards_open(state)
    } else {
        state.awards_are_editable()
    };
    if !allowed {
        return Err(AppError::field("form", Problem::AwardsNotOpen));
    }
    let book = Book::read(&mut tx, campaign_id).await?;
    Ok((admin, tx, book))
}

/// Who changes which campaign's awards (the audit's subject).
#[derive(Clone, Copy)]
pub struct Actor {
    pub campaign_id: i64,
    pub account_id: i64,
}

impl From<&CampaignAdmin> for Actor {
    fn from(admin: &CampaignAdmin) -> Self {
        Actor {
            campaign_id: admin.campaign_id(),
            account_id: admin.id(),
        }
    }
}

async fn audit(
    conn: &mut PgConnection,
    actor: Actor,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
    reason: &str,
) -> Result<(), AppError> {
    let change = Change {
        campaign_id: actor.campaign_id,
        account_id: actor.account_id,
        kind: AuditKind::Awards,
        before,
        after,
        reason,
    };
    db::audit::record(conn, change).await
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, form.id = form_id))]
pub async fn set_rule(campaign_id: i64, form_id: i64, rule: &str, count: &str) -> Result<(), AppError> {
    let (admin, mut tx, book) = open_book(campaign_id, false).await?;
    let (_, recipient) = book.form(form_id)?;
    let rule = AwardRule::parse(rule, count, recipient).map_err(|(field, p)| AppError::field(field, p))?;
    set_rule_in(&mut tx, (&admin).into(), &book, form_id, rule).await?;
    tx.commit().await?;
    super::respond::redirect_plain_form(&format!("/admin/campaigns/{campaign_id}/awards?saved=rule"));
    Ok(())
}

async fn set_rule_in(
    conn: &mut PgConnection,
    actor: Actor,
    book: &Book,
    form_id: i64,
    rule: AwardRule,
) -> Result<(), AppError> {
    let (form, _) = book.form(form_id)?;
    let before = Book::rule(form);
    db::awards::set_rule(conn, form_id, rule.as_str(), rule.count()).await?;
    let snapshot =
        |r: AwardRule| json!({ "award_form": form.name, "award_rule": r.as_str(), "award_count": r.count() });
    audit(conn, actor, Some(snapshot(before)), Some(snapshot(rule)), "").await
}

/// Gives form `form_id` to the candidate `key`; a candidate the rule does not propose needs a reason.
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, form.id = form_id))]
pub async fn add(campaign_id: i64, form_id: i64, key: &str, reason: &str) -> Result<(), AppError> {
    let (admin, mut tx, book) = open_book(campaign_id, true).await?;
    let (form, recipient) = book.form(form_id)?;
    let candidate = Candidate::parse(key)
        .filter(|c| book.knows(c) && c.suits(recipient))
        .ok_or(AppError::field("candidate", Problem::UnknownChoice))?;
    let proposal = propose(Book::rule(form), &book.facts, &book.awarded());
    let reason = if proposal.proposed.contains(&candidate) {
        optional_text(reason, REASON_MAX).map_err(|p| AppError::field("reason", p))?
    } else {
        required_text(reason, REASON_MAX).map_err(|p| AppError::field("reason", p))?
    };
    give(&mut tx, (&admin).into(), &book, form, &candidate, &reason).await?;
    tx.commit().await?;
    super::respond::redirect_plain_form(&format!("/admin/campaigns/{campaign_id}/awards?saved=added"));
    Ok(())
}

/// Gives form `form_id` to everyone its rule proposes (not to a place tied at its cut).
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, form.id = form_id))]
pub async fn add_proposed(campaign_id: i64, form_id: i64) -> Result<(), AppError> {
    let (admin, mut tx, book) = open_book(campaign_id, true).await?;
    give_proposed_in(&mut tx, (&admin).into(), &book, form_id).await?;
    tx.commit().await?;
    super::respond::redirect_plain_form(&format!("/admin/campaigns/{campaign_id}/awards?saved=added"));
    Ok(())
}

async fn give_proposed_in(
    conn: &mut PgConnection,
    actor: Actor,
    book: &Book,
    form_id: i64,
) -> Result<(), AppError> {
    let (form, _) = book.form(form_id)?;
    let proposal = propose(Book::rule(form), &book.facts, &book.awarded());
    for candidate in &proposal.proposed {
        give(conn, actor, book, form, candidate, "").await?;
    }
    Ok(())
}

async fn give(
    tx: &mut PgConnection,
    actor: Actor,
    book: &Book,
    form: &db::awards::FormRow,
    candidate: &Candidate,
    reason: &str,
) -> Result<(), AppError> {
    let view = book.view(candidate);
    let (unit_id, person) = match candidate {
        Candidate::Unit(id) => (*id, None),
        Candidate::Author {
            initiative_id,
            position,
        } => {
            let a = book
                .authors
                .get(&(*initiative_id, *position))
                .ok_or(AppError::Internal)?;
            (
                a.unit_id,
                Some((*initiative_id, a.name.as_str(), a.job_title.as_str())),
            )
        }
    };
    let award = NewAward {
        campaign_id: actor.campaign_id,
        form_id: form.id,
        unit_id,
        person,
        reason,
        added_by: actor.account_id,
    };
    if !db::awards::insert(tx, &award).await? {
        return Err(AppError::field("candidate", Problem::AlreadyAwarded));
    }
    let after = json!({ "award_form": form.name, "recipient": view.label, "achievement": view.detail });
    audit(tx, actor, None, Some(after), reason).await
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, award.id = award_id))]
pub async fn remove(campaign_id: i64, award_id: i64, reason: &str) -> Result<(), AppError> {
    let (admin, mut tx, book) = open_book(campaign_id, true).await?;
    let reason = required_text(reason, REASON_MAX).map_err(|p| AppError::field("removal_reason", p))?;
    let award = book
        .awards
        .iter()
        .find(|a| a.id == award_id)
        .ok_or(AppError::NotFound)?;
    let form = book
        .forms
        .iter()
        .find(|f| f.id == award.form_id)
        .ok_or(AppError::Internal)?;
    if !db::awards::delete(&mut tx, campaign_id, award_id).await? {
        return Err(AppError::NotFound);
    }
    let view = award_view(award);
    let before =
        json!({ "award_form": form.name, "recipient": view.recipient, "achievement": view.initiative });
    audit(&mut tx, (&admin).into(), Some(before), None, &reason).await?;
    tx.commit().await?;
    super::respond::redirect_plain_form(&format!("/admin/campaigns/{campaign_id}/awards?saved=removed"));
    Ok(())
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, form.id = form_id))]
pub async fn record_decision(
    campaign_id: i64,
    form_id: i64,
    number: &str,
    date: &str,
    signer: &str,
) -> Result<(), AppError> {
    let (admin, mut tx, book) = open_book(campaign_id, true).await?;
    let mut checks = Checks::default();
    let number = checks.check("decision_number", required_text(number, DECISION_MAX));
    let date = checks.check("decision_date", parse_date(date));
    let signer = checks.check("decision_signer", required_text(signer, DECISION_MAX));
    checks.finish()?;
    let (Some(number), Some(date), Some(signer)) = (number, date, signer) else {
        return Err(AppError::Internal);
    };
    let after = Decision {
        number,
        date: Some(date),
        signer,
    };
    record_decision_in(&mut tx, (&admin).into(), &book, form_id, &after).await?;
    tx.commit().await?;
    super::respond::redirect_plain_form(&format!("/admin/campaigns/{campaign_id}/awards?saved=decision"));
    Ok(())
}

async fn record_decision_in(
    conn: &mut PgConnection,
    actor: Actor,
    book: &Book,
    form_id: i64,
    after: &Decision,
) -> Result<(), AppError> {
    let (form, _) = book.form(form_id)?;
    let before = decision_of(form);
    let date = after.date.ok_or(AppError::Internal)?;
    db::awards::set_decision(conn, form_id, (&after.number, date, &after.signer)).await?;
    let snapshot = |d: &Decision| {
        json!({
            "award_form": form.name,
            "decision_number": d.number,
            "decision_date": d.date.map(|d| d.format("%d/%m/%Y").to_string()),
            "decision_signer": d.signer,
        })
    };
    audit(conn, actor, Some(snapshot(&before)), Some(snapshot(after)), "").await
}

/// For the demo: each form whose name and recipient match gets `rule`, everyone it proposes,
/// and `decision`, as an organizer would give them.
pub async fn decide_in(
    conn: &mut PgConnection,
    actor: Actor,
    forms: &[(&str, Recipient, AwardRule)],
    decision: &Decision,
) -> Result<(), AppError> {
    for &(name, recipient, rule) in forms {
        let book = Book::read(conn, actor.campaign_id).await?;
        let Some(form) = book
            .forms
            .iter()
            .find(|f| f.name == name && f.recipient == recipient.as_str())
        else {
            continue;
        };
        let form_id = form.id;
        set_rule_in(conn, actor, &book, form_id, rule).await?;
        let book = Book::read(conn, actor.campaign_id).await?;
        give_proposed_in(conn, actor, &book, form_id).await?;
        record_decision_in(conn, actor, &book, form_id, decision).await?;
    }
    Ok(())
}

/// The awards as the results page lists them (only forms with recipients).
pub async fn lists(conn: &mut PgConnection, campaign_id: i64) -> Result<Vec<AwardList>, AppError> {
    let forms = db::awards::forms(&mut *conn, campaign_id).await?;
    let awards = db::awards::awards(&mut *conn, campaign_id).await?;
    Ok(forms
        .iter()
        .filter_map(|form| {
            let recipients: Vec<String> = awards
                .iter()
                .filter(|a| a.form_id == form.id)
                .map(|a| match (&a.person_name, &a.initiative_title) {
                    (Some(name), Some(title)) => format!(
                        "{}, {} — «{title}»",
                        person(name, a.person_position.as_deref().unwrap_or("")),
                        a.unit_name
                    ),
                    _ => a.unit_name.clone(),
                })
                .collect();
            (!recipients.is_empty()).then(|| AwardList {
                name: form.name.clone(),
                recipient: Recipient::parse(&form.recipient).unwrap_or(Recipient::Collective),
                decision: decision_of(form),
                recipients,
            })
        })
        .collect())
}
