//! Files held with a form's draft: chosen in a refused plain post (scripts off) and kept, so the
//! unit does not choose them again. They belong to the draft's row and go with it (the foreign
//! key cascades) until the save that succeeds hands them, in its own transaction, to the
//! initiative or the report. Only the unit's own calls reach them: admins, the council and the
//! gallery read files through initiatives and reports, never through drafts.
use super::initiatives::FileOwner;
use crate::error::AppError;
use sqlx::PgConnection;

/// A draft: campaign, unit, form (`new`, an initiative's id, `report`).
pub type DraftKey<'a> = (i64, i64, &'a str);

/// Drops the listed files of the draft (ids of other owners are ignored).
pub async fn forget(
    conn: &mut PgConnection,
    (campaign, unit, form): DraftKey<'_>,
    ids: &[i64],
) -> Result<(), AppError> {
    sqlx::query(
        "DELETE FROM attachments WHERE draft_campaign = $1 AND draft_unit = $2 AND draft_form = $3 AND id = ANY($4)",
    )
    .bind(campaign)
    .bind(unit)
    .bind(form)
    .bind(ids)
    .execute(conn)
    .await?;
    Ok(())
}

/// Gives the draft's files, but those listed in `except`, to `owner` (an initiative or a report).
pub async fn hand_over(
    conn: &mut PgConnection,
    (campaign, unit, form): DraftKey<'_>,
    owner: FileOwner<'_>,
    except: &[i64],
) -> Result<(), AppError> {
    let (initiative, report, None) = owner.columns() else {
        return Err(AppError::Internal); // a draft's files never go to another draft
    };
    sqlx::query(
        "UPDATE attachments
         SET initiative_id = $4, report_campaign = $5, report_unit = $6,
             draft_campaign = NULL, draft_unit = NULL, draft_form = NULL
         WHERE draft_campaign = $1 AND draft_unit = $2 AND draft_form = $3 AND NOT id = ANY($7)",
    )
    .bind(campaign)
    .bind(unit)
    .bind(form)
    .bind(initiative)
    .bind(report.map(|r| r.0))
    .bind(report.map(|r| r.1))
    .bind(except)
    .execute(conn)
    .await?;
    Ok(())
}
