//! The drafted official documents against the demo data, read back the way an office would open
//! them: converted to text by LibreOffice (headless; `./x` installs it) and checked for the
//! NĐ 30 frame and every recipient; the page settings read from the file itself.
mod common;

use axum::http::StatusCode;
use common::demo::{demo, Demo};
use sqlx::PgPool;
use std::io::{Cursor, Read};

async fn download(demo: &Demo, address: &str, cookie: Option<&str>) -> (StatusCode, Vec<u8>) {
    let (status, _, bytes) = common::download(&demo.app, address, cookie).await;
    (status, bytes)
}

/// The document's text as LibreOffice reads it.
fn text_by_libreoffice(docx: &[u8]) -> String {
    let folder = std::env::temp_dir().join(format!("thidua-docx-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("du-thao.docx");
    std::fs::write(&file, docx).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        folder.join("profile").display()
    );
    let converted = std::process::Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
        ])
        .arg(&folder)
        .arg(&file)
        .output()
        .expect("LibreOffice (soffice) is installed by ./x");
    assert!(
        converted.status.success(),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    let text = std::fs::read_to_string(folder.join("du-thao.txt")).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    text
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_decision_proposal_and_minutes_are_drafted_in_the_nd30_format_from_what_is_recorded(
    pool: PgPool,
) {
    let demo = demo(pool).await;
    let campaign = demo.campaign_of("Q11").await;
    let organizer = demo.organizer("Q11").await;
    let address = format!("/documents/award-decision.docx?campaign={campaign}");
    let (status, docx) = download(&demo, &address, Some(&organizer)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&docx));

    let mut archive = zip::ZipArchive::new(Cursor::new(docx.clone())).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(
        xml.contains(r#"w:w="11906""#) && xml.contains(r#"w:h="16838""#),
        "A4 portrait"
    );
    // 20 mm top and bottom, 30 mm left, 15 mm right, in twentieths of a point.
    for margin in [
        r#"w:top="1133""#,
        r#"w:bottom="1133""#,
        r#"w:left="1700""#,
        r#"w:right="850""#,
    ] {
        assert!(xml.contains(margin), "{margin}");
    }
    assert!(xml.contains("Times New Roman"));

    let text = text_by_libreoffice(&docx);
    for expected in [
        "ỦY BAN NHÂN DÂN",
        "QUẬN 11",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số:      /QĐ-UBND",
        "Quận 11, ngày      tháng      năm",
        "QUYẾT ĐỊNH",
        "Căn cứ Luật Thi đua, khen thưởng",
        "Điều 1.",
        "Nơi nhận:",
        "DANH SÁCH",
        "(Ban hành kèm theo Quyết định số      /QĐ-UBND",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let recipients: Vec<String> = sqlx::query_scalar(
        "SELECT coalesce(a.person_name, u.name::text) FROM awards a JOIN units u ON u.id = a.unit_id
         WHERE a.campaign_id = $1",
    )
    .bind(campaign)
    .fetch_all(&demo.pool)
    .await
    .unwrap();
    assert!(!recipients.is_empty());
    for name in &recipients {
        assert!(text.contains(name.as_str()), "{name} is not in the list");
    }
    let signer: String = sqlx::query_scalar(
        "SELECT decision_signer FROM campaign_award_forms WHERE campaign_id = $1 AND decision_signer <> '' LIMIT 1",
    )
    .bind(campaign)
    .fetch_one(&demo.pool)
    .await
    .unwrap();
    let signer_name = signer.split(',').next().unwrap();
    assert!(text.contains(signer_name), "{signer_name}");

    let proposal = format!("/documents/award-proposal.docx?campaign={campaign}");
    let (status, docx) = download(&demo, &proposal, Some(&organizer)).await;
    assert_eq!(status, StatusCode::OK);
    let text = text_by_libreoffice(&docx);
    for expected in [
        "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        "Số:      /TTr-HĐTĐKT",
        "TỜ TRÌNH",
        "Kính gửi: Chủ tịch Ủy ban nhân dân Quận 11.",
        "(Kèm theo Tờ trình số      /TTr-HĐTĐKT",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    for name in &recipients {
        assert!(text.contains(name.as_str()), "{name} is not in the proposal");
    }

    let minutes = format!("/documents/council-minutes.docx?campaign={campaign}");
    let (status, docx) = download(&demo, &minutes, Some(&organizer)).await;
    assert_eq!(status, StatusCode::OK);
    let text = text_by_libreoffice(&docx);
    let (held, present): (chrono::NaiveDate, Vec<i64>) =
        sqlx::query_as("SELECT held_on, present FROM council_meetings WHERE campaign_id = $1")
            .bind(campaign)
            .fetch_one(&demo.pool)
            .await
            .unwrap();
    assert!(text.contains("BIÊN BẢN"), "{text}");
    assert!(
        text.contains(&format!("Thời gian: ngày {}.", held.format("%d/%m/%Y"))),
        "{text}"
    );
    let present_names: Vec<String> =
        sqlx::query_scalar("SELECT display_name FROM accounts WHERE id = ANY($1)")
            .bind(&present)
            .fetch_all(&demo.pool)
            .await
            .unwrap();
    for name in &present_names {
        assert!(text.contains(name.as_str()), "{name} present but not named");
    }
    let (agreed, voters): (i32, i32) = sqlx::query_as(
        "SELECT agreed, present FROM council_votes WHERE campaign_id = $1 ORDER BY initiative_id LIMIT 1",
    )
    .bind(campaign)
    .fetch_one(&demo.pool)
    .await
    .unwrap();
    assert!(text.contains(&format!("{agreed}/{voters}")), "the recorded vote");

    // Only the campaign's admins: another scope is told it does not exist, the public to sign in.
    let elsewhere = demo.organizer("Q1-NCT").await;
    assert_eq!(
        download(&demo, &address, Some(&elsewhere)).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(download(&demo, &address, None).await.0, StatusCode::UNAUTHORIZED);

    // The printable page shows the same words as the Word file.
    let page = format!("/admin/campaigns/{campaign}/documents/award-decision");
    let (status, html, _) = common::get(&demo.app, &page, Some(&organizer)).await;
    assert_eq!(status, StatusCode::OK);
    for expected in [
        "QUYẾT ĐỊNH",
        "Căn cứ Luật Thi đua, khen thưởng",
        "DANH SÁCH",
        signer_name,
    ] {
        assert!(
            html.contains(expected),
            "missing {expected:?} in the printable page"
        );
    }
    for name in &recipients {
        assert!(
            html.contains(name.as_str()),
            "{name} is not on the printable page"
        );
    }
    let (status, _, _) = common::get(&demo.app, &page, Some(&elsewhere)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
