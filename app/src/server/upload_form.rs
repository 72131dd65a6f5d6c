//! Reading a multipart form that carries text fields and attached files.
//!
//! Rules: the first field must be `campaign_id` (at most a few bytes), so the caller — the signed
//! unit cookie and its link, still live — is checked before anything else of the body is read.
//! Everything after it is limited while it streams, never counted afterwards: the number of text
//! fields and their bytes, the number of files, each file's size and all files together. A file
//! past a limit is not kept (its bytes are skipped as they arrive) and becomes a problem at the
//! file field. Files are checked by their content (PDF, JPEG, PNG). A photo may arrive up to
//! `MAX_PHOTO_MB` (a phone camera's, sent without scripts): it is shrunk as soon as it has arrived
//! (`photo_shrink`), and the form's total counts what is kept.
use crate::domain::initiative::attachment::{
    clean_file_name, jpeg_file_name, megabytes, AttachmentInfo, MediaType, MAX_FILES, MAX_FILE_MB,
    MAX_PHOTO_MB, MAX_TOTAL_MB,
};
use crate::error::{AppError, Checks, Problem};
use crate::server::access::UnitCaller;
use crate::server::photo_shrink;

use leptos::server_fn::codec::MultipartData;
use std::collections::HashMap;

/// A text field longer than this is not a form anybody typed.
const TEXT_FIELD_MAX_BYTES: usize = 64 * 1024;
/// All text fields of one form together (the longest initiative is far below this).
const TEXT_TOTAL_MAX_BYTES: usize = 512 * 1024;
/// Text fields of one form: an initiative with its 20 authors has about 80.
pub const MAX_TEXT_FIELDS: usize = 200;
/// The leading `campaign_id` is a number.
const CAMPAIGN_ID_MAX_BYTES: usize = 20;

#[derive(Debug, Clone)]
pub struct Upload {
    pub file_name: String,
    pub media_type: MediaType,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Default)]
pub struct UploadForm {
    pub texts: HashMap<String, Vec<String>>,
    pub files: Vec<Upload>,
    /// Files refused while reading (type, size), to report with the other problems.
    pub file_problems: Vec<Problem>,
}

impl UploadForm {
    /// The first value typed for `name`, or "".
    pub fn text(&self, name: &str) -> String {
        self.texts
            .get(name)
            .and_then(|v| v.first())
            .cloned()
            .unwrap_or_default()
    }

    pub fn all(&self, name: &str) -> &[String] {
        self.texts.get(name).map(Vec::as_slice).unwrap_or_default()
    }
}

/// The multipart stream, opened: its first field read as the campaign id.
pub struct OpenedForm {
    multipart: multer::Multipart<'static>,
    pub campaign_id: i64,
}

/// Reads the leading `campaign_id` field (a few bytes); anything else first is refused.
pub async fn open(data: MultipartData) -> Result<OpenedForm, AppError> {
    let mut multipart = data.into_inner().ok_or(AppError::Internal)?;
    let mut first = multipart
        .next_field()
        .await
        .ok()
        .flatten()
        .ok_or(AppError::NoUnitLink)?;
    if first.name() != Some("campaign_id") {
        return Err(AppError::NoUnitLink);
    }
    let mut text = Vec::new();
    while let Some(chunk) = first.chunk().await.map_err(|_| AppError::NoUnitLink)? {
        if text.len() + chunk.len() > CAMPAIGN_ID_MAX_BYTES {
            return Err(AppError::NoUnitLink);
        }
        text.extend_from_slice(&chunk);
    }
    drop(first);
    let campaign_id = std::str::from_utf8(&text)
        .ok()
        .and_then(|t| t.trim().parse().ok())
        .ok_or(AppError::NoUnitLink)?;
    Ok(OpenedForm {
        multipart,
        campaign_id,
    })
}

/// What a form has taken so far, checked against the limits as each field arrives.
#[derive(Default)]
struct Budget {
    text_fields: usize,
    text_bytes: usize,
    file_bytes: usize,
    files_refused_for_count: bool,
    files_refused_for_total: bool,
}

impl OpenedForm {
    /// Reads the rest: text fields, and the files of field `file_field` (each within the
    /// per-file limit and of an accepted type; refusals land in `file_problems`).
    pub async fn read(mut self, file_field: &str) -> Result<UploadForm, AppError> {
        let mut form = UploadForm::default();
        let mut budget = Budget::default();
        while let Some(field) = self.multipart.next_field().await.map_err(|_| transport())? {
            let name = field.name().unwrap_or_default().to_owned();
            if name == file_field {
                read_file(field, &mut form, &mut budget).await?;
            } else {
                budget.text_fields += 1;
                if budget.text_fields > MAX_TEXT_FIELDS {
                    return Err(AppError::field(
                        "form",
                        Problem::TooManyItems { max: MAX_TEXT_FIELDS },
                    ));
                }
                let text = read_text(field, &name, &mut budget).await?;
                form.texts.entry(name).or_default().push(text);
            }
        }
        Ok(form)
    }
}

async fn read_text(
    mut field: multer::Field<'static>,
    name: &str,
    budget: &mut Budget,
) -> Result<String, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|_| transport())? {
        budget.text_bytes += chunk.len();
        if bytes.len() + chunk.len() > TEXT_FIELD_MAX_BYTES || budget.text_bytes > TEXT_TOTAL_MAX_BYTES {
            return Err(AppError::field(
                name,
                Problem::TooLong {
                    max: TEXT_FIELD_MAX_BYTES,
                },
            ));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// One file: kept only while it fits the count, its own limit and the form's total.
async fn read_file(
    mut field: multer::Field<'static>,
    form: &mut UploadForm,
    budget: &mut Budget,
) -> Result<(), AppError> {
    let file_name = field.file_name().unwrap_or_default().to_owned();
    let over_count = form.files.len() >= MAX_FILES;
    let mut bytes = Vec::new();
    let mut seen = 0usize;
    let (mut too_large, mut limit_mb) = (false, MAX_FILE_MB);
    while let Some(chunk) = field.chunk().await.map_err(|_| transport())? {
        seen += chunk.len();
        if over_count || too_large {
            continue; // skipped as it streams: nothing of a refused file is held
        }
        bytes.extend_from_slice(&chunk);
        // Only a photo may be larger than a document: it is shrunk once it has arrived.
        limit_mb = if looks_like_photo(&bytes) {
            MAX_PHOTO_MB
        } else {
            MAX_FILE_MB
        };
        if seen > megabytes(limit_mb) {
            too_large = true;
            bytes = Vec::new();
        }
    }
    if file_name.is_empty() && seen == 0 {
        return Ok(()); // the file input was left empty
    }
    if over_count {
        if !budget.files_refused_for_count {
            budget.files_refused_for_count = true;
            form.file_problems.push(Problem::TooManyFiles { max: MAX_FILES });
        }
        return Ok(());
    }
    if too_large {
        form.file_problems
            .push(Problem::FileTooLarge { max_mb: limit_mb });
        return Ok(());
    }
    let Some(media_type) = infer::get(&bytes).and_then(|t| MediaType::from_mime(t.mime_type())) else {
        form.file_problems.push(Problem::FileType);
        return Ok(());
    };
    let Some((media_type, bytes)) = photo_shrink::shrink_if_large(media_type, bytes).await else {
        form.file_problems.push(Problem::FileType);
        return Ok(());
    };
    if bytes.len() > megabytes(MAX_FILE_MB) {
        form.file_problems
            .push(Problem::FileTooLarge { max_mb: MAX_FILE_MB });
        return Ok(());
    }
    if budget.file_bytes + bytes.len() > megabytes(MAX_TOTAL_MB) {
        if !budget.files_refused_for_total {
            budget.files_refused_for_total = true;
            form.file_problems
                .push(Problem::FilesTooLarge { max_mb: MAX_TOTAL_MB });
        }
        return Ok(());
    }
    budget.file_bytes += bytes.len();
    let file_name = match media_type {
        // A shrunk PNG is stored as JPEG: its name says so.
        MediaType::Jpeg => jpeg_file_name(&file_name),
        _ => file_name,
    };
    form.files.push(Upload {
        file_name: clean_file_name(&file_name),
        media_type,
        bytes,
    });
    Ok(())
}

/// A JPEG or PNG, judged from its first bytes (enough arrive with the first chunk).
fn looks_like_photo(first_bytes: &[u8]) -> bool {
    first_bytes.starts_with(&[0xFF, 0xD8, 0xFF]) || first_bytes.starts_with(b"\x89PNG")
}

/// Checks the count and total size of the files a form will keep (`kept`) plus the new ones.
pub fn check_totals(checks: &mut Checks, field: &str, kept: &[i32], form: &UploadForm) {
    for problem in &form.file_problems {
        checks.check::<()>(field, Err(problem.clone()));
    }
    let (count, bytes) = totals(kept, form);
    if count > MAX_FILES {
        checks.check::<()>(field, Err(Problem::TooManyFiles { max: MAX_FILES }));
    }
    if bytes > megabytes(MAX_TOTAL_MB) {
        checks.check::<()>(field, Err(Problem::FilesTooLarge { max_mb: MAX_TOTAL_MB }));
    }
}

/// The sizes of the files a form keeps: those it has (stored or held) but the ones it removes.
pub fn kept_sizes(files: &[AttachmentInfo], removed: &[i64]) -> Vec<i32> {
    files
        .iter()
        .filter(|a| !removed.contains(&a.id))
        .map(|a| a.size_bytes)
        .collect()
}

/// Whether the new files fit beside the kept ones (count and total size).
pub fn fits(kept: &[i32], form: &UploadForm) -> bool {
    let (count, bytes) = totals(kept, form);
    count <= MAX_FILES && bytes <= megabytes(MAX_TOTAL_MB)
}

/// How many files, and how many bytes, the kept ones and the new ones make.
fn totals(kept: &[i32], form: &UploadForm) -> (usize, usize) {
    let bytes = kept.iter().map(|b| *b as usize).sum::<usize>()
        + form.files.iter().map(|f| f.bytes.len()).sum::<usize>();
    (kept.len() + form.files.len(), bytes)
}

fn transport() -> AppError {
    AppError::Transport("the upload was cut off".into())
}

/// A unit's upload: requires this browser's unit link for the leading `campaign_id`, still live,
/// before reading the rest (files in `attachments`); also the ids of stored files the form drops
/// (`remove_attachment`).
pub async fn read_unit_upload(data: MultipartData) -> Result<(UnitCaller, UploadForm, Vec<i64>), AppError> {
    let opened = open(data).await?;
    let caller = crate::server::access::unit(opened.campaign_id).await?;
    let form = opened.read("attachments").await?;
    let removed = form
        .all("remove_attachment")
        .iter()
        .filter_map(|v| v.trim().parse().ok())
        .collect();
    Ok((caller, form, removed))
}
