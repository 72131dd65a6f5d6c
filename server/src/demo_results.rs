//! The demo's finished year: Quận 11's 2022 campaign (published) gets its registrations, a
//! council of three of the district that scored every initiative, the levels that follow, the
//! meeting's recognition vote and two exemplary initiatives, so its board shows evaluation
//! points. Loaded once, under its own mark, so a demo loaded before it existed gets it too.
use crate::demo_council::DEMO_COUNCIL_PASSWORD;
use app::domain::account::{Role, Username};
use app::domain::council::decision::{recognised, Level};
use app::server::{auth, db};
use chrono::{NaiveDate, TimeZone, Utc};
use sqlx::{PgConnection, PgPool};

const MARK: &str = "demo_results_2022_loaded";

/// (username, name, council role) of Quận 11's council in 2022.
pub const DEMO_COUNCIL_2022: [(&str, &str, &str); 3] = [
    ("hd11.chutich", "Huỳnh Văn Phúc", "chair"),
    ("hd11.thuky", "Trương Thị Lan", "secretary"),
    ("hd11.uyvien", "Mai Đức Thịnh", "member"),
];

pub async fn load_once(pool: &PgPool) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;
    let campaign = crate::demo_campaigns::claim_campaign(&mut tx, MARK, "Q11", "published").await?;
    if let Some(campaign) = campaign {
        load(&mut tx, campaign).await?;
        tx.commit().await?;
        tracing::info!("demo results of 2022 loaded");
    }
    Ok(())
}

fn fail(e: app::error::AppError) -> anyhow::Error {
    anyhow::anyhow!("demo results: {e:?}")
}

pub async fn load(conn: &mut PgConnection, campaign_id: i64) -> anyhow::Result<()> {
    let applied = NaiveDate::from_ymd_opt(2022, 5, 2).unwrap_or_default();
    crate::demo_registrations::load(conn, campaign_id, applied, 0).await?;
    // Registered in June 2022, not in the days before today.
    let june = Utc
        .with_ymd_and_hms(2022, 6, 28, 17, 0, 0)
        .single()
        .unwrap_or_default();
    for table in ["initiatives", "commitments"] {
        let column = if table == "initiatives" {
            "submitted_at"
        } else {
            "signed_at"
        };
        sqlx::query(&format!(
            "UPDATE {table} SET {column} = $2 - (now() - {column}) WHERE campaign_id = $1"
        ))
        .bind(campaign_id)
        .bind(june)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query("UPDATE initiatives SET updated_at = submitted_at WHERE campaign_id = $1")
        .bind(campaign_id)
        .execute(&mut *conn)
        .await?;
    let members = seat_council(conn, campaign_id).await?;
    score_everything(conn, campaign_id, &members).await?;
    app::server::final_scores::refresh(conn, campaign_id, None)
        .await
        .map_err(fail)?;
    record_meeting(conn, campaign_id, &members).await
}

async fn seat_council(conn: &mut PgConnection, campaign_id: i64) -> anyhow::Result<Vec<i64>> {
    let district: i64 = sqlx::query_scalar("SELECT organizer_id FROM campaigns WHERE id = $1")
        .bind(campaign_id)
        .fetch_one(&mut *conn)
        .await?;
    let hash = auth::hash_password(DEMO_COUNCIL_PASSWORD.to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut members = Vec::new();
    for (username, name, role) in DEMO_COUNCIL_2022 {
        let username = Username::parse(username).map_err(|p| anyhow::anyhow!("{p:?}"))?;
        let id = db::accounts::insert(
            &mut *conn,
            &username,
            name,
            &hash,
            Role::Evaluator,
            Some(district),
        )
        .await
        .map_err(fail)?;
        sqlx::query("INSERT INTO council_members (campaign_id, account_id, role) VALUES ($1, $2, $3)")
            .bind(campaign_id)
            .bind(id)
            .bind(role)
            .execute(&mut *conn)
            .await?;
        members.push(id);
    }
    Ok(members)
}

/// Every member scores every initiative: shares of each criterion's maximum spread from 45 %
/// to 95 %, close between members, so the levels range from không hoàn thành to xuất sắc.
async fn score_everything(conn: &mut PgConnection, campaign_id: i64, members: &[i64]) -> anyhow::Result<()> {
    let maxima: Vec<i32> = sqlx::query_scalar(
        "SELECT max_points FROM campaign_criteria WHERE campaign_id = $1 ORDER BY position",
    )
    .bind(campaign_id)
    .fetch_all(&mut *conn)
    .await?;
    let initiatives: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM initiatives WHERE campaign_id = $1 ORDER BY submitted_at, id")
            .bind(campaign_id)
            .fetch_all(&mut *conn)
            .await?;
    for (i, initiative) in initiatives.iter().enumerate() {
        for (m, member) in members.iter().enumerate() {
            let share = 45 + ((i * 37 + m * 3) % 51) as i32;
            crate::demo_council::submit_share(conn, (campaign_id, *initiative, *member), &maxima, share)
                .await?;
        }
    }
    Ok(())
}

/// The meeting of 25/11/2022: all three present; every initiative rated hoàn thành or better is
/// put to the vote (one of them gets only one vote in three, so is not recognised); the two best
/// are marked exemplary.
async fn record_meeting(conn: &mut PgConnection, campaign_id: i64, members: &[i64]) -> anyhow::Result<()> {
    let held_on = NaiveDate::from_ymd_opt(2022, 11, 25).unwrap_or_default();
    db::council_meeting::save_meeting(conn, campaign_id, held_on, members, members[1])
        .await
        .map_err(fail)?;
    let results: Vec<(i64, Option<String>)> = sqlx::query_as(
        "SELECT initiative_id, level FROM initiative_results WHERE campaign_id = $1 ORDER BY score DESC NULLS LAST, initiative_id",
    )
    .bind(campaign_id)
    .fetch_all(&mut *conn)
    .await?;
    let present = members.len() as u32;
    let proposed = results.iter().filter(|(_, level)| {
        level
            .as_deref()
            .and_then(Level::parse)
            .is_some_and(Level::proposed_for_recognition)
    });
    for (n, (initiative, _)) in proposed.enumerate() {
        let agreed = if n == 3 { 1 } else { present };
        let vote = (agreed as i32, present as i32, recognised(present, agreed));
        db::council_meeting::set_vote(conn, campaign_id, *initiative, Some(vote))
            .await
            .map_err(fail)?;
    }
    for (initiative, _) in results.iter().take(2) {
        db::council_chair::set_exemplary(conn, (campaign_id, *initiative), true)
            .await
            .map_err(fail)?;
    }
    Ok(())
}
