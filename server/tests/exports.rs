//! Downloads (`GET /exports/{table}.{format}`) against the demo data: every table in both
//! formats reads back (the .xlsx through calamine, the CSV through the csv crate) with the rows
//! the database holds; the unit list imports back unchanged; formula-looking text never becomes
//! a formula; and each table goes only to whom its page shows it.
mod common;

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use calamine::{Data, Reader, Xlsx};
use common::demo::{demo, Demo};
use common::{multipart, post_multipart, sign_in};
use http_body_util::BodyExt;
use server::demo_council::DEMO_COUNCIL_PASSWORD;
use sqlx::PgPool;
use std::io::{Cursor, Read};
use tower::ServiceExt;

const BOM: &str = "\u{feff}";

async fn download(demo: &Demo, address: &str, cookie: Option<&str>) -> (StatusCode, HeaderMap, Vec<u8>) {
    common::download(&demo.app, address, cookie).await
}

/// The CSV's records (header first), after checking the byte-order mark.
fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text
        .strip_prefix(BOM)
        .expect("a CSV starts with a byte-order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The first worksheet's cells.
fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

/// Both formats of a table, checked against each other: the same header and the same rows
/// (as text), the .xlsx with its title line first.
async fn both(demo: &Demo, table: &str, query: &str, cookie: &str) -> (Vec<Vec<String>>, Vec<Vec<Data>>) {
    let (status, headers, csv) = download(demo, &format!("/exports/{table}.csv{query}"), Some(cookie)).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{table}.csv: {}",
        String::from_utf8_lossy(&csv)
    );
    assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let disposition = headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"") && disposition.ends_with(".csv\""),
        "{disposition}"
    );
    let (status, headers, xlsx) =
        download(demo, &format!("/exports/{table}.xlsx{query}"), Some(cookie)).await;
    assert_eq!(status, StatusCode::OK, "{table}.xlsx");
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(headers[header::CACHE_CONTROL], "private, no-store");
    let records = csv_records(&csv);
    let cells = xlsx_rows(&xlsx);
    let title = cells[0][0].to_string();
    assert!(title.contains("Xuất lúc"), "{table}: {title}");
    let header: Vec<String> = cells[1].iter().map(ToString::to_string).collect();
    assert_eq!(header, records[0], "{table}: the same header in both formats");
    assert_eq!(
        cells.len() - 1,
        records.len(),
        "{table}: the same rows in both formats"
    );
    (records, cells)
}

async fn count(pool: &PgPool, sql: &str, id: i64) -> usize {
    sqlx::query_scalar::<_, i64>(sql)
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap() as usize
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn every_table_of_a_campaign_downloads_in_both_formats_with_its_rows(pool: PgPool) {
    let demo = demo(pool).await;
    let campaign = demo.campaign_of("Q11").await;
    let organizer = demo.organizer("Q11").await;
    let q = format!("?campaign={campaign}");
    let units = count(
        &demo.pool,
        "SELECT count(*) FROM campaign_units WHERE campaign_id = $1",
        campaign,
    )
    .await;
    let initiatives = count(
        &demo.pool,
        "SELECT count(*) FROM initiatives WHERE campaign_id = $1",
        campaign,
    )
    .await;
    assert!(units > 10 && initiatives > 10);

    let (records, cells) = both(&demo, "participation", &q, &organizer).await;
    assert_eq!(records.len() - 1, units);
    assert!(
        records[0][0] == "Đơn vị" && records[0][3].starts_with("Đủ tối thiểu"),
        "{:?}",
        records[0]
    );
    assert!(matches!(cells[2][2], Data::Float(_)), "counts are numbers");

    let (records, cells) = both(&demo, "initiatives", &q, &organizer).await;
    assert_eq!(records.len() - 1, initiatives);
    let first_applied = records[0]
        .iter()
        .position(|h| h == "Ngày áp dụng lần đầu")
        .unwrap();
    assert!(
        matches!(cells[2][first_applied], Data::DateTime(_)),
        "a real Excel date"
    );
    let shown = &records[1][first_applied];
    assert!(
        shown.len() == 10 && shown.as_bytes()[2] == b'/' && shown.as_bytes()[5] == b'/',
        "{shown}"
    );
    let receipts: Vec<String> =
        sqlx::query_scalar("SELECT receipt_code FROM initiatives WHERE campaign_id = $1")
            .bind(campaign)
            .fetch_all(&demo.pool)
            .await
            .unwrap();
    assert!(records[1..].iter().all(|r| receipts.contains(&r[0])));

    let (records, cells) = both(&demo, "unit-results", &q, &organizer).await;
    assert_eq!(records.len() - 1, units);
    assert_eq!(records[1][0], "1", "best first");
    assert!(matches!(cells[2][3], Data::Float(_)), "scores are numbers");

    let (records, _) = both(&demo, "initiative-results", &q, &organizer).await;
    assert_eq!(records.len() - 1, initiatives);
    // The results page's filter travels with the download.
    let (filtered, _) = both(
        &demo,
        "initiative-results",
        &format!("{q}&table=initiatives&only=exemplary"),
        &organizer,
    )
    .await;
    let exemplary = count(
        &demo.pool,
        "SELECT count(*) FROM initiative_results WHERE campaign_id = $1 AND exemplary",
        campaign,
    )
    .await;
    assert_eq!(filtered.len() - 1, exemplary);

    let (records, _) = both(&demo, "awards", &q, &organizer).await;
    let awards = count(
        &demo.pool,
        "SELECT count(*) FROM awards WHERE campaign_id = $1",
        campaign,
    )
    .await;
    assert!(awards > 0);
    assert_eq!(records.len() - 1, awards);

    let (records, _) = both(&demo, "member-scores", &q, &organizer).await;
    assert_eq!(records.len() - 1, initiatives);
    let members = count(
        &demo.pool,
        "SELECT count(*) FROM council_members WHERE campaign_id = $1",
        campaign,
    )
    .await;
    assert_eq!(records[0].len(), 2 + members + 5);
}

/// What the import's report says of the file it was given: (created, updated, unchanged, problems).
async fn import(demo: &Demo, cookie: &str, name: &str, bytes: &[u8]) -> (i32, i32, i32, String) {
    let body = multipart(&[], &[("file", name, bytes)]);
    let (status, text) = post_multipart(&demo.app, "/api/import_units", body, Some(cookie)).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    sqlx::query_as(
        "SELECT created, updated, unchanged, problems::text FROM unit_imports ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&demo.pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_unit_list_imports_back_as_it_is_for_each_scope(pool: PgPool) {
    let demo = demo(pool).await;
    let all = count(&demo.pool, "SELECT count(*) FROM units WHERE $1 = $1", 0).await;
    let q11 = demo.unit("Q11").await;
    let below_q11 = count(&demo.pool, "SELECT count(*) FROM unit_subtree($1)", q11).await;
    for (cookie, expected) in [
        (demo.system_admin().await, all),
        (demo.organizer("Q11").await, below_q11),
    ] {
        for format in ["xlsx", "csv"] {
            let (status, _, bytes) =
                download(&demo, &format!("/exports/units.{format}"), Some(&cookie)).await;
            assert_eq!(status, StatusCode::OK);
            let (created, updated, unchanged, problems) =
                import(&demo, &cookie, &format!("don-vi.{format}"), &bytes).await;
            assert_eq!((created, updated, problems.as_str()), (0, 0, "[]"), "{format}");
            assert_eq!(
                unchanged as usize, expected,
                "{format}: every unit of the scope, unchanged"
            );
        }
    }
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn formula_looking_text_never_becomes_a_formula(pool: PgPool) {
    let demo = demo(pool).await;
    let campaign = demo.campaign_of("Q11").await;
    let organizer = demo.organizer("Q11").await;
    let title = "=HYPERLINK(\"http://evil.example\",\"Bấm vào đây\")";
    let id: i64 = sqlx::query_scalar(
        "UPDATE initiatives SET title = $2, scope = '@SUM(1+1)' WHERE id = (SELECT min(id) FROM initiatives WHERE campaign_id = $1) RETURNING id",
    )
    .bind(campaign)
    .bind(title)
    .fetch_one(&demo.pool)
    .await
    .unwrap();
    assert!(id > 0);
    let (records, cells) = both(&demo, "initiatives", &format!("?campaign={campaign}"), &organizer).await;
    let column = records[0].iter().position(|h| h == "Tên sáng kiến").unwrap();
    let row = records
        .iter()
        .position(|r| r[column].contains("HYPERLINK"))
        .unwrap();
    assert_eq!(records[row][column], format!("'{title}"));
    let scope = records[0].iter().position(|h| h == "Phạm vi áp dụng").unwrap();
    assert_eq!(records[row][scope], "'@SUM(1+1)");
    assert_eq!(
        cells[row + 1][column],
        Data::String(title.to_owned()),
        "text, as typed"
    );
    let (_, _, xlsx) = download(
        &demo,
        &format!("/exports/initiatives.xlsx?campaign={campaign}"),
        Some(&organizer),
    )
    .await;
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut sheet = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(
        !sheet.contains("<f>") && !sheet.contains("<f "),
        "no formula in the sheet"
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn each_table_goes_only_to_whom_its_page_shows_it(pool: PgPool) {
    let demo = demo(pool).await;
    let q11 = demo.campaign_of("Q11").await;
    let q10 = demo.campaign_of("Q10").await;
    let elsewhere = demo.organizer("Q1-NCT").await;
    let status = |address: String, cookie: Option<String>| {
        let demo = &demo;
        async move { download(demo, &address, cookie.as_deref()).await.0 }
    };
    // Signed out: told to sign in (a page, not a file), then sent back to the page it came from.
    let (code, headers, body) = download(&demo, "/exports/units.xlsx", None).await;
    assert_eq!(code, StatusCode::UNAUTHORIZED);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(String::from_utf8(body)
        .unwrap()
        .contains("/login?next=%2Fadmin%2Fcampaigns"));
    let sign_in_link = |referer: &'static str| {
        let app = demo.app.clone();
        async move {
            let request = Request::get("/exports/units.csv")
                .header(header::HOST, "thidua.example")
                .header(header::REFERER, referer)
                .body(Body::empty())
                .unwrap();
            let answer = app.oneshot(request).await.unwrap();
            let body = answer.into_body().collect().await.unwrap().to_bytes();
            String::from_utf8_lossy(&body).into_owned()
        }
    };
    let page = sign_in_link("https://thidua.example/admin/units?q=ph").await;
    assert!(page.contains("/login?next=%2Fadmin%2Funits%3Fq%3Dph"), "{page}");
    let page = sign_in_link("https://evil.example/admin/units").await;
    assert!(page.contains("/login?next=%2Fadmin%2Fcampaigns"), "{page}");
    for table in ["participation", "initiatives", "member-scores"] {
        assert_eq!(
            status(format!("/exports/{table}.csv?campaign={q11}"), None).await,
            StatusCode::UNAUTHORIZED
        );
        // Another scope's organizer: it does not exist.
        assert_eq!(
            status(
                format!("/exports/{table}.csv?campaign={q11}"),
                Some(elsewhere.clone())
            )
            .await,
            StatusCode::NOT_FOUND
        );
    }
    assert_eq!(
        status("/exports/units.pdf".into(), Some(elsewhere.clone())).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        status("/exports/initiatives.csv".into(), Some(elsewhere.clone())).await,
        StatusCode::NOT_FOUND
    );

    // Results held for the conference: nothing for the public, until the release.
    for table in ["unit-results", "initiative-results", "awards"] {
        assert_eq!(
            status(format!("/exports/{table}.csv?campaign={q11}"), None).await,
            StatusCode::NOT_FOUND
        );
    }
    let organizer = demo.organizer("Q11").await;
    let (released, _) = demo
        .call("/api/release_campaign_results", &format!("id={q11}"), &organizer)
        .await;
    assert_eq!(released, StatusCode::OK);
    let (code, _, body) = download(&demo, &format!("/exports/awards.csv?campaign={q11}"), None).await;
    assert_eq!(code, StatusCode::OK);
    assert!(csv_records(&body).len() > 1);

    // The council: the chair downloads the members' scores; a member may not.
    let chair = sign_in(&demo.app, "hd.chutich", DEMO_COUNCIL_PASSWORD).await;
    let member = sign_in(&demo.app, "hd.phuong", DEMO_COUNCIL_PASSWORD).await;
    let (code, _, _) = download(
        &demo,
        &format!("/exports/member-scores.xlsx?campaign={q10}"),
        Some(&chair),
    )
    .await;
    assert_eq!(code, StatusCode::OK);
    assert_eq!(
        status(
            format!("/exports/member-scores.csv?campaign={q10}"),
            Some(member.clone())
        )
        .await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        status(
            format!("/exports/participation.csv?campaign={q10}"),
            Some(member.clone())
        )
        .await,
        StatusCode::FORBIDDEN
    );
    // A member's results leave his own ward's initiatives hidden, as his page does.
    let (code, _, body) = download(
        &demo,
        &format!("/exports/initiative-results.csv?campaign={q10}"),
        Some(&member),
    )
    .await;
    assert_eq!(code, StatusCode::OK);
    let records = csv_records(&body);
    let score = records[0].iter().position(|h| h == "Điểm cuối cùng").unwrap();
    let unit = records[0].iter().position(|h| h == "Đơn vị").unwrap();
    let ward: String = sqlx::query_scalar(
        "SELECT u.name::text FROM accounts a JOIN units u ON u.id = a.unit_id WHERE a.username = 'hd.phuong'",
    )
    .fetch_one(&demo.pool)
    .await
    .unwrap();
    let own: Vec<&Vec<String>> = records[1..].iter().filter(|r| r[unit] == ward).collect();
    assert!(!own.is_empty());
    assert!(own.iter().all(|r| r[score] == "Ẩn"), "{own:?}");
}
