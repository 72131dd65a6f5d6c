//! Hostile traffic against a real app server process (the release binary, demo data):
//! 1. one client streams a 1 GB multipart field, anonymously and as a unit with a live link (into
//!    its file field): the answer, what was sent before it came, and the server's peak memory growth;
//! 2. 20 sign-ins of the real admin from 127.0.0.1 while 200 clients from 127.0.0.2 keep guessing
//!    the same account's password: how many succeed and the slowest;
//! 3. a page's latency from 127.0.0.1 while 5,000 connections from 127.0.0.2–127.0.0.9 trickle
//!    request heads a byte a second (and come back when they are closed).
use crate::app_server::{AppServer, LINK_KEY};
use anyhow::Context;
use app::server::state::LinkKey;
use sqlx::PgPool;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio::task::JoinSet;

pub const UPLOAD_BYTES: u64 = 1 << 30;
pub const GUESSERS: usize = 200;
pub const SIGN_INS: usize = 20;
pub const SLOW_CONNECTIONS: usize = 5_000;
pub const PAGE_LOADS: usize = 300;
const DEMO_PASSWORD: &str = "thidua-demo-2026";

pub struct Upload {
    pub who: &'static str,
    pub status: String,
    pub sent_mb: f64,
    pub rss_growth_mb: f64,
}

pub struct Figures {
    pub uploads: Vec<Upload>,
    pub sign_ins_ok: usize,
    pub slowest_sign_in: Duration,
    pub guesses: usize,
    pub page_p50: Duration,
    pub page_p99: Duration,
    pub page_max: Duration,
    pub slow_open: usize,
}

pub async fn run(pool: &PgPool, database_url: &str) -> anyhow::Result<Figures> {
    let server = AppServer::start(database_url, &[("THIDUA_DEMO", "1")])?;
    server.wait_ready().await?;
    let cookie = unit_cookie(pool, &server).await?;
    let campaign: i64 =
        sqlx::query_scalar("SELECT id FROM campaigns WHERE state = 'open' ORDER BY id LIMIT 1")
            .fetch_one(pool)
            .await?;
    let mut uploads = Vec::new();
    for (who, cookie, field) in [
        ("anonymous, into `campaign_id`", None, "campaign_id"),
        (
            "a unit with a live link, into its file field",
            Some(cookie.as_str()),
            "attachments",
        ),
    ] {
        uploads.push(endless_upload(&server, who, cookie, campaign, field).await?);
    }
    let (sign_ins_ok, slowest_sign_in, guesses) = sign_in_under_guessing(&server).await?;
    drop(server);
    // Production caps: the slow clients stay under the per-address cap, as a crafty attacker would.
    let server = AppServer::start(database_url, &[("MAX_CONNECTIONS_PER_ADDRESS", "2000")])?;
    server.wait_ready().await?;
    let (latencies, slow_open) = page_under_slow_clients(&server).await?;
    let at = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
    Ok(Figures {
        uploads,
        sign_ins_ok,
        slowest_sign_in,
        guesses,
        page_p50: at(0.5),
        page_p99: at(0.99),
        page_max: at(1.0),
        slow_open,
    })
}

/// The unit cookie of the open campaign's first unit, from opening its link.
async fn unit_cookie(pool: &PgPool, server: &AppServer) -> anyhow::Result<String> {
    let (id, nonce): (i64, Vec<u8>) = sqlx::query_as(
        "SELECT l.id, l.nonce FROM unit_links l JOIN campaigns c ON c.id = l.campaign_id
         WHERE c.state = 'open' AND l.revoked_at IS NULL ORDER BY l.id LIMIT 1",
    )
    .fetch_one(pool)
    .await?;
    let token = app::server::unit_link::token(&LinkKey(Arc::from(LINK_KEY.as_bytes())), id, &nonce);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let answer = client.get(format!("{}/l/{token}", server.base)).send().await?;
    let cookie = answer
        .headers()
        .get(reqwest::header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .context("opening a unit link set no cookie")?;
    Ok(cookie.to_owned())
}

/// Streams a multipart body of up to 1 GB, as fast as the server takes it, until it answers.
async fn endless_upload(
    server: &AppServer,
    who: &'static str,
    cookie: Option<&str>,
    campaign: i64,
    field: &str,
) -> anyhow::Result<Upload> {
    let before = server.rss_kb()?;
    let peak = Arc::new(AtomicU64::new(before));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, done, pid_status) = (peak.clone(), done.clone(), server.rss_reader());
        tokio::spawn(async move {
            while !done.load(Ordering::Relaxed) {
                if let Some(kb) = pid_status() {
                    peak.fetch_max(kb, Ordering::Relaxed);
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        })
    };
    let stream = TcpStream::connect(("127.0.0.1", server.port())).await?;
    let (mut reader, mut writer) = stream.into_split();
    let cookie = cookie.map_or(String::new(), |c| format!("Cookie: {c}\r\n"));
    writer
        .write_all(
            format!(
                "POST /api/submit_initiative HTTP/1.1\r\nHost: 127.0.0.1\r\n{cookie}\
                 Content-Type: multipart/form-data; boundary=B\r\nTransfer-Encoding: chunked\r\n\r\n"
            )
            .as_bytes(),
        )
        .await?;
    let mut head = String::from("--B\r\nContent-Disposition: form-data; name=\"campaign_id\"\r\n\r\n");
    if field != "campaign_id" {
        head += &format!("{campaign}\r\n--B\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"a.pdf\"\r\n\r\n");
    }
    writer
        .write_all(format!("{:x}\r\n{head}\r\n", head.len()).as_bytes())
        .await?;
    let answered = Arc::new(AtomicBool::new(false));
    let answer = {
        let answered = answered.clone();
        tokio::spawn(async move {
            let mut bytes = Vec::new();
            let mut buf = [0u8; 4096];
            while !bytes.windows(2).any(|w| w == b"\r\n") {
                match reader.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => bytes.extend_from_slice(&buf[..n]),
                }
            }
            answered.store(true, Ordering::Relaxed);
            String::from_utf8_lossy(&bytes)
                .lines()
                .next()
                .unwrap_or("(closed)")
                .to_owned()
        })
    };
    let chunk = {
        let data = vec![b'x'; 64 * 1024];
        let mut framed = format!("{:x}\r\n", data.len()).into_bytes();
        framed.extend_from_slice(&data);
        framed.extend_from_slice(b"\r\n");
        framed
    };
    let mut sent = head.len() as u64;
    while sent < UPLOAD_BYTES && !answered.load(Ordering::Relaxed) {
        if writer.write_all(&chunk).await.is_err() {
            break;
        }
        sent += 64 * 1024;
    }
    let status = tokio::time::timeout(Duration::from_secs(30), answer).await??;
    done.store(true, Ordering::Relaxed);
    sampler.await?;
    let growth = peak.load(Ordering::Relaxed).saturating_sub(before);
    Ok(Upload {
        who,
        status: status.trim_start_matches("HTTP/1.1 ").to_owned(),
        sent_mb: sent as f64 / 1024.0 / 1024.0,
        rss_growth_mb: growth as f64 / 1024.0,
    })
}

fn client_from(address: &str) -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .local_address(address.parse::<IpAddr>()?)
        .redirect(reqwest::redirect::Policy::none())
        .build()?)
}

async fn sign_in(client: &reqwest::Client, base: &str, password: &str) -> anyhow::Result<bool> {
    let answer = client
        .post(format!("{base}/api/login"))
        .header(reqwest::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(format!("username=admin&password={password}&next=/admin"))
        .send()
        .await?;
    Ok(answer.status().is_success() && answer.headers().contains_key(reqwest::header::SET_COOKIE))
}

/// The real admin signs in 20 times while 200 clients keep guessing; (succeeded, slowest, guesses).
async fn sign_in_under_guessing(server: &AppServer) -> anyhow::Result<(usize, Duration, usize)> {
    let stop = Arc::new(AtomicBool::new(false));
    let guesses = Arc::new(AtomicUsize::new(0));
    let mut guessers = JoinSet::new();
    for n in 0..GUESSERS {
        let (client, base) = (client_from("127.0.0.2")?, server.base.clone());
        let (stop, guesses) = (stop.clone(), guesses.clone());
        guessers.spawn(async move {
            for attempt in 0.. {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let _ = sign_in(&client, &base, &format!("doan-{n}-{attempt}")).await;
                guesses.fetch_add(1, Ordering::Relaxed);
            }
        });
    }
    // The guessers start first: the owner arrives in the middle of the attack.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let owner = client_from("127.0.0.1")?;
    let (mut ok, mut slowest) = (0, Duration::ZERO);
    for _ in 0..SIGN_INS {
        let started = Instant::now();
        if sign_in(&owner, &server.base, DEMO_PASSWORD).await? {
            ok += 1;
        }
        slowest = slowest.max(started.elapsed());
    }
    stop.store(true, Ordering::Relaxed);
    while guessers.join_next().await.is_some() {}
    Ok((ok, slowest, guesses.load(Ordering::Relaxed)))
}

/// One slow client: a request head a byte a second, again whenever the server closes it.
async fn trickle(from: IpAddr, to: SocketAddr, open: Arc<AtomicUsize>, stop: Arc<AtomicBool>) {
    while !stop.load(Ordering::Relaxed) {
        let socket = match TcpSocket::new_v4().and_then(|s| s.bind(SocketAddr::new(from, 0)).map(|()| s)) {
            Ok(socket) => socket,
            Err(_) => return,
        };
        let Ok(mut stream) = socket.connect(to).await else {
            tokio::time::sleep(Duration::from_millis(200)).await;
            continue;
        };
        open.fetch_add(1, Ordering::Relaxed);
        let _ = stream.write_all(b"GET /login HTTP/1.1\r\n").await;
        while !stop.load(Ordering::Relaxed) && stream.write_all(b"X").await.is_ok() {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
        open.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Page latencies from 127.0.0.1 while the slow clients hold their connections.
async fn page_under_slow_clients(server: &AppServer) -> anyhow::Result<(Vec<Duration>, usize)> {
    let to = SocketAddr::from(([127, 0, 0, 1], server.port()));
    let (open, stop) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicBool::new(false)));
    let mut slow = JoinSet::new();
    for n in 0..SLOW_CONNECTIONS {
        let from = IpAddr::from([127, 0, 0, 2 + (n % 8) as u8]);
        slow.spawn(trickle(from, to, open.clone(), stop.clone()));
        if n % 250 == 249 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    let held = open.load(Ordering::Relaxed);
    let visitor = client_from("127.0.0.1")?;
    let mut latencies = Vec::with_capacity(PAGE_LOADS);
    for _ in 0..PAGE_LOADS {
        let started = Instant::now();
        let page = visitor.get(format!("{}/login", server.base)).send().await?;
        anyhow::ensure!(page.status().is_success(), "the page answered {}", page.status());
        page.bytes().await?;
        latencies.push(started.elapsed());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.store(true, Ordering::Relaxed);
    slow.shutdown().await;
    latencies.sort();
    Ok((latencies, held))
}
