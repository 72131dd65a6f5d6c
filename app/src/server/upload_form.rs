//! Reading a multipart form that carries text fields and attached files. The first field must
//! be `campaign_id`, so the caller is checked before the rest of the body is read. Files are
//! checked by their content (PDF, JPEG, PNG) and against the per-file, per-form and count limits.
use crate::domain::initiative::attachment::{
    clean_file_name, megabytes, MediaType, MAX_FILES, MAX_FILE_MB, MAX_TOTAL_MB,
};
use crate::error::{AppError, Checks, Problem};

use leptos::server_fn::codec::MultipartData;
use std::collections::HashMap;

/// A text field longer than this is not a form anybody typed.
const TEXT_FIELD_MAX_BYTES: usize = 64 * 1024;

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

/// Reads the leading `campaign_id` field; anything else first is refused.
pub async fn open(data: MultipartData) -> Result<OpenedForm, AppError> {
    let mut multipart = data.into_inner().ok_or(AppError::Internal)?;
    let first = multipart
        .next_field()
        .await
        .ok()
        .flatten()
        .ok_or(AppError::NoUnitLink)?;
    if first.name() != Some("campaign_id") {
        return Err(AppError::NoUnitLink);
    }
    let text = first.text().await.map_err(|_| AppError::NoUnitLink)?;
    let campaign_id = text.trim().parse().map_err(|_| AppError::NoUnitLink)?;
    Ok(OpenedForm {
        multipart,
        campaign_id,
    })
}

impl OpenedForm {
    /// Reads the rest: text fields, and the files of field `file_field` (each within the
    /// per-file limit and of an accepted type; refusals land in `file_problems`).
    pub async fn read(mut self, file_field: &str) -> Result<UploadForm, AppError> {
        let mut form = UploadForm::default();
        while let Some(mut field) = self.multipart.next_field().await.map_err(|_| transport())? {
            let name = field.name().unwrap_or_default().to_owned();
            if name == file_field {
                let file_name = field.file_name().unwrap_or_default().to_owned();
                let mut bytes = Vec::new();
                let mut too_large = false;
                while let Some(chunk) = field.chunk().await.map_err(|_| transport())? {
                    if bytes.len() + chunk.len() > megabytes(MAX_FILE_MB) {
                        too_large = true;
                        continue;
                    }
                    bytes.extend_from_slice(&chunk);
                }
                if file_name.is_empty() && bytes.is_empty() {
                    continue; // the file input was left empty
                }
                if too_large {
                    form.file_problems
                        .push(Problem::FileTooLarge { max_mb: MAX_FILE_MB });
                    continue;
                }
                let media_type = infer::get(&bytes).and_then(|t| MediaType::from_mime(t.mime_type()));
                let Some(media_type) = media_type else {
                    form.file_problems.push(Problem::FileType);
                    continue;
                };
                form.files.push(Upload {
                    file_name: clean_file_name(&file_name),
                    media_type,
                    bytes,
                });
            } else {
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|_| transport())? {
                    if bytes.len() + chunk.len() > TEXT_FIELD_MAX_BYTES {
                        return Err(AppError::field(
                            &name,
                            Problem::TooLong {
                                max: TEXT_FIELD_MAX_BYTES,
                            },
                        ));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                let text = String::from_utf8_lossy(&bytes).into_owned();
                form.texts.entry(name).or_default().push(text);
            }
        }
        Ok(form)
    }
}

/// Checks the count and total size of the files a form will keep (`kept`) plus the new ones.
pub fn check_totals(checks: &mut Checks, field: &str, kept: &[i32], form: &UploadForm) {
    for problem in &form.file_problems {
        checks.check::<()>(field, Err(problem.clone()));
    }
    if kept.len() + form.files.len() > MAX_FILES {
        checks.check::<()>(field, Err(Problem::TooManyFiles { max: MAX_FILES }));
    }
    let total: usize = kept.iter().map(|b| *b as usize).sum::<usize>()
        + form.files.iter().map(|f| f.bytes.len()).sum::<usize>();
    if total > megabytes(MAX_TOTAL_MB) {
        checks.check::<()>(field, Err(Problem::FilesTooLarge { max_mb: MAX_TOTAL_MB }));
    }
}

fn transport() -> AppError {
    AppError::Transport("the upload was cut off".into())
}

/// The unit link a session opened for one campaign (checked live later, before any write).
#[derive(Debug, Clone, Copy)]
pub struct BoundLink {
    pub campaign_id: i64,
    pub link_id: i64,
}

/// A unit's upload: requires a unit link in the session for the leading `campaign_id` before
/// reading the rest (files in `attachments`); also the ids of stored files the form drops
/// (`remove_attachment`).
pub async fn read_unit_upload(data: MultipartData) -> Result<(BoundLink, UploadForm, Vec<i64>), AppError> {
    let opened = open(data).await?;
    let link_id = crate::server::unit_access::bound_link(opened.campaign_id).await?;
    let bound = BoundLink {
        campaign_id: opened.campaign_id,
        link_id,
    };
    let form = opened.read("attachments").await?;
    let removed = form
        .all("remove_attachment")
        .iter()
        .filter_map(|v| v.trim().parse().ok())
        .collect();
    Ok((bound, form, removed))
}
