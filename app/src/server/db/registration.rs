//! Registering new initiatives, the path almost every submit takes, several submits in one
//! statement: for each, the link behind the session is still live, the campaign open (its row
//! share-locked against a state change or an extension), the field and date valid, no earlier
//! row with its submit key; then the initiatives, their authors and files are inserted and the
//! drafts removed, atomically. Rows are inserted in (unit, submit key) order, so two batches
//! never wait on each other in opposite orders. Each submit's outcome comes back on its own.
use crate::api::initiatives::Receipt;
use crate::domain::initiative::{Author, Authors, InitiativeText};
use crate::error::AppError;
use crate::server::upload_form::Upload;
use sqlx::PgExecutor;

const REGISTER_SQL: &str = "
WITH input AS (
    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[],
                         $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::date[], $13::bool[])
        AS x(link_id, campaign_id, submit_key, receipt_code, kind, field_id, title, situation, solution,
             benefit, scope, first_applied, collective)
), linked AS MATERIALIZED (
    -- Submits whose link is still live, with its unit: the key lookup below then has all three
    -- columns of the unique index from one row, whatever plan PostgreSQL picks.
    SELECT x.*, l.unit_id FROM input x
    JOIN unit_links l ON l.id = x.link_id AND l.campaign_id = x.campaign_id AND l.revoked_at IS NULL
), camp AS (
    SELECT id, state = 'open' AND registration_deadline >= now() AS open, period_end
    FROM campaigns WHERE id IN (SELECT campaign_id FROM linked) FOR SHARE
), checked AS (
    SELECT x.*, coalesce(c.open, false) AS open,
           EXISTS (SELECT 1 FROM campaign_fields f WHERE f.id = x.field_id AND f.campaign_id = x.campaign_id)
               AND (c.period_end IS NULL OR x.first_applied <= c.period_end) AS valid,
           e.id AS earlier_id, e.receipt_code AS earlier_code
    FROM linked x
    LEFT JOIN camp c ON c.id = x.campaign_id
    LEFT JOIN initiatives e
        ON e.campaign_id = x.campaign_id AND e.unit_id = x.unit_id AND e.submit_key = x.submit_key
), ins AS (
    INSERT INTO initiatives (campaign_id, unit_id, submit_key, receipt_code, kind, field_id, title,
                             situation, solution, benefit, scope, first_applied, collective_author)
    SELECT campaign_id, unit_id, submit_key, receipt_code, kind, field_id, title, situation, solution,
           benefit, scope, first_applied, collective
    FROM checked WHERE open AND valid AND earlier_id IS NULL
    ORDER BY unit_id, submit_key
    ON CONFLICT DO NOTHING
    RETURNING id, receipt_code, campaign_id, unit_id
), authors AS (
    INSERT INTO initiative_authors (initiative_id, position, name, job_title, share_percent)
    SELECT ins.id, a.position, a.name, a.job_title, a.share
    FROM unnest($14::text[], $15::int[], $16::text[], $17::text[], $18::int[])
        AS a(receipt_code, position, name, job_title, share)
    JOIN ins USING (receipt_code)
), files AS (
    INSERT INTO attachments (initiative_id, file_name, media_type, size_bytes, bytes)
    SELECT ins.id, f.name, f.media_type, f.size, f.bytes
    FROM unnest($19::text[], $20::text[], $21::text[], $22::int[], $23::bytea[])
        AS f(receipt_code, name, media_type, size, bytes)
    JOIN ins USING (receipt_code)
), draft AS (
    DELETE FROM drafts d USING ins
    WHERE d.campaign_id = ins.campaign_id AND d.unit_id = ins.unit_id AND d.form = 'new'
)
SELECT x.receipt_code AS sent_code, c.unit_id, coalesce(c.open, false) AS open, ins.id AS new_id,
       c.earlier_id, c.earlier_code
FROM input x LEFT JOIN checked c USING (receipt_code) LEFT JOIN ins USING (receipt_code)";

#[derive(sqlx::FromRow)]
struct Outcome {
    sent_code: String,
    unit_id: Option<i64>,
    open: bool,
    new_id: Option<i64>,
    earlier_id: Option<i64>,
    earlier_code: Option<String>,
}

/// What the statement did with one submit.
#[derive(Debug)]
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

/// One submit of a new initiative, already parsed; the field and date limits are checked here.
pub struct NewInitiative {
    pub link_id: i64,
    pub campaign_id: i64,
    pub submit_key: String,
    /// Made by the caller, unique per submit: it also names the submit inside the batch.
    pub receipt_code: String,
    pub text: InitiativeText,
    pub files: Vec<Upload>,
}

/// Registers every submit of `batch` in one statement; outcomes in the order of `batch`.
pub async fn register(ex: impl PgExecutor<'_>, batch: &[NewInitiative]) -> Result<Vec<Registered>, AppError> {
    let column = |f: fn(&NewInitiative) -> &str| batch.iter().map(f).collect::<Vec<&str>>();
    let authors: Vec<(&str, i32, &Author)> = batch
        .iter()
        .flat_map(|new| {
            let list = match &new.text.authors {
                Authors::Collective => &[][..],
                Authors::Individuals(list) => list.as_slice(),
            };
            (0..)
                .zip(list)
                .map(move |(position, a)| (new.receipt_code.as_str(), position, a))
        })
        .collect();
    let files: Vec<(&str, &Upload)> = batch
        .iter()
        .flat_map(|new| new.files.iter().map(move |f| (new.receipt_code.as_str(), f)))
        .collect();
    let outcomes: Vec<Outcome> = sqlx::query_as(REGISTER_SQL)
        .bind(batch.iter().map(|n| n.link_id).collect::<Vec<_>>())
        .bind(batch.iter().map(|n| n.campaign_id).collect::<Vec<_>>())
        .bind(column(|n| &n.submit_key))
        .bind(column(|n| &n.receipt_code))
        .bind(column(|n| n.text.kind.as_str()))
        .bind(batch.iter().map(|n| n.text.field_id).collect::<Vec<_>>())
        .bind(column(|n| &n.text.title))
        .bind(column(|n| &n.text.situation))
        .bind(column(|n| &n.text.solution))
        .bind(column(|n| &n.text.benefit))
        .bind(column(|n| &n.text.scope))
        .bind(batch.iter().map(|n| n.text.first_applied).collect::<Vec<_>>())
        .bind(
            batch
                .iter()
                .map(|n| n.text.authors == Authors::Collective)
                .collect::<Vec<_>>(),
        )
        .bind(authors.iter().map(|(code, _, _)| *code).collect::<Vec<_>>())
        .bind(
            authors
                .iter()
                .map(|(_, position, _)| *position)
                .collect::<Vec<_>>(),
        )
        .bind(
            authors
                .iter()
                .map(|(_, _, a)| a.name.as_str())
                .collect::<Vec<_>>(),
        )
        .bind(
            authors
                .iter()
                .map(|(_, _, a)| a.job_title.as_str())
                .collect::<Vec<_>>(),
        )
        .bind(
            authors
                .iter()
                .map(|(_, _, a)| a.share_percent)
                .collect::<Vec<_>>(),
        )
        .bind(files.iter().map(|(code, _)| *code).collect::<Vec<_>>())
        .bind(
            files
                .iter()
                .map(|(_, f)| f.file_name.as_str())
                .collect::<Vec<_>>(),
        )
        .bind(files.iter().map(|(_, f)| f.media_type.mime()).collect::<Vec<_>>())
        .bind(
            files
                .iter()
                .map(|(_, f)| f.bytes.len() as i32)
                .collect::<Vec<_>>(),
        )
        .bind(files.iter().map(|(_, f)| f.bytes.as_slice()).collect::<Vec<_>>())
        .fetch_all(ex)
        .await?;
    Ok(batch
        .iter()
        .map(
            |new| match outcomes.iter().find(|o| o.sent_code == new.receipt_code) {
                Some(outcome) => registered(outcome, new),
                // A campaign that does not exist: the careful path answers.
                None => Registered::Recheck,
            },
        )
        .collect())
}

fn registered(outcome: &Outcome, new: &NewInitiative) -> Registered {
    match outcome {
        Outcome {
            earlier_id: Some(initiative_id),
            earlier_code: Some(receipt_code),
            ..
        } => Registered::Done(Receipt {
            initiative_id: *initiative_id,
            receipt_code: receipt_code.clone(),
            is_new: true,
        }),
        Outcome {
            new_id: Some(initiative_id),
            ..
        } => Registered::Done(Receipt {
            initiative_id: *initiative_id,
            receipt_code: new.receipt_code.clone(),
            is_new: true,
        }),
        Outcome { unit_id: None, .. } => Registered::LinkGone,
        Outcome { open: false, .. } => Registered::Closed,
        _ => Registered::Recheck,
    }
}
