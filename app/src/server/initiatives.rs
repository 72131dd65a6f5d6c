//! Registering initiatives. A submit is checked whole (texts, authors, files) and stored in one
//! transaction with its authors and files, or not at all; a refused submit keeps what was typed
//! (and, scripts off, the files chosen) as the draft (`refused_form`), and the save that
//! succeeds takes the draft's files along. The same submit key always leads to the same initiative (unique constraint),
//! the deadline is checked under a shared lock on the campaign row, and a new initiative past
//! the campaign's maximum per unit is refused (`db::initiatives::room_left`).
use super::access::{self, UnitCaller};
use super::db::registration::{NewInitiative, Registered};
use super::db::{self, initiatives::FileOwner, initiatives::InitiativeRow};
use super::refused_form::{self, SentFiles};
use super::respond;
use super::state::{pool, registrations};
use super::unit_portal::unit_campaign;
use super::upload_form::{self, check_totals, kept_sizes, UploadForm};
use crate::domain::deadline::format_date;
use crate::domain::initiative::{receipt, AuthorInput, Authors, InitiativeInput, InitiativeText};
use crate::error::{AppError, Checks, Problem};
use crate::wire::initiatives::{Draft, InitiativeContent, InitiativeDetail, InitiativeForm, Receipt};
use chrono::{DateTime, NaiveDate, Utc};
use leptos::server_fn::codec::MultipartData;
use rand::RngCore;
use sqlx::PgConnection;

const SUBMIT_KEY_MAX: usize = 64;
const DRAFT_MAX_BYTES: usize = 64 * 1024;
const RECEIPT_ATTEMPTS: usize = 5;

fn new_submit_key() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    data_encoding::BASE32_NOPAD.encode(&bytes)
}

fn new_receipt_code() -> String {
    let mut bytes = [0u8; receipt::LENGTH];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    receipt::from_random(bytes)
}

/// The latest "date first applied" a campaign accepts: the end of its period.
fn latest_date(period_end: Option<NaiveDate>) -> NaiveDate {
    period_end.unwrap_or(NaiveDate::MAX)
}

fn form_key(initiative_id: i64) -> String {
    if initiative_id == 0 {
        "new".to_owned()
    } else {
        initiative_id.to_string()
    }
}

fn input_of(row: &InitiativeRow, authors: &Authors) -> InitiativeInput {
    let (author_mode, authors) = match authors {
        Authors::Collective => ("collective", Vec::new()),
        Authors::Individuals(list) => (
            "individuals",
            list.iter()
                .map(|a| AuthorInput {
                    name: a.name.clone(),
                    job_title: a.job_title.clone(),
                    share: a.share_percent.to_string(),
                })
                .collect(),
        ),
    };
    InitiativeInput {
        kind: row.kind().as_str().to_owned(),
        field_id: row.field_id.to_string(),
        title: row.title.clone(),
        situation: row.situation.clone(),
        solution: row.solution.clone(),
        benefit: row.benefit.clone(),
        scope: row.scope.clone(),
        first_applied: format_date(row.first_applied),
        author_mode: author_mode.to_owned(),
        authors,
    }
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, initiative.id = initiative_id))]
pub async fn form(campaign_id: i64, initiative_id: i64) -> Result<InitiativeForm, AppError> {
    let caller = access::unit(campaign_id).await?;
    let pool = pool()?;
    let mut conn = pool.acquire().await?;
    let row = db::unit_portal::campaign(&mut *conn, campaign_id).await?;
    let fields = db::initiatives::fields(&mut *conn, campaign_id).await?;
    let (stored, receipt_code, attachments) = if initiative_id == 0 {
        (None, None, Vec::new())
    } else {
        let found = db::initiatives::get(&mut conn, campaign_id, caller.unit_id(), initiative_id, false)
            .await?
            .ok_or(AppError::NotFound)?;
        let authors = db::initiatives::authors(&mut *conn, found.id, found.collective_author).await?;
        let attachments = db::initiatives::attachments_of_initiative(&mut *conn, found.id).await?;
        let code = found.receipt_code.clone();
        (Some(input_of(&found, &authors)), Some(code), attachments)
    };
    let key = form_key(initiative_id);
    let draft = db::drafts::load::<Draft>(&mut *conn, campaign_id, caller.unit_id(), &key).await?;
    let held =
        db::initiatives::attachments_of_draft(&mut *conn, (campaign_id, caller.unit_id(), &key)).await?;
    let (input, submit_key, draft_saved_at) = match (draft, stored) {
        (Some((draft, at)), _) => (draft.input, draft.submit_key, Some(at)),
        (None, Some(input)) => (input, new_submit_key(), None),
        (None, None) => (InitiativeInput::default(), new_submit_key(), None),
    };
    Ok(InitiativeForm {
        campaign: unit_campaign(&caller, row),
        fields,
        initiative_id: (initiative_id != 0).then_some(initiative_id),
        receipt_code,
        input,
        attachments,
        held,
        submit_key,
        draft_saved_at,
    })
}

/// The typed form, rebuilt from the multipart fields (author rows by index).
fn input_from(form: &UploadForm) -> InitiativeInput {
    let mut authors: Vec<AuthorInput> = Vec::new();
    for (name, values) in &form.texts {
        let Some(rest) = name.strip_prefix("authors[") else {
            continue;
        };
        let Some((index, column)) = rest.split_once("][") else {
            continue;
        };
        let (Ok(index), Some(column)) = (index.parse::<usize>(), column.strip_suffix(']')) else {
            continue;
        };
        if index >= crate::domain::initiative::AUTHORS_MAX * 2 {
            continue;
        }
        if authors.len() <= index {
            authors.resize_with(index + 1, AuthorInput::default);
        }
        let value = values.first().cloned().unwrap_or_default();
        match column {
            "name" => authors[index].name = value,
            "job_title" => authors[index].job_title = value,
            "share" => authors[index].share = value,
            _ => {}
        }
    }
    InitiativeInput {
        kind: form.text("kind"),
        field_id: form.text("field_id"),
        title: form.text("title"),
        situation: form.text("situation"),
        solution: form.text("solution"),
        benefit: form.text("benefit"),
        scope: form.text("scope"),
        first_applied: form.text("first_applied"),
        author_mode: form.text("author_mode"),
        authors,
    }
}

/// Stores a submitted initiative; answers with its campaign and receipt. A new initiative that
/// passes the checks made without the database is stored by one statement; anything else (a
/// change, a refusal to explain, a rare conflict) takes the careful path below.
#[tracing::instrument(skip_all)]
pub async fn submit(data: MultipartData) -> Result<(i64, Receipt), AppError> {
    let (caller, form, removed) = upload_form::read_unit_upload(data).await?;
    let campaign_id = caller.campaign_id();
    let input = input_from(&form);
    let initiative_id: i64 = form.text("initiative_id").trim().parse().unwrap_or(0);
    let submit_key = form.text("submit_key").trim().to_owned();
    // Made by the page (`new_submit_key`): printable, bounded; PostgreSQL refuses NUL anyway.
    if submit_key.is_empty() || submit_key.len() > SUBMIT_KEY_MAX || submit_key.contains(char::is_control) {
        return Err(AppError::field("form", Problem::Required));
    }
    if initiative_id == 0 {
        if let Some(done) = register_fast(&caller, &input, &submit_key, &form).await? {
            return done.map(|receipt| (campaign_id, receipt));
        }
    }
    let unit_id = caller.unit_id();
    let form_key = form_key(initiative_id);
    let mut tx = pool()?.begin().await?;
    let campaign = db::unit_portal::campaign_for_write(&mut tx, campaign_id).await?;
    if initiative_id == 0 {
        // A repeat of a submit that already committed gets the same receipt.
        if let Some(done) = db::initiatives::find_by_key(&mut tx, campaign_id, unit_id, &submit_key).await? {
            return Ok((campaign_id, done));
        }
    }
    if !campaign.registration_open(Utc::now()) {
        return Err(AppError::field("form", Problem::RegistrationClosed));
    }
    let existing = match initiative_id {
        0 => None,
        id => Some(
            db::initiatives::get(&mut tx, campaign_id, unit_id, id, true)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
    };
    let draft_key = (campaign_id, unit_id, form_key.as_str());
    let mut files = match &existing {
        Some(row) => db::initiatives::attachments_of_initiative(&mut *tx, row.id).await?,
        None => Vec::new(),
    };
    files.extend(db::initiatives::attachments_of_draft(&mut *tx, draft_key).await?);
    let kept = kept_sizes(&files, &removed);
    let field_ids: Vec<i64> = db::initiatives::fields(&mut *tx, campaign_id)
        .await?
        .iter()
        .map(|f| f.id)
        .collect();
    let mut checks = Checks::default();
    let parsed = InitiativeText::parse(
        &input,
        Some(field_ids.as_slice()),
        latest_date(campaign.period_end),
    );
    if let Err(AppError::Invalid(problems)) = &parsed {
        checks.extend(problems.clone());
    }
    check_totals(&mut checks, "attachments", &kept, &form);
    if existing.is_none() && !db::initiatives::room_left(&mut tx, campaign_id, unit_id).await? {
        let max = campaign.max_initiatives;
        checks.check::<()>("form", Err(Problem::InitiativeCap { max }));
    }
    if let Err(refused) = checks.finish() {
        tx.rollback().await?;
        let draft = Draft { submit_key, input };
        let sent = respond::is_plain_form_post().then_some(SentFiles {
            form: &form,
            removed: &removed,
            kept: &kept,
        });
        refused_form::keep(draft_key, &draft, sent).await?;
        return Err(refused);
    }
    let text = parsed?;
    let receipt = match existing {
        Some(row) => {
            db::initiatives::update(&mut tx, row.id, &text).await?;
            db::initiatives::delete_initiative_attachments(&mut tx, row.id, &removed).await?;
            Receipt {
                initiative_id: row.id,
                receipt_code: row.receipt_code,
                is_new: false,
            }
        }
        None => match insert_new(&mut tx, campaign_id, unit_id, &submit_key, &text).await? {
            Inserted::New(receipt) => receipt,
            Inserted::Twin(receipt) => return Ok((campaign_id, receipt)),
        },
    };
    db::initiatives::replace_authors(&mut tx, receipt.initiative_id, &text.authors).await?;
    let owner = FileOwner::Initiative(receipt.initiative_id);
    db::draft_files::hand_over(&mut tx, draft_key, owner, &removed).await?;
    db::initiatives::insert_attachments(&mut tx, owner, &form.files).await?;
    // The held files ticked for removal go with the draft.
    db::drafts::delete(&mut tx, campaign_id, unit_id, &form_key).await?;
    tx.commit().await?;
    Ok((campaign_id, receipt))
}

/// The one-statement path for a new initiative; `None` when the careful path must decide.
async fn register_fast(
    caller: &UnitCaller,
    input: &InitiativeInput,
    submit_key: &str,
    form: &UploadForm,
) -> Result<Option<Result<Receipt, AppError>>, AppError> {
    let mut checks = Checks::default();
    check_totals(&mut checks, "attachments", &[], form);
    // The field and the date limit are checked by the statement itself.
    let (Ok(text), Ok(())) = (
        InitiativeText::parse(input, None, NaiveDate::MAX),
        checks.finish(),
    ) else {
        return Ok(None);
    };
    let new = NewInitiative {
        link_id: caller.link_id(),
        campaign_id: caller.campaign_id(),
        submit_key: submit_key.to_owned(),
        receipt_code: new_receipt_code(),
        text,
        // Kept in the form too: a submit the statement cannot decide goes the careful path.
        files: form.files.clone(),
    };
    Ok(match registrations()?.register(new).await? {
        Registered::Done(receipt) => Some(Ok(receipt)),
        Registered::LinkGone => Some(Err(AppError::LinkInvalid)),
        Registered::Closed => Some(Err(AppError::field("form", Problem::RegistrationClosed))),
        Registered::Recheck => None,
    })
}

enum Inserted {
    New(Receipt),
    /// The same submit, sent at the same time, committed first.
    Twin(Receipt),
}

async fn insert_new(
    tx: &mut sqlx::PgConnection,
    campaign_id: i64,
    unit_id: i64,
    submit_key: &str,
    text: &InitiativeText,
) -> Result<Inserted, AppError> {
    for _ in 0..RECEIPT_ATTEMPTS {
        let code = new_receipt_code();
        if let Some(id) = db::initiatives::insert(tx, campaign_id, unit_id, submit_key, &code, text).await? {
            return Ok(Inserted::New(Receipt {
                initiative_id: id,
                receipt_code: code,
                is_new: true,
            }));
        }
        if let Some(twin) = db::initiatives::find_by_key(tx, campaign_id, unit_id, submit_key).await? {
            return Ok(Inserted::Twin(twin));
        }
    }
    tracing::error!("no free receipt code after {RECEIPT_ATTEMPTS} attempts");
    Err(AppError::Internal)
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, draft.form = form))]
pub async fn save_draft(campaign_id: i64, form: &str, body: &str) -> Result<DateTime<Utc>, AppError> {
    let caller = access::unit(campaign_id).await?;
    if body.len() > DRAFT_MAX_BYTES {
        return Err(AppError::field("form", Problem::TooLong { max: DRAFT_MAX_BYTES }));
    }
    let draft: Draft =
        serde_json::from_str(body).map_err(|_| AppError::field("form", Problem::UnknownChoice))?;
    let pool = pool()?;
    let mut conn = pool.acquire().await?;
    if form != "new" {
        let id: i64 = form.parse().map_err(|_| AppError::NotFound)?;
        db::initiatives::get(&mut conn, campaign_id, caller.unit_id(), id, false)
            .await?
            .ok_or(AppError::NotFound)?;
    }
    let campaign = db::unit_portal::campaign(&mut *conn, campaign_id).await?;
    if !campaign.registration_open(Utc::now()) {
        return Err(AppError::field("form", Problem::RegistrationClosed));
    }
    db::drafts::save(&mut *conn, campaign_id, caller.unit_id(), form, &draft).await
}

/// Drops the form's draft (`form` = "new" or one of the unit's initiatives): the page opens as
/// new, or as the initiative was saved. Answers with the form's address.
#[tracing::instrument(skip_all, fields(campaign.id = campaign_id))]
pub async fn discard_draft(campaign_id: i64, form: &str) -> Result<String, AppError> {
    let caller = access::unit(campaign_id).await?;
    let pool = pool()?;
    let mut conn = pool.acquire().await?;
    let page = if form == "new" {
        format!("/unit/{campaign_id}/initiatives/new")
    } else {
        let id: i64 = form.parse().map_err(|_| AppError::NotFound)?;
        db::initiatives::get(&mut conn, campaign_id, caller.unit_id(), id, false)
            .await?
            .ok_or(AppError::NotFound)?;
        format!("/unit/{campaign_id}/initiatives/{id}/edit")
    };
    db::drafts::delete(&mut conn, campaign_id, caller.unit_id(), form).await?;
    Ok(page)
}

#[tracing::instrument(skip_all, fields(campaign.id = campaign_id, initiative.id = id))]
pub async fn detail(campaign_id: i64, id: i64) -> Result<InitiativeDetail, AppError> {
    let caller = access::unit(campaign_id).await?;
    let pool = pool()?;
    let mut conn = pool.acquire().await?;
    let content = content(&mut conn, campaign_id, (caller.unit_id(), caller.unit_name()), id).await?;
    let campaign = db::unit_portal::campaign(&mut *conn, campaign_id).await?;
    Ok(InitiativeDetail {
        campaign: unit_campaign(&caller, campaign),
        content,
    })
}

/// The registered initiative `id` of the unit (id, name) in the campaign, with its authors and
/// files; `NotFound` when the unit has no such initiative. For callers already checked.
pub async fn content(
    conn: &mut PgConnection,
    campaign_id: i64,
    (unit_id, unit_name): (i64, &str),
    id: i64,
) -> Result<InitiativeContent, AppError> {
    let row = db::initiatives::get(conn, campaign_id, unit_id, id, false)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(InitiativeContent {
        authors: db::initiatives::authors(&mut *conn, row.id, row.collective_author).await?,
        attachments: db::initiatives::attachments_of_initiative(&mut *conn, row.id).await?,
        id: row.id,
        receipt_code: row.receipt_code,
        kind: row.kind,
        unit_name: unit_name.to_owned(),
        field_name: row.field_name,
        title: row.title,
        situation: row.situation,
        solution: row.solution,
        benefit: row.benefit,
        scope: row.scope,
        first_applied: row.first_applied,
        submitted_at: row.submitted_at,
        updated_at: row.updated_at,
    })
}
