//! Ranking a campaign of 3,500 units and 20,000 initiatives, with replication points on and
//! 5,000 recorded replications: the standings query (`db::standings::unit_records`) plus the
//! pure ranking, as a leaderboard refresh does them.
use app::domain::campaign::scoring::Scoring;
use app::domain::campaign::EvaluationMode;
use app::domain::ranking::rank;
use app::server::db::standings::unit_records;
use sqlx::PgPool;
use std::time::{Duration, Instant};

pub const INITIATIVES: i64 = 20_000;
const RUNS: usize = 30;

pub struct Figures {
    pub units: i64,
    /// Replications within the campaign's period, as the standings counted them.
    pub replications: i64,
    pub median: Duration,
    pub max: Duration,
}

/// `pool` holds the imported units; every one of them takes part in one open campaign.
pub async fn run(pool: &PgPool) -> anyhow::Result<Figures> {
    let campaign = seed(pool).await?;
    let scoring = Scoring {
        points_commitment: 10,
        points_minimum: 10,
        points_report: 10,
        points_replication: 5,
        evaluation_mode: EvaluationMode::Best,
        evaluation_weight: 1.0,
        ..Scoring::default()
    };
    let mut times = Vec::with_capacity(RUNS);
    let mut units = 0;
    let mut replications = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let records = unit_records(pool, campaign)
            .await
            .map_err(|e| anyhow::anyhow!("standings query failed: {e:?}"))?;
        let facts: Vec<_> = records.into_iter().map(|r| r.facts).collect();
        replications = facts.iter().map(|f| f.replications).sum();
        let standings = rank(&scoring, false, &facts);
        times.push(started.elapsed());
        units = standings.len() as i64;
    }
    times.sort();
    anyhow::ensure!(replications > 0, "no replication was counted");
    Ok(Figures {
        units,
        replications,
        median: times[RUNS / 2],
        max: times[RUNS - 1],
    })
}

/// One open campaign over every unit: 20,000 initiatives spread unevenly (some units none), a
/// commitment from two units in three, a report from one in three, half of them late; 5,000
/// replications by units of initiatives of others, a few of them before the campaign's period.
pub async fn seed(pool: &PgPool) -> anyhow::Result<i64> {
    let mut tx = pool.begin().await?;
    let campaign: i64 = sqlx::query_scalar(
        "INSERT INTO campaigns (title, organizer_id, registration_deadline, report_deadline, min_initiatives, state,
                                max_initiatives, period_start, period_end, points_replication)
         SELECT 'Thi đua CCHC (đo)', min(id), now() + interval '1 day', now() + interval '30 days', 3, 'open', 1000000,
                current_date - 180, current_date + 60, 5
         FROM units RETURNING id",
    )
    .fetch_one(&mut *tx)
    .await?;
    let field: i64 = sqlx::query_scalar(
        "INSERT INTO campaign_fields (campaign_id, position, name) VALUES ($1, 1, 'Một cửa') RETURNING id",
    )
    .bind(campaign)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO campaign_units (campaign_id, unit_id) SELECT $1, id FROM units")
        .bind(campaign)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "WITH u AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM units)
         INSERT INTO initiatives (campaign_id, unit_id, submit_key, receipt_code, kind, field_id, title,
                                  situation, solution, benefit, scope, first_applied, collective_author, submitted_at)
         SELECT $1, u.id, 'k' || g, 'R' || g, 'model', $2, 'Sáng kiến ' || g, 'S', 'G', 'B', 'P', '2026-01-01', true,
                now() - (g || ' seconds')::interval
         FROM generate_series(1, $3) g
         JOIN u ON u.n = 1 + (g * g) % (u.total * 4 / 5)",
    )
    .bind(campaign)
    .bind(field)
    .bind(INITIATIVES)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO commitments (campaign_id, unit_id, head_name, head_position)
         SELECT $1, id, 'Nguyễn Văn A', 'Chủ tịch' FROM units WHERE id % 3 <> 0",
    )
    .bind(campaign)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO reports (campaign_id, unit_id, body, on_time)
         SELECT $1, id, 'Báo cáo', id % 2 = 0 FROM units WHERE id % 3 = 1",
    )
    .bind(campaign)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "WITH u AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM units),
              i AS (SELECT id, unit_id, row_number() OVER (ORDER BY id) AS n FROM initiatives WHERE campaign_id = $1),
              a AS (INSERT INTO accounts (username, display_name, password_hash, role)
                    VALUES ('do.nhanrong', 'Đo', 'x', 'system_admin') RETURNING id)
         INSERT INTO replications (initiative_id, unit_id, adopted_on, note, recorded_by_account)
         SELECT i.id, u.id, current_date - (g % 200), 'Áp dụng tại đơn vị.', (SELECT id FROM a)
         FROM generate_series(1, 5000) g
         JOIN u ON u.n = 1 + (g * 7) % u.total
         JOIN i ON i.n = 1 + (g * 13) % $2
         WHERE i.unit_id <> u.id
         ON CONFLICT DO NOTHING",
    )
    .bind(campaign)
    .bind(INITIATIVES)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    sqlx::query("ANALYZE").execute(pool).await?;
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM initiatives WHERE campaign_id = $1")
        .bind(campaign)
        .fetch_one(pool)
        .await?;
    anyhow::ensure!(
        stored == INITIATIVES,
        "expected {INITIATIVES} initiatives, found {stored}"
    );
    Ok(campaign)
}
