//! A refused unit form keeps what was sent as the form's draft, so nothing is typed or chosen
//! twice. The text always. The files only after a plain post (scripts off): its page comes back
//! from the server with an empty file input, while a page with scripts keeps its chosen files
//! itself. Of the files held before, those ticked for removal go; the new ones are held when
//! they fit beside the files the form keeps (stored and held), else the refusal says so.
use super::db::draft_files::{self, DraftKey};
use super::db::{self, initiatives::FileOwner};
use super::state::pool;
use super::upload_form::{fits, UploadForm};
use crate::error::AppError;
use serde::Serialize;

/// The files of a refused plain post: the form, the held files ticked for removal, and the sizes
/// of the files the form keeps.
pub struct SentFiles<'a> {
    pub form: &'a UploadForm,
    pub removed: &'a [i64],
    pub kept: &'a [i32],
}

/// Keeps `body` as the draft `key`, and `files` with it (`None`: a send with scripts).
pub async fn keep<T: Serialize + Sync>(
    key: DraftKey<'_>,
    body: &T,
    files: Option<SentFiles<'_>>,
) -> Result<(), AppError> {
    let (campaign, unit, form) = key;
    let mut tx = pool()?.begin().await?;
    db::drafts::save(&mut *tx, campaign, unit, form, body).await?;
    if let Some(sent) = files {
        draft_files::forget(&mut tx, key, sent.removed).await?;
        if fits(sent.kept, sent.form) {
            let owner = FileOwner::Draft(campaign, unit, form);
            db::initiatives::insert_attachments(&mut tx, owner, &sent.form.files).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
