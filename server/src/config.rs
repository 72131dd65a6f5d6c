//! Configuration from the environment; every setting has a default that runs the demo locally.
use anyhow::Context;
use app::server::login_throttle::LoginPolicy;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`; without it a private cluster is started under `data_dir`.
    pub database_url: Option<String>,
    /// `HOST` (default 127.0.0.1) and `PORT` (default 3000).
    pub address: SocketAddr,
    /// `THIDUA_DATA_DIR` (default `./data`).
    pub data_dir: PathBuf,
    /// `THIDUA_DEMO=1`: demo admin and demo units.
    pub demo: bool,
    /// `ADMIN_USERNAME` / `ADMIN_PASSWORD`: the first admin when there is none.
    pub admin_username: Option<String>,
    pub admin_password: Option<String>,
    /// `COOKIE_SECURE=1` behind TLS.
    pub cookie_secure: bool,
    /// `DB_MAX_CONNECTIONS` (default 20).
    pub db_max_connections: u32,
    /// `THIDUA_LINK_KEY`: the secret unit links are derived from (at least 32 characters); every
    /// app server of one database needs the same. Default: `link.key` under `data_dir`.
    pub link_key: Option<String>,
    /// `PUBLIC_URL`, e.g. `https://thidua.quan11.gov.vn`: the address printed in unit links and
    /// QR codes. Default: the address the admin's browser used.
    pub public_url: Option<String>,
    /// `TRUSTED_PROXIES`: comma-separated addresses of the proxies in front, whose
    /// `X-Forwarded-For` names the client. Default: none (the TCP peer is the client).
    pub trusted_proxies: Vec<IpAddr>,
    /// `LOGIN_FREE_PER_ADDRESS` (20), `LOGIN_FREE_PER_ACCOUNT` (5), `LOGIN_MAX_DELAY_SECS` (900).
    pub login_policy: LoginPolicy,
    /// `MAX_CONNECTIONS` (20,000) and `MAX_CONNECTIONS_PER_ADDRESS` (2,000).
    pub max_connections: usize,
    pub max_connections_per_address: usize,
    /// `MAX_STREAMS_PER_ADDRESS` (1,000): open board streams from one client address (a hall's
    /// phones and screens share one NAT address).
    pub max_streams_per_address: usize,
    /// The request guard's settings (fixed; tests shorten the body idle time).
    pub guard_settings: crate::request_guard::GuardSettings,
}

const DEFAULT_PORT: u16 = 3000;
const DEFAULT_DATA_DIR: &str = "data";
const DEFAULT_DB_MAX_CONNECTIONS: u32 = 20;
const DEFAULT_MAX_CONNECTIONS: usize = 20_000;
const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS: usize = 2_000;
const DEFAULT_MAX_STREAMS_PER_ADDRESS: usize = 1_000;

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn flag(name: &str) -> bool {
    var(name).is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"))
}

/// What `from_env` gives with nothing set (tests and benchmarks start from it).
impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: None,
            address: SocketAddr::from(([127, 0, 0, 1], DEFAULT_PORT)),
            data_dir: PathBuf::from(DEFAULT_DATA_DIR),
            demo: false,
            admin_username: None,
            admin_password: None,
            cookie_secure: false,
            db_max_connections: DEFAULT_DB_MAX_CONNECTIONS,
            link_key: None,
            public_url: None,
            trusted_proxies: Vec::new(),
            login_policy: LoginPolicy::default(),
            max_connections: DEFAULT_MAX_CONNECTIONS,
            max_connections_per_address: DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
            max_streams_per_address: DEFAULT_MAX_STREAMS_PER_ADDRESS,
            guard_settings: Default::default(),
        }
    }
}

impl Config {
    /// How the app's connection pool is made (the server and the benchmark share it).
    pub fn pool_options(&self) -> sqlx::postgres::PgPoolOptions {
        sqlx::postgres::PgPoolOptions::new()
            .max_connections(self.db_max_connections)
            // sqlx already pings each connection when it comes back to the pool; a second ping
            // before each use would add a round trip to every query.
            .test_before_acquire(false)
    }

    pub fn from_env() -> anyhow::Result<Self> {
        let host = var("HOST").unwrap_or_else(|| "127.0.0.1".into());
        let port = number("PORT", DEFAULT_PORT)?;
        let address = format!("{host}:{port}")
            .parse()
            .context("HOST must be an IP address")?;
        Ok(Self {
            database_url: var("DATABASE_URL"),
            address,
            data_dir: PathBuf::from(var("THIDUA_DATA_DIR").unwrap_or_else(|| DEFAULT_DATA_DIR.into())),
            demo: flag("THIDUA_DEMO"),
            admin_username: var("ADMIN_USERNAME"),
            admin_password: var("ADMIN_PASSWORD"),
            cookie_secure: flag("COOKIE_SECURE"),
            db_max_connections: number("DB_MAX_CONNECTIONS", DEFAULT_DB_MAX_CONNECTIONS)?,
            link_key: var("THIDUA_LINK_KEY"),
            public_url: var("PUBLIC_URL").map(|u| u.trim_end_matches('/').to_owned()),
            trusted_proxies: var("TRUSTED_PROXIES")
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| {
                    a.parse()
                        .with_context(|| format!("TRUSTED_PROXIES: {a} is not an IP address"))
                })
                .collect::<anyhow::Result<_>>()?,
            login_policy: login_policy()?,
            max_connections: number("MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS)?,
            max_connections_per_address: number(
                "MAX_CONNECTIONS_PER_ADDRESS",
                DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
            )?,
            max_streams_per_address: number("MAX_STREAMS_PER_ADDRESS", DEFAULT_MAX_STREAMS_PER_ADDRESS)?,
            guard_settings: Default::default(),
        })
    }

    pub fn connection_limits(&self) -> crate::serve::ConnectionLimits {
        crate::serve::ConnectionLimits {
            total: self.max_connections,
            per_address: self.max_connections_per_address,
            trusted: self.trusted_proxies.clone(),
            head_timeout: crate::serve::HEAD_TIMEOUT,
        }
    }
}

fn number<T: std::str::FromStr>(name: &str, default: T) -> anyhow::Result<T> {
    match var(name) {
        Some(v) => v.parse().ok().with_context(|| format!("{name} must be a number")),
        None => Ok(default),
    }
}

fn login_policy() -> anyhow::Result<LoginPolicy> {
    let default = LoginPolicy::default();
    Ok(LoginPolicy {
        free_per_address: number("LOGIN_FREE_PER_ADDRESS", default.free_per_address)?,
        free_per_account: number("LOGIN_FREE_PER_ACCOUNT", default.free_per_account)?,
        max_delay_secs: number("LOGIN_MAX_DELAY_SECS", default.max_delay_secs)?,
    })
}
