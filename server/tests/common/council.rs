//! A council of three for the demo's Quận 10 campaign (being scored), in place of the demo's
//! own: `gk-an` and `gk-binh` of the district, `gk-phuong` of the ward with the lowest id that
//! registered initiatives (so recused on them).
use super::demo::{demo, Demo};
use super::sign_in;
use app::domain::account::{Role, Username};
use axum::http::StatusCode;
use serde_json::Value;
use sqlx::PgPool;

const PASSWORD: &str = "mat-khau-giam-khao";

pub struct Council {
    pub demo: Demo,
    pub campaign: i64,
    /// The ward whose member sits in the council, and its initiatives.
    pub ward_initiatives: Vec<i64>,
    pub criteria: usize,
}

impl Council {
    pub async fn new(pool: PgPool) -> Self {
        let demo = demo(pool).await;
        let campaign = demo.campaign_of("Q10").await;
        let ward: i64 = sqlx::query_scalar(
            "SELECT unit_id FROM initiatives WHERE campaign_id = $1 GROUP BY unit_id ORDER BY unit_id LIMIT 1",
        )
        .bind(campaign)
        .fetch_one(&demo.pool)
        .await
        .unwrap();
        let ward_initiatives: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM initiatives WHERE campaign_id = $1 AND unit_id = $2 ORDER BY id",
        )
        .bind(campaign)
        .bind(ward)
        .fetch_all(&demo.pool)
        .await
        .unwrap();
        let criteria: i64 =
            sqlx::query_scalar("SELECT count(*) FROM campaign_criteria WHERE campaign_id = $1")
                .bind(campaign)
                .fetch_one(&demo.pool)
                .await
                .unwrap();
        // The demo's own council is set aside: these tests seat their own.
        sqlx::raw_sql(&format!(
            "DELETE FROM council_scores WHERE campaign_id = {campaign};
             DELETE FROM initiative_results WHERE campaign_id = {campaign};
             DELETE FROM council_members WHERE campaign_id = {campaign};"
        ))
        .execute(&demo.pool)
        .await
        .unwrap();
        let district = demo.unit("Q10").await;
        for (username, unit) in [("gk-an", district), ("gk-binh", district), ("gk-phuong", ward)] {
            let hash = app::server::auth::hash_password(PASSWORD.to_owned())
                .await
                .unwrap();
            let name = Username::parse(username).unwrap();
            let id = app::server::db::accounts::insert(
                &demo.pool,
                &name,
                username,
                &hash,
                Role::Evaluator,
                Some(unit),
            )
            .await
            .unwrap();
            sqlx::query("INSERT INTO council_members (campaign_id, account_id) VALUES ($1, $2)")
                .bind(campaign)
                .bind(id)
                .execute(&demo.pool)
                .await
                .unwrap();
        }
        // As seating them through the organizer's page would: every initiative gets its result.
        let mut conn = demo.pool.acquire().await.unwrap();
        app::server::final_scores::refresh(&mut conn, campaign, None)
            .await
            .unwrap();
        drop(conn);
        Council {
            demo,
            campaign,
            ward_initiatives,
            criteria: criteria as usize,
        }
    }

    pub async fn member(&self, username: &str) -> String {
        sign_in(&self.demo.app, username, PASSWORD).await
    }

    pub async fn queue(&self, cookie: &str) -> Value {
        let (status, queue) = self
            .demo
            .call(
                "/api/council_queue",
                &format!("campaign_id={}", self.campaign),
                cookie,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{queue}");
        queue
    }

    pub async fn desk(&self, initiative: i64, cookie: &str) -> (StatusCode, Value) {
        let body = format!("campaign_id={}&initiative_id={initiative}", self.campaign);
        self.demo.call("/api/council_initiative", &body, cookie).await
    }

    /// Saves a sheet giving `points` to every criterion.
    pub async fn save(
        &self,
        initiative: i64,
        action: &str,
        version: i64,
        points: &str,
        cookie: &str,
    ) -> (StatusCode, Value) {
        let mut body = format!(
            "campaign_id={}&initiative_id={initiative}&action={action}&version={version}",
            self.campaign
        );
        for i in 0..self.criteria {
            body += &format!("&points[{i}]={points}&comments[{i}]=Nh%E1%BA%ADn%20x%C3%A9t");
        }
        self.demo.call("/api/save_score_sheet", &body, cookie).await
    }

    pub async fn scores(&self) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM council_scores WHERE campaign_id = $1")
            .bind(self.campaign)
            .fetch_one(&self.demo.pool)
            .await
            .unwrap()
    }

    pub async fn account(&self, username: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM accounts WHERE username = $1")
            .bind(username)
            .fetch_one(&self.demo.pool)
            .await
            .unwrap()
    }

    /// Seats the member as chair, secretary or member.
    pub async fn seat(&self, username: &str, role: &str) {
        sqlx::query("UPDATE council_members SET role = $3 WHERE campaign_id = $1 AND account_id = $2")
            .bind(self.campaign)
            .bind(self.account(username).await)
            .bind(role)
            .execute(&self.demo.pool)
            .await
            .unwrap();
    }

    /// A server function called for this campaign with `rest` of the form.
    pub async fn post(&self, path: &str, rest: &str, cookie: &str) -> (StatusCode, Value) {
        let body = format!("campaign_id={}&{rest}", self.campaign);
        self.demo.call(path, &body, cookie).await
    }
}
