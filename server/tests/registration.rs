//! Registration by units through the real router and a real PostgreSQL: secret links, who may
//! reach what, commitments, initiatives (with files, drafts, one row per submit key, deadlines).
mod common;

use axum::http::StatusCode;
use common::unit_fixture::{fixture, key, receipt, PDF, PNG};
use common::{get, post, post_multipart, set_cookie};
use sqlx::PgPool;

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_link_binds_the_browser_and_leaves_the_address_bar(pool: PgPool) {
    let f = fixture(pool).await;
    let (_, _, headers) = get(&f.app, &format!("/l/{}", f.units[0].1), None).await;
    let sent = headers
        .get(axum::http::header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(sent.starts_with("thidua_unit="), "{sent}");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age="] {
        assert!(sent.contains(attribute), "{attribute} missing: {sent}");
    }
    let cookie = f.open(0).await;
    let (status, body, _) = get(&f.app, &format!("/unit/{}", f.campaign), Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Việc cần làm"), "{body}");
    // Only a 32-byte hash is stored, never the token itself.
    let hash_len: i32 = sqlx::query_scalar("SELECT length(token_hash) FROM unit_links LIMIT 1")
        .fetch_one(&f.pool)
        .await
        .unwrap();
    assert_eq!(hash_len, 32);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn an_unknown_or_revoked_link_shows_a_vietnamese_page_and_grants_nothing(pool: PgPool) {
    let f = fixture(pool).await;
    let (status, body, headers) = get(&f.app, "/l/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        body.contains("Liên kết đăng ký không đúng hoặc đã bị thu hồi"),
        "{body}"
    );
    assert!(set_cookie(&headers).is_none() || !body.contains("Việc cần làm"));
    let cookie = f.open(0).await;
    // The organizer revokes it: the bound browser loses access at once, the link opens nothing.
    let mut conn = f.pool.acquire().await.unwrap();
    app::server::db::unit_links::revoke(&mut conn, f.campaign, f.units[0].0)
        .await
        .unwrap();
    let (status, body, _) = get(&f.app, &format!("/unit/{}", f.campaign), Some(&cookie)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, _, _) = get(&f.app, &format!("/l/{}", f.units[0].1), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = f.submit(Some(&cookie), "K1", &[], &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(f.initiatives_of(0).await, 0);
}

/// Every unit server function, as (path, body) for a form post by unit 0's campaign.
fn unit_calls(campaign: i64, other_initiative: i64) -> Vec<(String, String)> {
    vec![
        ("/api/get_unit_home".into(), format!("campaign_id={campaign}")),
        ("/api/get_report_page".into(), format!("campaign_id={campaign}")),
        ("/api/get_unit_campaign".into(), format!("campaign_id={campaign}")),
        (
            "/api/sign_commitment".into(),
            format!("campaign_id={campaign}&head_name=A&head_position=B&confirm=yes"),
        ),
        (
            "/api/get_initiative_form".into(),
            format!("campaign_id={campaign}&initiative_id={other_initiative}"),
        ),
        (
            "/api/save_initiative_draft".into(),
            format!("campaign_id={campaign}&form={other_initiative}&draft=%7B%22submit_key%22%3A%22x%22%2C%22input%22%3A%7B%7D%7D"),
        ),
        (
            "/api/get_unit_initiative".into(),
            format!("campaign_id={campaign}&id={other_initiative}"),
        ),
    ]
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn no_unit_reaches_another_units_initiatives_and_nobody_without_a_link_reaches_any(pool: PgPool) {
    let f = fixture(pool).await;
    let owner = f.open(0).await;
    let other = f.open(1).await;
    let (status, body) = f
        .submit(Some(&owner), "K-OWN", &[], &[("attachments", "anh.png", PNG)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (id, _) = receipt(&body);
    let file: i64 = sqlx::query_scalar("SELECT id FROM attachments WHERE initiative_id = $1")
        .bind(id)
        .fetch_one(&f.pool)
        .await
        .unwrap();
    let before = f.count("SELECT count(*) FROM commitments").await;
    for (path, body) in unit_calls(f.campaign, id) {
        let (status, text, _) = post(&f.app, &path, &body, None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path} without a link: {text}");
    }
    // A unit cookie written by hand (not signed by the server) names the owner's link in vain.
    let owner_link: i64 =
        sqlx::query_scalar("SELECT id FROM unit_links WHERE unit_id = $1 AND revoked_at IS NULL")
            .bind(f.units[0].0)
            .fetch_one(&f.pool)
            .await
            .unwrap();
    let forged = format!("thidua_unit={}-{owner_link}", f.campaign);
    for (path, body) in unit_calls(f.campaign, id) {
        let (status, text, _) = post(&f.app, &path, &body, Some(&forged)).await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "{path} with a forged cookie: {text}"
        );
    }
    assert_eq!(
        get(&f.app, &format!("/files/{file}"), Some(&forged)).await.0,
        StatusCode::NOT_FOUND
    );
    for (path, body) in unit_calls(f.campaign, id)
        .into_iter()
        .filter(|(p, _)| p.contains("initiative"))
    {
        let (status, text, _) = post(&f.app, &path, &body, Some(&other)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path} by another unit: {text}");
    }
    assert_eq!(f.count("SELECT count(*) FROM commitments").await, before);
    assert_eq!(f.count("SELECT count(*) FROM drafts").await, 0);
    // Editing another unit's initiative through the submit is refused and changes nothing.
    let (status, _) = f
        .submit(
            Some(&other),
            "K-OTHER",
            &[("initiative_id", &id.to_string()), ("title", "Chiếm quyền")],
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = f.submit(None, "K-NONE", &[], &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let title: String = sqlx::query_scalar("SELECT title FROM initiatives WHERE id = $1")
        .bind(id)
        .fetch_one(&f.pool)
        .await
        .unwrap();
    assert_eq!(title, "Mô hình “Một cửa không chờ”");
    // Files: the owner and admins get them; another unit and strangers get 404.
    let path = format!("/files/{file}");
    assert_eq!(get(&f.app, &path, Some(&owner)).await.0, StatusCode::OK);
    assert_eq!(get(&f.app, &path, Some(&other)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(&f.app, &path, None).await.0, StatusCode::NOT_FOUND);
}

/// A phone camera's photo: 4,000 × 3,000 of fine grain, more than a document may weigh (5 MB)
/// and less than a request may (16 MB).
fn camera_photo() -> Vec<u8> {
    let mut seed = 7u32;
    let picture = image::RgbImage::from_fn(4_000, 3_000, |x, y| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let grain = (seed >> 24) as u8 / 2;
        image::Rgb([
            grain.wrapping_add((x / 16) as u8),
            grain,
            grain.wrapping_add((y / 12) as u8),
        ])
    });
    [95u8, 90, 80, 70]
        .into_iter()
        .map(|quality| {
            let mut out = std::io::Cursor::new(Vec::new());
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
                .encode_image(&picture)
                .unwrap();
            out.into_inner()
        })
        .find(|jpeg| (6 << 20..14 << 20).contains(&jpeg.len()))
        .expect("a camera-sized photo between 6 and 14 MB")
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_camera_photo_sent_without_scripts_is_stored_shrunk(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    let photo = camera_photo();
    let (status, body) = f
        .submit(
            Some(&cookie),
            "K-PHOTO",
            &[],
            &[("attachments", "IMG_0412.JPG", &photo)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (id, _) = receipt(&body);
    let (file, name, media_type, size): (i64, String, String, i32) = sqlx::query_as(
        "SELECT id, file_name, media_type, size_bytes FROM attachments WHERE initiative_id = $1",
    )
    .bind(id)
    .fetch_one(&f.pool)
    .await
    .unwrap();
    assert_eq!(
        (name.as_str(), media_type.as_str()),
        ("IMG_0412.JPG", "image/jpeg")
    );
    assert!((size as usize) < photo.len() / 2, "{size} of {}", photo.len());
    let (status, _, stored) = common::download(&f.app, &format!("/files/{file}"), Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored.len(), size as usize);
    let picture = image::load_from_memory(&stored).unwrap();
    assert_eq!((picture.width(), picture.height()), (2_000, 1_500));
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_submit_stores_the_initiative_with_its_files_and_a_receipt(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    let files: [(&str, &str, &[u8]); 2] = [
        ("attachments", "ảnh hiện trường.png", PNG),
        ("attachments", "tờ trình.pdf", PDF),
    ];
    let change = [
        ("author_mode", "individuals"),
        ("authors[0][name]", "Nguyễn Văn An"),
        ("authors[0][job_title]", "Công chức"),
        ("authors[0][share]", "60"),
        ("authors[1][name]", "Trần Thị Bình"),
        ("authors[1][share]", "40"),
    ];
    let (status, body) = f.submit(Some(&cookie), "K-FILES", &change, &files).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (id, code) = receipt(&body);
    assert_eq!(
        app::domain::initiative::receipt::normalize(&code),
        Some(code.clone())
    );
    let stored: Vec<(String, String, i32)> = sqlx::query_as(
        "SELECT file_name, media_type, size_bytes FROM attachments WHERE initiative_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&f.pool)
    .await
    .unwrap();
    assert_eq!(
        stored,
        [
            (
                "ảnh hiện trường.png".to_owned(),
                "image/png".to_owned(),
                PNG.len() as i32
            ),
            (
                "tờ trình.pdf".to_owned(),
                "application/pdf".to_owned(),
                PDF.len() as i32
            )
        ]
    );
    let shares: Vec<i32> = sqlx::query_scalar(
        "SELECT share_percent FROM initiative_authors WHERE initiative_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&f.pool)
    .await
    .unwrap();
    assert_eq!(shares, [60, 40]);
    let (status, page, _) = get(
        &f.app,
        &format!("/unit/{}/initiatives/{id}?sent=1", f.campaign),
        Some(&cookie),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(&code) && page.contains("Đã gửi thành công"),
        "{page}"
    );
    // Changing it before the deadline: new title, the photo dropped, same receipt code.
    let png: i64 = sqlx::query_scalar(
        "SELECT id FROM attachments WHERE initiative_id = $1 AND media_type = 'image/png'",
    )
    .bind(id)
    .fetch_one(&f.pool)
    .await
    .unwrap();
    let edit = [
        ("initiative_id", id.to_string()),
        ("title", "Tên mới".to_owned()),
        ("remove_attachment", png.to_string()),
    ];
    let edit: Vec<(&str, &str)> = change
        .iter()
        .copied()
        .chain(edit.iter().map(|(k, v)| (*k, v.as_str())))
        .collect();
    let (status, body) = f.submit(Some(&cookie), "K-FILES-EDIT", &edit, &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(receipt(&body), (id, code));
    let (title, files): (String, i64) = sqlx::query_as(
        "SELECT title, (SELECT count(*) FROM attachments WHERE initiative_id = i.id) FROM initiatives i WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&f.pool)
    .await
    .unwrap();
    assert_eq!((title.as_str(), files), ("Tên mới", 1));
    assert_eq!(f.initiatives_of(0).await, 1);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_same_submit_sent_again_or_concurrently_makes_one_initiative(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    let (_, first) = f.submit(Some(&cookie), "K-TWICE", &[], &[]).await;
    let (_, again) = f.submit(Some(&cookie), "K-TWICE", &[], &[]).await;
    assert_eq!(receipt(&first), receipt(&again));
    assert_eq!(f.initiatives_of(0).await, 1);
    // The same submit eight times at once, as from a double tap and retries on a flaky network.
    let body = f.body("K-BURST", &[], &[("attachments", "a.png", PNG)]).await;
    let mut burst = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let (app, body, cookie) = (f.app.clone(), body.clone(), cookie.clone());
        burst.spawn(async move { post_multipart(&app, "/api/submit_initiative", body, Some(&cookie)).await });
    }
    let answers = burst.join_all().await;
    let receipts: Vec<(i64, String)> = answers
        .iter()
        .map(|(status, body)| {
            assert_eq!(*status, StatusCode::OK, "{body}");
            receipt(body)
        })
        .collect();
    assert!(receipts.windows(2).all(|w| w[0] == w[1]), "{receipts:?}");
    assert_eq!(f.initiatives_of(0).await, 2);
    let files: i64 = sqlx::query_scalar("SELECT count(*) FROM attachments WHERE initiative_id = $1")
        .bind(receipts[0].0)
        .fetch_one(&f.pool)
        .await
        .unwrap();
    assert_eq!(files, 1);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn bad_input_is_refused_at_its_fields_saves_nothing_and_keeps_the_text_as_draft(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    // Only the database can tell a field of another campaign or a date after the period.
    for (name, value, problem) in [
        ("field_id", "999999", "unknown_choice"),
        ("first_applied", "01/01/2099", "date_after"),
    ] {
        let (status, body) = f.submit(Some(&cookie), "K-REF", &[(name, value)], &[]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains(name) && body.contains(problem), "{body}");
    }
    assert_eq!(f.initiatives_of(0).await, 0);
    let (status, body) = f
        .submit(
            Some(&cookie),
            "K-BAD",
            &[
                ("title", ""),
                ("first_applied", "31/02/2026"),
                ("author_mode", "individuals"),
            ],
            &[("attachments", "giả.pdf", b"not a pdf at all")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for field in ["\"title\"", "\"first_applied\"", "\"authors\"", "\"attachments\""] {
        assert!(body.contains(field), "{field} missing in {body}");
    }
    assert_eq!(f.initiatives_of(0).await, 0);
    assert_eq!(f.count("SELECT count(*) FROM attachments a JOIN initiatives i ON i.id = a.initiative_id WHERE i.submit_key = 'K-BAD'").await, 0);
    let kept: serde_json::Value =
        sqlx::query_scalar("SELECT body FROM drafts WHERE unit_id = $1 AND form = 'new'")
            .bind(f.units[0].0)
            .fetch_one(&f.pool)
            .await
            .unwrap();
    assert_eq!(kept["submit_key"], "K-BAD");
    assert_eq!(kept["input"]["first_applied"], "31/02/2026");
    // The form opens again with the kept text and the same key.
    let (status, page, _) = get(
        &f.app,
        &format!("/unit/{}/initiatives/new", f.campaign),
        Some(&cookie),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("31/02/2026") && page.contains("K-BAD"), "{page}");
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn after_the_deadline_initiatives_are_read_only_on_the_server(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    let (_, body) = f.submit(Some(&cookie), "K-EARLY", &[], &[]).await;
    let (id, _) = receipt(&body);
    sqlx::query("UPDATE campaigns SET registration_deadline = now() - interval '1 minute' WHERE id = $1")
        .bind(f.campaign)
        .execute(&f.pool)
        .await
        .unwrap();
    let (status, body) = f.submit(Some(&cookie), "K-LATE", &[], &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("registration_closed"), "{body}");
    let (status, _) = f
        .submit(
            Some(&cookie),
            "K-EDIT",
            &[("initiative_id", &id.to_string()), ("title", "Sửa muộn")],
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(f.initiatives_of(0).await, 1);
    let (_, page, _) = get(
        &f.app,
        &format!("/unit/{}/initiatives/{id}", f.campaign),
        Some(&cookie),
    )
    .await;
    assert!(page.contains("không còn sửa được"), "{page}");
    // A repeat of the submit that made it before the deadline still gets its receipt.
    let (status, _) = f.submit(Some(&cookie), "K-EARLY", &[], &[]).await;
    assert_eq!(status, StatusCode::OK);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_unit_signs_its_commitment_once(pool: PgPool) {
    let f = fixture(pool).await;
    let cookie = f.open(0).await;
    let body = format!(
        "campaign_id={}&head_name=&head_position=Ch%E1%BB%A7%20t%E1%BB%8Bch",
        f.campaign
    );
    let (status, text, _) = post(&f.app, "/api/sign_commitment", &body, Some(&cookie)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("head_name") && text.contains("confirm"), "{text}");
    let good = format!(
        "campaign_id={}&head_name=Nguy%E1%BB%85n%20V%C4%83n%20A&head_position=Ch%E1%BB%A7%20t%E1%BB%8Bch&confirm=yes",
        f.campaign
    );
    let (status, _, _) = post(&f.app, "/api/sign_commitment", &good, Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, text, _) = post(&f.app, "/api/sign_commitment", &good, Some(&cookie)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("already_signed"), "{text}");
    let signed: (String, i64) = sqlx::query_as(
        "SELECT head_name, (SELECT count(*) FROM commitments WHERE unit_id = $1) FROM commitments WHERE unit_id = $1",
    )
    .bind(f.units[0].0)
    .fetch_one(&f.pool)
    .await
    .unwrap();
    assert_eq!(signed, ("Nguyễn Văn A".to_owned(), 1));
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn reissuing_a_link_ends_the_old_one_and_the_new_one_works(pool: PgPool) {
    let f = fixture(pool).await;
    let old_session = f.open(0).await;
    let mut conn = f.pool.acquire().await.unwrap();
    let link = app::server::db::unit_links::reissue(&mut conn, &key(), f.campaign, f.units[0].0)
        .await
        .unwrap();
    let nonce: Vec<u8> = sqlx::query_scalar("SELECT nonce FROM unit_links WHERE id = $1")
        .bind(link)
        .fetch_one(&f.pool)
        .await
        .unwrap();
    let token = app::server::unit_link::token(&key(), link, &nonce);
    assert_ne!(token, f.units[0].1);
    assert_eq!(
        get(&f.app, &format!("/unit/{}", f.campaign), Some(&old_session))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&f.app, &format!("/l/{}", f.units[0].1), None).await.0,
        StatusCode::NOT_FOUND
    );
    let (status, _, headers) = get(&f.app, &format!("/l/{token}"), None).await;
    assert!(status.is_redirection());
    let fresh = set_cookie(&headers).unwrap();
    assert_eq!(
        get(&f.app, &format!("/unit/{}", f.campaign), Some(&fresh))
            .await
            .0,
        StatusCode::OK
    );
}

/// Submits written by one statement each get their own outcome, and a bad one harms no other.
#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn submits_written_together_each_get_their_own_outcome(pool: PgPool) {
    use app::domain::initiative::attachment::MediaType;
    use app::domain::initiative::{Author, Authors, InitiativeKind, InitiativeText};
    use app::server::db::registration::{register, NewInitiative, Registered};
    use app::server::upload_form::Upload;

    let f = fixture(pool).await;
    let link_of = |unit: i64| {
        sqlx::query_scalar::<_, i64>("SELECT id FROM unit_links WHERE unit_id = $1 AND revoked_at IS NULL")
            .bind(unit)
            .fetch_one(&f.pool)
    };
    let (link0, link1) = (
        link_of(f.units[0].0).await.unwrap(),
        link_of(f.units[1].0).await.unwrap(),
    );
    let field: i64 = sqlx::query_scalar("SELECT id FROM campaign_fields WHERE campaign_id = $1 LIMIT 1")
        .bind(f.campaign)
        .fetch_one(&f.pool)
        .await
        .unwrap();
    let other_field: i64 =
        sqlx::query_scalar("SELECT id FROM campaign_fields WHERE campaign_id <> $1 LIMIT 1")
            .bind(f.campaign)
            .fetch_one(&f.pool)
            .await
            .unwrap();
    sqlx::query("INSERT INTO drafts (campaign_id, unit_id, form, body) VALUES ($1, $2, 'new', '{}')")
        .bind(f.campaign)
        .bind(f.units[0].0)
        .execute(&f.pool)
        .await
        .unwrap();
    let submit = |link_id: i64, key: &str, code: &str, field_id: i64| NewInitiative {
        link_id,
        campaign_id: f.campaign,
        submit_key: key.into(),
        receipt_code: code.into(),
        text: InitiativeText {
            kind: InitiativeKind::Model,
            field_id,
            title: format!("Mô hình {key}"),
            situation: "Chờ lâu.".into(),
            solution: "Hẹn giờ qua Zalo.".into(),
            benefit: "Nhanh hơn.".into(),
            scope: "Toàn phường.".into(),
            first_applied: chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            authors: Authors::Collective,
        },
        files: Vec::new(),
    };
    // The same submit twice in one batch (a double tap): named authors and a photo.
    let named = |code: &str| {
        let mut new = submit(link0, "B-A", code, field);
        new.text.authors = Authors::Individuals(vec![
            Author {
                name: "Nguyễn Văn An".into(),
                job_title: "Chủ tịch".into(),
                share_percent: 60,
            },
            Author {
                name: "Lê Thị Bình".into(),
                job_title: String::new(),
                share_percent: 40,
            },
        ]);
        new.files = vec![Upload {
            file_name: "anh.png".into(),
            media_type: MediaType::Png,
            bytes: PNG.to_vec(),
        }];
        new
    };
    let batch = [
        named("AAAA-0001"),
        submit(link1, "B-B", "AAAA-0002", field),
        named("AAAA-0003"),
        submit(link1, "B-C", "AAAA-0004", other_field),
        submit(-1, "B-D", "AAAA-0005", field),
    ];
    let outcomes = register(&f.pool, &batch).await.unwrap();
    let stored = |code: &str| {
        sqlx::query_scalar::<_, i64>("SELECT id FROM initiatives WHERE receipt_code = $1")
            .bind(code.to_owned())
            .fetch_one(&f.pool)
    };
    // One of the twins is stored; the other goes the careful path, which finds it.
    let twin_done = match (&outcomes[0], &outcomes[2]) {
        (Registered::Done(r), Registered::Recheck) | (Registered::Recheck, Registered::Done(r)) => r,
        other => panic!("{other:?}"),
    };
    let first = stored(&twin_done.receipt_code).await.unwrap();
    assert_eq!(twin_done.initiative_id, first);
    let second = stored("AAAA-0002").await.unwrap();
    assert!(matches!(&outcomes[1], Registered::Done(r) if r.initiative_id == second));
    // The field of another campaign goes the careful path; a link that does not exist is gone.
    assert!(matches!(outcomes[3], Registered::Recheck), "{:?}", outcomes[3]);
    assert!(matches!(outcomes[4], Registered::LinkGone), "{:?}", outcomes[4]);
    let total: i64 = sqlx::query_scalar("SELECT count(*) FROM initiatives WHERE submit_key LIKE 'B-%'")
        .fetch_one(&f.pool)
        .await
        .unwrap();
    assert_eq!(total, 2);
    let authors: Vec<(i32, String, i32)> = sqlx::query_as(
        "SELECT position, name, share_percent FROM initiative_authors WHERE initiative_id = $1 ORDER BY position",
    )
    .bind(first)
    .fetch_all(&f.pool)
    .await
    .unwrap();
    assert_eq!(
        authors,
        vec![(0, "Nguyễn Văn An".into(), 60), (1, "Lê Thị Bình".into(), 40)]
    );
    let files: Vec<(i64, String)> =
        sqlx::query_as("SELECT initiative_id, file_name FROM attachments WHERE initiative_id IN ($1, $2)")
            .bind(first)
            .bind(second)
            .fetch_all(&f.pool)
            .await
            .unwrap();
    assert_eq!(files, vec![(first, "anh.png".into())]);
    let drafts: i64 = sqlx::query_scalar("SELECT count(*) FROM drafts WHERE unit_id = $1 AND form = 'new'")
        .bind(f.units[0].0)
        .fetch_one(&f.pool)
        .await
        .unwrap();
    assert_eq!(drafts, 0);

    // Sent again later: the earlier receipt. After the deadline: closed, even for a new key.
    let again = register(&f.pool, &[submit(link0, "B-A", "AAAA-0006", field)])
        .await
        .unwrap();
    assert!(
        matches!(&again[0], Registered::Done(r) if r.initiative_id == first && r.receipt_code == twin_done.receipt_code)
    );
    sqlx::query("UPDATE campaigns SET registration_deadline = now() - interval '1 minute' WHERE id = $1")
        .bind(f.campaign)
        .execute(&f.pool)
        .await
        .unwrap();
    let late = register(&f.pool, &[submit(link1, "B-E", "AAAA-0007", field)])
        .await
        .unwrap();
    assert!(matches!(late[0], Registered::Closed), "{:?}", late[0]);
}

/// The cause of the hang the test runner once retried: building a router generated the page
/// routes, which sets Leptos's process-wide "suppress resource loads" flag, and a page rendered
/// by another thread meanwhile waited for its resources for ever. Routers (one per test) are
/// built here on another thread the whole time pages render; each page must still finish.
#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn pages_finish_while_other_threads_build_routers(pool: PgPool) {
    let f = fixture(pool).await;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let builder = std::thread::spawn({
        let stop = stop.clone();
        move || {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                std::hint::black_box(server::router::route_list());
            }
        }
    });
    let path = format!("/l/{}", f.units[0].1);
    for _ in 0..40 {
        let page = tokio::time::timeout(std::time::Duration::from_secs(10), get(&f.app, &path, None)).await;
        assert!(
            page.is_ok(),
            "a page never finished while routes were generated elsewhere"
        );
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    builder.join().unwrap();
}
