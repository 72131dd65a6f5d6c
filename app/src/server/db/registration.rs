//! Registering new initiatives, the path almost every submit takes, several submits in one
//! statement: for each, the link behind the session is still live, the campaign open (its row
//! share-locked against a state change or an extension), the field and date valid, no files
//! held with the unit's draft (`db::draft_files`), no earlier row with its submit key; then the initiatives, their authors and files are inserted and the
//! drafts removed, atomically. Rows are inserted in (unit, submit key) order, so two batches
//! never wait on each other in opposite orders. Each submit's outcome comes back on its own.
use crate::domain::initiative::{Author, Authors, InitiativeText};
use crate::error::AppError;
use crate::server::upload_form::Upload;
use crate::wire::initiatives::Receipt;
use sqlx::PgExecutor;

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
    /// Nothing stored: the field or date needs the full check, the draft holds files, or a
    /// unique rule stopped the insert (a concurrent twin, a receipt code taken); the caller
    /// takes the careful path.
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
    let link_ids = batch.iter().map(|n| n.link_id).collect::<Vec<_>>();
    let campaign_ids = batch.iter().map(|n| n.campaign_id).collect::<Vec<_>>();
    let submit_keys = column(|n| &n.submit_key);
    let receipt_codes = column(|n| &n.receipt_code);
    let kinds = column(|n| n.text.kind.as_str());
    let field_ids = batch.iter().map(|n| n.text.field_id).collect::<Vec<_>>();
    let titles = column(|n| &n.text.title);
    let situations = column(|n| &n.text.situation);
    let solutions = column(|n| &n.text.solution);
    let benefits = column(|n| &n.text.benefit);
    let scopes = column(|n| &n.text.scope);
    let first_applied = batch.iter().map(|n| n.text.first_applied).collect::<Vec<_>>();
    let collective = batch
        .iter()
        .map(|n| n.text.authors == Authors::Collective)
        .collect::<Vec<_>>();
    let author_codes = authors.iter().map(|(code, _, _)| *code).collect::<Vec<_>>();
    let author_positions = authors
        .iter()
        .map(|(_, position, _)| *position)
        .collect::<Vec<_>>();
    let author_names = authors
        .iter()
        .map(|(_, _, a)| a.name.as_str())
        .collect::<Vec<_>>();
    let author_titles = authors
        .iter()
        .map(|(_, _, a)| a.job_title.as_str())
        .collect::<Vec<_>>();
    let author_shares = authors
        .iter()
        .map(|(_, _, a)| a.share_percent)
        .collect::<Vec<_>>();
    let file_codes = files.iter().map(|(code, _)| *code).collect::<Vec<_>>();
    let file_names = files
        .iter()
        .map(|(_, f)| f.file_name.as_str())
        .collect::<Vec<_>>();
    let file_types = files.iter().map(|(_, f)| f.media_type.mime()).collect::<Vec<_>>();
    let file_sizes = files
        .iter()
        .map(|(_, f)| f.bytes.len() as i32)
        .collect::<Vec<_>>();
    let file_bytes = files.iter().map(|(_, f)| f.bytes.as_slice()).collect::<Vec<_>>();
    let outcomes = sqlx::query_file_as!(
        Outcome,
        "src/server/db/register.sql",
        &link_ids,
        &campaign_ids,
        submit_keys.as_slice() as &[&str],
        receipt_codes.as_slice() as &[&str],
        kinds.as_slice() as &[&str],
        &field_ids,
        titles.as_slice() as &[&str],
        situations.as_slice() as &[&str],
        solutions.as_slice() as &[&str],
        benefits.as_slice() as &[&str],
        scopes.as_slice() as &[&str],
        // Borrowed text and bytes, not the owned `String`s and `Vec`s the check insists on (`as`
        // skips it for those); a date would be checked against `time::Date`, its `time` feature being on.
        first_applied as _,
        &collective,
        author_codes.as_slice() as &[&str],
        &author_positions,
        author_names.as_slice() as &[&str],
        author_titles.as_slice() as &[&str],
        &author_shares,
        file_codes.as_slice() as &[&str],
        file_names.as_slice() as &[&str],
        file_types.as_slice() as &[&str],
        &file_sizes,
        file_bytes.as_slice() as &[&[u8]],
    )
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
