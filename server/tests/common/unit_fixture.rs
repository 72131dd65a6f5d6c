//! A demo database with an open campaign, two of its units with nothing registered, their link
//! tokens, and the steps a unit takes over HTTP.
use super::{get, multipart, post_multipart, router, set_cookie};
use app::server::state::LinkKey;
use axum::http::{header, StatusCode};
use axum::Router;
use sqlx::PgPool;
use std::sync::Arc;

pub const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R', 0, 0, 0, 1, 0, 0,
    0, 1, 8, 2, 0, 0, 0,
];
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

pub struct Fixture {
    pub app: Router,
    pub pool: PgPool,
    pub campaign: i64,
    /// Two participating units with nothing registered yet, and their link tokens.
    pub units: [(i64, String); 2],
}

pub fn key() -> LinkKey {
    LinkKey(Arc::from(super::config().link_key.unwrap().as_bytes()))
}

/// The demo data; its open campaign has links for every unit (issued when it opened).
pub async fn fixture(pool: PgPool) -> Fixture {
    let config = server::config::Config {
        demo: true,
        ..super::config()
    };
    server::bootstrap::prepare(&pool, &config).await.unwrap();
    let campaign: i64 =
        sqlx::query_scalar("SELECT id FROM campaigns WHERE state = 'open' ORDER BY id LIMIT 1")
            .fetch_one(&pool)
            .await
            .unwrap();
    let rows: Vec<(i64, i64, Vec<u8>)> = sqlx::query_as(
        "SELECT l.unit_id, l.id, l.nonce FROM unit_links l JOIN units u ON u.id = l.unit_id
         WHERE l.campaign_id = $1 AND l.revoked_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM commitments c WHERE c.campaign_id = l.campaign_id AND c.unit_id = l.unit_id)
         ORDER BY u.name LIMIT 2",
    )
    .bind(campaign)
    .fetch_all(&pool)
    .await
    .unwrap();
    let token = |(unit, link, nonce): &(i64, i64, Vec<u8>)| {
        (*unit, app::server::unit_link::token(&key(), *link, nonce))
    };
    Fixture {
        app: router(&pool).await,
        pool,
        campaign,
        units: [token(&rows[0]), token(&rows[1])],
    }
}

impl Fixture {
    /// Opens unit `n`'s link; returns the session cookie.
    pub async fn open(&self, n: usize) -> String {
        let (status, _, headers) = get(&self.app, &format!("/l/{}", self.units[n].1), None).await;
        assert!(status.is_redirection(), "{status}");
        let location = headers.get(header::LOCATION).unwrap().to_str().unwrap();
        assert_eq!(location, format!("/unit/{}", self.campaign));
        set_cookie(&headers).expect("a session")
    }

    pub fn fields(&self, key: &str) -> Vec<(String, String)> {
        initiative_fields(self.campaign, None, key)
    }

    pub async fn first_field(&self) -> i64 {
        first_field(&self.pool, self.campaign).await
    }

    /// Submits an initiative with `key`, the fields changed by `change`, and `files`.
    pub async fn submit(
        &self,
        cookie: Option<&str>,
        key: &str,
        change: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> (StatusCode, String) {
        let body = self.body(key, change, files).await;
        post_multipart(&self.app, "/api/submit_initiative", body, cookie).await
    }

    pub async fn body(&self, key: &str, change: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> Vec<u8> {
        let field = self.first_field().await.to_string();
        let mut fields = self.fields(key);
        for (name, value) in fields.iter_mut() {
            if name == "field_id" {
                *value = field.clone();
            }
            if let Some((_, v)) = change.iter().find(|(n, _)| n == name) {
                *value = (*v).to_owned();
            }
        }
        for (name, value) in change {
            if !fields.iter().any(|(n, _)| n == name) {
                fields.push(((*name).to_owned(), (*value).to_owned()));
            }
        }
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        multipart(&pairs, files)
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.pool).await.unwrap()
    }

    /// Sets the campaign's maximum of initiatives per unit.
    pub async fn cap_initiatives(&self, max: i32) {
        sqlx::query("UPDATE campaigns SET max_initiatives = $2 WHERE id = $1")
            .bind(self.campaign)
            .bind(max)
            .execute(&self.pool)
            .await
            .unwrap();
    }

    pub async fn initiatives_of(&self, n: usize) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM initiatives WHERE campaign_id = $1 AND unit_id = $2")
            .bind(self.campaign)
            .bind(self.units[n].0)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }
}

/// A complete initiative form for `campaign` (a new one, or `initiative_id` changed later).
pub fn initiative_fields(campaign: i64, field: Option<i64>, key: &str) -> Vec<(String, String)> {
    [
        ("campaign_id", campaign.to_string()),
        ("initiative_id", "0".into()),
        ("submit_key", key.into()),
        ("kind", "model".into()),
        ("field_id", field.map(|f| f.to_string()).unwrap_or_default()),
        ("title", "Mô hình “Một cửa không chờ”".into()),
        ("situation", "Người dân chờ lâu.".into()),
        ("solution", "Lấy số qua Zalo.".into()),
        ("benefit", "Giảm thời gian chờ.".into()),
        ("scope", "Toàn phường.".into()),
        ("first_applied", "01/11/2026".into()),
        ("author_mode", "collective".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// The campaign's first field (lĩnh vực).
pub async fn first_field(pool: &PgPool, campaign: i64) -> i64 {
    sqlx::query_scalar("SELECT id FROM campaign_fields WHERE campaign_id = $1 ORDER BY position LIMIT 1")
        .bind(campaign)
        .fetch_one(pool)
        .await
        .unwrap()
}

pub fn receipt(body: &str) -> (i64, String) {
    let json: serde_json::Value = serde_json::from_str(body).unwrap_or_else(|_| panic!("{body}"));
    (
        json["initiative_id"].as_i64().unwrap(),
        json["receipt_code"].as_str().unwrap().to_owned(),
    )
}
