//! The private PostgreSQL cluster: created on first start, reused after, and a second start
//! survives a stale pid file left by a killed app. The data folder sits inside a folder only its
//! owner may enter (as a clone under `/root` does), and the socket's folder is private. Live
//! boards catch up after the cluster crashes and restarts.
mod common;

use axum::http::{header, StatusCode};
use common::events::{board_where, next_board, open_stream, row_of};
use common::unit_fixture::fixture;
use common::{get, post_multipart};
use server::embedded_postgres::EmbeddedPostgres;
use sqlx::Connection;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

/// A folder only its owner may enter, for a cluster of the test's own.
fn private_folder(name: &str) -> PathBuf {
    let private = std::env::temp_dir().join(format!("thidua-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&private);
    std::fs::create_dir(&private).unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o700)).unwrap();
    private
}

async fn answers(pg: &EmbeddedPostgres) -> bool {
    match sqlx::PgConnection::connect(&pg.database_url()).await {
        Ok(mut conn) => sqlx::query_scalar::<_, i32>("SELECT 1")
            .fetch_one(&mut conn)
            .await
            .is_ok(),
        Err(_) => false,
    }
}

#[tokio::test]
async fn the_private_cluster_starts_stops_and_starts_again_over_a_stale_pid_file() {
    let private = private_folder("embedded");
    let root = private.join("data");

    let pg = EmbeddedPostgres::start(&root).expect("first start creates the cluster");
    assert!(answers(&pg).await);
    let socket_dir = std::fs::metadata(root.join("run")).unwrap();
    assert_eq!(
        socket_dir.permissions().mode() & 0o777,
        0o700,
        "only PostgreSQL's user enters the socket folder"
    );
    pg.stop();
    assert!(!answers(&pg).await, "stopped with the app");

    // A killed app leaves a pid file behind; here it names a live process that is not PostgreSQL.
    let pid_file = root.join("pgdata").join("postmaster.pid");
    std::fs::write(&pid_file, format!("{}\n{}\n", std::process::id(), root.display())).unwrap();
    let pg = EmbeddedPostgres::start(&root).expect("second start over a stale pid file");
    assert!(answers(&pg).await);

    // A cluster still running (app killed hard) is reused rather than started twice.
    let again = EmbeddedPostgres::start(&root).expect("start while running reuses it");
    assert!(answers(&again).await);
    // An upgrade's new server reuses the cluster while the old one stops: it stays up for it.
    pg.stop();
    assert!(
        answers(&again).await,
        "left running for the process still using it"
    );
    drop(pg);
    again.stop();
    assert!(
        !answers(&again).await,
        "stopped by its last user, who had not started it"
    );
    let cluster = again.cluster_dir().to_path_buf();
    let _ = std::fs::remove_dir_all(&private);
    let _ = std::fs::remove_dir_all(cluster);
}

fn initiatives_of(board: &serde_json::Value, unit: i64) -> i64 {
    row_of(board, unit)["initiatives"].as_i64().unwrap()
}

/// PostgreSQL stopped as a crash would (`-m immediate`) and started again: the hub's listener
/// lost its connection, so a registration committed before it reconnects notifies no one; the
/// open screen must still show it (the hub rebuilds every board when it reconnects), and a later
/// one through the notification again.
#[tokio::test]
async fn an_open_screen_catches_up_after_postgres_crashes_and_restarts() {
    let private = private_folder("live-restart");
    let pg = EmbeddedPostgres::start(&private.join("data")).unwrap();
    let _cleanup = Cleanup(pg.cluster_dir().to_path_buf(), private.clone());
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(5)
        // While the cluster is down a request gives up after this instead of sqlx's 30 s.
        .acquire_timeout(std::time::Duration::from_secs(2))
        .connect(&pg.database_url())
        .await
        .unwrap();
    app::server::MIGRATOR.run(&pool).await.unwrap();
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    let unit = f.units[0].0;
    let mut screen = open_stream(common::router(&f.pool).await, f.campaign, "").await;
    assert_eq!(initiatives_of(&next_board(&mut screen).await, unit), 0);

    // Stopped: the unit is told to try again shortly (503 and when), and nothing is stored.
    let body = f.body("WHILE-DOWN", &[], &[]).await;
    pg.stop();
    let (status, answer) = post_multipart(&f.app, "/api/submit_initiative", body, Some(&cookie)).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{answer}");
    assert!(answer.contains("Unavailable"), "{answer}");
    let (status, page, headers) = get(&f.app, &format!("/unit/{}", f.campaign), Some(&cookie)).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(headers[header::RETRY_AFTER], "5");
    assert!(page.contains("Hệ thống đang tạm gián đoạn"), "the page says why");
    let pg = EmbeddedPostgres::start(&private.join("data")).unwrap();
    assert_eq!(
        f.count("SELECT count(*) FROM initiatives WHERE submit_key = 'WHILE-DOWN'")
            .await,
        0
    );

    pg.crash_and_restart().unwrap();
    let (status, answer) = f.submit(Some(&cookie), "AFTER-CRASH-1", &[], &[]).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    board_where(&mut screen, |b| initiatives_of(b, unit) == 1).await;
    // Listening again: the next commit reaches the screen by its notification.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let (status, answer) = f.submit(Some(&cookie), "AFTER-CRASH-2", &[], &[]).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    board_where(&mut screen, |b| initiatives_of(b, unit) == 2).await;

    f.pool.close().await;
}

/// Stops the test's cluster and removes its folders however the test ends (a failed assertion
/// would otherwise leave PostgreSQL running): a fast shutdown by signal, waited for.
struct Cleanup(PathBuf, PathBuf);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let pid_file = self.0.join("pgdata").join("postmaster.pid");
        if let Some(pid) = std::fs::read_to_string(&pid_file)
            .ok()
            .and_then(|text| text.lines().next().map(str::to_owned))
        {
            let _ = std::process::Command::new("kill").args(["-INT", &pid]).status();
            for _ in 0..100 {
                if !pid_file.exists() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        }
        let _ = std::fs::remove_dir_all(&self.0);
        let _ = std::fs::remove_dir_all(&self.1);
    }
}
