//! The demo's award decisions for Quận 11's 2022 campaign: a giấy khen tập thể to the first
//! three units and a giấy khen cá nhân to the authors of the exemplary initiatives, granted by
//! one decision, as the organizer would give them on the awards page (audited the same way);
//! and its reveal ceremony prepared, from the last place to the first, stopping on the first
//! unit's giấy khen and on the first individual's, so it can be run at once. Loaded once, under
//! its own mark, after the year's results.
use app::domain::awards::AwardRule;
use app::domain::campaign::Recipient;
use app::server::awards::{decide_in, Actor};
use app::wire::awards::Decision;
use chrono::NaiveDate;
use sqlx::PgPool;

const MARK: &str = "demo_awards_2022_loaded";
const FORM: &str = "Giấy khen của Chủ tịch UBND";

pub async fn load_once(pool: &PgPool) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;
    let Some(campaign_id) = crate::demo_campaigns::claim_campaign(&mut tx, MARK, "Q11", "published").await?
    else {
        return Ok(());
    };
    let account_id: i64 =
        sqlx::query_scalar("SELECT id FROM accounts WHERE role = 'system_admin' ORDER BY id LIMIT 1")
            .fetch_one(&mut *tx)
            .await?;
    let decision = Decision {
        number: "1250/QĐ-UBND".into(),
        date: NaiveDate::from_ymd_opt(2022, 12, 20),
        signer: "Lê Minh Khoa, Chủ tịch UBND Quận 11".into(),
    };
    let forms = [
        (FORM, Recipient::Collective, AwardRule::FirstUnits(3)),
        (FORM, Recipient::Individual, AwardRule::ExemplaryAuthors),
    ];
    let actor = Actor {
        campaign_id,
        account_id,
    };
    decide_in(&mut tx, actor, &forms, &decision)
        .await
        .map_err(|e| anyhow::anyhow!("demo awards: {e:?}"))?;
    let stops: Vec<i64> = sqlx::query_scalar(
        "(SELECT id FROM awards WHERE campaign_id = $1 AND person_name IS NULL ORDER BY id LIMIT 1)
         UNION ALL
         (SELECT id FROM awards WHERE campaign_id = $1 AND person_name IS NOT NULL ORDER BY id LIMIT 1)",
    )
    .bind(campaign_id)
    .fetch_all(&mut *tx)
    .await?;
    app::server::ceremony::prepare_in(&mut tx, campaign_id, account_id, &stops)
        .await
        .map_err(|e| anyhow::anyhow!("demo ceremony: {e:?}"))?;
    tx.commit().await?;
    tracing::info!("demo awards of 2022 loaded");
    Ok(())
}
