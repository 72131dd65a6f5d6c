//! The demo data behind the real router, with the calls tests make on it.
use super::{post, router, sign_in};
use axum::http::StatusCode;
use axum::Router;
use server::bootstrap::DEMO_ORGANIZERS;
use sqlx::PgPool;

pub struct Demo {
    pub app: Router,
    pub pool: PgPool,
}

pub async fn demo(pool: PgPool) -> Demo {
    let config = server::config::Config {
        demo: true,
        ..super::config()
    };
    server::bootstrap::prepare(&pool, &config).await.unwrap();
    Demo {
        app: router(&pool).await,
        pool,
    }
}

impl Demo {
    /// The session of the demo organizer of the unit with this code.
    pub async fn organizer(&self, unit_code: &str) -> String {
        let (username, _, _, password) = DEMO_ORGANIZERS.iter().find(|o| o.2 == unit_code).unwrap();
        sign_in(&self.app, username, password).await
    }

    pub async fn system_admin(&self) -> String {
        sign_in(
            &self.app,
            server::bootstrap::DEMO_ADMIN_USERNAME,
            server::bootstrap::DEMO_ADMIN_PASSWORD,
        )
        .await
    }

    /// A server function's status and its answer read as JSON (text when it is not).
    pub async fn call(&self, path: &str, body: &str, cookie: &str) -> (StatusCode, serde_json::Value) {
        let (status, text, _) = post(&self.app, path, body, Some(cookie)).await;
        let json = serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text));
        (status, json)
    }

    /// The first campaign organized by the unit with this code.
    pub async fn campaign_of(&self, unit_code: &str) -> i64 {
        sqlx::query_scalar(
            "SELECT c.id FROM campaigns c JOIN units u ON u.id = c.organizer_id
             WHERE u.code = $1 ORDER BY c.id LIMIT 1",
        )
        .bind(unit_code)
        .fetch_one(&self.pool)
        .await
        .unwrap()
    }

    pub async fn unit(&self, code: &str) -> i64 {
        super::unit_id(&self.pool, code).await
    }
}
