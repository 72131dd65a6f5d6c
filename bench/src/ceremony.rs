//! The reveal ceremony at scale: the demo's Quận 11 2022 ceremony (release binary, demo data)
//! started live, then one step a second for a minute, sent by the console's own request (the
//! `control_ceremony` server function, signed in as the demo admin) to one of two app servers;
//! 1,000 screens follow the campaign, split over both. For each step and screen: the time from
//! the console's request to the `stage` event of that step on that screen.
use crate::app_server::AppServer;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::watch;
use tokio::task::JoinSet;

pub const SCREENS: usize = 1_000;
pub const STEPS: usize = 60;
pub const EVERY: Duration = Duration::from_secs(1);
const CAMPAIGN: i64 = 3;
const ADMIN: (&str, &str) = ("admin", "thidua-demo-2026");

pub struct Figures {
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
    pub received: usize,
    pub expected: usize,
}

pub async fn run(database_url: &str) -> anyhow::Result<Figures> {
    let a = AppServer::start(database_url, &[("THIDUA_DEMO", "1")])?;
    a.wait_ready().await?;
    let b = AppServer::start(database_url, &[])?;
    b.wait_ready().await?;
    let client = reqwest::Client::new();
    let cookie = crate::app_server::sign_in(&client, &a.base, ADMIN.0, ADMIN.1).await?;
    let ready = Arc::new(AtomicUsize::new(0));
    let (stop, stopping) = watch::channel(false);
    let mut screens = JoinSet::new();
    for n in 0..SCREENS {
        let url = format!("{}/live/{CAMPAIGN}/events", [&a.base, &b.base][n % 2]);
        let (client, ready, stopping) = (client.clone(), ready.clone(), stopping.clone());
        screens.spawn(async move { follow(client, url, ready, stopping).await });
    }
    let wait_until = Instant::now() + Duration::from_secs(60);
    while ready.load(Ordering::SeqCst) < SCREENS {
        anyhow::ensure!(Instant::now() < wait_until, "screens did not all connect");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let console = control(&client, &a.base, &cookie, "start", 0, 0).await?;
    let last = console["script"].as_array().map_or(0, Vec::len).saturating_sub(1);
    anyhow::ensure!(last >= 3, "the demo ceremony has {last} steps");
    tokio::time::sleep(EVERY).await;
    // Up and down short of the last step (which would release the results), one a second.
    let mut sent = Vec::with_capacity(STEPS);
    let mut at = 0;
    for i in 0..STEPS {
        let to = if (i / (last - 1)) % 2 == 0 { at + 1 } else { at - 1 };
        let started = Instant::now();
        let answer = control(&client, &a.base, &cookie, "move", at, to).await?;
        anyhow::ensure!(answer["step"] == to, "step {to} refused: {answer}");
        sent.push((to, started));
        at = to;
        tokio::time::sleep(EVERY.saturating_sub(started.elapsed())).await;
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
    let _ = stop.send(true);
    let mut latencies = Vec::with_capacity(SCREENS * STEPS);
    while let Some(joined) = screens.join_next().await {
        let Ok(Ok(frames)) = joined else { continue };
        // Each step sent is matched to the first stage of that step after its request.
        let mut frames = frames.into_iter().peekable();
        for &(step, started) in &sent {
            while let Some(&(seen, at)) = frames.peek() {
                frames.next();
                if seen == step && at >= started {
                    latencies.push(at - started);
                    break;
                }
            }
        }
    }
    latencies.sort();
    anyhow::ensure!(!latencies.is_empty(), "no screen saw any step");
    let at = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
    Ok(Figures {
        p50: at(0.5),
        p99: at(0.99),
        max: at(1.0),
        received: latencies.len(),
        expected: SCREENS * STEPS,
    })
}

async fn control(
    client: &reqwest::Client,
    base: &str,
    cookie: &str,
    action: &str,
    at: usize,
    to: usize,
) -> anyhow::Result<serde_json::Value> {
    let answer = client
        .post(format!("{base}/api/control_ceremony"))
        .header(reqwest::header::COOKIE, cookie)
        .form(&[
            ("campaign_id", CAMPAIGN.to_string()),
            ("action", action.to_owned()),
            ("at", at.to_string()),
            ("to", to.to_string()),
        ])
        .send()
        .await?
        .error_for_status()?;
    Ok(serde_json::from_slice(&answer.bytes().await?)?)
}

/// One screen: every stage it received, with its step and when it came.
async fn follow(
    client: reqwest::Client,
    url: String,
    ready: Arc<AtomicUsize>,
    mut stopping: watch::Receiver<bool>,
) -> anyhow::Result<Vec<(usize, Instant)>> {
    let mut response = client.get(&url).send().await?.error_for_status()?;
    let (mut buffer, mut frames, mut first) = (Vec::new(), Vec::new(), true);
    loop {
        let chunk = tokio::select! {
            chunk = response.chunk() => chunk?,
            _ = stopping.changed() => None,
        };
        let Some(chunk) = chunk else { break };
        let at = Instant::now();
        buffer.extend_from_slice(&chunk);
        while let Some(end) = buffer.windows(2).position(|w| w == b"\n\n") {
            let event: Vec<u8> = buffer.drain(..end + 2).collect();
            let Some(json) = event.strip_prefix(b"event: stage\ndata: ") else {
                continue;
            };
            if first {
                first = false;
                ready.fetch_add(1, Ordering::SeqCst);
            }
            let stage: serde_json::Value = serde_json::from_slice(json.trim_ascii_end())?;
            if let Some(step) = stage["step"].as_u64() {
                frames.push((step as usize, at));
            }
        }
    }
    Ok(frames)
}
