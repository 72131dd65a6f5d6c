//! Files chosen in a refused plain post (scripts off) are held with the form's draft: the form
//! lists them, the next send that succeeds saves them, discarding the draft drops them, and only
//! the unit that chose them can open them. A send with scripts keeps its files in the page, so
//! its refusal holds none.
mod common;

use app::domain::initiative::attachment::MAX_FILES;
use axum::http::{header, StatusCode};
use common::unit_fixture::{fixture, receipt, Fixture, PDF, PNG};
use common::{get, multipart, post, post_multipart, post_multipart_from_page};
use sqlx::PgPool;

/// The files held with unit `n`'s draft `form`, by name in the order chosen, with their ids.
async fn held(f: &Fixture, n: usize, form: &str) -> Vec<(i64, String)> {
    sqlx::query_as(
        "SELECT id, file_name FROM attachments
         WHERE draft_campaign = $1 AND draft_unit = $2 AND draft_form = $3 ORDER BY id",
    )
    .bind(f.campaign)
    .bind(f.units[n].0)
    .bind(form)
    .fetch_all(&f.pool)
    .await
    .unwrap()
}

fn names(files: &[(i64, String)]) -> Vec<&str> {
    files.iter().map(|(_, name)| name.as_str()).collect()
}

/// Sends the initiative form as a browser without scripts does, from the new-initiative page;
/// answers where it was sent back to.
async fn send_plain(
    f: &Fixture,
    cookie: &str,
    change: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
) -> String {
    let page = format!("/unit/{}/initiatives/new", f.campaign);
    let body = f.body("K-HELD", change, files).await;
    let (status, headers) =
        post_multipart_from_page(&f.app, "/api/submit_initiative", body, cookie, &page).await;
    assert!(status.is_redirection(), "{status}");
    headers[header::LOCATION].to_str().unwrap().to_owned()
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn files_of_a_refused_plain_post_are_held_until_the_next_send_saves_them(pool: PgPool) {
    let f = fixture(pool).await;
    let (cookie, other) = (f.open(0).await, f.open(1).await);
    let page = format!("/unit/{}/initiatives/new", f.campaign);
    let untitled = [("title", "")];
    let back = send_plain(
        &f,
        &cookie,
        &untitled,
        &[
            ("attachments", "ảnh.png", PNG),
            ("attachments", "tờ trình.pdf", PDF),
        ],
    )
    .await;
    assert!(back.starts_with(&format!("{page}?refused=")), "{back}");
    let first = held(&f, 0, "new").await;
    assert_eq!(names(&first), ["ảnh.png", "tờ trình.pdf"]);
    assert_eq!(f.initiatives_of(0).await, 0);

    // The form lists them, each with its remove box; only their unit opens them.
    let (status, html, _) = get(&f.app, &page, Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("được giữ lại") && html.contains("tờ trình.pdf"),
        "{html}"
    );
    assert!(
        html.contains(&format!("name=\"remove_attachment\" value=\"{}\"", first[1].0)),
        "{html}"
    );
    let file = format!("/files/{}", first[0].0);
    assert_eq!(get(&f.app, &file, Some(&cookie)).await.0, StatusCode::OK);
    assert_eq!(get(&f.app, &file, Some(&other)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(&f.app, &file, None).await.0, StatusCode::NOT_FOUND);
    let (_, other_form, _) = get(&f.app, &page, Some(&other)).await;
    assert!(!other_form.contains("tờ trình.pdf"), "{other_form}");

    // Refused again: the ticked one goes, the new one joins.
    let remove_pdf = first[1].0.to_string();
    send_plain(
        &f,
        &cookie,
        &[("title", ""), ("remove_attachment", &remove_pdf)],
        &[("attachments", "quyết định.pdf", PDF)],
    )
    .await;
    assert_eq!(names(&held(&f, 0, "new").await), ["ảnh.png", "quyết định.pdf"]);
    // New files that do not fit beside the held ones are not held: the refusal says so.
    let many: Vec<(&str, &str, &[u8])> = (0..MAX_FILES - 1)
        .map(|_| ("attachments", "n.png", PNG))
        .collect();
    send_plain(&f, &cookie, &untitled, &many).await;
    assert_eq!(names(&held(&f, 0, "new").await), ["ảnh.png", "quyết định.pdf"]);
    // A send with scripts keeps its files in the page: its refusal holds none.
    let (status, body) = f
        .submit(
            Some(&cookie),
            "K-HELD",
            &untitled,
            &[("attachments", "js.pdf", PDF)],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(held(&f, 0, "new").await.len(), 2);

    // Fixed and sent, with one more file: the initiative has all three, the draft nothing.
    let (status, body) = f
        .submit(Some(&cookie), "K-HELD", &[], &[("attachments", "thêm.png", PNG)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (id, _) = receipt(&body);
    let saved: Vec<String> =
        sqlx::query_scalar("SELECT file_name FROM attachments WHERE initiative_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&f.pool)
            .await
            .unwrap();
    assert_eq!(saved, ["ảnh.png", "quyết định.pdf", "thêm.png"]);
    assert!(held(&f, 0, "new").await.is_empty());
    assert_eq!(f.count("SELECT count(*) FROM drafts WHERE form = 'new'").await, 0);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_discarded_draft_drops_its_held_files_and_a_removed_one_is_not_saved(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    let untitled = [("title", "")];
    send_plain(&f, &cookie, &untitled, &[("attachments", "bỏ.pdf", PDF)]).await;
    assert_eq!(held(&f, 0, "new").await.len(), 1);
    let (status, _, _) = post(
        &f.app,
        "/api/discard_initiative_draft",
        &format!("campaign_id={}&form=new", f.campaign),
        Some(&cookie),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(held(&f, 0, "new").await.is_empty());
    assert_eq!(
        f.count("SELECT count(*) FROM attachments WHERE draft_campaign IS NOT NULL")
            .await,
        0
    );

    // Held, then ticked for removal in the send that succeeds: not saved, and gone.
    send_plain(&f, &cookie, &untitled, &[("attachments", "thừa.pdf", PDF)]).await;
    let remove = held(&f, 0, "new").await[0].0.to_string();
    let (status, body) = f
        .submit(Some(&cookie), "K-HELD", &[("remove_attachment", &remove)], &[])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (id, _) = receipt(&body);
    assert_eq!(
        f.count(&format!(
            "SELECT count(*) FROM attachments WHERE initiative_id = {id}"
        ))
        .await,
        0
    );
    assert_eq!(
        f.count("SELECT count(*) FROM attachments WHERE draft_campaign IS NOT NULL")
            .await,
        0
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_refused_plain_report_holds_its_files_for_the_report_that_is_filed(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    let page = format!("/unit/{}/report", f.campaign);
    let campaign = f.campaign.to_string();
    let report = |body: &'static str, files: &[(&str, &str, &[u8])]| {
        multipart(&[("campaign_id", campaign.as_str()), ("body", body)], files)
    };
    let (status, _) = post_multipart_from_page(
        &f.app,
        "/api/submit_report",
        report(" ", &[("attachments", "báo cáo.pdf", PDF)]),
        &cookie,
        &page,
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(names(&held(&f, 0, "report").await), ["báo cáo.pdf"]);
    let (_, html, _) = get(&f.app, &page, Some(&cookie)).await;
    assert!(
        html.contains("được giữ lại") && html.contains("báo cáo.pdf"),
        "{html}"
    );

    let (status, body) = post_multipart(
        &f.app,
        "/api/submit_report",
        report("Đã triển khai 2 sáng kiến.", &[]),
        Some(&cookie),
    )
    .await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "true"));
    let filed: Vec<String> = sqlx::query_scalar(
        "SELECT file_name FROM attachments WHERE report_campaign = $1 AND report_unit = $2",
    )
    .bind(f.campaign)
    .bind(f.units[0].0)
    .fetch_all(&f.pool)
    .await
    .unwrap();
    assert_eq!(filed, ["báo cáo.pdf"]);
    assert!(held(&f, 0, "report").await.is_empty());
}
