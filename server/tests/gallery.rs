//! The exemplary gallery and replication over HTTP, on the demo data: nothing is public before
//! the results are released; then anybody finds an exemplary initiative by its title typed
//! without diacritics, a unit records through its link that it adopted it (once, with a photo
//! anybody may open), bad input changes nothing, and an admin over the unit sees and removes it.
mod common;

use app::domain::deadline::{format_date, local_today};
use app::domain::text::fold_for_search;
use axum::http::StatusCode;
use common::unit_fixture::{fixture, PNG};
use common::{download, multipart, post, post_multipart, sign_in};
use serde_json::Value;

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {body}"))
}

/// Percent-encoded for a form body.
fn encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The demo's 2022 campaign of Quận 11: published, results held for the ceremony.
async fn published(pool: &sqlx::PgPool) -> i64 {
    sqlx::query_scalar("SELECT id FROM campaigns WHERE state = 'published'")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_released_exemplary_initiative_is_found_without_diacritics_and_a_unit_records_adopting_it(
    pool: sqlx::PgPool,
) {
    let f = fixture(pool).await;
    let published = published(&f.pool).await;
    let (status, body, _) = post(&f.app, "/api/gallery", "query=", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(json(&body)["total"], 0, "held results keep the gallery empty");

    let organizer = sign_in(&f.app, "quan11", "quan11-demo-2026").await;
    let (status, body, _) = post(
        &f.app,
        "/api/release_campaign_results",
        &format!("id={published}"),
        Some(&organizer),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let adopter = f.units[0].0;
    let (initiative, title): (i64, String) = sqlx::query_as(
        "SELECT i.id, i.title FROM initiative_results r JOIN initiatives i ON i.id = r.initiative_id
         WHERE r.campaign_id = $1 AND r.exemplary AND i.unit_id <> $2 ORDER BY i.id LIMIT 1",
    )
    .bind(published)
    .bind(adopter)
    .fetch_one(&f.pool)
    .await
    .unwrap();
    let query = format!("q={}", fold_for_search(&title));
    let (_, body, _) = post(
        &f.app,
        "/api/gallery",
        &format!("query={}", encoded(&query)),
        None,
    )
    .await;
    let gallery = json(&body);
    assert_eq!(gallery["total"], 2, "{gallery}");
    assert!(
        gallery["cards"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == initiative),
        "typed without diacritics, the title finds it: {gallery}"
    );
    assert_eq!(gallery["cards"][0]["replications"], 0);

    let cookie = f.open(0).await;
    let today = format_date(local_today(chrono::Utc::now()));
    let form = |adopted_on: &str, note: &str, photo: bool| {
        let fields = [
            ("campaign_id", f.campaign.to_string()),
            ("initiative_id", initiative.to_string()),
            ("adopted_on", adopted_on.to_owned()),
            ("note", note.to_owned()),
        ];
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let files: Vec<(&str, &str, &[u8])> = if photo {
            vec![("photo", "anh.png", PNG)]
        } else {
            Vec::new()
        };
        multipart(&pairs, &files)
    };
    let count = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM replications")
            .fetch_one(&f.pool)
            .await
            .unwrap()
    };

    // Bad input: a day to come and an empty note are told at their fields; nothing is stored.
    let (status, body) = post_multipart(
        &f.app,
        "/api/record_replication",
        form("01/01/2100", " ", true),
        Some(&cookie),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("adopted_on") && body.contains("note"), "{body}");
    assert_eq!(count().await, 0);
    // Without the unit's link nobody records anything.
    let (status, _) = post_multipart(
        &f.app,
        "/api/record_replication",
        form(&today, "Áp dụng.", false),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(count().await, 0);

    let note = "Áp dụng tại bộ phận một cửa của phường từ tháng này.";
    let (status, body) = post_multipart(
        &f.app,
        "/api/record_replication",
        form(&today, note, true),
        Some(&cookie),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = post_multipart(
        &f.app,
        "/api/record_replication",
        form(&today, note, false),
        Some(&cookie),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a second record is refused: {body}"
    );
    assert!(body.contains("already_replicated"), "{body}");
    assert_eq!(count().await, 1);

    // Anybody sees how far it spread, and opens the photo; the receipt code stays private.
    let (status, body, _) = post(
        &f.app,
        "/api/exemplary_initiative",
        &format!("initiative_id={initiative}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page = json(&body);
    assert_eq!(page["content"]["receipt_code"], "");
    let entries = page["replications"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["unit_id"], adopter);
    assert_eq!(entries[0]["note"], note);
    let photo = entries[0]["photo"].as_i64().expect("a photo");
    let (status, headers, bytes) = download(&f.app, &format!("/files/{photo}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "image/png");
    assert_eq!(&bytes[..], PNG);
    let (_, body, _) = post(&f.app, "/api/gallery", "query=", None).await;
    let cards = json(&body)["cards"].as_array().unwrap().clone();
    let card = cards.iter().find(|c| c["id"] == initiative).unwrap();
    assert_eq!(card["replications"], 1);

    // The system admin sees it by unit and takes it away; the photo goes with it.
    let admin = sign_in(&f.app, "admin", "thidua-demo-2026").await;
    let (_, body, _) = post(&f.app, "/api/replications_by_unit", "", Some(&admin)).await;
    let by_unit = json(&body);
    assert_eq!(by_unit[0]["unit_id"], adopter, "{by_unit}");
    let replication = by_unit[0]["adopted"][0]["replication_id"].as_i64().unwrap();
    let (status, _, _) = post(
        &f.app,
        "/api/remove_replication",
        &format!("replication_id={replication}"),
        Some(&admin),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(count().await, 0);
    let (status, _, _) = download(&f.app, &format!("/files/{photo}"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_link_only_campaign_reaches_the_gallery_only_when_listed_and_private_files_stay_private(
    pool: sqlx::PgPool,
) {
    let f = fixture(pool).await;
    let published = published(&f.pool).await;
    sqlx::query("UPDATE campaigns SET visibility = 'link_only', results_released_at = now() WHERE id = $1")
        .bind(published)
        .execute(&f.pool)
        .await
        .unwrap();
    let (initiative, unit): (i64, i64) = sqlx::query_as(
        "SELECT i.id, i.unit_id FROM initiative_results r JOIN initiatives i ON i.id = r.initiative_id
         WHERE r.campaign_id = $1 AND r.exemplary ORDER BY i.id LIMIT 1",
    )
    .bind(published)
    .fetch_one(&f.pool)
    .await
    .unwrap();
    let file: i64 = sqlx::query_scalar(
        "INSERT INTO attachments (initiative_id, file_name, media_type, size_bytes, bytes)
         VALUES ($1, 'so-do.png', 'image/png', $2, $3) RETURNING id",
    )
    .bind(initiative)
    .bind(PNG.len() as i32)
    .bind(PNG)
    .fetch_one(&f.pool)
    .await
    .unwrap();
    let total = || async {
        let (_, body, _) = post(&f.app, "/api/gallery", "query=", None).await;
        json(&body)["total"].as_i64().unwrap()
    };
    assert_eq!(total().await, 0, "a link-only campaign's stay out until listed");
    let (status, _, _) = post(
        &f.app,
        "/api/exemplary_initiative",
        &format!("initiative_id={initiative}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let organizer = sign_in(&f.app, "quan11", "quan11-demo-2026").await;
    let (_, body, _) = post(
        &f.app,
        "/api/exemplary_initiative",
        &format!("initiative_id={initiative}"),
        Some(&organizer),
    )
    .await;
    let preview = json(&body);
    assert_eq!(preview["listed"], false, "its organizer previews it: {preview}");
    assert_eq!(preview["organizer"]["files"][0]["public"], false);
    // Another organizer's scope does not hold the campaign: it can neither list nor publish.
    let elsewhere = sign_in(&f.app, "nguyencutrinh", "nct-demo-2026").await;
    let (status, _, _) = post(
        &f.app,
        "/api/set_gallery_listed",
        &format!("campaign_id={published}&listed=true"),
        Some(&elsewhere),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = post(
        &f.app,
        "/api/set_file_public",
        &format!("file_id={file}&public=true"),
        Some(&elsewhere),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(total().await, 0);

    let (status, _, _) = post(
        &f.app,
        "/api/set_gallery_listed",
        &format!("campaign_id={published}&listed=true"),
        Some(&organizer),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(total().await, 2);
    let (status, _, _) = download(&f.app, &format!("/files/{file}"), None).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a file stays private until marked public"
    );
    let (status, _, _) = post(
        &f.app,
        "/api/set_file_public",
        &format!("file_id={file}&public=true"),
        Some(&organizer),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = download(&f.app, &format!("/files/{file}"), None).await;
    assert_eq!(status, StatusCode::OK);
    let (_, body, _) = post(
        &f.app,
        "/api/exemplary_initiative",
        &format!("initiative_id={initiative}"),
        None,
    )
    .await;
    assert_eq!(json(&body)["content"]["attachments"][0]["id"], file);

    // The author unit's own record is refused, at the form.
    let (status, body, _) = post(
        &f.app,
        "/api/record_replication_for_unit",
        &format!("initiative_id={initiative}&unit_id={unit}&adopted_on=01/01/2023&note=x"),
        Some(&organizer),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("own_initiative"), "{body}");
    let audit: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE campaign_id = $1 AND after ? 'gallery_listed'",
    )
    .bind(published)
    .fetch_one(&f.pool)
    .await
    .unwrap();
    assert_eq!(audit, 1);
}
