//! Backups and restores (`server::backup`, `./x backup`, `./x restore`) against a real
//! PostgreSQL: a backup taken while registrations arrive restores into a fresh database with
//! every registration acknowledged before it began, their files and the audit trail, and the app
//! serves the restored data to the same unit's browser; a non-empty database is never restored
//! over unless asked.
mod common;

use axum::http::StatusCode;
use common::unit_fixture::{fixture, receipt, PDF};
use common::{database_url as url_of, get};
use sqlx::{Connection, PgConnection, PgPool};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// One value read from the database at `url` (a count, a digest).
async fn value<T>(url: &str, sql: &str) -> T
where
    T: for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres> + Send + Unpin,
{
    let mut conn = PgConnection::connect(url).await.unwrap();
    sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
}

async fn scalar(url: &str, sql: &str) -> i64 {
    value(url, sql).await
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_backup_taken_under_load_restores_what_was_acknowledged_before_it(pool: PgPool) {
    let f = Arc::new(fixture(pool.clone()).await);
    f.cap_initiatives(1_000).await;
    let source = url_of(pool.connect_options().get_database().unwrap());
    let cookie = f.open(0).await;
    let mut acknowledged = Vec::new();
    for n in 0..5 {
        let files: &[(&str, &str, &[u8])] = &[("attachments", "ke-hoach.pdf", PDF)];
        let (status, body) = f.submit(Some(&cookie), &format!("truoc-{n}"), &[], files).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        acknowledged.push(receipt(&body).1);
    }
    let audit_before = scalar(&source, "SELECT count(*) FROM audit_log").await;

    // The other unit keeps registering while the backup is taken.
    let stop = Arc::new(AtomicBool::new(false));
    let arriving = {
        let (f, stop) = (f.clone(), stop.clone());
        let cookie = f.open(1).await;
        tokio::spawn(async move {
            let mut sent = 0;
            while !stop.load(Ordering::Relaxed) {
                let (status, body) = f.submit(Some(&cookie), &format!("trong-{sent}"), &[], &[]).await;
                assert_eq!(status, StatusCode::OK, "{body}");
                sent += 1;
            }
            sent
        })
    };
    let folder = std::env::temp_dir().join(format!("thidua-backup-{}", std::process::id()));
    let file = folder.join("thidua.dump");
    let backup = {
        let (source, file) = (source.clone(), file.clone());
        tokio::task::spawn_blocking(move || server::backup::backup(&source, &file))
    };
    backup.await.unwrap().expect("the backup");
    stop.store(true, Ordering::Relaxed);
    let sent_meanwhile = arriving.await.unwrap();
    assert!(file.is_file() && !file.with_extension("partial").exists());
    // It holds password hashes and personal data: only the app's user may read it.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "backup file mode {mode:o}");

    let target_name = format!("restored_{}", std::process::id());
    sqlx::query(&format!("CREATE DATABASE {target_name}"))
        .execute(&pool)
        .await
        .unwrap();
    let target = url_of(&target_name);
    server::backup::restore(&target, &file, false)
        .await
        .expect("the restore");

    for code in &acknowledged {
        let found = scalar(
            &target,
            &format!("SELECT count(*) FROM initiatives WHERE receipt_code = '{code}'"),
        )
        .await;
        assert_eq!(found, 1, "receipt {code} acknowledged before the backup");
    }
    let same_files = "SELECT count(*) FROM attachments a JOIN initiatives i ON i.id = a.initiative_id
                      WHERE i.submit_key LIKE 'truoc-%'";
    assert_eq!(scalar(&target, same_files).await, 5);
    let file_digest = "SELECT md5(string_agg(md5(a.bytes), '' ORDER BY a.id)) FROM attachments a
                       JOIN initiatives i ON i.id = a.initiative_id WHERE i.submit_key LIKE 'truoc-%'";
    assert_eq!(
        value::<String>(&target, file_digest).await,
        value::<String>(&source, file_digest).await
    );
    assert!(scalar(&target, "SELECT count(*) FROM audit_log").await >= audit_before);
    let in_backup = scalar(
        &target,
        "SELECT count(*) FROM initiatives WHERE submit_key LIKE 'trong-%'",
    )
    .await;
    assert!(
        in_backup <= i64::from(sent_meanwhile),
        "{in_backup} of {sent_meanwhile}"
    );

    // The app starts on the restored database and knows the unit's browser.
    let restored = PgPool::connect(&target).await.unwrap();
    app::server::MIGRATOR.run(&restored).await.unwrap();
    let app = common::router(&restored).await;
    let (status, body, _) = get(&app, &format!("/unit/{}", f.campaign), Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Một cửa không chờ"), "{body}");

    // A database with tables is never restored over unless asked.
    let refused = server::backup::restore(&target, &file, false).await.unwrap_err();
    assert!(refused.to_string().contains("--replace"), "{refused}");
    sqlx::query("DELETE FROM initiatives WHERE submit_key = 'truoc-0'")
        .execute(&restored)
        .await
        .unwrap();
    server::backup::restore(&target, &file, true)
        .await
        .expect("the restore over it");
    let back = scalar(
        &target,
        "SELECT count(*) FROM initiatives WHERE submit_key = 'truoc-0'",
    )
    .await;
    assert_eq!(back, 1);

    restored.close().await;
    sqlx::query(&format!("DROP DATABASE {target_name} WITH (FORCE)"))
        .execute(&pool)
        .await
        .unwrap();
    std::fs::remove_dir_all(folder).unwrap();
}

#[tokio::test]
async fn a_missing_backup_file_is_named_and_nothing_is_touched() {
    let missing = std::path::Path::new("/nonexistent/thidua.dump");
    let error = server::backup::restore("postgres://nobody@127.0.0.1:1/none", missing, false)
        .await
        .unwrap_err();
    assert!(error.to_string().contains("/nonexistent/thidua.dump"), "{error}");
}
