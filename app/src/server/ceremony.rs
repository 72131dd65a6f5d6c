//! The reveal ceremony at the tổng kết conference. Rules:
//! - The campaign's admins prepare it (the order, which awards stop the reveal with a card)
//!   while it has not started; its admins or its council's chair drive it (`CeremonyDriver`).
//! - It starts (as a rehearsal, or live) only with its checklist complete (`domain::ceremony::
//!   checklist`); starting freezes the script made from the final standings and the awards.
//! - A rehearsal moves the console alone; only a live ceremony reaches the screens, as the stage
//!   of its current step (`screen_stage`), never the script. A step moves only from the step the
//!   console saw, so a double tap moves once.
//! - Reaching the last step of a live ceremony, or ending it, releases held results in the same
//!   transaction. Starting and ending are audited; the steps between are not.
use super::access::{self, CeremonyDriver};
use super::awards::{decision_of, person};
use super::db::{self, audit::Change, ceremonies::Ceremony, standings};
use super::live_board::scoring_of;
use super::state::pool;
use crate::domain::audit::AuditKind;
use crate::domain::campaign::Recipient;
use crate::domain::campaign_state::CampaignState;
use crate::domain::ceremony::{
    checklist, ready, script, stage_at, AwardLine, Check, Citation, Mode, Order, Readiness, Row, Stage,
};
use crate::domain::initiative::attachment::MediaType;
use crate::domain::ranking::rank;
use crate::error::{AppError, Problem};
use crate::wire::ceremony::{CeremonyDesk, Console, StopLine};
use leptos::server_fn::codec::MultipartData;
use serde_json::json;
use sqlx::{PgConnection, PgExecutor};

/// More stops than any campaign has awards is refused before it is read.
const STOPS_MAX: usize = 5_000;

/// The campaign's results and awards as the ceremony reads them.
struct Facts {
    campaign_id: i64,
    title: String,
    state: CampaignState,
    released: bool,
    rows: Vec<Row>,
    /// Each award with its form's position and whether it goes to a unit.
    awards: Vec<(usize, Recipient, db::awards::AwardRow)>,
    forms: Vec<db::awards::FormRow>,
    /// Awards with a photo, and its size.
    photos: Vec<(i64, i32)>,
}

impl Facts {
    async fn read(conn: &mut PgConnection, campaign_id: i64) -> Result<Facts, AppError> {
        let campaign = standings::board_campaign(&mut *conn, campaign_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let records = standings::unit_records(&mut *conn, campaign_id).await?;
        let facts: Vec<_> = records.iter().map(|r| r.facts.clone()).collect();
        let names: std::collections::HashMap<i64, &str> = records
            .iter()
            .map(|r| (r.facts.unit_id, r.name.as_str()))
            .collect();
        let rows = rank(&scoring_of(&campaign), true, &facts)
            .into_iter()
            .map(|s| Row {
                unit_id: s.unit_id,
                unit_name: names.get(&s.unit_id).copied().unwrap_or_default().to_owned(),
                place: s.place,
                score_hundredths: s.score_hundredths,
            })
            .collect();
        let forms = db::awards::forms(&mut *conn, campaign_id).await?;
        let mut awards: Vec<_> = db::awards::awards(&mut *conn, campaign_id)
            .await?
            .into_iter()
            .filter_map(|a| {
                let position = forms.iter().position(|f| f.id == a.form_id)?;
                let recipient = Recipient::parse(&forms[position].recipient)?;
                Some((position, recipient, a))
            })
            .collect();
        awards.sort_by_key(|(position, _, a)| (*position, a.id));
        Ok(Facts {
            campaign_id,
            photos: db::ceremonies::photos(&mut *conn, campaign_id).await?,
            title: campaign.title,
            state: campaign.state,
            released: campaign.results_released,
            rows,
            awards,
            forms,
        })
    }

    fn checks(&self) -> Vec<Check> {
        let undecided_forms = self
            .forms
            .iter()
            .filter(|f| self.awards.iter().any(|(_, _, a)| a.form_id == f.id))
            .filter(|f| !decision_of(f).is_recorded())
            .count();
        let unnamed_recipients = self
            .awards
            .iter()
            .filter(|(_, recipient, a)| {
                *recipient == Recipient::Individual
                    && [&a.person_name, &a.person_position]
                        .iter()
                        .any(|t| t.as_deref().is_none_or(|t| t.trim().is_empty()))
            })
            .count();
        checklist(Readiness {
            published: self.state == CampaignState::Published,
            awards: self.awards.len(),
            undecided_forms,
            unnamed_recipients,
        })
    }

    fn citation(&self, position: usize, recipient: Recipient, award: &db::awards::AwardRow) -> Citation {
        Citation {
            form: self.forms[position].name.clone(),
            collective: recipient == Recipient::Collective,
            recipient: award
                .person_name
                .clone()
                .unwrap_or_else(|| award.unit_name.clone()),
            position: award.person_position.clone().filter(|p| !p.trim().is_empty()),
            unit_name: award.unit_name.clone(),
            initiative: award.initiative_title.clone(),
            photo: self
                .photo_bytes(award.id)
                .map(|_| photo_path(self.campaign_id, award.id)),
        }
    }

    fn photo_bytes(&self, award_id: i64) -> Option<i32> {
        self.photos
            .iter()
            .find(|(id, _)| *id == award_id)
            .map(|(_, size)| *size)
    }

    fn script(&self, ceremony: &Ceremony) -> Vec<crate::domain::ceremony::Step> {
        let lines: Vec<AwardLine> = self
            .awards
            .iter()
            .map(|(position, recipient, a)| AwardLine {
                form_position: i32::try_from(*position).unwrap_or(i32::MAX),
                unit_id: a.unit_id,
                stop: ceremony.stop_awards.contains(&a.id),
                citation: self.citation(*position, *recipient, a),
            })
            .collect();
        script(ceremony.order, &self.rows, &lines)
    }
}

/// The organizer's preparation page.
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn desk(campaign_id: i64) -> Result<CeremonyDesk, AppError> {
    access::campaign_admin(campaign_id).await?;
    let mut conn = pool()?.acquire().await?;
    let facts = Facts::read(&mut conn, campaign_id).await?;
    let ceremony = db::ceremonies::get(&mut *conn, campaign_id)
        .await?
        .unwrap_or_default();
    let lines = facts
        .awards
        .iter()
        .map(|(position, recipient, a)| {
            let citation = facts.citation(*position, *recipient, a);
            StopLine {
                award_id: a.id,
                form: citation.form,
                collective: citation.collective,
                recipient: match citation.position {
                    Some(position) => person(&citation.recipient, &position),
                    None => citation.recipient,
                },
                unit_name: citation.unit_name,
                initiative: citation.initiative,
                stop: ceremony.stop_awards.contains(&a.id),
                photo_bytes: facts.photo_bytes(a.id),
            }
        })
        .collect();
    Ok(CeremonyDesk {
        campaign_id,
        checks: facts.checks(),
        title: facts.title,
        state: facts.state,
        mode: ceremony.mode,
        order: ceremony.order,
        lines,
        released: facts.released,
    })
}

/// Saves the order and the stops (award ids) while the ceremony has not started.
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn save_plan(campaign_id: i64, order: &str, stops: &[String]) -> Result<(), AppError> {
    let admin = access::campaign_admin(campaign_id).await?;
    let order = Order::parse(order).ok_or_else(|| AppError::field("order", Problem::Choose))?;
    if stops.len() > STOPS_MAX {
        return Err(AppError::field("stops", Problem::TooManyItems { max: STOPS_MAX }));
    }
    let mut conn = pool()?.begin().await?;
    let ceremony = db::ceremonies::lock(&mut conn, campaign_id).await?;
    if ceremony.mode != Mode::Prepared {
        return Err(AppError::field("form", Problem::CeremonyRunning));
    }
    let awards = db::awards::awards(&mut *conn, campaign_id).await?;
    let mut chosen = Vec::with_capacity(stops.len());
    for raw in stops {
        let id = raw
            .parse::<i64>()
            .ok()
            .filter(|id| awards.iter().any(|a| a.id == *id))
            .ok_or_else(|| AppError::field("stops", Problem::UnknownChoice))?;
        chosen.push(id);
    }
    chosen.sort_unstable();
    chosen.dedup();
    db::ceremonies::set_plan(&mut conn, campaign_id, order, &chosen).await?;
    let before =
        json!({ "ceremony_order": ceremony.order.as_str(), "ceremony_stops": ceremony.stop_awards.len() });
    let after = json!({ "ceremony_order": order.as_str(), "ceremony_stops": chosen.len() });
    audit(&mut conn, campaign_id, admin.id(), before, after).await?;
    conn.commit().await?;
    super::respond::redirect_plain_form(&format!("/admin/campaigns/{campaign_id}/ceremony?saved=plan"));
    Ok(())
}

/// Where the screens read an award's photo (`server::ceremony_photo`).
pub fn photo_path(campaign_id: i64, award_id: i64) -> String {
    format!("/live/{campaign_id}/photos/{award_id}")
}

/// Gives an award's card a photo (JPEG or PNG), while the ceremony has not started. The caller
/// is checked from the form's leading `campaign_id` before the rest of it is read.
#[tracing::instrument(skip_all)]
pub async fn upload_photo(data: MultipartData) -> Result<(), AppError> {
    let opened = super::upload_form::open(data)
        .await
        .map_err(|_| AppError::NotFound)?;
    let campaign_id = opened.campaign_id;
    access::campaign_admin(campaign_id).await?;
    let form = opened.read("photo").await?;
    let award_id: i64 = form
        .text("award_id")
        .trim()
        .parse()
        .map_err(|_| AppError::NotFound)?;
    if let Some(problem) = form.file_problems.first() {
        return Err(AppError::field("photo", problem.clone()));
    }
    let photo = match form.files.as_slice() {
        [one] if one.media_type != MediaType::Pdf => one,
        [] => return Err(AppError::field("photo", Problem::Required)),
        _ => return Err(AppError::field("photo", Problem::FileType)),
    };
    let mut tx = pool()?.begin().await?;
    let ceremony = db::ceremonies::lock(&mut tx, campaign_id).await?;
    if ceremony.mode != Mode::Prepared {
        return Err(AppError::field("photo", Problem::CeremonyRunning));
    }
    let awards = db::awards::awards(&mut *tx, campaign_id).await?;
    if !awards.iter().any(|a| a.id == award_id) {
        return Err(AppError::NotFound);
    }
    db::ceremonies::set_photo(
        &mut tx,
        campaign_id,
        award_id,
        photo.media_type.mime(),
        &photo.bytes,
    )
    .await?;
    tx.commit().await?;
    super::respond::redirect_plain_form(&format!("/admin/campaigns/{campaign_id}/ceremony?saved=photo"));
    Ok(())
}

/// Takes an award's photo away, while the ceremony has not started.
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn remove_photo(campaign_id: i64, award_id: i64) -> Result<(), AppError> {
    access::campaign_admin(campaign_id).await?;
    let mut tx = pool()?.begin().await?;
    let ceremony = db::ceremonies::lock(&mut tx, campaign_id).await?;
    if ceremony.mode != Mode::Prepared {
        return Err(AppError::field("form", Problem::CeremonyRunning));
    }
    db::ceremonies::remove_photo(&mut tx, campaign_id, award_id).await?;
    tx.commit().await?;
    super::respond::redirect_plain_form(&format!("/admin/campaigns/{campaign_id}/ceremony?saved=photo"));
    Ok(())
}

/// The driver's console.
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn console(campaign_id: i64) -> Result<Console, AppError> {
    let driver = access::ceremony_driver(campaign_id).await?;
    let mut conn = pool()?.acquire().await?;
    console_of(&mut conn, &driver).await
}

async fn console_of(conn: &mut PgConnection, driver: &CeremonyDriver) -> Result<Console, AppError> {
    let campaign_id = driver.campaign_id();
    let facts = Facts::read(conn, campaign_id).await?;
    let ceremony = db::ceremonies::get(&mut *conn, campaign_id)
        .await?
        .unwrap_or_default();
    let organizer = access::campaign_admin(campaign_id).await.is_ok();
    Ok(Console {
        campaign_id,
        title: facts.title.clone(),
        mode: ceremony.mode,
        checks: facts.checks(),
        stage: stage_at(&ceremony.script, ceremony.step),
        step: ceremony.step,
        script: ceremony.script,
        organizer,
    })
}

/// What the console asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Rehearse,
    Start,
    EndRehearsal,
    /// From the step the console saw to another.
    Move {
        at: usize,
        to: usize,
    },
    Finish,
}

impl Action {
    fn parse(raw: &str, at: usize, to: usize) -> Option<Action> {
        Some(match raw {
            "rehearse" => Action::Rehearse,
            "start" => Action::Start,
            "end_rehearsal" => Action::EndRehearsal,
            "move" => Action::Move { at, to },
            "finish" => Action::Finish,
            _ => return None,
        })
    }
}

/// Starts, moves or ends the ceremony; answers the console as it stands afterwards.
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, action = action))]
pub async fn control(campaign_id: i64, action: &str, at: usize, to: usize) -> Result<Console, AppError> {
    let driver = access::ceremony_driver(campaign_id).await?;
    let action =
        Action::parse(action, at, to).ok_or_else(|| AppError::field("form", Problem::UnknownChoice))?;
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::lock_state(&mut tx, campaign_id).await?;
    let ceremony = db::ceremonies::lock(&mut tx, campaign_id).await?;
    let account = driver.account_id();
    match (action, ceremony.mode) {
        (Action::Rehearse, Mode::Prepared) | (Action::Start, Mode::Prepared | Mode::Rehearsal) => {
            let facts = Facts::read(&mut tx, campaign_id).await?;
            if !ready(&facts.checks()) || state != CampaignState::Published {
                return Err(AppError::field("form", Problem::CeremonyNotReady));
            }
            let live = action == Action::Start;
            let mode = if live { Mode::Live } else { Mode::Rehearsal };
            db::ceremonies::set_mode(&mut tx, campaign_id, mode, Some(&facts.script(&ceremony))).await?;
            if live {
                let before = json!({ "ceremony": ceremony.mode.as_str() });
                audit(
                    &mut tx,
                    campaign_id,
                    account,
                    before,
                    json!({ "ceremony": "live" }),
                )
                .await?;
            }
        }
        (Action::EndRehearsal, Mode::Rehearsal) => {
            db::ceremonies::set_mode(&mut tx, campaign_id, Mode::Prepared, None).await?;
        }
        (Action::Move { at, to }, mode) if mode.running() => {
            let last = ceremony.script.len().saturating_sub(1);
            if to > last {
                return Err(AppError::field("step", Problem::CeremonyRunning));
            }
            // Not at `at` any more (a second tap, another console): nothing moves.
            let moved = at <= last && db::ceremonies::move_step(&mut tx, campaign_id, at, to).await?;
            if moved && mode == Mode::Live && to == last {
                super::campaign_lifecycle::release_in(&mut tx, account, campaign_id).await?;
            }
        }
        (Action::Finish, Mode::Live) => {
            db::ceremonies::set_mode(&mut tx, campaign_id, Mode::Finished, None).await?;
            super::campaign_lifecycle::release_in(&mut tx, account, campaign_id).await?;
            let after = json!({ "ceremony": "finished" });
            audit(
                &mut tx,
                campaign_id,
                account,
                json!({ "ceremony": "live" }),
                after,
            )
            .await?;
        }
        _ => return Err(AppError::field("form", Problem::CeremonyRunning)),
    }
    let console = console_of(&mut tx, &driver).await?;
    tx.commit().await?;
    Ok(console)
}

/// What the screens show now: the current step's stage of a live ceremony, else nothing.
pub async fn screen_stage(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Option<Stage>, AppError> {
    Ok(db::ceremonies::get(ex, campaign_id)
        .await?
        .filter(|c| c.mode == Mode::Live)
        .map(|c| stage_at(&c.script, c.step)))
}

/// For the demo: the ceremony prepared as an organizer would, stopping on `stops` (award ids).
pub async fn prepare_in(
    conn: &mut PgConnection,
    campaign_id: i64,
    account_id: i64,
    stops: &[i64],
) -> Result<(), AppError> {
    let ceremony = db::ceremonies::lock(conn, campaign_id).await?;
    db::ceremonies::set_plan(conn, campaign_id, Order::LastToFirst, stops).await?;
    let before =
        json!({ "ceremony_order": ceremony.order.as_str(), "ceremony_stops": ceremony.stop_awards.len() });
    let after = json!({ "ceremony_order": Order::LastToFirst.as_str(), "ceremony_stops": stops.len() });
    audit(conn, campaign_id, account_id, before, after).await
}

async fn audit(
    conn: &mut PgConnection,
    campaign_id: i64,
    account_id: i64,
    before: serde_json::Value,
    after: serde_json::Value,
) -> Result<(), AppError> {
    let change = Change {
        campaign_id,
        account_id,
        kind: AuditKind::Ceremony,
        before: Some(before),
        after: Some(after),
        reason: "",
    };
    db::audit::record(conn, change).await
}
