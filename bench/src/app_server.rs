//! App servers for the benchmarks: a process of the release binary in `SERVER_BIN` on the
//! benchmark's database, stopped when dropped, or the app served from the benchmark's own process
//! (`in_process`). The benchmarks open thousands of connections and streams from one address, so
//! the process's per-address caps are raised here (never in the default).
use anyhow::Context;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub const LINK_KEY: &str = "bench-link-key-of-at-least-32-characters";

pub struct AppServer {
    child: Child,
    pub base: String,
    database_url: String,
    env: Vec<(String, String)>,
}

impl AppServer {
    /// Starts a server; `env` adds or overrides settings (e.g. `THIDUA_DEMO`).
    pub fn start(database_url: &str, env: &[(&str, &str)]) -> anyhow::Result<Self> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let env: Vec<(String, String)> = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Ok(Self {
            child: spawn(database_url, port, &env)?,
            base: format!("http://127.0.0.1:{port}"),
            database_url: database_url.to_owned(),
            env,
        })
    }

    /// Kills the process as a crash would (SIGKILL: no graceful shutdown, nothing flushed).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts the server again on the same port with the same settings.
    pub fn restart(&mut self) -> anyhow::Result<()> {
        self.kill();
        self.child = spawn(&self.database_url, self.port(), &self.env)?;
        Ok(())
    }

    pub fn port(&self) -> u16 {
        self.base
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0)
    }

    pub async fn wait_ready(&self) -> anyhow::Result<()> {
        let client = reqwest::Client::new();
        for _ in 0..600 {
            if let Ok(answer) = client.get(format!("{}/healthz", self.base)).send().await {
                if answer.status().is_success() {
                    return Ok(());
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        anyhow::bail!("the app server at {} did not start", self.base)
    }

    pub fn rss_kb(&self) -> anyhow::Result<u64> {
        resident_kb(self.child.id()).context("no VmRSS in /proc")
    }

    /// Starts measuring the server's peak resident memory afresh (Linux: `clear_refs` 5).
    pub fn reset_peak(&self) -> anyhow::Result<()> {
        std::fs::write(format!("/proc/{}/clear_refs", self.child.id()), "5").context("resetting VmHWM")
    }

    /// The server's peak resident memory (KB) since it started or since `reset_peak`.
    pub fn peak_kb(&self) -> anyhow::Result<u64> {
        status_kb(self.child.id(), "VmHWM:").context("no VmHWM in /proc")
    }

    /// Reads the server's resident memory (KB) from another task.
    pub fn rss_reader(&self) -> impl Fn() -> Option<u64> + Send + 'static {
        let pid = self.child.id();
        move || resident_kb(pid)
    }
}

fn spawn(database_url: &str, port: u16, env: &[(String, String)]) -> anyhow::Result<Child> {
    let bin = std::env::var("SERVER_BIN").context("SERVER_BIN must name the release server binary")?;
    let mut command = Command::new(&bin);
    command
        .env("DATABASE_URL", database_url)
        .env("PORT", port.to_string())
        .env("THIDUA_DEMO", "0")
        .env("THIDUA_LINK_KEY", LINK_KEY)
        .env("THIDUA_DATA_DIR", std::env::temp_dir())
        .env("RUST_LOG", "warn")
        .env("MAX_CONNECTIONS_PER_ADDRESS", "100000")
        .env("MAX_STREAMS_PER_ADDRESS", "100000")
        .stdout(Stdio::null());
    for (name, value) in env {
        command.env(name, value);
    }
    command.spawn().with_context(|| format!("starting {bin}"))
}

fn resident_kb(pid: u32) -> Option<u64> {
    status_kb(pid, "VmRSS:")
}

fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

impl Drop for AppServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The app served from this process on a local port, prepared on `pool` as `./x run` prepares
/// it (with its own pool, sized as in production); its base address.
/// Signs `username` in on `base` as the sign-in form does; the session cookie to send back.
pub async fn sign_in(
    client: &reqwest::Client,
    base: &str,
    username: &str,
    password: &str,
) -> anyhow::Result<String> {
    let answer = client
        .post(format!("{base}/api/login"))
        .form(&[("username", username), ("password", password), ("next", "/")])
        .send()
        .await?;
    answer
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| !v.contains("Max-Age=0"))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
        .with_context(|| format!("signing in {username}: {}", answer.status()))
}

pub async fn in_process(pool: &sqlx::PgPool, config: &server::config::Config) -> anyhow::Result<String> {
    let url = config
        .database_url
        .clone()
        .context("the config names no database")?;
    server::bootstrap::prepare(pool, config).await?;
    let app_pool = config.pool_options().connect(&url).await?;
    let live = app::server::live_hub::LiveHub::new(app_pool.clone());
    let router = server::router::build(app_pool, config, live).await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(server::serve::serve(
        listener,
        router,
        config.connection_limits(),
        std::future::pending(),
    ));
    Ok(base)
}
