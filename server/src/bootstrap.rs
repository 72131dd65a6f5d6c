//! One-time work at start: the first admin account and, in demo mode, the demo units and
//! campaigns.
//! Both are idempotent: a second start changes nothing.
use crate::config::Config;
use anyhow::Context;
use app::domain::account::{Role, Username};
use app::server::{auth, db};
use sqlx::PgPool;

pub const DEMO_ADMIN_USERNAME: &str = "admin";
pub const DEMO_ADMIN_PASSWORD: &str = "thidua-demo-2026";
/// The demo's organizers, each scoped to its unit: (username, name, unit code, password).
pub const DEMO_ORGANIZERS: [(&str, &str, &str, &str); 3] = [
    ("quan11", "Phòng Nội vụ Quận 11", "Q11", "quan11-demo-2026"),
    (
        "quangninh",
        "Sở Nội vụ tỉnh Quảng Ninh",
        "QN",
        "quangninh-demo-2026",
    ),
    (
        "nguyencutrinh",
        "UBND Phường Nguyễn Cư Trinh",
        "Q1-NCT",
        "nct-demo-2026",
    ),
];
const DEMO_UNITS_CSV: &str = include_str!("../demo/units.csv");
const DEMO_UNITS_MARK: &str = "demo_units_loaded";

pub async fn prepare(pool: &PgPool, config: &Config) -> anyhow::Result<()> {
    let credentials = if config.demo {
        Some((DEMO_ADMIN_USERNAME.to_owned(), DEMO_ADMIN_PASSWORD.to_owned()))
    } else {
        config.admin_username.clone().zip(config.admin_password.clone())
    };
    let admins = db::accounts::count_system_admins(pool)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    match (admins, &credentials) {
        (0, Some((username, password))) => create_admin(pool, username, password).await?,
        (0, None) => {
            tracing::warn!("no admin account yet: set ADMIN_USERNAME and ADMIN_PASSWORD and restart")
        }
        _ => {}
    }
    if config.demo {
        load_demo_units(pool).await?;
        let key = crate::link_key::load(config)?;
        crate::demo_campaigns::load(pool, &key).await?;
        crate::demo_council::load_once(pool).await?;
        crate::demo_results::load_once(pool).await?;
        crate::demo_awards::load_once(pool).await?;
        create_demo_organizers(pool).await?;
        tracing::info!("Demo: đăng nhập với tên `{DEMO_ADMIN_USERNAME}`, mật khẩu `{DEMO_ADMIN_PASSWORD}` (quản trị hệ thống)");
        for (username, name, _, password) in DEMO_ORGANIZERS {
            tracing::info!("Demo: `{username}`, mật khẩu `{password}` ({name}, cán bộ tổ chức)");
        }
        let council: Vec<&str> = crate::demo_council::DEMO_EVALUATORS.iter().map(|e| e.0).collect();
        tracing::info!(
            "Demo: Hội đồng chấm đợt của Quận 10: `{}`, mật khẩu `{}` (Chủ tịch là `{}`)",
            council.join("`, `"),
            crate::demo_council::DEMO_COUNCIL_PASSWORD,
            council[0]
        );
        let finished: Vec<&str> = crate::demo_results::DEMO_COUNCIL_2022
            .iter()
            .map(|e| e.0)
            .collect();
        tracing::info!(
            "Demo: Hội đồng đợt năm 2022 của Quận 11 (đã công bố, chờ lễ công bố tại hội nghị): `{}`, cùng mật khẩu",
            finished.join("`, `")
        );
        let year_2022: i64 = sqlx::query_scalar(
            "SELECT c.id FROM campaigns c JOIN units u ON u.id = c.organizer_id WHERE u.code = 'Q11' ORDER BY c.id LIMIT 1",
        )
        .fetch_one(pool)
        .await?;
        tracing::info!(
            "Demo: lễ công bố năm 2022 của Quận 11 đã chuẩn bị: màn hình hội nghị /live/{year_2022}/screen, Chủ tịch `{}` điều khiển tại /ceremony/{year_2022}",
            finished.first().copied().unwrap_or_default()
        );
        tracing::info!(
            "Demo: thư viện sáng kiến điển hình /gallery có hai sáng kiến của năm 2022 khi kết quả được công bố (bước cuối của lễ công bố); báo cáo tổng kết để in tại /results/{year_2022}/summary"
        );
    }
    Ok(())
}

async fn create_admin(pool: &PgPool, username: &str, password: &str) -> anyhow::Result<()> {
    let username = Username::parse(username).map_err(|p| anyhow::anyhow!("ADMIN_USERNAME: {p:?}"))?;
    // The same rule as every other account's password.
    app::domain::account::check_new_password(password)
        .map_err(|p| anyhow::anyhow!("ADMIN_PASSWORD does not meet the password rule: {p:?}"))?;
    let hash = auth::hash_password(password.to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    match db::accounts::insert(
        pool,
        &username,
        "Quản trị hệ thống",
        &hash,
        Role::SystemAdmin,
        None,
    )
    .await
    {
        Ok(_) => tracing::info!(username = username.as_str(), "first admin account created"),
        // Another app server starting at the same moment created it first.
        Err(e) if e.problems_at("username") == [app::error::Problem::UsernameTaken] => {}
        Err(e) => anyhow::bail!("creating the first admin: {e:?}"),
    }
    Ok(())
}

/// The demo's organizers, once each (a later start keeps them as they are).
async fn create_demo_organizers(pool: &PgPool) -> anyhow::Result<()> {
    for (username, name, unit_code, password) in DEMO_ORGANIZERS {
        let exists: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM accounts WHERE username = $1)")
            .bind(username)
            .fetch_one(pool)
            .await?;
        if exists {
            continue;
        }
        let unit: i64 = sqlx::query_scalar("SELECT id FROM units WHERE code = $1")
            .bind(unit_code)
            .fetch_one(pool)
            .await
            .with_context(|| format!("demo unit {unit_code}"))?;
        let hash = auth::hash_password(password.to_owned())
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let username = Username::parse(username).map_err(|p| anyhow::anyhow!("{p:?}"))?;
        match db::accounts::insert(pool, &username, name, &hash, Role::Organizer, Some(unit)).await {
            Ok(_) => {}
            // Another app server starting at the same moment created it first.
            Err(e) if e.problems_at("username") == [app::error::Problem::UsernameTaken] => {}
            Err(e) => anyhow::bail!("creating demo organizer {}: {e:?}", username.as_str()),
        }
    }
    Ok(())
}

/// Imports the demo units through the same path as an uploaded file, once.
async fn load_demo_units(pool: &PgPool) -> anyhow::Result<()> {
    let done: Option<String> = sqlx::query_scalar("SELECT value FROM app_meta WHERE key = $1")
        .bind(DEMO_UNITS_MARK)
        .fetch_optional(pool)
        .await?;
    if done.is_some() {
        return Ok(());
    }
    let admin: i64 =
        sqlx::query_scalar("SELECT id FROM accounts WHERE role = 'system_admin' ORDER BY id LIMIT 1")
            .fetch_one(pool)
            .await
            .context("demo data needs an admin account")?;
    let run =
        app::server::unit_import::import_bytes(pool, admin, "demo/units.csv", DEMO_UNITS_CSV.as_bytes())
            .await
            .map_err(|e| anyhow::anyhow!("demo import: {e:?}"))?;
    let applied: bool = sqlx::query_scalar("SELECT applied FROM unit_imports WHERE id = $1")
        .bind(run)
        .fetch_one(pool)
        .await?;
    anyhow::ensure!(applied, "the demo unit file has problems (import run {run})");
    sqlx::query("INSERT INTO app_meta (key, value) VALUES ($1, now()::text) ON CONFLICT DO NOTHING")
        .bind(DEMO_UNITS_MARK)
        .execute(pool)
        .await?;
    tracing::info!("demo units loaded");
    Ok(())
}
