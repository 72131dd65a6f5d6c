//! The private PostgreSQL cluster: created on first start, reused after, and a second start
//! survives a stale pid file left by a killed app. The data folder sits inside a folder only its
//! owner may enter (as a clone under `/root` does), and the socket's folder is private.
use server::embedded_postgres::EmbeddedPostgres;
use sqlx::Connection;
use std::os::unix::fs::PermissionsExt;

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
    let private = std::env::temp_dir().join(format!("thidua-embedded-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&private);
    std::fs::create_dir(&private).unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o700)).unwrap();
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
    pg.stop();
    let cluster = pg.cluster_dir().to_path_buf();
    let _ = std::fs::remove_dir_all(&private);
    let _ = std::fs::remove_dir_all(cluster);
}
