//! Campaign rows and their lists. A change locks the campaign row first (`lock_state`) so two
//! admins cannot interleave a state change with an edit; lists are replaced as a whole.
use crate::domain::access::Scope;
use crate::domain::campaign::general::{GeneralSettings, Schedule};
use crate::domain::campaign::scoring::Scoring;
use crate::domain::campaign::{AwardForm, Criterion, EvaluationMode, Recipient, Thresholds, Visibility};
use crate::domain::campaign_state::{CampaignState, DeadlineKind};
use crate::domain::council::final_score::{Combine, Quorum};
use crate::domain::deadline::Deadline;
use crate::error::{AppError, Problem};
use crate::wire::campaigns::{CampaignDetail, CampaignRef, CampaignSummary};
use crate::wire::units::{OrganizerOption, UnitRef};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgExecutor};

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    title: String,
    state: CampaignState,
    organizer_name: String,
    period_start: Option<NaiveDate>,
    period_end: Option<NaiveDate>,
    registration_deadline: Option<DateTime<Utc>>,
    unit_count: i64,
}

/// The campaigns organized inside `scope`.
pub async fn list(ex: impl PgExecutor<'_>, scope: Scope) -> Result<Vec<CampaignSummary>, AppError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT c.id, c.title, c.state, o.name AS organizer_name, c.period_start, c.period_end,
                c.registration_deadline,
                (SELECT count(*) FROM campaign_units cu WHERE cu.campaign_id = c.id) AS unit_count,
                c.results_released_at IS NOT NULL AS results_released
         FROM campaigns c JOIN units o ON o.id = c.organizer_id
         WHERE $1::bigint IS NULL OR c.organizer_id IN (SELECT id FROM unit_subtree($1))
         ORDER BY c.period_start DESC NULLS FIRST, c.id DESC",
    )
    .bind(scope.root())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| CampaignSummary {
            id: r.id,
            title: r.title,
            state: r.state,
            organizer_name: r.organizer_name,
            period_start: r.period_start,
            period_end: r.period_end,
            registration_deadline: r.registration_deadline.map(Deadline::from_instant),
            unit_count: r.unit_count,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    id: i64,
    title: String,
    theme: String,
    plan_ref: String,
    plan_date: Option<NaiveDate>,
    organizer_id: i64,
    organizer_code: String,
    organizer_name: String,
    period_start: Option<NaiveDate>,
    period_end: Option<NaiveDate>,
    registration_deadline: Option<DateTime<Utc>>,
    report_deadline: Option<DateTime<Utc>>,
    min_initiatives: i32,
    max_initiatives: i32,
    visibility: Visibility,
    state: CampaignState,
    excellent_min: Option<i32>,
    good_min: Option<i32>,
    pass_min: Option<i32>,
    points_commitment: i32,
    points_minimum: i32,
    points_report: i32,
    points_replication: i32,
    evaluation_mode: EvaluationMode,
    evaluation_weight: f64,
    final_combine: Combine,
    quorum: Quorum,
    disagreement_percent: i32,
    copied_from: Option<i64>,
    copied_from_title: Option<String>,
    unit_count: i64,
    results_released: bool,
}

/// One campaign with its lists, read at `now`; what it still lacks is left empty for the caller
/// (`server::campaigns::load`) to judge.
pub async fn detail_in(
    conn: &mut PgConnection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Option<CampaignDetail>, AppError> {
    let row: Option<DetailRow> = sqlx::query_as(
        "SELECT c.id, c.title, c.theme, c.plan_ref, c.plan_date, c.organizer_id,
                o.code AS organizer_code, o.name AS organizer_name, c.period_start, c.period_end,
                c.registration_deadline, c.report_deadline, c.min_initiatives, c.max_initiatives, c.visibility, c.state,
                c.excellent_min, c.good_min, c.pass_min, c.points_commitment, c.points_minimum,
                c.points_report, c.points_replication, c.evaluation_mode, c.evaluation_weight,
                c.final_combine, c.quorum, c.disagreement_percent, c.copied_from,
                s.title AS copied_from_title,
                (SELECT count(*) FROM campaign_units cu WHERE cu.campaign_id = c.id) AS unit_count,
                c.results_released_at IS NOT NULL AS results_released
         FROM campaigns c JOIN units o ON o.id = c.organizer_id
         LEFT JOIN campaigns s ON s.id = c.copied_from
         WHERE c.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else {
        return Ok(None);
    };
    let fields: Vec<String> =
        sqlx::query_scalar("SELECT name FROM campaign_fields WHERE campaign_id = $1 ORDER BY position")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let criteria: Vec<(String, i32)> = sqlx::query_as(
        "SELECT name, max_points FROM campaign_criteria WHERE campaign_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let award_forms: Vec<(String, Recipient)> = sqlx::query_as(
        "SELECT name, recipient FROM campaign_award_forms WHERE campaign_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let schedule = Schedule {
        period_start: r.period_start,
        period_end: r.period_end,
        registration_deadline: r.registration_deadline.map(Deadline::from_instant),
        report_deadline: r.report_deadline.map(Deadline::from_instant),
    };
    let thresholds = match (r.excellent_min, r.good_min, r.pass_min) {
        (Some(excellent), Some(good), Some(pass)) => Some(Thresholds {
            excellent,
            good,
            pass,
        }),
        _ => None,
    };
    Ok(Some(CampaignDetail {
        id: r.id,
        title: r.title,
        theme: r.theme,
        plan_ref: r.plan_ref,
        plan_date: r.plan_date,
        organizer: UnitRef {
            id: r.organizer_id,
            code: r.organizer_code,
            name: r.organizer_name,
        },
        schedule,
        min_initiatives: r.min_initiatives,
        max_initiatives: r.max_initiatives,
        visibility: r.visibility,
        state: r.state,
        results_held: r.state.has_results() && !r.results_released,
        thresholds,
        scoring: Scoring {
            points_commitment: r.points_commitment,
            points_minimum: r.points_minimum,
            points_report: r.points_report,
            points_replication: r.points_replication,
            evaluation_mode: r.evaluation_mode,
            evaluation_weight: r.evaluation_weight,
            final_combine: r.final_combine,
            quorum: r.quorum,
            disagreement_percent: r.disagreement_percent,
        },
        fields,
        criteria: criteria
            .into_iter()
            .map(|(name, max_points)| Criterion { name, max_points })
            .collect(),
        award_forms: award_forms
            .into_iter()
            .map(|(name, recipient)| AwardForm { name, recipient })
            .collect(),
        unit_count: r.unit_count,
        copied_from: r
            .copied_from
            .zip(r.copied_from_title)
            .map(|(id, title)| CampaignRef { id, title }),
        missing: Vec::new(),
        loaded_at: now,
    }))
}

/// Share-locks the campaign's row for the rest of the transaction and returns its state: many
/// such transactions run side by side, a state change waits for them (and they for it).
pub async fn share_state(conn: &mut PgConnection, id: i64) -> Result<CampaignState, AppError> {
    let state: Option<CampaignState> =
        sqlx::query_scalar("SELECT state FROM campaigns WHERE id = $1 FOR SHARE")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    state.ok_or(AppError::NotFound)
}

/// Locks the campaign's row for the rest of the transaction and returns its state.
/// Deletes a draft campaign with its lists and links (they cascade); its audit rows stay. The
/// caller has locked the row and checked the state.
pub async fn delete_draft(conn: &mut PgConnection, id: i64) -> Result<(), AppError> {
    sqlx::query("DELETE FROM campaigns WHERE id = $1 AND state = 'draft'")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn lock_state(conn: &mut PgConnection, id: i64) -> Result<CampaignState, AppError> {
    let state: Option<CampaignState> =
        sqlx::query_scalar("SELECT state FROM campaigns WHERE id = $1 FOR UPDATE")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    state.ok_or(AppError::NotFound)
}

pub async fn insert(
    conn: &mut PgConnection,
    settings: &GeneralSettings,
    organizer_id: i64,
    copied_from: Option<i64>,
) -> Result<i64, AppError> {
    let s = &settings.schedule;
    Ok(sqlx::query_scalar(
        "INSERT INTO campaigns (title, theme, plan_ref, plan_date, organizer_id, period_start, period_end,
             registration_deadline, report_deadline, min_initiatives, visibility, copied_from,
             max_initiatives)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(&settings.title)
    .bind(&settings.theme)
    .bind(&settings.plan_ref)
    .bind(settings.plan_date)
    .bind(organizer_id)
    .bind(s.period_start)
    .bind(s.period_end)
    .bind(s.registration_deadline.map(Deadline::instant))
    .bind(s.report_deadline.map(Deadline::instant))
    .bind(settings.min_initiatives)
    .bind(settings.visibility.as_str())
    .bind(copied_from)
    .bind(settings.max_initiatives)
    .fetch_one(conn)
    .await?)
}

pub async fn update_general(
    conn: &mut PgConnection,
    id: i64,
    settings: &GeneralSettings,
    organizer_id: i64,
) -> Result<(), AppError> {
    let s = &settings.schedule;
    sqlx::query(
        "UPDATE campaigns SET title = $2, theme = $3, plan_ref = $4, plan_date = $5, organizer_id = $6,
             period_start = $7, period_end = $8, registration_deadline = $9, report_deadline = $10,
             min_initiatives = $11, visibility = $12, max_initiatives = $13, updated_at = now()
         WHERE id = $1",
    )
    .bind(id)
    .bind(&settings.title)
    .bind(&settings.theme)
    .bind(&settings.plan_ref)
    .bind(settings.plan_date)
    .bind(organizer_id)
    .bind(s.period_start)
    .bind(s.period_end)
    .bind(s.registration_deadline.map(Deadline::instant))
    .bind(s.report_deadline.map(Deadline::instant))
    .bind(settings.min_initiatives)
    .bind(settings.visibility.as_str())
    .bind(settings.max_initiatives)
    .execute(conn)
    .await?;
    Ok(())
}

/// Makes published results public; false when they already were (or are not published).
pub async fn release_results(conn: &mut PgConnection, id: i64) -> Result<bool, AppError> {
    let done = sqlx::query(
        "UPDATE campaigns SET results_released_at = now(), updated_at = now()
         WHERE id = $1 AND state IN ('published', 'closed') AND results_released_at IS NULL",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_state(conn: &mut PgConnection, id: i64, state: CampaignState) -> Result<(), AppError> {
    sqlx::query("UPDATE campaigns SET state = $2, updated_at = now() WHERE id = $1")
        .bind(id)
        .bind(state.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_deadline(
    conn: &mut PgConnection,
    id: i64,
    kind: DeadlineKind,
    deadline: Deadline,
) -> Result<(), AppError> {
    let sql = match kind {
        DeadlineKind::Registration => {
            "UPDATE campaigns SET registration_deadline = $2, updated_at = now() WHERE id = $1"
        }
        DeadlineKind::Report => "UPDATE campaigns SET report_deadline = $2, updated_at = now() WHERE id = $1",
    };
    sqlx::query(sql)
        .bind(id)
        .bind(deadline.instant())
        .execute(conn)
        .await?;
    Ok(())
}

/// Empties one of the campaign's lists before it is written again.
async fn clear(conn: &mut PgConnection, table: &'static str, id: i64) -> Result<(), AppError> {
    sqlx::query(&format!("DELETE FROM {table} WHERE campaign_id = $1"))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn replace_fields(conn: &mut PgConnection, id: i64, fields: &[String]) -> Result<(), AppError> {
    clear(conn, "campaign_fields", id).await?;
    sqlx::query(
        "INSERT INTO campaign_fields (campaign_id, position, name)
         SELECT $1, t.ord, t.name FROM UNNEST($2::text[]) WITH ORDINALITY AS t(name, ord)",
    )
    .bind(id)
    .bind(fields)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn replace_criteria(
    conn: &mut PgConnection,
    id: i64,
    criteria: &[Criterion],
    thresholds: Option<Thresholds>,
) -> Result<(), AppError> {
    clear(conn, "campaign_criteria", id).await?;
    let names: Vec<&str> = criteria.iter().map(|c| c.name.as_str()).collect();
    let maxima: Vec<i32> = criteria.iter().map(|c| c.max_points).collect();
    sqlx::query(
        "INSERT INTO campaign_criteria (campaign_id, position, name, max_points)
         SELECT $1, t.ord, t.name, t.max_points
         FROM UNNEST($2::text[], $3::int[]) WITH ORDINALITY AS t(name, max_points, ord)",
    )
    .bind(id)
    .bind(&names)
    .bind(&maxima)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE campaigns SET excellent_min = $2, good_min = $3, pass_min = $4, updated_at = now()
         WHERE id = $1",
    )
    .bind(id)
    .bind(thresholds.map(|t| t.excellent))
    .bind(thresholds.map(|t| t.good))
    .bind(thresholds.map(|t| t.pass))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn update_scoring(conn: &mut PgConnection, id: i64, scoring: &Scoring) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE campaigns SET points_commitment = $2, points_minimum = $3, points_report = $4,
             evaluation_mode = $5, evaluation_weight = $6, final_combine = $7, quorum = $8,
             disagreement_percent = $9, points_replication = $10, updated_at = now()
         WHERE id = $1",
    )
    .bind(id)
    .bind(scoring.points_commitment)
    .bind(scoring.points_minimum)
    .bind(scoring.points_report)
    .bind(scoring.evaluation_mode.as_str())
    .bind(scoring.evaluation_weight)
    .bind(scoring.final_combine.as_str())
    .bind(scoring.quorum.as_str())
    .bind(scoring.disagreement_percent)
    .bind(scoring.points_replication)
    .execute(conn)
    .await?;
    Ok(())
}

/// Saves the campaign's award forms by position, so a kept form keeps its id, rule, decision
/// and awards (its rule is cleared when it changes recipient). A form that has awards must stay
/// at its position with its recipient: else `AwardFormInUse`, naming it.
pub async fn replace_award_forms(
    conn: &mut PgConnection,
    id: i64,
    forms: &[AwardForm],
) -> Result<(), AppError> {
    let used: Vec<(i32, String, String)> = sqlx::query_as(
        "SELECT f.position, f.name, f.recipient FROM campaign_award_forms f
         WHERE f.campaign_id = $1 AND EXISTS (SELECT 1 FROM awards a WHERE a.form_id = f.id)",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    for (position, name, recipient) in used {
        let kept = usize::try_from(position - 1)
            .ok()
            .and_then(|i| forms.get(i))
            .is_some_and(|f| f.recipient.as_str() == recipient);
        if !kept {
            return Err(AppError::field("award_forms", Problem::AwardFormInUse { name }));
        }
    }
    let names: Vec<&str> = forms.iter().map(|f| f.name.as_str()).collect();
    let recipients: Vec<&str> = forms.iter().map(|f| f.recipient.as_str()).collect();
    sqlx::query(
        "INSERT INTO campaign_award_forms (campaign_id, position, name, recipient)
         SELECT $1, t.ord, t.name, t.recipient
         FROM UNNEST($2::text[], $3::text[]) WITH ORDINALITY AS t(name, recipient, ord)
         ON CONFLICT (campaign_id, position) DO UPDATE SET
             name = EXCLUDED.name,
             recipient = EXCLUDED.recipient,
             rule = CASE WHEN campaign_award_forms.recipient = EXCLUDED.recipient
                         THEN campaign_award_forms.rule ELSE 'none' END,
             rule_count = CASE WHEN campaign_award_forms.recipient = EXCLUDED.recipient
                               THEN campaign_award_forms.rule_count END",
    )
    .bind(id)
    .bind(&names)
    .bind(&recipients)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM campaign_award_forms WHERE campaign_id = $1 AND position > $2")
        .bind(id)
        .bind(forms.len() as i32)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn exists(ex: impl PgExecutor<'_>, id: i64) -> Result<bool, AppError> {
    Ok(
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = $1)")
            .bind(id)
            .fetch_one(ex)
            .await?,
    )
}

pub async fn organizer_options(
    ex: impl PgExecutor<'_>,
    scope: Scope,
) -> Result<Vec<OrganizerOption>, AppError> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT u.code, u.name::text, p.name::text FROM units u LEFT JOIN units p ON p.id = u.parent_id
         WHERE u.active AND EXISTS (SELECT 1 FROM units c WHERE c.parent_id = u.id AND c.active)
           AND ($1::bigint IS NULL OR u.id IN (SELECT id FROM unit_subtree($1)))
         ORDER BY p.name NULLS FIRST, u.name, u.code",
    )
    .bind(scope.root())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(code, name, parent)| OrganizerOption { code, name, parent })
        .collect())
}
