//! Award forms' rules and decisions, and the awards themselves. The unique indexes of migration
//! `20261207000002` refuse a second award for one achievement; `insert` reports that as `false`.
use crate::error::AppError;
use chrono::NaiveDate;
use sqlx::{PgConnection, PgExecutor};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FormRow {
    pub id: i64,
    pub name: String,
    pub recipient: String,
    pub rule: String,
    pub rule_count: Option<i32>,
    pub decision_number: String,
    pub decision_date: Option<NaiveDate>,
    pub decision_signer: String,
}

pub async fn forms(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<FormRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT id, name, recipient, rule, rule_count, decision_number, decision_date, decision_signer
         FROM campaign_award_forms WHERE campaign_id = $1 ORDER BY position",
    )
    .bind(campaign_id)
    .fetch_all(ex)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AwardRow {
    pub id: i64,
    pub form_id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub initiative_id: Option<i64>,
    pub initiative_title: Option<String>,
    pub person_name: Option<String>,
    pub person_position: Option<String>,
    pub reason: String,
}

/// Every award of the campaign, in the order given.
pub async fn awards(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<AwardRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT a.id, a.form_id, a.unit_id, u.name::text AS unit_name, a.initiative_id,
                i.title AS initiative_title, a.person_name, a.person_position, a.reason
         FROM awards a JOIN units u ON u.id = a.unit_id
         LEFT JOIN initiatives i ON i.id = a.initiative_id
         WHERE a.campaign_id = $1 ORDER BY a.id",
    )
    .bind(campaign_id)
    .fetch_all(ex)
    .await?)
}

/// A named author of one of the campaign's initiatives.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuthorRow {
    pub initiative_id: i64,
    pub position: i32,
    pub name: String,
    pub job_title: String,
    pub unit_id: i64,
    pub title: String,
}

pub async fn authors(ex: impl PgExecutor<'_>, campaign_id: i64) -> Result<Vec<AuthorRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT a.initiative_id, a.position, a.name, a.job_title, i.unit_id, i.title
         FROM initiative_authors a JOIN initiatives i ON i.id = a.initiative_id
         WHERE i.campaign_id = $1 AND NOT i.collective_author
         ORDER BY i.id, a.position",
    )
    .bind(campaign_id)
    .fetch_all(ex)
    .await?)
}

/// Who an award goes to, as stored.
pub struct NewAward<'a> {
    pub campaign_id: i64,
    pub form_id: i64,
    pub unit_id: i64,
    /// An individual: the initiative, the name and the position.
    pub person: Option<(i64, &'a str, &'a str)>,
    pub reason: &'a str,
    pub added_by: i64,
}

/// Gives the award; `false` when the recipient already holds one for this achievement.
pub async fn insert(conn: &mut PgConnection, award: &NewAward<'_>) -> Result<bool, AppError> {
    let (initiative, name, position) = match award.person {
        Some((i, n, p)) => (Some(i), Some(n), Some(p)),
        None => (None, None, None),
    };
    let done = sqlx::query(
        "INSERT INTO awards (campaign_id, form_id, unit_id, initiative_id, person_name, person_position, reason, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT DO NOTHING",
    )
    .bind(award.campaign_id)
    .bind(award.form_id)
    .bind(award.unit_id)
    .bind(initiative)
    .bind(name)
    .bind(position)
    .bind(award.reason)
    .bind(award.added_by)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes an award of the campaign; `false` when there is no such award.
pub async fn delete(conn: &mut PgConnection, campaign_id: i64, award_id: i64) -> Result<bool, AppError> {
    let done = sqlx::query("DELETE FROM awards WHERE id = $1 AND campaign_id = $2")
        .bind(award_id)
        .bind(campaign_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_rule(
    conn: &mut PgConnection,
    form_id: i64,
    rule: &str,
    count: Option<i32>,
) -> Result<(), AppError> {
    sqlx::query("UPDATE campaign_award_forms SET rule = $2, rule_count = $3 WHERE id = $1")
        .bind(form_id)
        .bind(rule)
        .bind(count)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_decision(
    conn: &mut PgConnection,
    form_id: i64,
    (number, date, signer): (&str, NaiveDate, &str),
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE campaign_award_forms SET decision_number = $2, decision_date = $3, decision_signer = $4
         WHERE id = $1",
    )
    .bind(form_id)
    .bind(number)
    .bind(date)
    .bind(signer)
    .execute(conn)
    .await?;
    Ok(())
}
