//! Pages rendered at the same time each come out whole. Leptos keeps a page's reactive values in
//! an arena that it makes current only while parts of the page are polled; the first chunk of a
//! page is rendered after its database reads, outside those parts. Before `page_arena`, a page
//! rendered on a thread that had meanwhile served another page read that page's arena: the worker
//! panicked ("already been disposed", "no Arena is active") and the browser got a closed connection
//! (a page that never hydrated in the browser suite, one load in a few hundred).
mod common;

use app::domain::account::Role;
use axum::http::header;
use common::{account, get, router, sign_in};
use sqlx::PgPool;
use tokio::task::JoinSet;

/// Pages that read the database before they render (campaign 3 is in the demo data).
const PAGES: [&str; 4] = [
    "/admin/campaigns",
    "/admin/campaigns/3",
    "/admin/campaigns/3/fields",
    "/admin/units",
];
const ROUNDS: usize = 15;

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn pages_rendered_together_each_come_out_whole(pool: PgPool) {
    let config = server::config::Config {
        demo: true,
        ..common::config()
    };
    server::bootstrap::prepare(&pool, &config).await.unwrap();
    let app = router(&pool).await;
    account(&pool, "quantri", "mat-khau-du-dai", Role::SystemAdmin).await;
    let cookie = sign_in(&app, "quantri", "mat-khau-du-dai").await;
    let mut pages = JoinSet::new();
    for _ in 0..ROUNDS {
        for path in PAGES {
            let (app, cookie) = (app.clone(), cookie.clone());
            pages.spawn(async move { (path, get(&app, path, Some(&cookie)).await) });
        }
    }
    let mut broken = Vec::new();
    while let Some(page) = pages.join_next().await {
        match page {
            Ok((path, (status, body, _))) if !status.is_success() || !body.contains("</html>") => {
                let end = &body[body.len().saturating_sub(40)..];
                broken.push(format!("{path}: {status} …{end}"))
            }
            Ok((path, (_, body, headers))) => {
                // The browser runs the page's scripts only under its own nonce policy.
                let policy = headers
                    .get(header::CONTENT_SECURITY_POLICY)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default();
                let nonce = policy
                    .split("'nonce-")
                    .nth(1)
                    .and_then(|rest| rest.split('\'').next());
                if !nonce.is_some_and(|n| body.contains(&format!("nonce=\"{n}\""))) {
                    broken.push(format!("{path}: scripts not under the page's policy ({policy})"));
                }
            }
            Err(e) => broken.push(format!("a page panicked: {e}")),
        }
    }
    assert!(
        broken.is_empty(),
        "{} of {} pages broken: {broken:?}",
        broken.len(),
        ROUNDS * PAGES.len()
    );
}
