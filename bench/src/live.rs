//! Live boards at scale, with real app server processes (the release binary in `SERVER_BIN`) on
//! one PostgreSQL, client and servers on the same machine. Latency: 10,000 screens split over two
//! servers follow one campaign while a registration is committed every second; for each
//! registration and screen, the time from the commit's acknowledgement to the first board on that
//! screen that lists it. Memory: two fresh servers' resident memory with 10 screens open on each,
//! then with 5,000 on each, divided by the difference. The benchmark's process holds 10,000
//! sockets: `./x bench` raises its file limit to the hard limit first.
use crate::app_server::AppServer;
use anyhow::Context;
use sqlx::PgPool;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::watch;
use tokio::task::JoinSet;

pub const SCREENS: usize = 10_000;
/// Per server, on two.
pub const IDLE_SCREENS: usize = 5_000;
pub const UNITS: i64 = 60;
pub const REGISTRATIONS: usize = 30;
pub const EVERY: Duration = Duration::from_secs(1);
const BASELINE_SCREENS: usize = 10;
const MARKER: &[u8] = b"BENCH-";

pub struct Figures {
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
    pub received: usize,
    pub expected: usize,
    pub rss_baseline_kb: u64,
    pub rss_loaded_kb: u64,
}

impl Figures {
    pub fn kb_per_idle_screen(&self) -> f64 {
        (self.rss_loaded_kb.saturating_sub(self.rss_baseline_kb)) as f64
            / (2 * (IDLE_SCREENS - BASELINE_SCREENS)) as f64
    }
}

pub async fn run(pool: &PgPool, database_url: &str) -> anyhow::Result<Figures> {
    let campaign = seed(pool).await?;
    let (a, b) = (
        AppServer::start(database_url, &[])?,
        AppServer::start(database_url, &[])?,
    );
    a.wait_ready().await?;
    b.wait_ready().await?;
    let (latencies, expected) = latency(pool, campaign, [&a.base, &b.base]).await?;
    drop((a, b));
    let (c, d) = (
        AppServer::start(database_url, &[])?,
        AppServer::start(database_url, &[])?,
    );
    c.wait_ready().await?;
    d.wait_ready().await?;
    let (c_baseline, c_loaded) = idle_memory(&c, campaign).await?;
    let (d_baseline, d_loaded) = idle_memory(&d, campaign).await?;
    let (rss_baseline_kb, rss_loaded_kb) = (c_baseline + d_baseline, c_loaded + d_loaded);
    let at = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
    Ok(Figures {
        p50: at(0.5),
        p99: at(0.99),
        max: at(1.0),
        received: latencies.len(),
        expected,
        rss_baseline_kb,
        rss_loaded_kb,
    })
}

/// One open public campaign of `UNITS` wards.
async fn seed(pool: &PgPool) -> anyhow::Result<i64> {
    let campaign = sqlx::query_scalar(
        "WITH org AS (INSERT INTO units (code, name, search_key, kind) VALUES ('Q1', 'Quận 1', 'quan 1', 'district') RETURNING id),
              wards AS (INSERT INTO units (code, name, search_key, kind, parent_id)
                        SELECT 'Q1-P' || g, 'Phường ' || g, 'phuong ' || g, 'ward', org.id FROM org, generate_series(1, $1) g RETURNING id),
              c AS (INSERT INTO campaigns (title, organizer_id, registration_deadline, report_deadline, state,
                                           max_initiatives)
                    SELECT 'Thi đua CCHC (đo)', id, now() + interval '1 day', now() + interval '30 days', 'open',
                           1000000 FROM org RETURNING id),
              f AS (INSERT INTO campaign_fields (campaign_id, position, name) SELECT id, 1, 'Một cửa' FROM c),
              cu AS (INSERT INTO campaign_units (campaign_id, unit_id) SELECT c.id, wards.id FROM c, wards)
         SELECT id FROM c",
    )
    .bind(UNITS)
    .fetch_one(pool)
    .await?;
    Ok(campaign)
}

/// Every latency measured, sorted, and how many there should have been.
async fn latency(pool: &PgPool, campaign: i64, servers: [&str; 2]) -> anyhow::Result<(Vec<Duration>, usize)> {
    let client = reqwest::Client::new();
    let ready = Arc::new(AtomicUsize::new(0));
    let (stop, stopping) = watch::channel(false);
    let mut screens = JoinSet::new();
    for n in 0..SCREENS {
        let url = format!("{}/live/{campaign}/events", servers[n % 2]);
        let (client, ready, stopping) = (client.clone(), ready.clone(), stopping.clone());
        screens.spawn(async move { follow(client, url, ready, stopping).await });
    }
    let wait_until = Instant::now() + Duration::from_secs(60);
    while ready.load(Ordering::SeqCst) < SCREENS {
        anyhow::ensure!(Instant::now() < wait_until, "screens did not all connect");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let commits = Arc::new(Mutex::new(vec![None; REGISTRATIONS + 1]));
    for n in 1..=REGISTRATIONS {
        register(pool, campaign, n).await?;
        commits.lock().expect("not poisoned")[n] = Some(Instant::now());
        tokio::time::sleep(EVERY).await;
    }
    // Screens end once they have seen every registration; 10 s later the rest are stopped and
    // what they did not see counts as missed.
    let stopper = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(10)).await;
        let _ = stop.send(true);
    });
    let mut latencies = Vec::with_capacity(SCREENS * REGISTRATIONS);
    while let Some(joined) = screens.join_next().await {
        let Ok(Ok(seen)) = joined else { continue };
        let commits = commits.lock().expect("not poisoned");
        latencies.extend(
            seen.into_iter()
                .filter_map(|(n, at)| Some(at.saturating_duration_since(commits[n]?))),
        );
    }
    stopper.abort();
    latencies.sort();
    anyhow::ensure!(!latencies.is_empty(), "no screen saw any registration");
    Ok((latencies, SCREENS * REGISTRATIONS))
}

/// One screen: when it first saw each registration's marker.
async fn follow(
    client: reqwest::Client,
    url: String,
    ready: Arc<AtomicUsize>,
    mut stopping: watch::Receiver<bool>,
) -> anyhow::Result<Vec<(usize, Instant)>> {
    let mut response = client.get(&url).send().await?.error_for_status()?;
    let (mut buffer, mut seen, mut first) = (Vec::new(), Vec::new(), true);
    let mut newest = 0;
    while newest < REGISTRATIONS {
        let chunk = tokio::select! {
            chunk = response.chunk() => chunk?,
            _ = stopping.changed() => None,
        };
        let Some(chunk) = chunk else {
            break;
        };
        let at = Instant::now();
        buffer.extend_from_slice(&chunk);
        while let Some(end) = buffer.windows(2).position(|w| w == b"\n\n") {
            let event: Vec<u8> = buffer.drain(..end + 2).collect();
            if first {
                first = false;
                ready.fetch_add(1, Ordering::SeqCst);
            }
            for n in markers(&event) {
                if n > newest {
                    seen.extend((newest + 1..=n).map(|k| (k, at)));
                    newest = n;
                }
            }
        }
    }
    Ok(seen)
}

/// The registration numbers a board lists (titles `BENCH-00042`).
fn markers(event: &[u8]) -> impl Iterator<Item = usize> + '_ {
    event
        .windows(MARKER.len() + 5)
        .filter(|w| w.starts_with(MARKER))
        .filter_map(|w| std::str::from_utf8(&w[MARKER.len()..]).ok()?.parse().ok())
}

async fn register(pool: &PgPool, campaign: i64, n: usize) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO initiatives (campaign_id, unit_id, submit_key, receipt_code, kind, field_id, title,
                                  situation, solution, benefit, scope, first_applied, collective_author)
         SELECT $1, cu.unit_id, 'k' || $2, 'R' || $2, 'model', f.id, $3, 'S', 'G', 'B', 'P', '2026-01-01', true
         FROM campaign_units cu JOIN campaign_fields f ON f.campaign_id = cu.campaign_id
         WHERE cu.campaign_id = $1 ORDER BY cu.unit_id OFFSET $4 LIMIT 1",
    )
    .bind(campaign)
    .bind(n as i64)
    .bind(format!("BENCH-{n:05}"))
    .bind(n as i64 % UNITS)
    .execute(pool)
    .await?;
    Ok(())
}

/// Resident memory of `server` with `BASELINE_SCREENS` screens open, then with `IDLE_SCREENS`.
async fn idle_memory(server: &AppServer, campaign: i64) -> anyhow::Result<(u64, u64)> {
    let client = reqwest::Client::new();
    let url = format!("{}/live/{campaign}/events", server.base);
    let mut open = Vec::with_capacity(IDLE_SCREENS);
    let mut measure = Vec::new();
    for target in [BASELINE_SCREENS, IDLE_SCREENS] {
        let mut opening = JoinSet::new();
        for _ in open.len()..target {
            let (client, url) = (client.clone(), url.clone());
            opening.spawn(async move { first_board(client, url).await });
        }
        while let Some(screen) = opening.join_next().await {
            open.push(screen??);
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
        measure.push(server.rss_kb()?);
    }
    drop(open);
    Ok((measure[0], measure[1]))
}

/// An open screen that has received its first board, then stays idle.
async fn first_board(client: reqwest::Client, url: String) -> anyhow::Result<reqwest::Response> {
    let mut response = client.get(&url).send().await?.error_for_status()?;
    let mut buffer = Vec::new();
    while !buffer.windows(2).any(|w| w == b"\n\n") {
        let chunk = response.chunk().await?.context("the stream ended")?;
        buffer.extend_from_slice(&chunk);
    }
    Ok(response)
}
