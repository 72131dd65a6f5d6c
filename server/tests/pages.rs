//! Pages rendered at the same time each come out whole. Leptos keeps a page's reactive values in
//! an arena that it makes current only while parts of the page are polled; the first chunk of a
//! page is rendered after its database reads, outside those parts. Before `page_arena`, a page
//! rendered on a thread that had meanwhile served another page read that page's arena: the worker
//! panicked ("already been disposed", "no Arena is active") and the browser got a closed connection
//! (a page that never hydrated in the browser suite, one load in a few hundred).
//!
//! Leptos also leaves a page's root owner as the thread's "current" owner after the page starts,
//! and the static-file fallback builds its response under a child of whatever owner is current:
//! a file served between a page's start and its answer took that page's response headers (its
//! nonce policy among them), and the page left without them. Before `page_arena` gave every
//! request an owner of its own, one page in a few hundred of the browser suite did not come alive.
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
/// A static file, served by the fallback between the pages.
const STATIC_FILE: &str = "/pages-test.txt";

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn pages_rendered_together_each_come_out_whole(pool: PgPool) {
    // This test binary's only test: the site folder is its own, with one file in it.
    let site = std::env::temp_dir().join(format!("thidua-pages-{}", std::process::id()));
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join(&STATIC_FILE[1..]), "tệp tĩnh").unwrap();
    std::env::set_var("LEPTOS_SITE_ROOT", &site);
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
            let (page_app, file_app, cookie) = (app.clone(), app.clone(), cookie.clone());
            pages.spawn(async move { (path, get(&page_app, path, Some(&cookie)).await) });
            pages.spawn(async move { (STATIC_FILE, get(&file_app, STATIC_FILE, None).await) });
        }
    }
    let mut broken = Vec::new();
    while let Some(page) = pages.join_next().await {
        match page {
            Ok((STATIC_FILE, (status, body, _))) if status.is_success() && body == "tệp tĩnh" => {}
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
    std::fs::remove_dir_all(&site).unwrap();
    assert!(
        broken.is_empty(),
        "{} of {} pages broken: {broken:?}",
        broken.len(),
        ROUNDS * PAGES.len() * 2
    );
}
