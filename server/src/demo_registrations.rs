//! Demo registrations for the campaign that is open now and the one being scored: commitments
//! signed by most units, initiatives with real-sounding content, one unit with nothing yet. They
//! go through the same insert functions as a unit's submit, inside the demo transaction.
use app::domain::initiative::{receipt, Author, Authors, InitiativeKind, InitiativeText};
use chrono::{Duration, NaiveDate, Utc};
use rand::RngCore;
use sqlx::PgConnection;

struct Sample {
    kind: InitiativeKind,
    title: &'static str,
    situation: &'static str,
    solution: &'static str,
    benefit: &'static str,
    scope: &'static str,
    authors: &'static [(&'static str, &'static str, i32)],
}

const SAMPLES: [Sample; 6] = [
    Sample {
        kind: InitiativeKind::Model,
        title: "Mô hình “Tổ tiếp nhận hồ sơ lưu động” hỗ trợ người cao tuổi, người khuyết tật",
        situation: "Nhiều người cao tuổi, người khuyết tật không thể đến bộ phận một cửa; hồ sơ chứng thực, trợ cấp thường phải nhờ người thân nộp thay, đi lại nhiều lần.",
        solution: "Thành lập tổ 3 công chức, mỗi thứ Năm đến tận nhà theo lịch hẹn qua điện thoại hoặc Zalo.\n\nTổ mang máy tính bảng, máy in di động để tiếp nhận, chứng thực và hẹn trả kết quả ngay tại nhà.",
        benefit: "Người dân không phải đi lại; thời gian giải quyết giảm từ 3 ngày còn 1 ngày; tỷ lệ hài lòng tăng.",
        scope: "Toàn phường; có thể nhân rộng ra các phường, xã trên địa bàn thành phố.",
        authors: &[],
    },
    Sample {
        kind: InitiativeKind::Solution,
        title: "Giải pháp số hóa sổ hộ tịch giai đoạn 1999–2015",
        situation: "Khoảng 12.000 trang sổ hộ tịch giấy đã cũ, tra cứu mất nhiều thời gian khi cấp bản sao trích lục.",
        solution: "Quét toàn bộ sổ, nhập chỉ mục họ tên, ngày đăng ký; lưu trên phần mềm dùng chung của thành phố.",
        benefit: "Tra cứu dưới 1 phút thay vì 30 phút; bảo quản sổ gốc tốt hơn.",
        scope: "Bộ phận tư pháp – hộ tịch của đơn vị.",
        authors: &[("Nguyễn Thị Thu Hà", "Công chức Tư pháp – Hộ tịch", 70), ("Trần Văn Minh", "Công chức Văn phòng – Thống kê", 30)],
    },
    Sample {
        kind: InitiativeKind::Initiative,
        title: "Trả kết quả thủ tục hành chính qua Zalo OA của phường",
        situation: "Người dân phải đến nhận kết quả trực tiếp, nhiều hồ sơ đã có kết quả nhưng chậm được nhận.",
        solution: "Gửi thông báo và bản điện tử kết quả qua Zalo OA; bản giấy gửi qua bưu điện nếu người dân yêu cầu.",
        benefit: "Giảm 40% lượt người đến nhận kết quả trực tiếp.",
        scope: "Các thủ tục hộ tịch, chứng thực, xác nhận.",
        authors: &[("Lê Hoàng Nam", "Phó Chủ tịch UBND phường", 100)],
    },
    Sample {
        kind: InitiativeKind::GoodPractice,
        title: "“Sáng thứ Bảy cùng dân” giải quyết hồ sơ đất đai tồn đọng",
        situation: "Còn 85 hồ sơ đất đai tồn đọng nhiều năm do thiếu giấy tờ, người dân đi làm ngày thường không đến được.",
        solution: "Tổ công tác làm việc sáng thứ Bảy hằng tuần, hướng dẫn bổ sung hồ sơ và phối hợp Văn phòng đăng ký đất đai.",
        benefit: "Đã giải quyết 62/85 hồ sơ sau 6 tháng.",
        scope: "Toàn phường.",
        authors: &[],
    },
    Sample {
        kind: InitiativeKind::Model,
        title: "Mô hình “Cà phê doanh nhân” đối thoại với hộ kinh doanh",
        situation: "Hộ kinh doanh ít có dịp phản ánh khó khăn về thủ tục đăng ký, thuế, an toàn thực phẩm.",
        solution: "Mỗi quý tổ chức một buổi gặp gỡ thân mật, lãnh đạo phường và các ngành trả lời tại chỗ.",
        benefit: "Vướng mắc được giải quyết trong buổi gặp; doanh nghiệp tin tưởng chính quyền hơn.",
        scope: "Các hộ kinh doanh, doanh nghiệp nhỏ trên địa bàn.",
        authors: &[],
    },
    Sample {
        kind: InitiativeKind::Solution,
        title: "Hướng dẫn nộp hồ sơ trực tuyến bằng mã QR tại bộ phận một cửa",
        situation: "Tỷ lệ hồ sơ trực tuyến thấp vì người dân không biết bắt đầu từ đâu trên Cổng dịch vụ công.",
        solution: "Dán mã QR từng thủ tục tại quầy; quét mã mở thẳng trang nộp hồ sơ; đoàn viên thanh niên hỗ trợ tại chỗ.",
        benefit: "Tỷ lệ hồ sơ trực tuyến tăng từ 35% lên 78% sau 3 tháng.",
        scope: "Bộ phận một cửa; áp dụng được ở mọi đơn vị.",
        authors: &[("Phạm Quốc Bảo", "Bí thư Đoàn phường", 50), ("Võ Thị Lan", "Công chức một cửa", 50)],
    },
];

const HEADS: [(&str, &str); 6] = [
    ("Nguyễn Văn Hùng", "Chủ tịch UBND phường"),
    ("Trần Thị Mai", "Chủ tịch UBND phường"),
    ("Lê Quang Vinh", "Chủ tịch UBND xã"),
    ("Phạm Thị Hồng", "Chủ tịch UBND phường"),
    ("Hoàng Minh Tuấn", "Chủ tịch UBND xã"),
    ("Đỗ Thị Ngọc", "Chủ tịch UBND phường"),
];

/// Signs commitments and registers initiatives for the units of `campaign_id`: all but the last
/// two sign, every other unit registers one or two initiatives, spread over twelve days that end
/// `days_before` days ago.
pub async fn load(
    conn: &mut PgConnection,
    campaign_id: i64,
    first_applied: NaiveDate,
    days_before: i64,
) -> anyhow::Result<()> {
    let units: Vec<i64> = sqlx::query_scalar(
        "SELECT u.id FROM campaign_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.campaign_id = $1 ORDER BY u.name, u.code",
    )
    .bind(campaign_id)
    .fetch_all(&mut *conn)
    .await?;
    let fields: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM campaign_fields WHERE campaign_id = $1 ORDER BY position")
            .bind(campaign_id)
            .fetch_all(&mut *conn)
            .await?;
    let signing = units.len().saturating_sub(2);
    for (n, unit) in units.iter().enumerate().take(signing) {
        let (name, position) = HEADS[n % HEADS.len()];
        app::server::db::unit_portal::insert_commitment(conn, campaign_id, *unit, name, position)
            .await
            .map_err(|e| anyhow::anyhow!("demo commitment: {e:?}"))?;
        let days_ago = days_before + ((signing - n) as i64).min(12);
        // A unit signs before it registers: its initiatives are dated three hours before "now".
        sqlx::query("UPDATE commitments SET signed_at = now() - make_interval(days => $3::int, hours => 4) WHERE campaign_id = $1 AND unit_id = $2")
            .bind(campaign_id)
            .bind(unit)
            .bind(days_ago as i32)
            .execute(&mut *conn)
            .await?;
        if n % 2 == 0 {
            let count = if n % 4 == 0 { 2 } else { 1 };
            for k in 0..count {
                let sample = &SAMPLES[(n + k) % SAMPLES.len()];
                let field = fields[(n + k) % fields.len().max(1)];
                register(conn, campaign_id, *unit, field, sample, first_applied, days_ago).await?;
            }
        }
    }
    Ok(())
}

async fn register(
    conn: &mut PgConnection,
    campaign_id: i64,
    unit_id: i64,
    field_id: i64,
    sample: &Sample,
    first_applied: NaiveDate,
    days_ago: i64,
) -> anyhow::Result<()> {
    let authors = if sample.authors.is_empty() {
        Authors::Collective
    } else {
        Authors::Individuals(
            sample
                .authors
                .iter()
                .map(|(name, job, share)| Author {
                    name: (*name).to_owned(),
                    job_title: (*job).to_owned(),
                    share_percent: *share,
                })
                .collect(),
        )
    };
    let text = InitiativeText {
        kind: sample.kind,
        field_id,
        title: sample.title.to_owned(),
        situation: sample.situation.to_owned(),
        solution: sample.solution.to_owned(),
        benefit: sample.benefit.to_owned(),
        scope: sample.scope.to_owned(),
        first_applied,
        authors,
    };
    let mut bytes = [0u8; receipt::LENGTH];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let key = format!("demo-{unit_id}-{}", receipt::from_random(bytes));
    let fail = |e: app::error::AppError| anyhow::anyhow!("demo initiative: {e:?}");
    let id = app::server::db::initiatives::insert(
        conn,
        campaign_id,
        unit_id,
        &key,
        &receipt::from_random(bytes),
        &text,
    )
    .await
    .map_err(fail)?
    .ok_or_else(|| anyhow::anyhow!("demo initiative not inserted"))?;
    app::server::db::initiatives::replace_authors(conn, id, &text.authors)
        .await
        .map_err(fail)?;
    let at = Utc::now() - Duration::days(days_ago) - Duration::hours(3);
    sqlx::query("UPDATE initiatives SET submitted_at = $2, updated_at = $2 WHERE id = $1")
        .bind(id)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
