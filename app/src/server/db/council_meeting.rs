//! The council's meeting as the secretary records it: its date, who was present, and per
//! initiative put to the vote how many agreed (`recognised` is decided by `domain::council`).
use crate::error::AppError;
use chrono::NaiveDate;
use sqlx::{PgConnection, PgExecutor};

pub struct MeetingRow {
    pub held_on: NaiveDate,
    pub present: Vec<i64>,
}

pub async fn meeting(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Option<MeetingRow>, AppError> {
    Ok(sqlx::query_as!(
        MeetingRow,
        r#"SELECT held_on AS "held_on: NaiveDate", present FROM council_meetings WHERE campaign_id = $1"#,
        campaign_id
    )
    .fetch_optional(ex)
    .await?)
}

pub struct VoteRow {
    pub initiative_id: i64,
    pub agreed: i32,
    pub present: i32,
    pub recognised: bool,
}

pub async fn votes(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<VoteRow>, AppError> {
    Ok(sqlx::query_as!(
        VoteRow,
        "SELECT initiative_id, agreed, present, recognised FROM council_votes WHERE campaign_id = $1",
        campaign_id
    )
    .fetch_all(ex)
    .await?)
}

pub async fn save_meeting(
    conn: &mut PgConnection,
    campaign_id: i64,
    held_on: NaiveDate,
    present: &[i64],
    recorded_by: i64,
) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO council_meetings (campaign_id, held_on, present, recorded_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (campaign_id) DO UPDATE SET held_on = EXCLUDED.held_on, present = EXCLUDED.present,
             recorded_by = EXCLUDED.recorded_by, updated_at = now()",
        campaign_id,
        // The `time` feature, on in some builds, would expect its own date type here.
        held_on as _,
        present,
        recorded_by
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Records the vote on one initiative, or with `None` takes it off the vote.
pub async fn set_vote(
    conn: &mut PgConnection,
    campaign_id: i64,
    initiative_id: i64,
    vote: Option<(i32, i32, bool)>,
) -> Result<(), AppError> {
    match vote {
        Some((agreed, present, recognised)) => {
            sqlx::query!(
                "INSERT INTO council_votes (initiative_id, campaign_id, agreed, present, recognised)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (initiative_id) DO UPDATE SET agreed = EXCLUDED.agreed,
                     present = EXCLUDED.present, recognised = EXCLUDED.recognised",
                initiative_id,
                campaign_id,
                agreed,
                present,
                recognised
            )
            .execute(conn)
            .await?;
        }
        None => {
            sqlx::query!(
                "DELETE FROM council_votes WHERE initiative_id = $1",
                initiative_id
            )
            .execute(conn)
            .await?;
        }
    }
    Ok(())
}
