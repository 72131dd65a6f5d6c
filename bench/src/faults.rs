//! Faults under load: 10,000 registrations from 50 clients to two app server processes (release
//! binary) on a private PostgreSQL cluster with fsync on, while one server is killed with SIGKILL
//! (twice, then started again) and PostgreSQL is stopped with `-m immediate` and started again.
//! Clients send each registration until they hold its receipt, with the same submit key, to the
//! other server after a failure, as the phone's outbox does. Meanwhile a council member saves
//! score sheets, the ceremony's console moves steps, and screens on both servers follow the board
//! (reconnecting as a browser's `EventSource` does). Afterwards every receipt must be in the
//! database, no registration stored twice, every acknowledged sheet and step stored, and every
//! screen must show the final count.
use crate::app_server::AppServer;
use crate::registration::{form_body, open_campaign, submit_request};
use anyhow::Context;
use server::embedded_postgres::EmbeddedPostgres;
use sqlx::PgPool;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::task::JoinSet;

pub const CLIENTS: usize = 50;
pub const REGISTRATIONS: usize = 10_000;
pub const SCREENS: usize = 20;
/// One registration per client this often: the run lasts about 45 s, so every fault lands in it.
pub const PACE: Duration = Duration::from_millis(220);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
const RETRY_PAUSE: Duration = Duration::from_millis(200);
/// A browser's `EventSource` waits about this long before it reconnects.
const SCREEN_RETRY: Duration = Duration::from_secs(1);
const COUNCIL: (&str, &str) = ("hd.chutich", "hoidong-demo-2026");
const COUNCIL_CAMPAIGN: i64 = 4;
const ADMIN: (&str, &str) = ("admin", "thidua-demo-2026");
const CEREMONY_CAMPAIGN: i64 = 3;

#[derive(Default)]
pub struct Figures {
    pub sent: usize,
    pub acknowledged: usize,
    pub receipts_found: usize,
    pub stored: usize,
    pub duplicates: usize,
    pub client_errors: usize,
    /// The longest any registration waited from its first send to its receipt.
    pub longest_wait: Duration,
    /// The longest stretch with no receipt given to any client.
    pub longest_silence: Duration,
    pub run_time: Duration,
    /// From the last receipt until every screen showed the final count.
    pub screens_caught_up: Duration,
    pub screens_reconnected: usize,
    pub sheets_acknowledged: usize,
    pub sheets_found: usize,
    pub steps_acknowledged: usize,
    pub last_step_found: bool,
    pub faults: Vec<(String, Duration)>,
}

pub async fn run() -> anyhow::Result<Figures> {
    let root = std::env::temp_dir().join(format!("thidua-bench-faults-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let pg = EmbeddedPostgres::start(&root).context("starting the private PostgreSQL")?;
    let result = run_on(&pg).await;
    pg.stop();
    let _ = std::fs::remove_dir_all(pg.cluster_dir());
    let _ = std::fs::remove_dir_all(&root);
    result
}

async fn run_on(pg: &EmbeddedPostgres) -> anyhow::Result<Figures> {
    let url = pg.database_url();
    let quiet = [("RUST_LOG", "warn")];
    let mut a = AppServer::start(&url, &[("THIDUA_DEMO", "1"), quiet[0]])?;
    a.wait_ready().await?;
    let mut b = AppServer::start(&url, &quiet)?;
    b.wait_ready().await?;
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(2)
        .connect(&url)
        .await?;
    let (campaign, field, tokens) = open_campaign(&pool).await?;
    let bases = [a.base.clone(), b.base.clone()];
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(REQUEST_TIMEOUT)
        .build()?;
    let mut cookies = Vec::new();
    for n in 0..CLIENTS {
        cookies.push(unit_cookie(&client, &bases[0], &tokens[n % tokens.len()]).await?);
    }
    let council = crate::app_server::sign_in(&client, &bases[0], COUNCIL.0, COUNCIL.1).await?;
    let admin = crate::app_server::sign_in(&client, &bases[0], ADMIN.0, ADMIN.1).await?;
    let last_step = start_ceremony(&client, &bases[0], &admin).await?;

    let board = Arc::new(ScreensState::default());
    let screen_client = reqwest::Client::new();
    let mut screens = JoinSet::new();
    for n in 0..SCREENS {
        let url = format!("{}/live/{campaign}/events", bases[n % 2]);
        let (client, board) = (screen_client.clone(), board.clone());
        screens.spawn(async move { follow(client, url, n, board).await });
    }

    let started = Instant::now();
    let acks = Arc::new(Mutex::new(Vec::<(Instant, String, Duration)>::new()));
    let errors = Arc::new(AtomicUsize::new(0));
    let mut clients = JoinSet::new();
    for (n, cookie) in cookies.into_iter().enumerate() {
        let sender = Sender {
            client: client.clone(),
            bases: bases.clone(),
            cookie,
            campaign,
            field,
            errors: errors.clone(),
        };
        let acks = acks.clone();
        clients.spawn(async move { sender.send_all(n, started, acks).await });
    }
    let side = Side {
        client: client.clone(),
        bases: bases.clone(),
        pool: pool.clone(),
        errors: errors.clone(),
    };
    let sheets = tokio::spawn({
        let side = side.clone();
        async move { side.save_sheets(&council, started).await }
    });
    let steps = tokio::spawn({
        let side = side.clone();
        async move { side.move_steps(&admin, last_step, started).await }
    });

    let progress = tokio::spawn({
        let (acks, board) = (acks.clone(), board.clone());
        async move {
            loop {
                tokio::time::sleep(Duration::from_secs(5)).await;
                let done = acks.lock().expect("acks").len();
                eprintln!(
                    "faults: {:>3} s, {done} receipts, screens at {:?}, failures {:?}",
                    started.elapsed().as_secs(),
                    board.counts().iter().min(),
                    ERROR_KINDS.lock().expect("errors")
                );
            }
        }
    });
    let mut faults = Vec::new();
    at(started, Duration::from_secs(8)).await;
    a.kill();
    faults.push(("app server A killed (SIGKILL)".to_owned(), started.elapsed()));
    tokio::time::sleep(Duration::from_secs(2)).await;
    a.restart()?;
    a.wait_ready().await?;
    faults.push(("app server A answering again".to_owned(), started.elapsed()));
    at(started, Duration::from_secs(20)).await;
    faults.push(("PostgreSQL stopped (-m immediate)".to_owned(), started.elapsed()));
    pg.crash_and_restart()?;
    faults.push(("PostgreSQL answering again".to_owned(), started.elapsed()));
    at(started, Duration::from_secs(32)).await;
    b.kill();
    faults.push(("app server B killed (SIGKILL)".to_owned(), started.elapsed()));
    tokio::time::sleep(Duration::from_secs(2)).await;
    b.restart()?;
    b.wait_ready().await?;
    faults.push(("app server B answering again".to_owned(), started.elapsed()));

    for done in clients.join_all().await {
        done?;
    }
    let (sheets_acknowledged, sheets_found) = sheets.await??;
    let (steps_acknowledged, last_acknowledged) = steps.await??;
    let run_time = started.elapsed();
    let acks = std::mem::take(&mut *acks.lock().expect("acks"));
    let last_ack = acks.iter().map(|(t, _, _)| *t).max().context("no receipts")?;
    let mut times: Vec<Instant> = acks.iter().map(|(t, _, _)| *t).collect();
    times.sort();
    let longest_silence = times.windows(2).map(|w| w[1] - w[0]).max().unwrap_or_default();
    let longest_wait = acks.iter().map(|(_, _, w)| *w).max().unwrap_or_default();
    let codes: Vec<String> = acks.iter().map(|(_, c, _)| c.clone()).collect();

    let receipts_found: i64 = sqlx::query_scalar(
        "SELECT count(DISTINCT receipt_code) FROM initiatives WHERE campaign_id = $1 AND receipt_code = ANY($2)",
    )
    .bind(campaign)
    .bind(&codes)
    .fetch_one(&pool)
    .await?;
    let (stored, distinct): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(DISTINCT title) FROM initiatives WHERE campaign_id = $1 AND title LIKE 'FAULT-%'",
    )
    .bind(campaign)
    .fetch_one(&pool)
    .await?;
    let step_stored: i32 = sqlx::query_scalar("SELECT step FROM ceremonies WHERE campaign_id = $1")
        .bind(CEREMONY_CAMPAIGN)
        .fetch_one(&pool)
        .await?;

    // Every screen shows every stored registration (the board counts all of the campaign's).
    let expected: i64 = sqlx::query_scalar("SELECT count(*) FROM initiatives WHERE campaign_id = $1")
        .bind(campaign)
        .fetch_one(&pool)
        .await?;
    let deadline = Instant::now() + Duration::from_secs(60);
    let screens_caught_up = loop {
        if let Some(latest) = board.all_reached(expected as usize) {
            break latest.saturating_duration_since(last_ack);
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "screens did not catch up: {:?} of {expected}",
            board.counts()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    screens.abort_all();
    progress.abort();
    Ok(Figures {
        sent: REGISTRATIONS,
        acknowledged: codes.len(),
        receipts_found: receipts_found as usize,
        stored: stored as usize,
        duplicates: (stored - distinct) as usize,
        client_errors: errors.load(Ordering::SeqCst),
        longest_wait,
        longest_silence,
        run_time,
        screens_caught_up,
        screens_reconnected: board.reconnects.load(Ordering::SeqCst),
        sheets_acknowledged,
        sheets_found,
        steps_acknowledged,
        last_step_found: last_acknowledged.is_none_or(|s| s == step_stored as usize),
        faults,
    })
}

/// The kinds of failure clients saw, with how often (printed as the run goes).
static ERROR_KINDS: Mutex<std::collections::BTreeMap<String, usize>> =
    Mutex::new(std::collections::BTreeMap::new());

fn note_error(e: &anyhow::Error) {
    let kind = match e.downcast_ref::<reqwest::Error>() {
        Some(e) if e.is_timeout() => "timeout".to_owned(),
        Some(e) if e.is_connect() => "connection refused".to_owned(),
        Some(e) if e.is_request() => "connection lost".to_owned(),
        Some(e) => format!("{e}"),
        None => e.to_string().chars().take(80).collect(),
    };
    *ERROR_KINDS.lock().expect("errors").entry(kind).or_default() += 1;
}

async fn at(started: Instant, offset: Duration) {
    tokio::time::sleep((started + offset).saturating_duration_since(Instant::now())).await;
}

async fn unit_cookie(client: &reqwest::Client, base: &str, token: &str) -> anyhow::Result<String> {
    let answer = client.get(format!("{base}/l/{token}")).send().await?;
    answer
        .headers()
        .get(reqwest::header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
        .context("opening a unit link set no unit cookie")
}

/// One phone's outbox: its registrations, each sent until a receipt comes back.
struct Sender {
    client: reqwest::Client,
    bases: [String; 2],
    cookie: String,
    campaign: i64,
    field: i64,
    errors: Arc<AtomicUsize>,
}

type Acks = Arc<Mutex<Vec<(Instant, String, Duration)>>>;

impl Sender {
    async fn send_all(&self, n: usize, started: Instant, acks: Acks) -> anyhow::Result<()> {
        let mut server = n % 2;
        for i in 0..REGISTRATIONS / CLIENTS {
            at(started, PACE * i as u32).await;
            let title = format!("FAULT-{n:02}-{i:03} Mô hình một cửa");
            let body = form_body(&[
                ("campaign_id", &self.campaign.to_string()),
                ("initiative_id", "0"),
                ("submit_key", &format!("fault-{n}-{i}")),
                ("kind", "model"),
                ("field_id", &self.field.to_string()),
                ("title", &title),
                ("situation", "Người dân phải chờ lâu ở bộ phận một cửa."),
                ("solution", "Lấy số thứ tự qua Zalo."),
                ("benefit", "Giảm một nửa thời gian chờ."),
                ("scope", "Toàn phường."),
                ("first_applied", "01/11/2026"),
                ("author_mode", "collective"),
            ]);
            let first_sent = Instant::now();
            let code = loop {
                match self.send(&self.bases[server], body.clone()).await {
                    Ok(code) => break code,
                    Err(e) if e.is::<Refused>() => return Err(e),
                    Err(e) => {
                        self.errors.fetch_add(1, Ordering::SeqCst);
                        note_error(&e);
                        server = 1 - server;
                        tokio::time::sleep(RETRY_PAUSE).await;
                    }
                }
            };
            acks.lock()
                .expect("acks")
                .push((Instant::now(), code, first_sent.elapsed()));
        }
        Ok(())
    }

    async fn send(&self, base: &str, body: Vec<u8>) -> anyhow::Result<String> {
        let answer = submit_request(&self.client, base, &self.cookie, body)
            .send()
            .await?;
        let status = answer.status();
        let text = answer.text().await?;
        if status.is_client_error() {
            return Err(Refused(format!("{status}: {text}")).into());
        }
        anyhow::ensure!(status.is_success(), "{status}: {text}");
        let receipt: serde_json::Value = serde_json::from_str(&text)?;
        receipt["receipt_code"]
            .as_str()
            .map(str::to_owned)
            .context("no receipt code")
    }
}

/// An answer that retrying cannot change (the benchmark is wrong, not the servers).
#[derive(Debug)]
struct Refused(String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "refused: {}", self.0)
    }
}

impl std::error::Error for Refused {}

/// The council member and the ceremony's console working through the faults.
#[derive(Clone)]
struct Side {
    client: reqwest::Client,
    bases: [String; 2],
    pool: PgPool,
    errors: Arc<AtomicUsize>,
}

impl Side {
    /// Posts a form until some server answers (for a minute at most); the status and body.
    async fn post(&self, path: &str, cookie: &str, form: &[(String, String)]) -> (u16, String) {
        let mut server = 0;
        for _ in 0..300 {
            let sent = self
                .client
                .post(format!("{}{path}", self.bases[server]))
                .header(reqwest::header::COOKIE, cookie)
                .form(form)
                .send()
                .await;
            if let Ok(answer) = sent {
                let status = answer.status().as_u16();
                if let (true, Ok(text)) = (status < 500, answer.text().await) {
                    return (status, text);
                }
            }
            self.errors.fetch_add(1, Ordering::SeqCst);
            server = 1 - server;
            tokio::time::sleep(RETRY_PAUSE).await;
        }
        (599, format!("{path}: no server answered for a minute"))
    }

    /// A draft sheet on each initiative of the member's queue in turn, one every 1.5 s; saves
    /// acknowledged, and how many of those are stored as sent.
    async fn save_sheets(&self, cookie: &str, started: Instant) -> anyhow::Result<(usize, usize)> {
        let campaign = [("campaign_id".to_owned(), COUNCIL_CAMPAIGN.to_string())];
        let (status, queue) = self.post("/api/council_queue", cookie, &campaign).await;
        anyhow::ensure!(status == 200, "council queue: {status} {queue}");
        let queue: serde_json::Value = serde_json::from_str(&queue)?;
        let entries: Vec<i64> = queue["entries"]
            .as_array()
            .context("no queue")?
            .iter()
            .filter(|e| e["status"].get("Todo").is_some() || e["status"] == "Skipped")
            .filter_map(|e| e["id"].as_i64())
            .collect();
        anyhow::ensure!(!entries.is_empty(), "nothing on the member's desk: {queue}");
        let mut acknowledged = Vec::new();
        let mut k = 0;
        while started.elapsed() < Duration::from_secs(40) {
            k += 1;
            let initiative = entries[k % entries.len()];
            let comment = format!("Nhận xét lần {k}");
            if self.save_sheet(cookie, initiative, &comment).await? {
                acknowledged.push((initiative, comment));
            }
            tokio::time::sleep(Duration::from_millis(1500)).await;
        }
        // Only the last acknowledged comment of each initiative is expected to be there.
        let mut last = std::collections::HashMap::new();
        for (initiative, comment) in &acknowledged {
            last.insert(*initiative, comment.clone());
        }
        let mut found = 0;
        for (initiative, comment) in &last {
            let stored: Option<String> = sqlx::query_scalar(
                "SELECT s.overall_comment FROM council_scores s JOIN accounts a ON a.id = s.account_id
                 WHERE s.initiative_id = $1 AND a.username = $2",
            )
            .bind(initiative)
            .bind(COUNCIL.0)
            .fetch_optional(&self.pool)
            .await?;
            found += usize::from(stored.as_ref() == Some(comment));
        }
        Ok((acknowledged.len(), acknowledged.len() - (last.len() - found)))
    }

    /// Reads the sheet's version and saves a draft with `comment`; whether the save was
    /// acknowledged (a lost answer is retried; a stale version is read again).
    async fn save_sheet(&self, cookie: &str, initiative: i64, comment: &str) -> anyhow::Result<bool> {
        for _ in 0..20 {
            let ids = [
                ("campaign_id".to_owned(), COUNCIL_CAMPAIGN.to_string()),
                ("initiative_id".to_owned(), initiative.to_string()),
            ];
            let (status, opened) = self.post("/api/council_initiative", cookie, &ids).await;
            anyhow::ensure!(status == 200, "council initiative: {status} {opened}");
            let opened: serde_json::Value = serde_json::from_str(&opened)?;
            if opened["sheet"]["overall"] == comment {
                // Stored, though its answer was lost.
                return Ok(false);
            }
            let mut form = ids.to_vec();
            form.push(("action".into(), "draft".into()));
            form.push(("version".into(), opened["version"].to_string()));
            form.push(("overall".into(), comment.into()));
            let (status, saved) = self.post("/api/save_score_sheet", cookie, &form).await;
            if status == 200 {
                return Ok(true);
            }
            anyhow::ensure!(saved.contains("StaleVersion"), "save: {status} {saved}");
        }
        anyhow::bail!("the sheet stayed stale")
    }

    /// Moves the live ceremony one step every 2 s, up and back short of the last step; steps
    /// acknowledged and the last one acknowledged.
    async fn move_steps(
        &self,
        cookie: &str,
        last: usize,
        started: Instant,
    ) -> anyhow::Result<(usize, Option<usize>)> {
        let (mut at, mut acknowledged, mut last_acknowledged) = (0, 0, None);
        let mut k = 0;
        while started.elapsed() < Duration::from_secs(40) {
            let to = if (k / (last - 1)).is_multiple_of(2) {
                at + 1
            } else {
                at - 1
            };
            k += 1;
            let form = [
                ("campaign_id".to_owned(), CEREMONY_CAMPAIGN.to_string()),
                ("action".to_owned(), "move".to_owned()),
                ("at".to_owned(), at.to_string()),
                ("to".to_owned(), to.to_string()),
            ];
            let (status, answer) = self.post("/api/control_ceremony", cookie, &form).await;
            if status == 200 {
                acknowledged += 1;
                last_acknowledged = Some(to);
            } else {
                // A retry after a lost answer: the step moved already.
                let step: i32 = sqlx::query_scalar("SELECT step FROM ceremonies WHERE campaign_id = $1")
                    .bind(CEREMONY_CAMPAIGN)
                    .fetch_one(&self.pool)
                    .await?;
                anyhow::ensure!(step as usize == to, "ceremony move: {status} {answer}");
            }
            at = to;
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
        Ok((acknowledged, last_acknowledged))
    }
}

/// Starts the demo's Quận 11 2022 ceremony live; its last step.
async fn start_ceremony(client: &reqwest::Client, base: &str, cookie: &str) -> anyhow::Result<usize> {
    let answer = client
        .post(format!("{base}/api/control_ceremony"))
        .header(reqwest::header::COOKIE, cookie)
        .form(&[
            ("campaign_id", CEREMONY_CAMPAIGN.to_string()),
            ("action", "start".to_owned()),
            ("at", "0".to_owned()),
            ("to", "0".to_owned()),
        ])
        .send()
        .await?
        .error_for_status()?;
    let console: serde_json::Value = serde_json::from_slice(&answer.bytes().await?)?;
    let last = console["script"].as_array().map_or(0, Vec::len).saturating_sub(1);
    anyhow::ensure!(last >= 3, "the demo ceremony has {last} steps");
    Ok(last)
}

/// What each screen shows: the registrations on its latest board, and when it first showed each
/// count.
#[derive(Default)]
struct ScreensState {
    latest: Mutex<Vec<(usize, Instant)>>,
    reconnects: AtomicUsize,
}

impl ScreensState {
    fn show(&self, screen: usize, count: usize) {
        let mut latest = self.latest.lock().expect("screens");
        if latest.len() <= screen {
            latest.resize(screen + 1, (0, Instant::now()));
        }
        if latest[screen].0 != count {
            latest[screen] = (count, Instant::now());
        }
    }

    /// When the last screen came to show `count`, once all show it.
    fn all_reached(&self, count: usize) -> Option<Instant> {
        let latest = self.latest.lock().expect("screens");
        (latest.len() == SCREENS && latest.iter().all(|(c, _)| *c == count))
            .then(|| latest.iter().map(|(_, t)| *t).max())
            .flatten()
    }

    fn counts(&self) -> Vec<usize> {
        self.latest
            .lock()
            .expect("screens")
            .iter()
            .map(|(c, _)| *c)
            .collect()
    }
}

/// One screen for ever: reads boards, and reconnects after `SCREEN_RETRY` when its stream ends.
async fn follow(client: reqwest::Client, url: String, screen: usize, state: Arc<ScreensState>) {
    let mut first = true;
    loop {
        if !first {
            state.reconnects.fetch_add(1, Ordering::SeqCst);
        }
        first = false;
        let _ = read_boards(&client, &url, screen, &state).await;
        tokio::time::sleep(SCREEN_RETRY).await;
    }
}

async fn read_boards(
    client: &reqwest::Client,
    url: &str,
    screen: usize,
    state: &ScreensState,
) -> anyhow::Result<()> {
    let mut response = client.get(url).send().await?.error_for_status()?;
    let mut buffer = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        buffer.extend_from_slice(&chunk);
        while let Some(end) = buffer.windows(2).position(|w| w == b"\n\n") {
            let event: Vec<u8> = buffer.drain(..end + 2).collect();
            let Some(json) = event.strip_prefix(b"event: board\ndata: ") else {
                continue;
            };
            let board: serde_json::Value = serde_json::from_slice(json.trim_ascii_end())?;
            let count = board["rows"].as_array().map_or(0, |rows| {
                rows.iter().filter_map(|r| r["initiatives"].as_i64()).sum()
            });
            state.show(screen, count as usize);
        }
    }
    Ok(())
}
