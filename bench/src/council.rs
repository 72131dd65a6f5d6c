//! The council's desk at scale, on the ranking benchmark's campaign (3,500 units, 20,000
//! initiatives) sent to a council of nine who have scored everything (180,000 sheets):
//! - one score changed to the new board: the sheet saved, the initiative's final score, level
//!   and flags recomputed and stored in the same transaction, then the standings query and the
//!   ranking the live board runs on the notification (library calls, 30 runs);
//! - a fresh member at the desk through the real HTTP path: "Lưu & tiếp" (submit, the next
//!   initiative chosen) and opening that next initiative, one after the other (200 each);
//! - thirty fresh members pressing "Lưu & tiếp" at the same instant, 50 times with a pause between
//!   (the aim's case), then saving without any pause for 10 s, each moving on to the next the
//!   server gives (a load no council makes: its throughput).
use anyhow::Context;
use app::domain::campaign::scoring::Scoring;
use app::domain::ranking::rank;
use sqlx::PgPool;
use std::time::{Duration, Instant};

const MEMBERS: usize = 9;
pub const SAVERS: usize = 30;
const PASSWORD: &str = "mat-khau-hoi-dong-do";
const RUNS: usize = 30;
const DESK_STEPS: usize = 200;
const MEASURE: Duration = Duration::from_secs(10);
pub const BURSTS: usize = 50;
const BURST_REST: Duration = Duration::from_millis(200);
const LINK_KEY: &str = "bench-link-key-of-at-least-32-characters";

pub struct Figures {
    pub sheets: i64,
    pub full_refresh: Duration,
    pub to_board_median: Duration,
    pub to_board_max: Duration,
    pub save_p50: Duration,
    pub save_p99: Duration,
    pub next_p50: Duration,
    pub next_p99: Duration,
    pub burst_p50: Duration,
    pub burst_p99: Duration,
    pub concurrent_p50: Duration,
    pub concurrent_p99: Duration,
    pub concurrent_per_second: usize,
    pub saves: usize,
    pub stored_equals_acknowledged: bool,
}

/// `pool` holds the imported units.
pub async fn run(pool: &PgPool, database_url: &str) -> anyhow::Result<Figures> {
    let campaign = crate::ranking::seed(pool).await?;
    let accounts = seat_council(pool, campaign).await?;
    let started = Instant::now();
    let mut conn = pool.acquire().await?;
    app::server::final_scores::refresh(&mut conn, campaign, None)
        .await
        .map_err(|e| anyhow::anyhow!("full refresh: {e:?}"))?;
    drop(conn);
    let full_refresh = started.elapsed();
    // As autovacuum does soon after 20,000 results are written: the planner sees them.
    sqlx::query("ANALYZE initiative_results").execute(pool).await?;
    let sheets: i64 = sqlx::query_scalar("SELECT count(*) FROM council_scores WHERE campaign_id = $1")
        .bind(campaign)
        .fetch_one(pool)
        .await?;
    let mut to_board = one_change_to_board(pool, campaign, accounts[0]).await?;
    to_board.sort();

    let config = server::config::Config {
        database_url: Some(database_url.to_owned()),
        address: "127.0.0.1:0".parse()?,
        data_dir: std::env::temp_dir(),
        link_key: Some(LINK_KEY.into()),
        login_policy: app::server::login_throttle::LoginPolicy {
            free_per_address: 100_000,
            free_per_account: 100_000,
            max_delay_secs: 1,
        },
        ..Default::default()
    };
    let base = crate::app_server::in_process(pool, &config).await?;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(SAVERS + 1)
        .build()?;
    let fresh = add_members(pool, campaign, SAVERS + 1).await?;
    let desk = Desk {
        client: client.clone(),
        base: base.clone(),
        campaign,
        criteria: 2,
    };
    let cookie = desk.sign_in(&fresh[0]).await?;
    let (mut saves, mut opens) = desk.walk(&cookie, DESK_STEPS).await?;
    saves.sort();
    opens.sort();

    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM council_scores WHERE state = 'submitted'")
        .fetch_one(pool)
        .await?;
    // Each member signed in with his desk open before the clock starts: only saves are timed.
    let mut seated = Vec::new();
    for name in &fresh[1..] {
        let cookie = desk.sign_in(name).await?;
        let first = desk.first(&cookie).await?;
        seated.push((cookie, first));
    }
    let gate = std::sync::Arc::new(tokio::sync::Barrier::new(seated.len()));
    let mut workers = tokio::task::JoinSet::new();
    for (cookie, first) in seated {
        let (desk, gate) = (desk.clone(), gate.clone());
        workers.spawn(async move {
            let (times, current) = desk.bursts(&cookie, first, &gate).await?;
            anyhow::Ok((times, cookie, current))
        });
    }
    let (mut bursts, mut seated) = (Vec::new(), Vec::new());
    for done in workers.join_all().await {
        let (times, cookie, current) = done?;
        bursts.extend(times);
        seated.push((cookie, current));
    }
    bursts.sort();
    let started = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for (cookie, current) in seated {
        let desk = desk.clone();
        workers.spawn(async move { desk.save_until(&cookie, current, started + MEASURE).await });
    }
    let mut concurrent = Vec::new();
    for done in workers.join_all().await {
        concurrent.extend(done?);
    }
    let elapsed = started.elapsed();
    concurrent.sort();
    // With the untimed first round: one save per member.
    let acknowledged = bursts.len() + SAVERS + concurrent.len();
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM council_scores WHERE state = 'submitted'")
        .fetch_one(pool)
        .await?;
    Ok(Figures {
        sheets,
        full_refresh,
        to_board_median: to_board[RUNS / 2],
        to_board_max: to_board[RUNS - 1],
        save_p50: percentile(&saves, 0.5),
        save_p99: percentile(&saves, 0.99),
        next_p50: percentile(&opens, 0.5),
        next_p99: percentile(&opens, 0.99),
        burst_p50: percentile(&bursts, 0.5),
        burst_p99: percentile(&bursts, 0.99),
        concurrent_p50: percentile(&concurrent, 0.5),
        concurrent_p99: percentile(&concurrent, 0.99),
        concurrent_per_second: (concurrent.len() as f64 / elapsed.as_secs_f64()) as usize,
        saves: acknowledged,
        stored_equals_acknowledged: after - before == acknowledged as i64,
    })
}

/// Criteria, thresholds, the campaign sent to its council, nine members at the organizer unit
/// (so recused on its own initiatives only) and every one of their sheets submitted.
async fn seat_council(pool: &PgPool, campaign: i64) -> anyhow::Result<Vec<i64>> {
    sqlx::raw_sql(&format!(
        "UPDATE campaigns SET state = 'evaluating', excellent_min = 90, good_min = 70, pass_min = 50 WHERE id = {campaign};
         INSERT INTO campaign_criteria (campaign_id, position, name, max_points)
             VALUES ({campaign}, 1, 'Tính mới', 50), ({campaign}, 2, 'Hiệu quả', 50);"
    ))
    .execute(pool)
    .await?;
    let members = add_members(pool, campaign, MEMBERS).await?;
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM accounts WHERE username = ANY($1) ORDER BY id")
        .bind(&members)
        .fetch_all(pool)
        .await?;
    sqlx::query(
        "INSERT INTO council_scores (initiative_id, account_id, campaign_id, state, half_points, comments, total)
         SELECT i.id, a.id, $1, 'submitted', ARRAY[h.one, h.two], ARRAY['', ''], h.one + h.two
         FROM initiatives i CROSS JOIN unnest($2::bigint[]) AS a(id)
         CROSS JOIN LATERAL (SELECT ((i.id * 7 + a.id * 13) % 101)::int AS one,
                                    ((i.id * 11 + a.id * 3) % 101)::int AS two) h
         WHERE i.campaign_id = $1",
    )
    .bind(campaign)
    .bind(&ids)
    .execute(pool)
    .await?;
    sqlx::query("ANALYZE").execute(pool).await?;
    Ok(ids)
}

/// `count` new evaluators at the organizer unit, seated in the council; their usernames.
async fn add_members(pool: &PgPool, campaign: i64, count: usize) -> anyhow::Result<Vec<String>> {
    let hash = app::server::auth::hash_password(PASSWORD.to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let taken: i64 = sqlx::query_scalar("SELECT count(*) FROM council_members WHERE campaign_id = $1")
        .bind(campaign)
        .fetch_one(pool)
        .await?;
    let names: Vec<String> = (0..count)
        .map(|n| format!("hd.do{}", taken as usize + n))
        .collect();
    sqlx::query(
        "WITH made AS (
             INSERT INTO accounts (username, display_name, password_hash, role, unit_id)
             SELECT n, 'Thành viên ' || n, $2, 'evaluator', (SELECT organizer_id FROM campaigns WHERE id = $1)
             FROM unnest($3::text[]) AS n RETURNING id)
         INSERT INTO council_members (campaign_id, account_id) SELECT $1, id FROM made",
    )
    .bind(campaign)
    .bind(&hash)
    .bind(&names)
    .execute(pool)
    .await?;
    Ok(names)
}

/// Changes one member's sheet and recomputes as a save does, then builds the board as the live
/// hub does on the notification; the time of both, per run.
async fn one_change_to_board(pool: &PgPool, campaign: i64, member: i64) -> anyhow::Result<Vec<Duration>> {
    let initiatives: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM initiatives WHERE campaign_id = $1 ORDER BY id LIMIT $2")
            .bind(campaign)
            .bind(RUNS as i64)
            .fetch_all(pool)
            .await?;
    let scoring = Scoring::default();
    let mut times = Vec::with_capacity(RUNS);
    for initiative in initiatives {
        let started = Instant::now();
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE council_scores SET half_points = ARRAY[100, 100], total = 200, version = version + 1
             WHERE initiative_id = $1 AND account_id = $2",
        )
        .bind(initiative)
        .bind(member)
        .execute(&mut *tx)
        .await?;
        app::server::final_scores::refresh(&mut tx, campaign, Some(&[initiative]))
            .await
            .map_err(|e| anyhow::anyhow!("refresh: {e:?}"))?;
        tx.commit().await?;
        let records = app::server::db::standings::unit_records(pool, campaign)
            .await
            .map_err(|e| anyhow::anyhow!("standings: {e:?}"))?;
        let facts: Vec<_> = records.into_iter().map(|r| r.facts).collect();
        let board = rank(&scoring, true, &facts);
        anyhow::ensure!(!board.is_empty(), "an empty board");
        times.push(started.elapsed());
    }
    Ok(times)
}

#[derive(Clone)]
struct Desk {
    client: reqwest::Client,
    base: String,
    campaign: i64,
    criteria: usize,
}

impl Desk {
    async fn sign_in(&self, username: &str) -> anyhow::Result<String> {
        crate::app_server::sign_in(&self.client, &self.base, username, PASSWORD).await
    }

    async fn post(
        &self,
        path: &str,
        cookie: &str,
        form: &[(String, String)],
    ) -> anyhow::Result<serde_json::Value> {
        let answer = self
            .client
            .post(format!("{}{path}", self.base))
            .header(reqwest::header::COOKIE, cookie)
            .form(form)
            .send()
            .await?;
        let status = answer.status();
        let text = answer.text().await?;
        anyhow::ensure!(status.is_success(), "{path}: {status} {text}");
        Ok(serde_json::from_str(&text)?)
    }

    async fn first(&self, cookie: &str) -> anyhow::Result<i64> {
        let queue = self
            .post(
                "/api/council_queue",
                cookie,
                &[("campaign_id".into(), self.campaign.to_string())],
            )
            .await?;
        queue["next"].as_i64().context("an empty queue")
    }

    /// Submits a sheet on `initiative`; the next initiative the server gives.
    async fn submit(&self, cookie: &str, initiative: i64, n: usize) -> anyhow::Result<Option<i64>> {
        let mut form = vec![
            ("campaign_id".to_owned(), self.campaign.to_string()),
            ("initiative_id".to_owned(), initiative.to_string()),
            ("action".to_owned(), "submit".to_owned()),
            ("version".to_owned(), "0".to_owned()),
        ];
        for i in 0..self.criteria {
            form.push((format!("points[{i}]"), format!("{}", 20 + (n + i) % 30)));
        }
        let saved = self.post("/api/save_score_sheet", cookie, &form).await?;
        Ok(saved["next"].as_i64())
    }

    /// "Lưu & tiếp" then opening the next initiative, `steps` times: both latencies.
    async fn walk(&self, cookie: &str, steps: usize) -> anyhow::Result<(Vec<Duration>, Vec<Duration>)> {
        let mut current = self.first(cookie).await?;
        let (mut saves, mut opens) = (Vec::new(), Vec::new());
        for n in 0..steps {
            let started = Instant::now();
            let next = self
                .submit(cookie, current, n)
                .await?
                .context("the queue ran out")?;
            saves.push(started.elapsed());
            let started = Instant::now();
            let form = [
                ("campaign_id".to_owned(), self.campaign.to_string()),
                ("initiative_id".to_owned(), next.to_string()),
            ];
            let opened = self.post("/api/council_initiative", cookie, &form).await?;
            anyhow::ensure!(opened["content"].is_object(), "no initiative: {opened}");
            opens.push(started.elapsed());
            current = next;
        }
        Ok((saves, opens))
    }

    /// `BURSTS` saves, each when every member is ready to press at once, with a pause between.
    async fn bursts(
        &self,
        cookie: &str,
        first: i64,
        gate: &tokio::sync::Barrier,
    ) -> anyhow::Result<(Vec<Duration>, i64)> {
        let (mut current, mut times) = (first, Vec::new());
        // One more round first, untimed: it opens the connections a running server already has.
        for n in 0..=BURSTS {
            gate.wait().await;
            let started = Instant::now();
            let next = self.submit(cookie, current, n).await?;
            if n > 0 {
                times.push(started.elapsed());
            }
            current = next.context("the queue ran out")?;
            gate.wait().await;
            tokio::time::sleep(BURST_REST).await;
        }
        Ok((times, current))
    }

    async fn save_until(&self, cookie: &str, first: i64, until: Instant) -> anyhow::Result<Vec<Duration>> {
        let mut current = first;
        let mut times = Vec::new();
        let mut n = 0;
        while Instant::now() < until {
            let started = Instant::now();
            let next = self.submit(cookie, current, n).await?;
            times.push(started.elapsed());
            n += 1;
            match next {
                Some(next) => current = next,
                None => break,
            }
        }
        Ok(times)
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let at = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[at]
}
