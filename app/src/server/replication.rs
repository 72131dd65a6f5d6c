//! Recording replication (nhân rộng). Rules: a unit records its own adoption through any of its
//! live links (the form's leading `campaign_id` names the link's campaign, so the caller is
//! checked before the rest of the body is read); an admin records one for, or removes one of, a
//! unit in its scope. Only initiatives in the gallery can be adopted; the domain rules are
//! `domain::replication`. A second record for the same unit changes nothing and says so.
use super::access::{self, Admin};
use super::db::{self, gallery::Recorder};
use super::respond::{finish_form, redirect_plain_form};
use super::state::pool;
use super::upload_form::{self, Upload};
use crate::domain::access::Scope;
use crate::domain::deadline::local_today;
use crate::domain::initiative::attachment::MediaType;
use crate::domain::replication::{may_adopt, Replication, ReplicationInput};
use crate::error::{AppError, Problem};
use crate::wire::gallery::{AdoptedInitiative, UnitReplications};
use chrono::Utc;
use leptos::server_fn::codec::MultipartData;

/// Where the initiative's page shows a saved record.
fn page(initiative_id: i64) -> String {
    format!("/gallery/{initiative_id}?recorded=1#replications")
}

/// A unit's own record, sent from the gallery page through one of its live links.
#[tracing::instrument(skip_all)]
pub async fn record_from_link(data: MultipartData) -> Result<(), AppError> {
    let mut typed = Vec::new();
    let saved = record_from_link_typed(data, &mut typed).await;
    finish_form(saved, &typed)
}

/// The record, keeping what was typed in `typed` for a plain form sent back with its problems.
async fn record_from_link_typed(
    data: MultipartData,
    typed: &mut Vec<(&str, String)>,
) -> Result<(), AppError> {
    let opened = upload_form::open(data).await?;
    let caller = access::unit(opened.campaign_id).await?;
    let form = opened.read("photo").await?;
    let initiative_id: i64 = form
        .text("initiative_id")
        .trim()
        .parse()
        .map_err(|_| AppError::NotFound)?;
    let input = ReplicationInput {
        adopted_on: form.text("adopted_on"),
        note: form.text("note"),
    };
    typed.extend([
        ("adopted_on", input.adopted_on.clone()),
        ("note", input.note.clone()),
    ]);
    let photo = match (form.file_problems.first(), form.files.as_slice()) {
        (Some(problem), _) => Err(AppError::field("photo", problem.clone())),
        (None, []) => Ok(None),
        (None, [one]) if one.media_type != MediaType::Pdf => Ok(Some(one.clone())),
        (None, _) => Err(AppError::field("photo", Problem::FileType)),
    };
    save(
        initiative_id,
        caller.unit_id(),
        &input,
        photo,
        Recorder::Link(caller.link_id()),
    )
    .await?;
    redirect_plain_form(&page(initiative_id));
    Ok(())
}

/// An admin's record for a unit in its scope.
#[tracing::instrument(skip_all, fields(initiative.id = initiative_id))]
pub async fn record_by_admin(
    initiative_id: i64,
    unit_id: &str,
    input: ReplicationInput,
) -> Result<(), AppError> {
    let typed = [
        ("unit_id", unit_id.to_owned()),
        ("adopted_on", input.adopted_on.clone()),
        ("note", input.note.clone()),
    ];
    let saved = async {
        let admin = access::admin().await?;
        if !db::gallery::listed(&pool()?, initiative_id).await? {
            return Err(AppError::NotFound);
        }
        let unit_id: i64 = unit_id
            .trim()
            .parse()
            .map_err(|_| AppError::field("unit_id", Problem::Choose))?;
        admin
            .sees_unit(unit_id)
            .await
            .map_err(|_| AppError::field("unit_id", Problem::UnitNotFound))?;
        save(
            initiative_id,
            unit_id,
            &input,
            Ok(None),
            Recorder::Account(admin.id()),
        )
        .await
    }
    .await;
    finish_form(saved.map(|()| redirect_plain_form(&page(initiative_id))), &typed)
}

/// Checks and stores one record with its photo, in one transaction.
async fn save(
    initiative_id: i64,
    unit_id: i64,
    input: &ReplicationInput,
    photo: Result<Option<Upload>, AppError>,
    recorder: Recorder,
) -> Result<(), AppError> {
    let pool = pool()?;
    let entry = db::gallery::exemplary(&pool, initiative_id)
        .await?
        .filter(|e| e.listed)
        .ok_or(AppError::NotFound)?;
    let already = db::gallery::recorded(&pool, initiative_id, unit_id).await?;
    may_adopt(unit_id, entry.unit_id, already).map_err(|p| AppError::field("form", p))?;
    let checked = Replication::parse(input, entry.first_applied, local_today(Utc::now()));
    let (replication, photo) = match (checked, photo) {
        (Ok(r), Ok(p)) => (r, p),
        (Err(AppError::Invalid(mut problems)), Err(AppError::Invalid(more))) => {
            problems.extend(more);
            return Err(AppError::Invalid(problems));
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    let mut tx = pool.begin().await?;
    let id = db::gallery::insert(
        &mut tx,
        (initiative_id, unit_id),
        replication.adopted_on,
        &replication.note,
        recorder,
    )
    .await?
    .ok_or(AppError::field("form", Problem::AlreadyReplicated))?;
    if let Some(photo) = photo {
        db::gallery::insert_photo(&mut tx, id, (&photo.file_name, photo.media_type, &photo.bytes)).await?;
    }
    tx.commit().await?;
    tracing::info!(replication.id = id, unit.id = unit_id, "replication recorded");
    Ok(())
}

/// Takes a record away: an admin whose scope holds the adopting unit.
#[tracing::instrument(skip_all, fields(replication.id = replication_id))]
pub async fn remove(replication_id: i64) -> Result<(), AppError> {
    let admin = access::admin().await?;
    let pool = pool()?;
    let record = db::gallery::replication(&pool, replication_id)
        .await?
        .ok_or(AppError::NotFound)?;
    admin.sees_unit(record.unit_id).await?;
    let mut conn = pool.acquire().await?;
    db::gallery::delete(&mut conn, replication_id).await?;
    tracing::info!(
        account.id = admin.id(),
        unit.id = record.unit_id,
        "replication removed"
    );
    redirect_plain_form(&format!(
        "/gallery/{}?removed=1#replications",
        record.initiative_id
    ));
    Ok(())
}

/// What the units in the admin's scope adopted, by unit.
#[tracing::instrument(skip_all)]
pub async fn by_unit() -> Result<Vec<UnitReplications>, AppError> {
    let admin: Admin = access::admin().await?;
    let root = match admin.scope() {
        Scope::System => None,
        Scope::Subtree(root) => Some(root),
    };
    let mut units: Vec<UnitReplications> = Vec::new();
    for row in db::gallery::by_unit(&pool()?, root).await? {
        let adopted = AdoptedInitiative {
            replication_id: row.replication_id,
            initiative_id: row.initiative_id,
            title: row.title,
            from_unit: row.from_unit,
            adopted_on: row.adopted_on,
        };
        match units.last_mut() {
            Some(last) if last.unit_id == row.unit_id => last.adopted.push(adopted),
            _ => units.push(UnitReplications {
                unit_id: row.unit_id,
                unit_name: row.unit_name,
                adopted: vec![adopted],
            }),
        }
    }
    Ok(units)
}
