//! Page weight in a real browser: the release server on the demo data, each page of a unit, of
//! the public and of an organizer opened in Chromium from an empty cache, every byte received
//! summed (as served, compressed); and the initiative form on an emulated slow phone
//! (`end2end/page-weight.mjs` measures, this module starts the server and writes the figures).
use crate::app_server::{AppServer, LINK_KEY};
use anyhow::Context;
use app::server::state::LinkKey;
use serde_json::Value;
use sqlx::PgPool;
use std::process::Command;
use std::sync::Arc;

const ADMIN: (&str, &str) = ("admin", "thidua-demo-2026");

pub struct Page {
    pub name: String,
    pub who: String,
    pub path: String,
    pub bytes: u64,
    pub requests: u64,
    pub wasm: Vec<String>,
}

/// The areas whose code only organizers, the council and the ceremony need.
const STAFF_AREAS: [&str; 3] = ["admin_pages", "council_pages", "ceremony_pages"];

impl Page {
    /// The areas of the split WebAssembly (`split_<area>.<hash>.wasm`) the page fetched, and
    /// "islands_<group>" for the islands bundle built for a group (`thidua_islands_<group>.<hash>.wasm`).
    pub fn areas(&self) -> Vec<&str> {
        self.wasm
            .iter()
            .filter_map(|file| {
                let name = file.rsplit('/').next()?;
                let stem = name.split('.').next()?;
                stem.strip_prefix("thidua_")
                    .filter(|stem| stem.starts_with("islands_"))
                    .or_else(|| stem.strip_prefix("split_"))
            })
            .collect()
    }

    /// Whether a unit's or a visitor's page fetched code that only staff pages need.
    pub fn fetched_staff_code(&self) -> bool {
        self.who != "admin" && self.areas().iter().any(|area| STAFF_AREAS.contains(area))
    }
}

pub struct Figures {
    pub pages: Vec<Page>,
    pub usable_ms: u64,
    pub interactive_ms: u64,
}

pub async fn run(pool: &PgPool, database_url: &str) -> anyhow::Result<Figures> {
    let server = AppServer::start(database_url, &[("THIDUA_DEMO", "1")])?;
    server.wait_ready().await?;
    let (campaign, link) = open_unit_link(pool).await?;
    let output = Command::new("node")
        .arg("page-weight.mjs")
        .current_dir("end2end")
        .env("BASE_URL", &server.base)
        .env("CAMPAIGN", campaign.to_string())
        .env("UNIT_LINK", format!("/l/{link}"))
        .env("ADMIN_USER", ADMIN.0)
        .env("ADMIN_PASSWORD", ADMIN.1)
        .output()
        .context("running end2end/page-weight.mjs")?;
    anyhow::ensure!(
        output.status.success(),
        "page-weight.mjs failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let measured: Value =
        serde_json::from_slice(&output.stdout).context("page-weight.mjs printed no JSON")?;
    let number = |v: &Value| v.as_u64().unwrap_or_default();
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let pages = measured["pages"]
        .as_array()
        .context("no pages measured")?
        .iter()
        .map(|p| Page {
            name: text(&p["name"]),
            who: text(&p["who"]),
            path: text(&p["path"]),
            bytes: number(&p["bytes"]),
            requests: number(&p["requests"]),
            wasm: p["wasm"]
                .as_array()
                .map(|files| files.iter().map(text).collect())
                .unwrap_or_default(),
        })
        .collect();
    Ok(Figures {
        pages,
        usable_ms: number(&measured["slow"]["usable_ms"]),
        interactive_ms: number(&measured["slow"]["interactive_ms"]),
    })
}

/// The open demo campaign and the link of its first unit.
async fn open_unit_link(pool: &PgPool) -> anyhow::Result<(i64, String)> {
    let campaign: i64 =
        sqlx::query_scalar("SELECT id FROM campaigns WHERE state = 'open' ORDER BY id LIMIT 1")
            .fetch_one(pool)
            .await?;
    let (id, nonce): (i64, Vec<u8>) = sqlx::query_as(
        "SELECT id, nonce FROM unit_links WHERE campaign_id = $1 AND revoked_at IS NULL ORDER BY id LIMIT 1",
    )
    .bind(campaign)
    .fetch_one(pool)
    .await?;
    let key = LinkKey(Arc::from(LINK_KEY.as_bytes()));
    Ok((campaign, app::server::unit_link::token(&key, id, &nonce)))
}

/// The aim of a page, by who opens it (bytes).
pub fn aim(page: &Page) -> Option<u64> {
    match page.who.as_str() {
        "unit" => Some(150_000),
        "public" if page.name != "front page" => Some(250_000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetched(wasm: &[&str], who: &str) -> Page {
        Page {
            name: "trang".into(),
            who: who.into(),
            path: "/".into(),
            bytes: 0,
            requests: 0,
            wasm: wasm.iter().map(|file| (*file).to_owned()).collect(),
        }
    }

    #[test]
    fn areas_name_split_pieces_and_islands() {
        let page = fetched(
            &[
                "/pkg/thidua_islands_boards.Ab1.wasm",
                "/pkg/split_admin_pages.Cd2.wasm",
                "/pkg/thidua.Ef3.wasm",
            ],
            "unit",
        );
        assert_eq!(page.areas(), ["islands_boards", "admin_pages"]);
        assert!(page.fetched_staff_code());
        assert!(!fetched(&["/pkg/thidua_islands_boards.X.wasm"], "public").fetched_staff_code());
    }
}
