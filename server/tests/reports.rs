//! Result reports and the organizer's view through the real router: on time or late, files,
//! corrections until the deadline; the participation rows and receipt lookup for admins.
mod common;

use app::domain::account::Role;
use axum::http::StatusCode;
use common::unit_fixture::{fixture, receipt, Fixture, PDF};
use common::{account, multipart, post, post_multipart, sign_in};
use sqlx::PgPool;

async fn file_report(
    f: &Fixture,
    cookie: &str,
    body: &str,
    files: &[(&str, &str, &[u8])],
) -> (StatusCode, String) {
    let campaign = f.campaign.to_string();
    let fields = [("campaign_id", campaign.as_str()), ("body", body)];
    post_multipart(
        &f.app,
        "/api/submit_report",
        multipart(&fields, files),
        Some(cookie),
    )
    .await
}

async fn report_of(f: &Fixture, n: usize) -> Option<(String, bool, i64)> {
    sqlx::query_as(
        "SELECT body, on_time, (SELECT count(*) FROM attachments a WHERE a.report_unit = r.unit_id AND a.report_campaign = r.campaign_id)
         FROM reports r WHERE campaign_id = $1 AND unit_id = $2",
    )
    .bind(f.campaign)
    .bind(f.units[n].0)
    .fetch_optional(&f.pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_report_before_the_deadline_is_on_time_and_can_be_corrected_until_then(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    let (status, body) = file_report(&f, &cookie, "  \n ", &[("attachments", "x.pdf", b"not a pdf")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("\"body\"") && body.contains("file_type"), "{body}");
    assert_eq!(report_of(&f, 0).await, None);
    let (status, body) = file_report(
        &f,
        &cookie,
        "Đã triển khai 2 sáng kiến.",
        &[("attachments", "bao-cao.pdf", PDF)],
    )
    .await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "true"));
    let (status, _) = file_report(&f, &cookie, "Đã triển khai 3 sáng kiến.", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        report_of(&f, 0).await,
        Some(("Đã triển khai 3 sáng kiến.".into(), true, 1))
    );
    // After the deadline an on-time report is frozen.
    sqlx::query("UPDATE campaigns SET report_deadline = now() - interval '1 minute', registration_deadline = now() - interval '2 minutes' WHERE id = $1")
        .bind(f.campaign)
        .execute(&f.pool)
        .await
        .unwrap();
    let (status, body) = file_report(&f, &cookie, "Sửa muộn.", &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("report_closed"), "{body}");
    assert_eq!(
        report_of(&f, 0).await,
        Some(("Đã triển khai 3 sáng kiến.".into(), true, 1))
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_report_after_the_deadline_is_taken_once_and_marked_late(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(1).await;
    sqlx::query("UPDATE campaigns SET report_deadline = now() - interval '1 minute', registration_deadline = now() - interval '2 minutes' WHERE id = $1")
        .bind(f.campaign)
        .execute(&f.pool)
        .await
        .unwrap();
    let (status, body) = file_report(&f, &cookie, "Nộp muộn.", &[]).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "false"));
    assert_eq!(report_of(&f, 1).await, Some(("Nộp muộn.".into(), false, 0)));
    let (status, _) = file_report(&f, &cookie, "Nộp muộn lần hai.", &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // Without a link nothing is filed.
    let fields = [("campaign_id", f.campaign.to_string())];
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _) = post_multipart(&f.app, "/api/submit_report", multipart(&pairs, &[]), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_organizer_sees_each_units_progress_and_finds_a_receipt(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    let (_, body) = f.submit(Some(&cookie), "K-SEEN", &[], &[]).await;
    let (_, code) = receipt(&body);
    account(&f.pool, "quantri", "mat-khau-quan-tri", Role::SystemAdmin).await;
    let admin = sign_in(&f.app, "quantri", "mat-khau-quan-tri").await;
    let (status, text, _) = post(
        &f.app,
        "/api/campaign_participation",
        &format!("id={}", f.campaign),
        Some(&admin),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rows = json["rows"].as_array().unwrap();
    let units: i64 = sqlx::query_scalar("SELECT count(*) FROM campaign_units WHERE campaign_id = $1")
        .bind(f.campaign)
        .fetch_one(&f.pool)
        .await
        .unwrap();
    assert_eq!(rows.len() as i64, units);
    let mine = rows.iter().find(|r| r["unit_id"] == f.units[0].0).unwrap();
    assert_eq!(mine["initiatives"], 1);
    assert!(mine["committed_at"].is_null() && mine["report_on_time"].is_null());
    let committed = rows.iter().filter(|r| !r["committed_at"].is_null()).count() as i64;
    assert_eq!(committed, units - 2);
    // Receipt codes are found however they are typed; a malformed one is refused at its field.
    let typed = code.to_lowercase().replace('-', " ");
    let (status, text, _) = post(
        &f.app,
        "/api/lookup_receipt",
        &format!("id={}&code={typed}", f.campaign),
        Some(&admin),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        text.contains(&code) && text.contains("Một cửa không chờ"),
        "{text}"
    );
    let (status, text, _) = post(
        &f.app,
        "/api/lookup_receipt",
        &format!("id={}&code=0000", f.campaign),
        Some(&admin),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("receipt_format"), "{text}");
    // A unit link is no key to the organizer's view.
    let (status, _, _) = post(
        &f.app,
        "/api/campaign_participation",
        &format!("id={}", f.campaign),
        Some(&cookie),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_organizer_opens_a_units_registration_from_the_table(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    let (_, body) = f.submit(Some(&cookie), "K-OPEN", &[], &[]).await;
    let (_, code) = receipt(&body);
    account(&f.pool, "quantri", "mat-khau-quan-tri", Role::SystemAdmin).await;
    let admin = sign_in(&f.app, "quantri", "mat-khau-quan-tri").await;
    let unit = f.units[0].0;
    let form = format!("id={}&unit_id={unit}", f.campaign);
    let (status, text, _) = post(&f.app, "/api/get_unit_registration", &form, Some(&admin)).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let initiatives = json["initiatives"].as_array().unwrap();
    assert_eq!(initiatives.len(), 1);
    assert_eq!(initiatives[0]["receipt_code"], code.as_str());
    assert_eq!(initiatives[0]["title"], "Mô hình “Một cửa không chờ”");
    assert!(json["commitment"].is_null() && json["report"].is_null(), "{text}");
    // A found receipt names its unit, so the lookup links to the same view.
    let (status, text, _) = post(
        &f.app,
        "/api/lookup_receipt",
        &format!("id={}&code={code}", f.campaign),
        Some(&admin),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let found: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(found["unit_id"], unit, "{text}");
    // A unit that does not take part is not there, whatever its id.
    let outsider: i64 = sqlx::query_scalar(
        "SELECT id FROM units WHERE id NOT IN (SELECT unit_id FROM campaign_units WHERE campaign_id = $1) LIMIT 1",
    )
    .bind(f.campaign)
    .fetch_one(&f.pool)
    .await
    .unwrap();
    let form_outside = format!("id={}&unit_id={outsider}", f.campaign);
    let (status, _, _) = post(&f.app, "/api/get_unit_registration", &form_outside, Some(&admin)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The unit's own link does not open its organizer's view.
    let (status, _, _) = post(&f.app, "/api/get_unit_registration", &form, Some(&cookie)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
