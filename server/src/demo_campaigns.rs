//! The demo campaigns: the real cases of DESIGN.md, configured and in sensible states (two
//! closed, one published and held for its conference, one being scored, one open now, one draft
//! copied from an earlier year), and a current one of the two-tier local government (Quảng Ninh
//! province with its xã, phường and đặc khu). Loaded once, in one transaction with its mark, so
//! two servers starting together cannot load them twice. Dates of the current campaigns are
//! relative to today.
use anyhow::Context;
use app::domain::campaign::general::{GeneralInput, GeneralSettings};
use app::domain::campaign_state::CampaignState;
use app::domain::deadline::format_date;
use app::server::state::LinkKey;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Asia::Ho_Chi_Minh;
use sqlx::{PgConnection, PgPool};

const MARK: &str = "demo_campaigns_loaded";

/// Which children of the organizer take part: all of them, or those of the given kinds.
enum Pick {
    All,
    Kinds(&'static [&'static str]),
}

struct Demo {
    title: String,
    theme: &'static str,
    plan_ref: &'static str,
    plan_date: String,
    organizer: &'static str,
    dates: [String; 4],
    pick: Pick,
    state: CampaignState,
}

fn day(d: NaiveDate) -> String {
    format_date(d)
}

fn demos(today: NaiveDate) -> Vec<Demo> {
    let fixed = |s: &str| s.to_owned();
    let rel = |days: i64| day(today + Duration::days(days));
    vec![
        Demo {
            title: fixed("Đợt thi đua cao điểm về cải cách hành chính"),
            theme: "Năm xây dựng chính quyền đô thị và cải thiện môi trường đầu tư",
            plan_ref: "Kế hoạch số 4776/KH-UBND",
            plan_date: fixed("23/10/2018"),
            organizer: "GV",
            dates: [
                fixed("23/10/2018"),
                fixed("31/01/2019"),
                fixed("03/11/2018"),
                fixed("27/01/2019"),
            ],
            pick: Pick::Kinds(&["ward"]),
            state: CampaignState::Closed,
        },
        Demo {
            title: fixed("Phong trào thi đua cải cách hành chính năm 2021"),
            theme: "Năm đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân",
            plan_ref: "Kế hoạch số 23/KH-UBND",
            plan_date: fixed("04/02/2021"),
            organizer: "Q1-NCT",
            dates: [
                fixed("04/02/2021"),
                fixed("15/12/2021"),
                fixed("31/03/2021"),
                fixed("30/11/2021"),
            ],
            pick: Pick::All,
            state: CampaignState::Closed,
        },
        Demo {
            title: fixed("Phong trào thi đua cải cách hành chính năm 2022"),
            theme: "Năm chuyển đổi số trong cải cách hành chính",
            plan_ref: "Kế hoạch số 52/KH-UBND",
            plan_date: fixed("05/04/2022"),
            organizer: "Q11",
            dates: [
                fixed("10/04/2022"),
                fixed("05/12/2022"),
                fixed("30/06/2022"),
                fixed("15/11/2022"),
            ],
            pick: Pick::All,
            state: CampaignState::Published,
        },
        Demo {
            title: format!("Sáng kiến cải cách hành chính phường năm {}", today.year()),
            theme: "Năm nâng cao chất lượng giải quyết thủ tục hành chính",
            plan_ref: "Kế hoạch số 118/KH-UBND",
            plan_date: rel(-200),
            organizer: "Q10",
            dates: [rel(-195), rel(30), rel(-20), rel(20)],
            pick: Pick::Kinds(&["ward"]),
            state: CampaignState::Evaluating,
        },
        Demo {
            title: format!("Phong trào thi đua cải cách hành chính năm {}", today.year()),
            theme: "Năm đẩy mạnh chuyển đổi số, phục vụ người dân và doanh nghiệp",
            plan_ref: "Kế hoạch số 305/KH-UBND",
            plan_date: rel(-16),
            organizer: "MC",
            dates: [rel(-14), rel(200), rel(30), rel(150)],
            pick: Pick::All,
            state: CampaignState::Open,
        },
    ]
}

/// The current campaign of a province since 1 July 2025: its communes take part directly.
fn two_tier(today: NaiveDate) -> Demo {
    let rel = |days: i64| day(today + Duration::days(days));
    Demo {
        title: format!(
            "Phong trào thi đua cải cách hành chính cấp xã năm {}",
            today.year()
        ),
        theme: "Năm vận hành chính quyền địa phương hai cấp thông suốt, phục vụ người dân tốt hơn",
        plan_ref: "Kế hoạch số 210/KH-UBND",
        // Opened two weeks ago: its demo commitments and registrations (the last twelve days)
        // fall inside the period.
        plan_date: rel(-16),
        organizer: "QN",
        dates: [rel(-14), rel(210), rel(40), rel(170)],
        pick: Pick::Kinds(&["ward", "special_zone"]),
        state: CampaignState::Open,
    }
}

pub async fn load(pool: &PgPool, key: &LinkKey) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;
    if !claim_mark(&mut tx, MARK).await? {
        return Ok(());
    }
    let admin: i64 =
        sqlx::query_scalar("SELECT id FROM accounts WHERE role = 'system_admin' ORDER BY id LIMIT 1")
            .fetch_one(&mut *tx)
            .await
            .context("demo data needs an admin account")?;
    let today = Utc::now().with_timezone(&Ho_Chi_Minh).date_naive();
    let mut ids = Vec::new();
    for demo in demos(today) {
        ids.push(insert(&mut tx, key, admin, &demo).await?);
    }
    // The campaign being scored and the one open now have registrations.
    crate::demo_registrations::load(&mut tx, ids[3], today - Duration::days(120), 25).await?;
    crate::demo_registrations::load(&mut tx, ids[4], today - Duration::days(20), 0).await?;
    // Next year's Quận 11 campaign, being prepared from the 2022 one.
    let title = app::domain::campaign::shift_years_in_text(&demos(today)[2].title, 5);
    app::server::campaigns::copy_in(&mut tx, admin, ids[2], title, 5)
        .await
        .map_err(fail)?;
    let province = insert(&mut tx, key, admin, &two_tier(today)).await?;
    crate::demo_registrations::load(&mut tx, province, today - Duration::days(8), 0).await?;
    tx.commit().await?;
    tracing::info!("demo campaigns loaded");
    Ok(())
}

/// Claims a part of the demo data, once: false when it was loaded already (several app servers
/// starting together: one claims it, in the caller's transaction).
pub async fn claim_mark(conn: &mut PgConnection, mark: &str) -> anyhow::Result<bool> {
    let claimed: Option<String> = sqlx::query_scalar(
        "INSERT INTO app_meta (key, value) VALUES ($1, now()::text) ON CONFLICT DO NOTHING RETURNING key",
    )
    .bind(mark)
    .fetch_optional(conn)
    .await?;
    Ok(claimed.is_some())
}

/// Claims `mark` and finds the first campaign organized by the unit `organizer` in `state`: the
/// campaign when both succeed, so the caller loads its part of the demo into it.
pub async fn claim_campaign(
    conn: &mut PgConnection,
    mark: &str,
    organizer: &str,
    state: &str,
) -> anyhow::Result<Option<i64>> {
    if !claim_mark(&mut *conn, mark).await? {
        return Ok(None);
    }
    Ok(sqlx::query_scalar(
        "SELECT c.id FROM campaigns c JOIN units u ON u.id = c.organizer_id
         WHERE u.code = $1 AND c.state = $2 ORDER BY c.id LIMIT 1",
    )
    .bind(organizer)
    .bind(state)
    .fetch_optional(conn)
    .await?)
}

fn fail(e: app::error::AppError) -> anyhow::Error {
    anyhow::anyhow!("demo campaign: {e:?}")
}

async fn insert(conn: &mut PgConnection, key: &LinkKey, admin: i64, demo: &Demo) -> anyhow::Result<i64> {
    let [start, end, registration, report] = demo.dates.clone();
    let input = GeneralInput {
        title: demo.title.clone(),
        theme: demo.theme.to_owned(),
        plan_ref: demo.plan_ref.to_owned(),
        plan_date: demo.plan_date.clone(),
        organizer_code: demo.organizer.to_owned(),
        period_start: start,
        period_end: end,
        registration_deadline: registration,
        report_deadline: report,
        min_initiatives: "1".into(),
        max_initiatives: "50".into(),
        visibility: "public".into(),
    };
    let settings = GeneralSettings::parse(&input).map_err(fail)?;
    let id = app::server::campaigns::create_in(conn, admin, &settings)
        .await
        .map_err(fail)?;
    let kinds: Option<Vec<&str>> = match demo.pick {
        Pick::All => None,
        Pick::Kinds(kinds) => Some(kinds.to_vec()),
    };
    sqlx::query(
        "INSERT INTO campaign_units (campaign_id, unit_id)
         SELECT $1, id FROM units WHERE parent_id = (SELECT id FROM units WHERE code = $2) AND active AND ($3::text[] IS NULL OR kind = ANY($3))",
    )
    .bind(id)
    .bind(settings.organizer_code.as_str())
    .bind(kinds)
    .execute(&mut *conn)
    .await?;
    let mut state = CampaignState::Draft;
    while state != demo.state {
        let Some(next) = state.next() else { break };
        app::server::campaign_lifecycle::set_state_in(conn, key, admin, id, state, next)
            .await
            .map_err(fail)?;
        state = next;
    }
    // Closed years are public (closing releases); the published one waits for its ceremony.
    Ok(id)
}
