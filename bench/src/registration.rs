//! Registrations through the real HTTP path: the app's router served on a local port, 50
//! clients each holding a unit's signed cookie (opened through its link) and posting the multipart
//! initiative form with a fresh submit key, as fast as answers come back. Compared with `pgbench`
//! inserting one comparable row per transaction into the same PostgreSQL, in the same sitting.
use anyhow::Context;
use app::server::state::LinkKey;
use sqlx::PgPool;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub const CLIENTS: usize = 50;
const WARM_UP: Duration = Duration::from_secs(2);
const MEASURE: Duration = Duration::from_secs(10);
const LINK_KEY: &str = "bench-link-key-of-at-least-32-characters";

pub struct Figures {
    pub per_second: f64,
    pub p50: Duration,
    pub p99: Duration,
    pub committed: usize,
    pub pgbench_tps: f64,
    pub pgbench_latency_ms: f64,
    pub page: PageWeight,
}

pub struct PageWeight {
    pub html_raw: usize,
    pub html_brotli: usize,
    pub css_brotli: usize,
    pub js_brotli: usize,
    pub wasm_brotli: usize,
    /// The first HTML holds a complete form that posts without scripts.
    pub form_works_without_wasm: bool,
}

pub async fn run(pool: PgPool, database_url: &str) -> anyhow::Result<Figures> {
    let config = server::config::Config {
        database_url: Some(database_url.to_owned()),
        address: "127.0.0.1:0".parse()?,
        data_dir: std::env::temp_dir(),
        demo: true,
        link_key: Some(LINK_KEY.into()),
        ..Default::default()
    };
    let base = crate::app_server::in_process(&pool, &config).await?;

    let (campaign, field, tokens) = open_campaign(&pool).await?;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(CLIENTS)
        .build()?;
    let mut unit_cookies = Vec::new();
    for n in 0..CLIENTS {
        let answer = client
            .get(format!("{base}/l/{}", tokens[n % tokens.len()]))
            .send()
            .await?;
        let cookie = answer
            .headers()
            .get(reqwest::header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .context("opening a unit link set no unit cookie")?
            .to_owned();
        unit_cookies.push(cookie);
    }
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM initiatives")
        .fetch_one(&pool)
        .await?;
    let started = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for (n, cookie) in unit_cookies.into_iter().enumerate() {
        let (client, base) = (client.clone(), base.clone());
        workers.spawn(async move { client_loop(n, client, base, cookie, campaign, field, started).await });
    }
    let mut latencies = Vec::new();
    let mut committed = 0;
    for done in workers.join_all().await {
        let (measured, ok) = done?;
        latencies.extend(measured);
        committed += ok;
    }
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM initiatives")
        .fetch_one(&pool)
        .await?;
    anyhow::ensure!(
        after - before == committed as i64,
        "acknowledged {committed}, stored {}",
        after - before
    );
    latencies.sort();
    let measured = latencies.len();
    let (pgbench_tps, pgbench_latency_ms) = pgbench(database_url)?;
    let page = page_weight(&client, &base, &tokens[0], campaign).await?;
    Ok(Figures {
        per_second: measured as f64 / MEASURE.as_secs_f64(),
        p50: percentile(&latencies, 0.50),
        p99: percentile(&latencies, 0.99),
        committed,
        pgbench_tps,
        pgbench_latency_ms,
        page,
    })
}

/// The open demo campaign, its first field and every unit's link token.
pub async fn open_campaign(pool: &PgPool) -> anyhow::Result<(i64, i64, Vec<String>)> {
    let campaign: i64 =
        sqlx::query_scalar("SELECT id FROM campaigns WHERE state = 'open' ORDER BY id LIMIT 1")
            .fetch_one(pool)
            .await?;
    // Each phone here sends hundreds of initiatives in the window: the campaign's maximum per
    // unit (50 by default, 500 at most in the form) is lifted for this run only.
    sqlx::query("UPDATE campaigns SET max_initiatives = 1000000 WHERE id = $1")
        .bind(campaign)
        .execute(pool)
        .await?;
    let field: i64 =
        sqlx::query_scalar("SELECT id FROM campaign_fields WHERE campaign_id = $1 ORDER BY position LIMIT 1")
            .bind(campaign)
            .fetch_one(pool)
            .await?;
    let key = LinkKey(Arc::from(LINK_KEY.as_bytes()));
    let links: Vec<(i64, Vec<u8>)> = sqlx::query_as(
        "SELECT id, nonce FROM unit_links WHERE campaign_id = $1 AND revoked_at IS NULL ORDER BY id",
    )
    .bind(campaign)
    .fetch_all(pool)
    .await?;
    let tokens = links
        .iter()
        .map(|(id, nonce)| app::server::unit_link::token(&key, *id, nonce))
        .collect();
    Ok((campaign, field, tokens))
}

/// Posts initiatives until the measuring window closes; returns the latencies of the answers
/// inside the window and how many were acknowledged in all.
async fn client_loop(
    n: usize,
    client: reqwest::Client,
    base: String,
    cookie: String,
    campaign: i64,
    field: i64,
    started: Instant,
) -> anyhow::Result<(Vec<Duration>, usize)> {
    let mut latencies = Vec::new();
    let mut ok = 0;
    for i in 0.. {
        if started.elapsed() >= WARM_UP + MEASURE {
            break;
        }
        let body = form_body(&[
            ("campaign_id", &campaign.to_string()),
            ("initiative_id", "0"),
            ("submit_key", &format!("bench-{n}-{i}")),
            ("kind", "model"),
            ("field_id", &field.to_string()),
            ("title", &format!("Mô hình thử tải số {n}-{i}")),
            ("situation", "Người dân phải chờ lâu ở bộ phận một cửa."),
            ("solution", "Lấy số thứ tự qua Zalo.\n\nGọi theo số."),
            ("benefit", "Giảm một nửa thời gian chờ."),
            ("scope", "Toàn phường."),
            ("first_applied", "01/11/2026"),
            ("author_mode", "collective"),
        ]);
        let sent = Instant::now();
        let answer = submit_request(&client, &base, &cookie, body).send().await?;
        let status = answer.status();
        let body = answer.text().await?;
        anyhow::ensure!(status.is_success(), "submit answered {status}: {body}");
        ok += 1;
        let at = started.elapsed();
        if at > WARM_UP && at <= WARM_UP + MEASURE {
            latencies.push(sent.elapsed());
        }
    }
    Ok((latencies, ok))
}

const BOUNDARY: &str = "thidua-bench-boundary";

/// The multipart body a browser sends for these text fields, built directly so the load
/// generator spends as little of the shared CPU as it can (pgbench's client is light too).
pub fn form_body(fields: &[(&str, &str)]) -> Vec<u8> {
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!("--{BOUNDARY}--\r\n"));
    body.into_bytes()
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index]
}

/// `pgbench` with the same number of clients, each transaction one INSERT of a row as wide as
/// an initiative's, into a table of its own in the same database.
fn pgbench(database_url: &str) -> anyhow::Result<(f64, f64)> {
    let script = std::env::temp_dir().join("thidua-pgbench-insert.sql");
    std::fs::write(
        &script,
        "INSERT INTO bench_initiatives (submit_key, kind, field_id, title, situation, solution, benefit, scope, first_applied)
         VALUES (:client_id || '-' || random(), 'model', 1, 'Mô hình thử tải', 'Người dân phải chờ lâu ở bộ phận một cửa.',
                 'Lấy số thứ tự qua Zalo. Gọi theo số.', 'Giảm một nửa thời gian chờ.', 'Toàn phường.', '2026-11-01');\n",
    )?;
    let psql = |sql: &str| {
        Command::new(pg_bin("psql"))
            .args([database_url, "-q", "-c", sql])
            .status()
    };
    psql("DROP TABLE IF EXISTS bench_initiatives")?;
    let created = psql(
        "CREATE TABLE bench_initiatives (id BIGSERIAL PRIMARY KEY, submit_key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
         field_id BIGINT NOT NULL, title TEXT NOT NULL, situation TEXT NOT NULL, solution TEXT NOT NULL, benefit TEXT NOT NULL,
         scope TEXT NOT NULL, first_applied DATE NOT NULL, submitted_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    )?;
    anyhow::ensure!(created.success(), "could not create the pgbench table");
    let output = Command::new(pg_bin("pgbench"))
        .args([
            "-n",
            "-c",
            &CLIENTS.to_string(),
            "-j",
            "2",
            "-T",
            &MEASURE.as_secs().to_string(),
            "-f",
        ])
        .arg(&script)
        .arg(database_url)
        .output()
        .context("running pgbench")?;
    let text = String::from_utf8_lossy(&output.stdout);
    anyhow::ensure!(
        output.status.success(),
        "pgbench failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let number_after = |label: &str| -> Option<f64> {
        let line = text.lines().find(|l| l.starts_with(label))?;
        line.split(['=', ' '])
            .filter_map(|w| w.parse::<f64>().ok())
            .next()
    };
    let tps = number_after("tps").context("no tps in pgbench output")?;
    let latency = number_after("latency average").unwrap_or(0.0);
    Ok((tps, latency))
}

/// The newest PostgreSQL's tool of that name (Debian keeps them per version).
fn pg_bin(name: &str) -> std::path::PathBuf {
    let mut dirs: Vec<_> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| d.filter_map(Result::ok).map(|e| e.path().join("bin")).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs.pop().map_or_else(|| name.into(), |d| d.join(name))
}

/// What a phone downloads to open the form the first time: the HTML as the server sends it,
/// the stylesheet, and (later, for the extras) the script and the WebAssembly; brotli sizes.
async fn page_weight(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    campaign: i64,
) -> anyhow::Result<PageWeight> {
    let opened = client.get(format!("{base}/l/{token}")).send().await?;
    let cookie = opened
        .headers()
        .get(reqwest::header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .context("no unit cookie")?
        .to_owned();
    let html = client
        .get(format!("{base}/unit/{campaign}/initiatives/new"))
        .header(reqwest::header::COOKIE, &cookie)
        .send()
        .await?
        .text()
        .await?;
    let form_works_without_wasm = html.contains(r#"action="/api/submit_initiative""#)
        && html.contains(r#"enctype="multipart/form-data""#)
        && html.contains(r#"name="submit_key""#);
    let file = |ext: &str| {
        crate::built_file(ext)
            .and_then(|path| std::fs::read(path).ok())
            .unwrap_or_default()
    };
    Ok(PageWeight {
        html_raw: html.len(),
        html_brotli: brotli_size(html.as_bytes()),
        css_brotli: brotli_size(&file("css")),
        js_brotli: brotli_size(&file("js")),
        wasm_brotli: brotli_size(&file("wasm")),
        form_works_without_wasm,
    })
}

/// Bytes after `brotli -q 11` (the server's compression layer sends about this, at a lower level).
fn brotli_size(bytes: &[u8]) -> usize {
    let path = std::env::temp_dir().join("thidua-bench-brotli.input");
    if bytes.is_empty() || std::fs::write(&path, bytes).is_err() {
        return 0;
    }
    Command::new("brotli")
        .args(["-q", "11", "-c"])
        .arg(&path)
        .output()
        .map(|o| o.stdout.len())
        .unwrap_or(0)
}

/// A unit's `submit_initiative` with a multipart `body` made by [`form_body`].
pub fn submit_request(
    client: &reqwest::Client,
    base: &str,
    cookie: &str,
    body: Vec<u8>,
) -> reqwest::RequestBuilder {
    client
        .post(format!("{base}/api/submit_initiative"))
        .header(reqwest::header::COOKIE, cookie)
        .header(
            reqwest::header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body)
}
