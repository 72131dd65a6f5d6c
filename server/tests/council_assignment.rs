//! Who scores what, through the real router on the demo's Quận 10 campaign with a council of
//! three (one of them from a ward, so recused on its initiatives): spreading gives every
//! initiative its members evenly and never a conflicted one, members see only what they were
//! given, the move to the council fills what is missing, the organizer adjusts one pair at a
//! time, a decided pair stays, and refusals change nothing.
mod common;

use axum::http::StatusCode;
use common::council::Council;
use serde_json::Value;
use sqlx::PgPool;
use std::collections::HashMap;

impl Council {
    async fn set_state(&self, state: &str) {
        sqlx::query("UPDATE campaigns SET state = $2 WHERE id = $1")
            .bind(self.campaign)
            .bind(state)
            .execute(&self.demo.pool)
            .await
            .unwrap();
    }

    /// (initiative, member) pairs as stored.
    async fn pairs(&self) -> Vec<(i64, i64)> {
        sqlx::query_as(
            "SELECT initiative_id, account_id FROM council_assignments WHERE campaign_id = $1 ORDER BY 1, 2",
        )
        .bind(self.campaign)
        .fetch_all(&self.demo.pool)
        .await
        .unwrap()
    }

    async fn initiatives(&self) -> Vec<i64> {
        sqlx::query_scalar("SELECT id FROM initiatives WHERE campaign_id = $1 ORDER BY id")
            .bind(self.campaign)
            .fetch_all(&self.demo.pool)
            .await
            .unwrap()
    }

    async fn admin_call(&self, path: &str, rest: &str, cookie: &str) -> (StatusCode, Value) {
        let body = format!("id={}&{rest}", self.campaign);
        self.demo.call(path, &body, cookie).await
    }

    async fn expected(&self, initiative: i64) -> i32 {
        sqlx::query_scalar("SELECT expected FROM initiative_results WHERE initiative_id = $1")
            .bind(initiative)
            .fetch_one(&self.demo.pool)
            .await
            .unwrap()
    }
}

fn per_initiative(pairs: &[(i64, i64)]) -> HashMap<i64, Vec<i64>> {
    let mut map: HashMap<i64, Vec<i64>> = HashMap::new();
    for (initiative, member) in pairs {
        map.entry(*initiative).or_default().push(*member);
    }
    map
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn spreading_gives_each_initiative_two_members_evenly_and_never_a_conflicted_one(pool: PgPool) {
    let c = Council::new(pool).await;
    c.set_state("open").await;
    let admin = c.demo.system_admin().await;
    let phuong = c.account("gk-phuong").await;

    // Bad input is refused at its field and changes nothing.
    for (rest, field) in [
        ("mode=spread&per_initiative=0", "per_initiative"),
        ("mode=spread&per_initiative=ba", "per_initiative"),
        ("mode=spread&per_initiative=51", "per_initiative"),
        ("mode=moi-nguoi&per_initiative=2", "mode"),
    ] {
        let (status, body) = c.admin_call("/api/save_assignment_mode", rest, &admin).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{rest}: {body}");
        assert!(body.to_string().contains(field), "{rest}: {body}");
    }
    assert!(c.pairs().await.is_empty());

    let (status, body) = c
        .admin_call(
            "/api/save_assignment_mode",
            "mode=spread&per_initiative=2",
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let pairs = c.pairs().await;
    let initiatives = c.initiatives().await;
    let spread = per_initiative(&pairs);
    for initiative in &initiatives {
        let members = &spread[initiative];
        assert_eq!(members.len(), 2, "{initiative}: {members:?}");
        if c.ward_initiatives.contains(initiative) {
            assert!(
                !members.contains(&phuong),
                "the ward's member is never given his ward's"
            );
        }
    }
    let mut loads: HashMap<i64, usize> = HashMap::new();
    for (_, member) in &pairs {
        *loads.entry(*member).or_default() += 1;
    }
    let (min, max) = (loads.values().min().unwrap(), loads.values().max().unwrap());
    assert!(max - min <= c.ward_initiatives.len(), "{loads:?}");
    assert_eq!(loads.len(), 3, "everyone has work: {loads:?}");

    // The organizer's view: nothing short, every member's load.
    let (status, view) = c.admin_call("/api/council_assignment", "", &admin).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["total"], initiatives.len());
    assert_eq!(view["short"], 0);
    assert_eq!(view["assignment"]["Spread"]["per_initiative"], 2);

    // The move to the council fills what went missing since (one pair taken out by hand).
    let (first, taken) = pairs[0];
    sqlx::query("DELETE FROM council_assignments WHERE initiative_id = $1 AND account_id = $2")
        .bind(first)
        .bind(taken)
        .execute(&c.demo.pool)
        .await
        .unwrap();
    let (status, body) = c
        .admin_call("/api/change_campaign_state", "to=evaluating", &admin)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(per_initiative(&c.pairs().await)[&first].len(), 2);
    for initiative in &initiatives {
        assert_eq!(c.expected(*initiative).await, 2, "{initiative}");
    }

    // A member's queue holds exactly what he was given; anything else does not exist for him.
    let cookie = c.member("gk-phuong").await;
    let queue = c.queue(&cookie).await;
    let mine: Vec<i64> = c
        .pairs()
        .await
        .into_iter()
        .filter(|p| p.1 == phuong)
        .map(|p| p.0)
        .collect();
    let listed: Vec<i64> = queue["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert_eq!(listed.len(), mine.len(), "{queue}");
    assert!(listed.iter().all(|i| mine.contains(i)), "{queue}");
    let other = initiatives
        .iter()
        .find(|i| !mine.contains(i) && !c.ward_initiatives.contains(i))
        .expect("an initiative given to the two others");
    let (status, _) = c.desk(*other, &cookie).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = c.save(*other, "submit", 0, "5", &cookie).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Once scoring has begun the mode stays.
    let (status, body) = c
        .admin_call("/api/save_assignment_mode", "mode=all&per_initiative=2", &admin)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_organizer_adjusts_one_pair_and_a_decided_pair_stays(pool: PgPool) {
    let c = Council::new(pool).await;
    c.set_state("open").await;
    let admin = c.demo.system_admin().await;
    let (an, binh, phuong) = (
        c.account("gk-an").await,
        c.account("gk-binh").await,
        c.account("gk-phuong").await,
    );
    // While everyone scores everything there is nothing to give one by one.
    let ward = c.ward_initiatives[0];
    let (status, body) = c
        .admin_call(
            "/api/set_assignment",
            &format!("initiative_id={ward}&account_id={an}&assigned=true"),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("not_spreading"), "{body}");

    let (status, body) = c
        .admin_call(
            "/api/save_assignment_mode",
            "mode=spread&per_initiative=1",
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    c.set_state("evaluating").await;
    let given = per_initiative(&c.pairs().await);
    let (initiative, scorer) = given
        .iter()
        .map(|(i, m)| (*i, m[0]))
        .find(|(_, m)| *m == an || *m == binh)
        .unwrap();
    let cookie = c.member(if scorer == an { "gk-an" } else { "gk-binh" }).await;
    let (status, body) = c.save(initiative, "submit", 0, "5", &cookie).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // A decided pair stays; a conflicted member is never given his ward's initiative.
    let before = c.pairs().await;
    let (status, body) = c
        .admin_call(
            "/api/set_assignment",
            &format!("initiative_id={initiative}&account_id={scorer}&assigned=false"),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("member_has_scores"), "{body}");
    let (status, body) = c
        .admin_call(
            "/api/set_assignment",
            &format!("initiative_id={ward}&account_id={phuong}&assigned=true"),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("account_id"), "{body}");
    assert_eq!(c.pairs().await, before);

    // A second member on the scored initiative: its coverage follows at once, and it is audited.
    let second = if scorer == an { binh } else { an };
    let (status, body) = c
        .admin_call(
            "/api/set_assignment",
            &format!("initiative_id={initiative}&account_id={second}&assigned=true"),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(c.expected(initiative).await, 2);
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE campaign_id = $1 AND kind = 'council' AND after ? 'assigned'",
    )
    .bind(c.campaign)
    .fetch_one(&c.demo.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);
    // And taken back again, before he has scored.
    let (status, body) = c
        .admin_call(
            "/api/set_assignment",
            &format!("initiative_id={initiative}&account_id={second}&assigned=false"),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(c.expected(initiative).await, 1);
}
