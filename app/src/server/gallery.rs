//! The exemplary gallery. Rules: it is public — anybody reads its list and an initiative's page
//! (`db::gallery`'s `gallery_initiatives` view says what is in it); an exemplary initiative not
//! listed yet exists only for its campaign's admins, who see it as it will appear. The public
//! sees the files the organizer marked public and nothing of the initiative's receipt code. A
//! campaign's admins mark its files public and list a link-only campaign's initiatives.
use super::access;
use super::db::{self, audit::Change, gallery::CardRow};
use super::state::pool;
use crate::domain::access::Scope;
use crate::domain::audit::AuditKind;
use crate::domain::council::decision::Level;
use crate::domain::initiative::attachment::AttachmentInfo;
use crate::error::AppError;
use crate::wire::gallery::{
    Adopter, ExemplaryInitiative, FileChoice, Gallery, GalleryCard, GalleryQuery, OrganizerOption,
    OrganizerTools, ReplicationEntry, UnitChoice,
};
use serde_json::json;
use std::collections::BTreeSet;

/// One page of the gallery as `query` filters it, with the choices of every filter.
#[tracing::instrument(skip_all)]
pub async fn gallery(query: &GalleryQuery) -> Result<Gallery, AppError> {
    let cards: Vec<GalleryCard> = db::gallery::cards(&pool()?)
        .await?
        .into_iter()
        .map(card)
        .collect();
    let fields: BTreeSet<String> = cards.iter().map(|c| c.field.clone()).collect();
    let years: BTreeSet<i32> = cards.iter().map(|c| c.year).collect();
    let mut organizers: Vec<OrganizerOption> = Vec::new();
    let mut unit_kinds = Vec::new();
    for c in &cards {
        if !organizers.iter().any(|o| o.id == c.organizer_id) {
            organizers.push(OrganizerOption {
                id: c.organizer_id,
                name: c.organizer_name.clone(),
            });
        }
        if !unit_kinds.contains(&c.unit_kind) {
            unit_kinds.push(c.unit_kind);
        }
    }
    organizers.sort_by(|a, b| a.name.cmp(&b.name));
    let total = cards.len();
    let matching: Vec<GalleryCard> = cards.into_iter().filter(|c| query.matches(c)).collect();
    let count = matching.len();
    let (cards, pages) = query.paged(matching);
    Ok(Gallery {
        cards,
        total,
        matching: count,
        pages,
        fields: fields.into_iter().collect(),
        years: years.into_iter().rev().collect(),
        organizers,
        unit_kinds,
    })
}

fn card(row: CardRow) -> GalleryCard {
    GalleryCard {
        id: row.id,
        title: row.title,
        kind: row.kind,
        field: row.field,
        unit_name: row.unit_name,
        unit_kind: row.unit_kind,
        campaign_title: row.campaign_title,
        year: row.year,
        organizer_id: row.organizer_id,
        organizer_name: row.organizer_name,
        level: row.level.as_deref().and_then(Level::parse),
        replications: row.replications,
    }
}

/// An exemplary initiative's page, with what this visitor may do there: record its unit's
/// replication (through a live link), or as an admin record one for a unit in its scope,
/// remove one, and choose the public files.
#[tracing::instrument(skip_all, fields(initiative.id = initiative_id))]
pub async fn exemplary(initiative_id: i64) -> Result<ExemplaryInitiative, AppError> {
    let pool = pool()?;
    let entry = db::gallery::exemplary(&pool, initiative_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let admin = access::admin_if_signed_in().await?;
    let manages_campaign = match &admin {
        Some(a) => match a.campaign(entry.campaign_id).await {
            Ok(_) => true,
            Err(AppError::NotFound) => false,
            Err(other) => return Err(other),
        },
        None => false,
    };
    if !entry.listed && !manages_campaign {
        return Err(AppError::NotFound);
    }
    let mut conn = pool.acquire().await?;
    let mut content = super::initiatives::content(
        &mut conn,
        entry.campaign_id,
        (entry.unit_id, &entry.unit_name),
        initiative_id,
    )
    .await?;
    content.receipt_code = String::new();
    let choices = db::gallery::file_choices(&mut *conn, initiative_id).await?;
    let public: BTreeSet<i64> = choices.iter().filter(|c| c.4).map(|c| c.0).collect();
    content.attachments.retain(|a| public.contains(&a.id));
    let mut replications = Vec::new();
    for row in db::gallery::replications(&mut *conn, initiative_id).await? {
        let removable = match &admin {
            Some(a) => a.sees_unit(row.unit_id).await.is_ok(),
            None => false,
        };
        replications.push(ReplicationEntry {
            id: row.id,
            unit_id: row.unit_id,
            unit_name: row.unit_name,
            adopted_on: row.adopted_on,
            note: row.note,
            photo: row.photo,
            recorded_at: row.recorded_at,
            removable,
        });
    }
    let adopters = access::adopters()
        .await?
        .into_iter()
        .map(|unit| Adopter {
            campaign_id: unit.campaign_id(),
            unit_id: unit.unit_id(),
            unit_name: unit.unit_name().to_owned(),
            recorded: replications.iter().any(|r| r.unit_id == unit.unit_id()),
            own: unit.unit_id() == entry.unit_id,
        })
        .collect();
    let organizer = match &admin {
        Some(a) => {
            let root = match a.scope() {
                Scope::System => None,
                Scope::Subtree(root) => Some(root),
            };
            let units = db::gallery::adopting_choices(&mut *conn, root, initiative_id)
                .await?
                .into_iter()
                .map(|u| UnitChoice {
                    id: u.id,
                    name: u.name,
                })
                .collect();
            let files = manages_campaign.then(|| {
                choices
                    .into_iter()
                    .map(|(id, file_name, media_type, size_bytes, public)| FileChoice {
                        file: AttachmentInfo {
                            id,
                            file_name,
                            media_type,
                            size_bytes,
                        },
                        public,
                    })
                    .collect()
            });
            Some(OrganizerTools { files, units })
        }
        None => None,
    };
    Ok(ExemplaryInitiative {
        content,
        campaign_id: entry.campaign_id,
        campaign_title: entry.campaign_title,
        organizer_name: entry.organizer_name,
        year: entry.year,
        level: entry.level.as_deref().and_then(Level::parse),
        listed: entry.listed,
        replications,
        adopters,
        organizer,
        today: crate::domain::deadline::local_today(chrono::Utc::now()),
    })
}

/// Shows or hides one of an initiative's files in the gallery; the campaign's admins only.
#[tracing::instrument(skip_all, fields(file.id = file_id))]
pub async fn set_file_public(file_id: i64, public: bool) -> Result<(), AppError> {
    let admin = access::admin().await?;
    let campaign_id = db::gallery::file_campaign(&pool()?, file_id)
        .await?
        .ok_or(AppError::NotFound)?;
    admin.campaign(campaign_id).await?;
    db::gallery::set_file_public(&pool()?, file_id, public).await?;
    tracing::info!(public, "gallery file visibility changed");
    Ok(())
}

/// Lists a campaign's exemplary initiatives in the public gallery, or takes them out (a public
/// campaign's are always listed once released); the campaign's admins only, audited.
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn set_listed(campaign_id: i64, listed: bool) -> Result<(), AppError> {
    let admin = access::campaign_admin(campaign_id).await?;
    let mut tx = pool()?.begin().await?;
    if !db::gallery::set_listed(&mut *tx, campaign_id, listed).await? {
        return Ok(());
    }
    db::audit::record(
        &mut tx,
        Change {
            campaign_id,
            account_id: admin.id(),
            kind: AuditKind::Awards,
            before: Some(json!({ "gallery_listed": !listed })),
            after: Some(json!({ "gallery_listed": listed })),
            reason: "",
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
