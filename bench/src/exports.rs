//! Downloads at scale: the ranking benchmark's campaign (3,500 units, 20,000 initiatives, each
//! given a title and three texts of about 300 characters) downloaded by a system admin through
//! the real HTTP path of a release app server process: the initiatives table as CSV and as
//! .xlsx, `RUNS` times each after one untimed run. For each download: the time to the first
//! byte (the header line), to the first row, and to the end, and the server's extra memory (its
//! peak resident memory during the download, measured from a fresh `VmHWM`, minus its resident
//! memory before). Sent uncompressed (the client asks for no compression).
use crate::app_server::AppServer;
use std::time::{Duration, Instant};

pub const RUNS: usize = 5;
const USERNAME: &str = "xuatbang";
const PASSWORD: &str = "mat-khau-xuat-bang-2026";

pub struct Download {
    pub first_byte: Vec<Duration>,
    pub first_row: Vec<Duration>,
    pub total: Vec<Duration>,
    pub extra_kb: Vec<u64>,
    pub bytes: usize,
}

pub struct Figures {
    pub csv: Download,
    pub xlsx: Download,
}

/// `pool` holds the imported units.
pub async fn run(pool: &sqlx::PgPool, database_url: &str) -> anyhow::Result<Figures> {
    let campaign = crate::ranking::seed(pool).await?;
    sqlx::query(
        "UPDATE initiatives SET
             title = 'Sáng kiến ' || id || ': số hoá hồ sơ một cửa và trả kết quả trực tuyến',
             situation = repeat('Người dân phải đến trụ sở nhiều lần để nộp và nhận hồ sơ. ', 5),
             solution = repeat('Tiếp nhận hồ sơ qua cổng dịch vụ công, nhắn tin báo kết quả. ', 5),
             benefit = repeat('Giảm thời gian đi lại, rút ngắn thời hạn giải quyết. ', 6),
             scope = 'Bộ phận một cửa phường'
         WHERE campaign_id = $1",
    )
    .bind(campaign)
    .execute(pool)
    .await?;
    let hash = app::server::auth::hash_password(PASSWORD.to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("hashing: {e:?}"))?;
    sqlx::query(
        "INSERT INTO accounts (username, display_name, password_hash, role) VALUES ($1, 'Xuất bảng', $2, 'system_admin')",
    )
    .bind(USERNAME)
    .bind(hash)
    .execute(pool)
    .await?;
    sqlx::query("VACUUM ANALYZE initiatives").execute(pool).await?;
    let server = AppServer::start(database_url, &[])?;
    server.wait_ready().await?;
    let client = reqwest::Client::new();
    let cookie = crate::app_server::sign_in(&client, &server.base, USERNAME, PASSWORD).await?;
    let mut figures = Vec::new();
    for format in ["csv", "xlsx"] {
        let url = format!("{}/exports/initiatives.{format}?campaign={campaign}", server.base);
        download(&client, &url, &cookie).await?;
        let mut d = Download {
            first_byte: Vec::new(),
            first_row: Vec::new(),
            total: Vec::new(),
            extra_kb: Vec::new(),
            bytes: 0,
        };
        for _ in 0..RUNS {
            let before = server.rss_kb()?;
            server.reset_peak()?;
            let (first_byte, first_row, total, bytes) = download(&client, &url, &cookie).await?;
            d.extra_kb.push(server.peak_kb()?.saturating_sub(before));
            d.first_byte.push(first_byte);
            d.first_row.push(first_row);
            d.total.push(total);
            d.bytes = bytes;
        }
        figures.push(d);
    }
    let xlsx = figures.pop().unwrap_or_else(|| unreachable!());
    let csv = figures.pop().unwrap_or_else(|| unreachable!());
    Ok(Figures { csv, xlsx })
}

/// One download: times to the first byte, to the second chunk (the first rows of a CSV; the
/// same as the first byte for a workbook sent at once) and to the end; the bytes received.
async fn download(
    client: &reqwest::Client,
    url: &str,
    cookie: &str,
) -> anyhow::Result<(Duration, Duration, Duration, usize)> {
    let started = Instant::now();
    let mut answer = client
        .get(url)
        .header(reqwest::header::COOKIE, cookie)
        .send()
        .await?;
    anyhow::ensure!(answer.status().is_success(), "{url}: {}", answer.status());
    let first = answer.chunk().await?.map_or(0, |c| c.len());
    let first_byte = started.elapsed();
    let mut first_row = first_byte;
    let mut bytes = first;
    let mut chunks = 1;
    while let Some(chunk) = answer.chunk().await? {
        if chunks == 1 && first < 2_000 {
            first_row = started.elapsed();
        }
        chunks += 1;
        bytes += chunk.len();
    }
    Ok((first_byte, first_row, started.elapsed(), bytes))
}
