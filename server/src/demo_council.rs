//! The demo's council, for Quận 10's campaign being scored: five evaluators (a chair, a
//! secretary, two members of the district and one of a ward, so recused on that ward's
//! initiatives), part of the scores submitted, and one initiative on which the members disagree.
//! Loaded once, under its own mark, so a demo loaded before the council existed gets it too.
use app::domain::account::{Role, Username};
use app::server::{auth, db};
use sqlx::{PgConnection, PgPool};

const MARK: &str = "demo_council_loaded";

/// Seats the council once (several app servers starting together: one claims the mark).
pub async fn load_once(pool: &PgPool) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;
    let campaign = crate::demo_campaigns::claim_campaign(&mut tx, MARK, "Q10", "evaluating").await?;
    if let Some(campaign) = campaign {
        load(&mut tx, campaign).await?;
        tx.commit().await?;
        tracing::info!("demo council loaded");
    }
    Ok(())
}

pub const DEMO_COUNCIL_PASSWORD: &str = "hoidong-demo-2026";
/// (username, name, council role, works at the ward rather than the district).
pub const DEMO_EVALUATORS: [(&str, &str, &str, bool); 5] = [
    ("hd.chutich", "Trần Văn Hùng", "chair", false),
    ("hd.thuky", "Lê Thị Mai", "secretary", false),
    ("hd.bao", "Phạm Quốc Bảo", "member", false),
    ("hd.hanh", "Nguyễn Thị Hạnh", "member", false),
    ("hd.phuong", "Võ Minh Tâm", "member", true),
];
/// Initiatives the district's members have already scored, and the one they disagree on.
const SCORED: usize = 6;
const DISPUTED: usize = 2;

pub async fn load(conn: &mut PgConnection, campaign_id: i64) -> anyhow::Result<()> {
    let district: i64 = sqlx::query_scalar("SELECT organizer_id FROM campaigns WHERE id = $1")
        .bind(campaign_id)
        .fetch_one(&mut *conn)
        .await?;
    // The ward with the most initiatives: its member has the most to recuse from.
    let ward: i64 = sqlx::query_scalar(
        "SELECT unit_id FROM initiatives WHERE campaign_id = $1 GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1",
    )
    .bind(campaign_id)
    .fetch_one(&mut *conn)
    .await?;
    let hash = auth::hash_password(DEMO_COUNCIL_PASSWORD.to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut members = Vec::new();
    for (username, name, role, at_ward) in DEMO_EVALUATORS {
        let username = Username::parse(username).map_err(|p| anyhow::anyhow!("{p:?}"))?;
        let unit = if at_ward { ward } else { district };
        let id = db::accounts::insert(&mut *conn, &username, name, &hash, Role::Evaluator, Some(unit))
            .await
            .map_err(|e| anyhow::anyhow!("demo evaluator: {e:?}"))?;
        sqlx::query("INSERT INTO council_members (campaign_id, account_id, role) VALUES ($1, $2, $3)")
            .bind(campaign_id)
            .bind(id)
            .bind(role)
            .execute(&mut *conn)
            .await?;
        members.push((id, at_ward));
    }
    let maxima: Vec<i32> = sqlx::query_scalar(
        "SELECT max_points FROM campaign_criteria WHERE campaign_id = $1 ORDER BY position",
    )
    .bind(campaign_id)
    .fetch_all(&mut *conn)
    .await?;
    let initiatives: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM initiatives WHERE campaign_id = $1 AND unit_id <> $2 ORDER BY submitted_at, id LIMIT $3",
    )
    .bind(campaign_id)
    .bind(ward)
    .bind(SCORED as i64)
    .fetch_all(&mut *conn)
    .await?;
    for (i, initiative) in initiatives.iter().enumerate() {
        // The chair has scored only the first half; the district's members all of them.
        for (m, (member, at_ward)) in members.iter().enumerate() {
            if *at_ward || (m == 0 && i >= SCORED / 2) {
                continue;
            }
            let share = match (i, m) {
                (DISPUTED, 2) => 90,
                (DISPUTED, _) => 35,
                _ => 60 + ((i * 7 + m * 13) % 35) as i32,
            };
            submit_share(conn, (campaign_id, *initiative, *member), &maxima, share).await?;
        }
    }
    app::server::final_scores::refresh(conn, campaign_id, None)
        .await
        .map_err(|e| anyhow::anyhow!("demo final scores: {e:?}"))
}

/// A submitted sheet giving every criterion `share` percent of its maximum (in half points).
pub async fn submit_share(
    conn: &mut PgConnection,
    (campaign_id, initiative_id, member): (i64, i64, i64),
    maxima: &[i32],
    share: i32,
) -> anyhow::Result<()> {
    let halves: Vec<i32> = maxima.iter().map(|max| max * 2 * share / 100).collect();
    let total: i32 = halves.iter().sum();
    sqlx::query(
        "INSERT INTO council_scores (initiative_id, account_id, campaign_id, state, half_points, comments, total)
         VALUES ($1, $2, $3, 'submitted', $4, $5, $6)",
    )
    .bind(initiative_id)
    .bind(member)
    .bind(campaign_id)
    .bind(&halves)
    .bind(vec![String::new(); halves.len()])
    .bind(total)
    .execute(conn)
    .await?;
    Ok(())
}
