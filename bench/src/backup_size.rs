//! A backup of a big campaign: the ranking benchmark's campaign (3,500 units, 20,000
//! initiatives) with one attached file per initiative (incompressible bytes, as photos and PDFs
//! are), backed up by `./x backup`'s own code (`pg_dump`, custom format) and restored into a fresh
//! database by `./x restore`'s. Time and file size.
use proptest::prelude::Rng;
use proptest::test_runner::{RngAlgorithm, TestRng};
use sqlx::PgPool;
use std::time::{Duration, Instant};

pub const FILE_BYTES: usize = 64 * 1024;

pub struct Figures {
    pub initiatives: i64,
    pub files: i64,
    pub database_bytes: i64,
    pub backup_took: Duration,
    pub backup_bytes: u64,
    pub restore_took: Duration,
}

/// `pool` and `url`: a database holding the imported units; `restore_url` an empty one.
pub async fn run(pool: &PgPool, url: &str, restore_url: &str) -> anyhow::Result<Figures> {
    let campaign = crate::ranking::seed(pool).await?;
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM initiatives WHERE campaign_id = $1 ORDER BY id")
        .bind(campaign)
        .fetch_all(pool)
        .await?;
    let mut rng = TestRng::deterministic_rng(RngAlgorithm::XorShift);
    for chunk in ids.chunks(100) {
        let mut files = Vec::with_capacity(chunk.len());
        for _ in chunk {
            let mut bytes = vec![0u8; FILE_BYTES];
            rng.fill_bytes(&mut bytes);
            files.push(bytes);
        }
        sqlx::query(
            "INSERT INTO attachments (initiative_id, file_name, media_type, size_bytes, bytes)
             SELECT id, 'anh-minh-hoa.jpg', 'image/jpeg', length(b), b FROM unnest($1::bigint[], $2::bytea[]) AS f(id, b)",
        )
        .bind(chunk)
        .bind(&files)
        .execute(pool)
        .await?;
    }
    let (initiatives, files): (i64, i64) =
        sqlx::query_as("SELECT (SELECT count(*) FROM initiatives), (SELECT count(*) FROM attachments)")
            .fetch_one(pool)
            .await?;
    let database_bytes: i64 = sqlx::query_scalar("SELECT pg_database_size(current_database())")
        .fetch_one(pool)
        .await?;
    let file = std::env::temp_dir().join(format!("thidua-bench-backup-{}.dump", std::process::id()));
    let started = Instant::now();
    server::backup::backup(url, &file)?;
    let backup_took = started.elapsed();
    let backup_bytes = std::fs::metadata(&file)?.len();
    let started = Instant::now();
    server::backup::restore(restore_url, &file, false).await?;
    let restore_took = started.elapsed();
    let _ = std::fs::remove_file(&file);
    Ok(Figures {
        initiatives,
        files,
        database_bytes,
        backup_took,
        backup_bytes,
        restore_took,
    })
}
