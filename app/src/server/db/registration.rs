//! Registering a new initiative in one statement, the path almost every submit takes: the link
//! behind the session is still live, the campaign open (its row share-locked against a state
//! change or an extension), the field and date valid, no earlier row with this submit key; then
//! the initiative, its authors and files are inserted and the draft removed, atomically. One
//! round trip instead of a dozen keeps a hall full of phones fast.
use super::map_err;
use crate::api::initiatives::Receipt;
use crate::domain::initiative::{Authors, InitiativeText};
use crate::error::AppError;
use crate::server::upload_form::Upload;
use sqlx::PgExecutor;

const REGISTER_SQL: &str = "
WITH link AS (
    SELECT unit_id FROM unit_links WHERE id = $1 AND campaign_id = $2 AND revoked_at IS NULL
), camp AS (
    SELECT state = 'open' AND registration_deadline >= now() AS open, period_end
    FROM campaigns WHERE id = $2 FOR SHARE
), checks AS (
    SELECT link.unit_id, camp.open,
           EXISTS (SELECT 1 FROM campaign_fields f WHERE f.id = $6 AND f.campaign_id = $2) AS field_ok,
           (camp.period_end IS NULL OR $12 <= camp.period_end) AS date_ok
    FROM link, camp
), earlier AS (
    SELECT i.id, i.receipt_code FROM initiatives i, link
    WHERE i.campaign_id = $2 AND i.unit_id = link.unit_id AND i.submit_key = $3
), ins AS (
    INSERT INTO initiatives (campaign_id, unit_id, submit_key, receipt_code, kind, field_id, title,
                             situation, solution, benefit, scope, first_applied, collective_author)
    SELECT $2, checks.unit_id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 FROM checks
    WHERE checks.open AND checks.field_ok AND checks.date_ok AND NOT EXISTS (SELECT 1 FROM earlier)
    ON CONFLICT DO NOTHING
    RETURNING id, receipt_code
), authors AS (
    INSERT INTO initiative_authors (initiative_id, position, name, job_title, share_percent)
    SELECT ins.id, a.ord - 1, a.name, a.job_title, a.share
    FROM ins, unnest($14::text[], $15::text[], $16::int[]) WITH ORDINALITY AS a(name, job_title, share, ord)
), files AS (
    INSERT INTO attachments (initiative_id, file_name, media_type, size_bytes, bytes)
    SELECT ins.id, f.name, f.media_type, f.size, f.bytes
    FROM ins, unnest($17::text[], $18::text[], $19::int[], $20::bytea[]) AS f(name, media_type, size, bytes)
), draft AS (
    DELETE FROM drafts d USING ins, link
    WHERE d.campaign_id = $2 AND d.unit_id = link.unit_id AND d.form = 'new'
)
SELECT (SELECT unit_id FROM link) AS unit_id,
       coalesce((SELECT open FROM checks), false) AS open,
       (SELECT id FROM ins) AS new_id, (SELECT receipt_code FROM ins) AS new_code,
       (SELECT id FROM earlier) AS earlier_id, (SELECT receipt_code FROM earlier) AS earlier_code";

#[derive(sqlx::FromRow)]
struct Outcome {
    unit_id: Option<i64>,
    open: bool,
    new_id: Option<i64>,
    new_code: Option<String>,
    earlier_id: Option<i64>,
    earlier_code: Option<String>,
}

/// What the statement did.
pub enum Registered {
    /// Stored now, or found stored by an earlier submit with the same key.
    Done(Receipt),
    /// The link behind the session was revoked.
    LinkGone,
    /// Registration is closed (state or deadline).
    Closed,
    /// Nothing stored: the field or date needs the full check, or a unique rule stopped the
    /// insert (a concurrent twin, a receipt code taken); the caller takes the careful path.
    Recheck,
}

pub struct NewInitiative<'a> {
    pub link_id: i64,
    pub campaign_id: i64,
    pub submit_key: &'a str,
    pub receipt_code: &'a str,
    pub text: &'a InitiativeText,
    pub files: &'a [Upload],
}

pub async fn register(ex: impl PgExecutor<'_>, new: NewInitiative<'_>) -> Result<Registered, AppError> {
    let text = new.text;
    let individuals = match &text.authors {
        Authors::Collective => &[][..],
        Authors::Individuals(list) => list.as_slice(),
    };
    let names: Vec<&str> = individuals.iter().map(|a| a.name.as_str()).collect();
    let jobs: Vec<&str> = individuals.iter().map(|a| a.job_title.as_str()).collect();
    let shares: Vec<i32> = individuals.iter().map(|a| a.share_percent).collect();
    let file_names: Vec<&str> = new.files.iter().map(|f| f.file_name.as_str()).collect();
    let types: Vec<&str> = new.files.iter().map(|f| f.media_type.mime()).collect();
    let sizes: Vec<i32> = new.files.iter().map(|f| f.bytes.len() as i32).collect();
    let bytes: Vec<&[u8]> = new.files.iter().map(|f| f.bytes.as_slice()).collect();
    let outcome: Outcome = sqlx::query_as(REGISTER_SQL)
        .bind(new.link_id)
        .bind(new.campaign_id)
        .bind(new.submit_key)
        .bind(new.receipt_code)
        .bind(text.kind.as_str())
        .bind(text.field_id)
        .bind(&text.title)
        .bind(&text.situation)
        .bind(&text.solution)
        .bind(&text.benefit)
        .bind(&text.scope)
        .bind(text.first_applied)
        .bind(text.authors == Authors::Collective)
        .bind(names)
        .bind(jobs)
        .bind(shares)
        .bind(file_names)
        .bind(types)
        .bind(sizes)
        .bind(bytes)
        .fetch_one(ex)
        .await
        .map_err(map_err)?;
    Ok(match outcome {
        Outcome {
            earlier_id: Some(initiative_id),
            earlier_code: Some(receipt_code),
            ..
        }
        | Outcome {
            new_id: Some(initiative_id),
            new_code: Some(receipt_code),
            ..
        } => Registered::Done(Receipt {
            initiative_id,
            receipt_code,
            is_new: true,
        }),
        Outcome { unit_id: None, .. } => Registered::LinkGone,
        Outcome { open: false, .. } => Registered::Closed,
        _ => Registered::Recheck,
    })
}
