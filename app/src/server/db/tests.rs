//! Database tests against a real PostgreSQL: each test gets its own database with migrations.
use crate::domain::access::Scope;
use crate::domain::account::{Role, Username};
use crate::domain::text::fold_for_search;
use crate::domain::unit::{UnitCode, UnitKind, UnitName};
use crate::server::db;
use crate::server::unit_import::import_bytes;
use sqlx::PgPool;
use unicode_normalization::UnicodeNormalization;

async fn admin(pool: &PgPool) -> i64 {
    db::accounts::insert(
        pool,
        &Username::parse("admin").unwrap(),
        "Quản trị",
        "x",
        Role::SystemAdmin,
        None,
    )
    .await
    .unwrap()
}

async fn unit(pool: &PgPool, code: &str, name: &str, parent: Option<i64>) -> i64 {
    let (code, name) = (UnitCode::parse(code).unwrap(), UnitName::parse(name).unwrap());
    db::units::insert(pool, &code, &name, UnitKind::Ward, parent)
        .await
        .unwrap()
}

async fn names(pool: &PgPool, parent: Option<i64>) -> Vec<String> {
    db::units::children(pool, parent)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect()
}

async fn applied(pool: &PgPool, run: i64) -> bool {
    db::unit_imports::get(pool, run, None)
        .await
        .unwrap()
        .unwrap()
        .applied
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn children_follow_vietnamese_order_with_numbers_as_numbers(pool: PgPool) {
    for (code, name) in [
        ("A", "Phường 10"),
        ("B", "Phường 2"),
        ("C", "Đa Kao"),
        ("D", "Dĩ An"),
        ("E", "Bến Nghé"),
        ("F", "Phường 1"),
    ] {
        unit(&pool, code, name, None).await;
    }
    assert_eq!(
        names(&pool, None).await,
        ["Bến Nghé", "Dĩ An", "Đa Kao", "Phường 1", "Phường 2", "Phường 10"]
    );
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn search_ignores_diacritics_and_case(pool: PgPool) {
    let district = unit(&pool, "GV", "Quận Gò Vấp", None).await;
    unit(&pool, "GV-P4", "Phường 4", Some(district)).await;
    unit(&pool, "GV-P14", "Phường 14", Some(district)).await;
    unit(&pool, "GV-DTN", "Đoàn Thanh niên phường", Some(district)).await;
    for query in ["phuong 4", "PHƯỜNG 4", "Phuờng 4"] {
        let hits = db::units::search(&pool, &fold_for_search(query), 50, Scope::System)
            .await
            .unwrap();
        assert_eq!(
            hits.iter().map(|h| h.name.as_str()).collect::<Vec<_>>(),
            ["Phường 4"],
            "query {query:?}"
        );
        assert_eq!(hits[0].path, "Quận Gò Vấp");
    }
    let hits = db::units::search(&pool, &fold_for_search("doan"), 50, Scope::System)
        .await
        .unwrap();
    assert_eq!(hits[0].name, "Đoàn Thanh niên phường");
    let hits = db::units::search(&pool, &fold_for_search("gv-p1"), 50, Scope::System)
        .await
        .unwrap();
    assert_eq!(hits[0].code, "GV-P14");
    assert!(
        db::units::search(&pool, &fold_for_search("100%"), 50, Scope::System)
            .await
            .unwrap()
            .is_empty()
    );
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn a_unit_is_in_its_own_subtree_and_its_descendants_are_too(pool: PgPool) {
    let district = unit(&pool, "Q", "Quận", None).await;
    let ward = unit(&pool, "P", "Phường", Some(district)).await;
    let other = unit(&pool, "O", "Khác", None).await;
    assert!(db::units::is_in_subtree(&pool, district, district).await.unwrap());
    assert!(db::units::is_in_subtree(&pool, district, ward).await.unwrap());
    assert!(!db::units::is_in_subtree(&pool, ward, district).await.unwrap());
    assert!(!db::units::is_in_subtree(&pool, district, other).await.unwrap());
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn a_taken_code_is_a_field_problem(pool: PgPool) {
    unit(&pool, "GV", "Quận Gò Vấp", None).await;
    let (code, name) = (UnitCode::parse("gv").unwrap(), UnitName::parse("Trùng").unwrap());
    let err = db::units::insert(&pool, &code, &name, UnitKind::District, None)
        .await
        .unwrap_err();
    assert_eq!(err.problems_at("code"), [crate::error::Problem::CodeTaken]);
}

const FILE: &str = "code,name,kind,parent code\nGV-P1,Phường 1,phường,GV\nGV,Quận Gò Vấp,quận,HCM\nHCM,Thành phố Hồ Chí Minh,tỉnh,\n";

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn importing_the_same_file_twice_changes_nothing(pool: PgPool) {
    let account = admin(&pool).await;
    let first = import_bytes(&pool, account, "a.csv", FILE.as_bytes())
        .await
        .unwrap();
    let report = db::unit_imports::get(&pool, first, None).await.unwrap().unwrap();
    assert_eq!(
        (report.applied, report.created, report.updated, report.unchanged),
        (true, 3, 0, 0)
    );
    let before: Vec<(String, chrono::DateTime<chrono::Utc>)> =
        sqlx::query_as("SELECT code, updated_at FROM units ORDER BY code")
            .fetch_all(&pool)
            .await
            .unwrap();
    let second = import_bytes(&pool, account, "a.csv", FILE.as_bytes())
        .await
        .unwrap();
    let report = db::unit_imports::get(&pool, second, None).await.unwrap().unwrap();
    assert_eq!((report.created, report.updated, report.unchanged), (0, 0, 3));
    let after: Vec<(String, chrono::DateTime<chrono::Utc>)> =
        sqlx::query_as("SELECT code, updated_at FROM units ORDER BY code")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(before, after);
    let hcm = db::units::children(&pool, None).await.unwrap();
    assert_eq!(hcm[0].code, "HCM");
    assert_eq!(names(&pool, Some(hcm[0].id)).await, ["Quận Gò Vấp"]);
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn a_changed_name_updates_the_unit_with_that_code(pool: PgPool) {
    let account = admin(&pool).await;
    import_bytes(&pool, account, "a.csv", FILE.as_bytes())
        .await
        .unwrap();
    let renamed = FILE.replace("Phường 1,", "Phường Một,");
    let run = import_bytes(&pool, account, "b.csv", renamed.as_bytes())
        .await
        .unwrap();
    let report = db::unit_imports::get(&pool, run, None).await.unwrap().unwrap();
    assert_eq!((report.created, report.updated, report.unchanged), (0, 1, 2));
    let hits = db::units::search(&pool, "phuong mot", 5, Scope::System)
        .await
        .unwrap();
    assert_eq!(hits[0].code, "GV-P1");
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn a_file_with_a_bad_row_imports_nothing(pool: PgPool) {
    let account = admin(&pool).await;
    let bad = format!("{FILE}X,,phường,GV\n");
    let run = import_bytes(&pool, account, "bad.csv", bad.as_bytes())
        .await
        .unwrap();
    let report = db::unit_imports::get(&pool, run, None).await.unwrap().unwrap();
    assert!(!report.applied);
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].row, 5);
    assert_eq!(db::units::count(&pool).await.unwrap(), 0);
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn nfd_text_a_bom_and_windows_line_ends_import_the_same(pool: PgPool) {
    let account = admin(&pool).await;
    let variant: String = format!("\u{feff}{}", FILE.replace('\n', "\r\n")).nfd().collect();
    let run = import_bytes(&pool, account, "nfd.csv", variant.as_bytes())
        .await
        .unwrap();
    assert!(applied(&pool, run).await);
    let again = import_bytes(&pool, account, "plain.csv", FILE.as_bytes())
        .await
        .unwrap();
    let report = db::unit_imports::get(&pool, again, None).await.unwrap().unwrap();
    assert_eq!((report.created, report.updated, report.unchanged), (0, 0, 3));
    let stored: String = sqlx::query_scalar("SELECT name FROM units WHERE code = 'GV'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, "Quận Gò Vấp".nfc().collect::<String>());
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn an_xlsx_file_imports_like_the_csv(pool: PgPool) {
    let account = admin(&pool).await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in FILE.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            sheet.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let run = import_bytes(&pool, account, "a.xlsx", &bytes).await.unwrap();
    let report = db::unit_imports::get(&pool, run, None).await.unwrap().unwrap();
    assert_eq!((report.applied, report.created), (true, 3));
    let again = import_bytes(&pool, account, "a.csv", FILE.as_bytes())
        .await
        .unwrap();
    assert_eq!(
        db::unit_imports::get(&pool, again, None)
            .await
            .unwrap()
            .unwrap()
            .unchanged,
        3
    );
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn a_reimport_that_would_make_a_cycle_through_stored_units_is_refused(pool: PgPool) {
    let account = admin(&pool).await;
    import_bytes(&pool, account, "a.csv", FILE.as_bytes())
        .await
        .unwrap();
    let cycle = "code,name,kind,parent code\nHCM,Thành phố Hồ Chí Minh,tỉnh,GV-P1\n";
    let run = import_bytes(&pool, account, "c.csv", cycle.as_bytes())
        .await
        .unwrap();
    assert!(!applied(&pool, run).await);
    let root: Option<i64> = sqlx::query_scalar("SELECT parent_id FROM units WHERE code = 'HCM'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(root, None);
}

#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn an_unknown_stored_state_or_visibility_is_an_error_never_the_most_permissive_value(pool: PgPool) {
    use crate::error::AppError;
    let organizer = unit(&pool, "GV", "Gò Vấp", None).await;
    let id: i64 =
        sqlx::query_scalar("INSERT INTO campaigns (title, organizer_id) VALUES ('Thi đua', $1) RETURNING id")
            .bind(organizer)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(db::campaigns::list(&pool, Scope::System).await.unwrap().len(), 1);
    // Values a newer version could have written (its own checks would allow them).
    sqlx::raw_sql(&format!(
        "ALTER TABLE campaigns DROP CONSTRAINT campaigns_state_check, DROP CONSTRAINT campaigns_visibility_check;
         UPDATE campaigns SET state = 'archived', visibility = 'secret' WHERE id = {id}"
    ))
    .execute(&pool)
    .await
    .unwrap();
    let mut conn = pool.acquire().await.unwrap();
    assert!(matches!(
        db::campaigns::lock_state(&mut conn, id).await,
        Err(AppError::Internal)
    ));
    assert!(matches!(
        db::campaigns::list(&pool, Scope::System).await,
        Err(AppError::Internal)
    ));
    sqlx::query("UPDATE campaigns SET state = 'open' WHERE id = $1")
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    let board = db::standings::board_campaign(&pool, id).await;
    assert!(
        matches!(board, Err(AppError::Internal)),
        "an unknown visibility never reads as public"
    );
}

/// A connection PostgreSQL ends (as at a restart) and a pool that is gone read as "try again
/// shortly" (503), not as a fault of the app (500).
#[sqlx::test(migrator = "crate::server::MIGRATOR")]
async fn a_database_out_of_reach_is_unavailable_not_internal(pool: PgPool) {
    let mut conn = pool.acquire().await.unwrap();
    let pid: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    sqlx::query("SELECT pg_terminate_backend($1)")
        .bind(pid)
        .execute(&pool)
        .await
        .unwrap();
    let ended = db::campaigns::list(&mut *conn, Scope::System).await;
    assert!(
        matches!(ended, Err(crate::error::AppError::Unavailable)),
        "{ended:?}"
    );
    drop(conn);
    pool.close().await;
    let closed = db::campaigns::list(&pool, Scope::System).await;
    assert!(
        matches!(closed, Err(crate::error::AppError::Unavailable)),
        "{closed:?}"
    );
}
