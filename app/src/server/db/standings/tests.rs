//! The facts of the standings, read from a real PostgreSQL and ranked.
use super::unit_records;
use crate::domain::campaign::scoring::Scoring;
use crate::domain::campaign::EvaluationMode;
use crate::domain::ranking::rank;
use sqlx::PgPool;

fn scoring() -> Scoring {
    Scoring {
        points_commitment: 10,
        points_minimum: 20,
        points_report: 5,
        evaluation_mode: EvaluationMode::Best,
        evaluation_weight: 1.0,
        ..Scoring::default()
    }
}

/// A campaign whose registration closed at noon on 20/11/2026 (Hà Nội time) with a minimum of
/// two initiatives, and four wards; returns (campaign, field, wards by name).
async fn campaign(pool: &PgPool) -> (i64, i64, Vec<(String, i64)>) {
    let organizer: i64 = sqlx::query_scalar(
        "INSERT INTO units (code, name, search_key, kind) VALUES ('Q1', 'Quận 1', 'quan 1', 'district') RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    let campaign: i64 = sqlx::query_scalar(
        "INSERT INTO campaigns (title, organizer_id, registration_deadline, report_deadline, min_initiatives, state)
         VALUES ('Thi đua CCHC 2026', $1, '2026-11-20 12:00+07', '2026-12-20 12:00+07', 2, 'open') RETURNING id",
    )
    .bind(organizer)
    .fetch_one(pool)
    .await
    .unwrap();
    let field: i64 = sqlx::query_scalar(
        "INSERT INTO campaign_fields (campaign_id, position, name) VALUES ($1, 1, 'Một cửa') RETURNING id",
    )
    .bind(campaign)
    .fetch_one(pool)
    .await
    .unwrap();
    let mut wards = Vec::new();
    for (code, name) in [
        ("P10", "Phường 10"),
        ("P2", "Phường 2"),
        ("BT", "Phường Bến Thành"),
        ("AD", "Phường An Đông"),
    ] {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO units (code, name, search_key, kind, parent_id) VALUES ($1, $2, $1, 'ward', $3) RETURNING id",
        )
        .bind(code)
        .bind(name)
        .bind(organizer)
        .fetch_one(pool)
        .await
        .unwrap();
        sqlx::query("INSERT INTO campaign_units (campaign_id, unit_id) VALUES ($1, $2)")
            .bind(campaign)
            .bind(id)
            .execute(pool)
            .await
            .unwrap();
        wards.push((name.to_owned(), id));
    }
    (campaign, field, wards)
}

async fn initiative(pool: &PgPool, campaign: i64, field: i64, unit: i64, key: &str, at: &str) {
    sqlx::query(
        "INSERT INTO initiatives (campaign_id, unit_id, submit_key, receipt_code, kind, field_id, title,
                                  situation, solution, benefit, scope, first_applied, collective_author, submitted_at)
         VALUES ($1, $2, $3, $3, 'model', $4, 'T', 'S', 'G', 'B', 'P', '2026-01-01', true, $5::timestamptz)",
    )
    .bind(campaign)
    .bind(unit)
    .bind(key)
    .bind(field)
    .bind(at)
    .execute(pool)
    .await
    .unwrap();
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn duties_are_read_as_met_only_when_met_in_time_and_units_rank_by_them(pool: PgPool) {
    let (campaign, field, wards) = campaign(&pool).await;
    let id = |name: &str| wards.iter().find(|(n, _)| n == name).unwrap().1;
    let (p10, p2, ben_thanh, an_dong) = (
        id("Phường 10"),
        id("Phường 2"),
        id("Phường Bến Thành"),
        id("Phường An Đông"),
    );
    // Phường 2: two on time, signed, report on time. Phường 10: two, but the second late.
    // Bến Thành: two on time, signed, late report, its first one later than Phường 2's.
    initiative(&pool, campaign, field, p2, "a", "2026-11-10 08:00+07").await;
    initiative(&pool, campaign, field, p2, "b", "2026-11-11 08:00+07").await;
    initiative(&pool, campaign, field, p10, "c", "2026-11-09 08:00+07").await;
    initiative(&pool, campaign, field, p10, "d", "2026-11-20 12:00:01+07").await;
    initiative(&pool, campaign, field, ben_thanh, "e", "2026-11-12 08:00+07").await;
    initiative(&pool, campaign, field, ben_thanh, "f", "2026-11-12 09:00+07").await;
    for unit in [p2, ben_thanh] {
        sqlx::query("INSERT INTO commitments (campaign_id, unit_id, head_name, head_position) VALUES ($1, $2, 'A', 'B')")
            .bind(campaign)
            .bind(unit)
            .execute(&pool)
            .await
            .unwrap();
    }
    for (unit, on_time) in [(p2, true), (ben_thanh, false)] {
        sqlx::query("INSERT INTO reports (campaign_id, unit_id, body, on_time) VALUES ($1, $2, 'R', $3)")
            .bind(campaign)
            .bind(unit)
            .bind(on_time)
            .execute(&pool)
            .await
            .unwrap();
    }

    let records = unit_records(&pool, campaign).await.unwrap();
    let record = |unit: i64| records.iter().find(|r| r.facts.unit_id == unit).unwrap();
    assert_eq!(records.len(), 4);
    assert!(record(p2).facts.minimum_met_on_time && record(p2).facts.report_on_time);
    assert!(
        !record(p10).facts.minimum_met_on_time,
        "its second initiative came a second late"
    );
    assert_eq!(record(p10).initiatives, 2);
    assert!(!record(ben_thanh).facts.report_on_time);
    assert_eq!(record(ben_thanh).report_on_time, Some(false));
    assert_eq!(record(an_dong).report_on_time, None);
    assert_eq!(record(an_dong).facts.first_on_time_submission, None);
    // Names in Vietnamese order, numbers as numbers: An Đông, Bến Thành, 2, 10.
    let mut by_name: Vec<_> = records.iter().collect();
    by_name.sort_by_key(|r| r.facts.name_order);
    let names: Vec<_> = by_name.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["Phường 2", "Phường 10", "Phường An Đông", "Phường Bến Thành"]
    );

    let facts: Vec<_> = records.iter().map(|r| r.facts.clone()).collect();
    let order: Vec<i64> = rank(&scoring(), false, &facts)
        .iter()
        .map(|s| s.unit_id)
        .collect();
    // 35, 30, then 0 for Phường 10 (submitted, earlier first on time) and An Đông (nothing).
    assert_eq!(order, [p2, ben_thanh, p10, an_dong]);
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn name_order_follows_new_and_renamed_units(pool: PgPool) {
    let (campaign, _, wards) = campaign(&pool).await;
    let names_in_order = || async {
        let mut records = unit_records(&pool, campaign).await.unwrap();
        records.sort_by_key(|r| r.facts.name_order);
        records.into_iter().map(|r| r.name).collect::<Vec<_>>()
    };
    let p10 = wards.iter().find(|(n, _)| n == "Phường 10").unwrap().1;
    sqlx::query("UPDATE units SET name = 'Phường Xuân Hòa' WHERE id = $1")
        .bind(p10)
        .execute(&pool)
        .await
        .unwrap();
    // Several units in one statement, as an import adds them.
    sqlx::query(
        "WITH new AS (INSERT INTO units (code, name, search_key, kind)
                      VALUES ('P3', 'Phường 3', 'p3', 'ward'), ('CL', 'Phường Cầu Kho', 'cl', 'ward') RETURNING id)
         INSERT INTO campaign_units (campaign_id, unit_id) SELECT $1, id FROM new",
    )
    .bind(campaign)
    .execute(&pool)
    .await
    .unwrap();
    assert_eq!(
        names_in_order().await,
        [
            "Phường 2",
            "Phường 3",
            "Phường An Đông",
            "Phường Bến Thành",
            "Phường Cầu Kho",
            "Phường Xuân Hòa"
        ]
    );
}

/// Records that `unit` adopted `initiative` on `day` (through no link: an admin's record).
async fn replication(pool: &PgPool, initiative: i64, unit: i64, day: &str, admin: i64) {
    sqlx::query(
        "INSERT INTO replications (initiative_id, unit_id, adopted_on, note, recorded_by_account)
         VALUES ($1, $2, $3::date, 'Áp dụng.', $4)",
    )
    .bind(initiative)
    .bind(unit)
    .bind(day)
    .bind(admin)
    .execute(pool)
    .await
    .unwrap();
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn replications_within_the_period_earn_points_and_notify_the_board(pool: PgPool) {
    let (campaign, field, wards) = campaign(&pool).await;
    sqlx::query(
        "UPDATE campaigns SET period_start = '2026-01-01', period_end = '2026-12-31', points_replication = 4
         WHERE id = $1",
    )
    .bind(campaign)
    .execute(&pool)
    .await
    .unwrap();
    let admin: i64 = sqlx::query_scalar(
        "INSERT INTO accounts (username, display_name, password_hash, role) VALUES ('qt', 'QT', 'x', 'system_admin') RETURNING id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    // Two initiatives of Phường 10 that others may adopt.
    initiative(&pool, campaign, field, wards[0].1, "A", "2026-11-01 08:00+07").await;
    initiative(&pool, campaign, field, wards[0].1, "B", "2026-11-01 09:00+07").await;
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM initiatives ORDER BY submit_key")
        .fetch_all(&pool)
        .await
        .unwrap();
    let mut listener = sqlx::postgres::PgListener::connect_with(&pool).await.unwrap();
    listener.listen("standings").await.unwrap();
    let phuong_2 = wards[1].1;
    replication(&pool, ids[0], phuong_2, "2026-06-15", admin).await;
    let note = tokio::time::timeout(std::time::Duration::from_secs(5), listener.recv())
        .await
        .expect("the board is told")
        .unwrap();
    assert_eq!(note.payload(), campaign.to_string());
    // Adopted before the period: no points.
    replication(&pool, ids[1], phuong_2, "2025-12-31", admin).await;

    let records = unit_records(&pool, campaign).await.unwrap();
    let of = |unit: i64| records.iter().find(|r| r.facts.unit_id == unit).unwrap();
    assert_eq!(of(phuong_2).facts.replications, 1);
    assert_eq!(of(wards[0].1).facts.replications, 0);
    let giving = Scoring {
        points_replication: 4,
        ..scoring()
    };
    let facts: Vec<_> = records.iter().map(|r| r.facts.clone()).collect();
    let standings = rank(&giving, false, &facts);
    let points = standings
        .iter()
        .find(|s| s.unit_id == phuong_2)
        .unwrap()
        .participation_points;
    assert_eq!(points, 4);
}
