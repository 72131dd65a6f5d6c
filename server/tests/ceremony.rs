//! The reveal ceremony on the demo's Quận 11 2022 campaign (published, results held for the
//! conference, ceremony prepared): who may prepare and drive it, a rehearsal that never reaches
//! a screen, a live run whose steps reach every app server's screens as they happen and never
//! ahead, a double tap that moves once, and the last step releasing the results.
mod common;

use axum::http::StatusCode;
use common::demo::{demo, Demo};
use common::events::{next_board, next_stage, open_stream};
use common::unit_fixture::{PDF, PNG};
use common::{get, multipart, post_multipart, router, sign_in};
use serde_json::Value;
use server::demo_council::DEMO_COUNCIL_PASSWORD;
use sqlx::PgPool;

const CONSOLE: &str = "/api/ceremony_console";
const CONTROL: &str = "/api/control_ceremony";

async fn control(
    demo: &Demo,
    cookie: &str,
    campaign: i64,
    action: &str,
    at: usize,
    to: usize,
) -> (StatusCode, Value) {
    demo.call(
        CONTROL,
        &format!("campaign_id={campaign}&action={action}&at={at}&to={to}"),
        cookie,
    )
    .await
}

/// The live screen's server function, as a screen (anyone) calls it.
async fn screen(demo: &Demo, campaign: i64) -> Value {
    let (status, screen) = demo
        .call("/api/live_screen", &format!("campaign_id={campaign}"), "")
        .await;
    assert_eq!(status, StatusCode::OK, "{screen}");
    screen
}

fn revealed(stage: &Value) -> Vec<i64> {
    stage["revealed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["unit_id"].as_i64().unwrap())
        .collect()
}

/// The first stage of the stream at step `step` (earlier ones were sent and are skipped).
async fn stage_at(stream: &mut axum::body::Body, step: u64) -> Value {
    loop {
        let stage = next_stage(stream).await;
        if stage["step"].as_u64() == Some(step) {
            return stage;
        }
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn the_chair_runs_the_ceremony_step_by_step_on_every_server_and_no_screen_sees_ahead(pool: PgPool) {
    let demo = demo(pool).await;
    let campaign = demo.campaign_of("Q11").await;
    let chair = sign_in(&demo.app, "hd11.chutich", DEMO_COUNCIL_PASSWORD).await;
    let other_council = sign_in(&demo.app, "hd.chutich", DEMO_COUNCIL_PASSWORD).await;
    let form = format!("campaign_id={campaign}");

    // Prepared by the demo; driven by the chair or an organizer, nobody else.
    let (status, console) = demo.call(CONSOLE, &form, &chair).await;
    assert_eq!(status, StatusCode::OK, "{console}");
    assert_eq!(console["mode"], "Prepared");
    assert!(
        console["checks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["done"] == true),
        "{console}"
    );
    assert_eq!(
        demo.call(CONSOLE, &form, &other_council).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(demo.call(CONSOLE, &form, "").await.0, StatusCode::UNAUTHORIZED);
    let stranger = demo.organizer("Q1-NCT").await;
    assert_eq!(
        control(&demo, &stranger, campaign, "start", 0, 0).await.0,
        StatusCode::NOT_FOUND
    );

    // Screens on two app servers: the held board, no ceremony.
    let second = router(&demo.pool).await;
    let mut here = open_stream(demo.app.clone(), campaign, "").await;
    let mut there = open_stream(second, campaign, "").await;
    for stream in [&mut here, &mut there] {
        assert_eq!(next_board(stream).await["published"], false);
        assert_eq!(next_stage(stream).await, Value::Null);
    }

    // A rehearsal moves the console alone.
    let (status, rehearsal) = control(&demo, &chair, campaign, "rehearse", 0, 0).await;
    assert_eq!(status, StatusCode::OK, "{rehearsal}");
    assert_eq!(rehearsal["mode"], "Rehearsal");
    let steps = rehearsal["script"].as_array().unwrap().len();
    let cards = rehearsal["script"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s.get("Card").is_some())
        .count();
    assert_eq!(cards, 2, "the demo stops on two awards");
    assert_eq!(control(&demo, &chair, campaign, "move", 0, 1).await.1["step"], 1);
    assert_eq!(screen(&demo, campaign).await["ceremony"], Value::Null);
    assert_eq!(
        control(&demo, &chair, campaign, "end_rehearsal", 0, 0).await.1["mode"],
        "Prepared"
    );

    // Live: every screen gets the opening, and only it.
    let (status, live) = control(&demo, &chair, campaign, "start", 0, 0).await;
    assert_eq!(status, StatusCode::OK, "{live}");
    assert_eq!(live["mode"], "Live");
    let units = live["stage"]["hidden"].as_u64().unwrap();
    assert!(units > 3);
    for stream in [&mut here, &mut there] {
        let stage = next_stage(stream).await;
        assert_eq!(
            (stage["step"].as_u64(), stage["steps"].as_u64()),
            (Some(0), Some(steps as u64))
        );
        assert!(revealed(&stage).is_empty());
    }
    // The plan stays as it is once started.
    let (status, _) = demo
        .call(
            "/api/save_ceremony_plan",
            &format!("{form}&order=by_award_form"),
            &demo.system_admin().await,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // Step 1 reveals the last place, on both servers; a double tap moves once.
    let script = live["script"].as_array().unwrap().clone();
    let last_place = script[1]["Reveal"]["unit_id"].as_i64().unwrap();
    control(&demo, &chair, campaign, "move", 0, 1).await;
    for stream in [&mut here, &mut there] {
        let stage = next_stage(stream).await;
        assert_eq!(revealed(&stage), vec![last_place]);
        assert_eq!(stage["just_revealed"], last_place);
        assert_eq!(stage["hidden"].as_u64(), Some(units - 1));
    }
    let first = control(&demo, &chair, campaign, "move", 1, 2).await.1;
    let again = control(&demo, &chair, campaign, "move", 1, 2).await.1;
    assert_eq!(
        (first["step"].as_u64(), again["step"].as_u64()),
        (Some(2), Some(2))
    );

    // Nothing ahead of step 2 is public: not the cards, not the finale, not the board's scores.
    let public = screen(&demo, campaign).await;
    assert_eq!(public["ceremony"]["step"], 2);
    assert_eq!(public["board"]["published"], false);
    assert_eq!(public["board"]["awards"], Value::Array(vec![]));
    let text = public.to_string();
    for step in &script[3..] {
        if let Some(card) = step.get("Card") {
            assert!(!text.contains(card["recipient"].as_str().unwrap()) || card["collective"] == true);
        }
    }
    let (_, page, _) = get(&demo.app, &format!("/live/{campaign}/screen"), None).await;
    assert!(!page.contains("Finale") && !page.contains("\"Card\""));

    // Back one step, then to the end: the finale releases the results.
    let back = control(&demo, &chair, campaign, "move", 2, 1).await.1;
    assert_eq!(back["step"], 1);
    assert_eq!(revealed(&stage_at(&mut here, 1).await).len(), 1);
    let last = steps - 1;
    let (status, end) = control(&demo, &chair, campaign, "move", 1, last).await;
    assert_eq!(status, StatusCode::OK, "{end}");
    let finale = stage_at(&mut there, last as u64).await;
    assert_eq!(finale["finale"], true);
    assert_eq!(revealed(&finale).len() as u64, units);
    let released: bool =
        sqlx::query_scalar("SELECT results_released_at IS NOT NULL FROM campaigns WHERE id = $1")
            .bind(campaign)
            .fetch_one(&demo.pool)
            .await
            .unwrap();
    assert!(released);
    // The released board reaches the screens too, with its award list.
    let board = common::events::board_where(&mut here, |b| b["published"] == true).await;
    assert!(!board["awards"].as_array().unwrap().is_empty());
    assert_eq!(
        control(&demo, &chair, campaign, "move", last, last + 1).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // Ending hands the screens back to the board.
    assert_eq!(
        control(&demo, &chair, campaign, "finish", 0, 0).await.1["mode"],
        "Finished"
    );
    assert_eq!(next_stage(&mut there).await, Value::Null);
    let audited: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE campaign_id = $1 AND kind = 'ceremony'")
            .bind(campaign)
            .fetch_one(&demo.pool)
            .await
            .unwrap();
    assert!(
        audited >= 3,
        "prepared, started and finished are audited ({audited})"
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn a_card_photo_reaches_the_screens_only_with_its_card(pool: PgPool) {
    let demo = demo(pool).await;
    let admin = demo.system_admin().await;
    let campaign = demo.campaign_of("Q11").await;
    let (_, desk) = demo
        .call("/api/ceremony_desk", &format!("campaign_id={campaign}"), &admin)
        .await;
    let award = desk["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["stop"] == true)
        .unwrap()["award_id"]
        .as_i64()
        .unwrap();
    let upload = |file: &'static [u8], cookie: Option<String>| {
        let body = multipart(
            &[
                ("campaign_id", &campaign.to_string()),
                ("award_id", &award.to_string()),
            ],
            &[("photo", "anh.png", file)],
        );
        let app = demo.app.clone();
        async move { post_multipart(&app, "/api/upload_ceremony_photo", body, cookie.as_deref()).await }
    };
    assert_eq!(upload(PNG, None).await.0, StatusCode::UNAUTHORIZED);
    let (status, body) = upload(PDF, Some(admin.clone())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("photo"), "{body}");
    assert_eq!(upload(PNG, Some(admin.clone())).await.0, StatusCode::OK);
    let (_, desk) = demo
        .call("/api/ceremony_desk", &format!("campaign_id={campaign}"), &admin)
        .await;
    let line = desk["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["award_id"] == award)
        .unwrap()
        .clone();
    assert_eq!(line["photo_bytes"].as_u64(), Some(PNG.len() as u64));

    // Live: the photo is not there before its card, and is once the card is on the screens.
    let path = format!("/live/{campaign}/photos/{award}");
    assert_eq!(get(&demo.app, &path, None).await.0, StatusCode::NOT_FOUND);
    let (_, live) = control(&demo, &admin, campaign, "start", 0, 0).await;
    let card = live["script"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s["Card"]["photo"] == path.as_str())
        .expect("the card carries its photo's address");
    assert_eq!(get(&demo.app, &path, None).await.0, StatusCode::NOT_FOUND);
    control(&demo, &admin, campaign, "move", 0, card - 1).await;
    assert_eq!(get(&demo.app, &path, None).await.0, StatusCode::NOT_FOUND);
    control(&demo, &admin, campaign, "move", card - 1, card).await;
    let (status, _, headers) = get(&demo.app, &path, None).await;
    assert_eq!(
        (status, &headers["content-type"]),
        (StatusCode::OK, &"image/png".parse().unwrap())
    );
    // Started: photos stay as they are.
    assert_eq!(
        upload(PNG, Some(admin.clone())).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn the_plan_is_checked_and_a_ceremony_without_final_results_cannot_start(pool: PgPool) {
    let demo = demo(pool).await;
    let admin = demo.system_admin().await;
    let q11 = demo.campaign_of("Q11").await;
    let save = |body: String| {
        let (demo, admin) = (&demo, admin.clone());
        async move { demo.call("/api/save_ceremony_plan", &body, &admin).await }
    };
    let (status, error) = save(format!("campaign_id={q11}&order=sideways")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error.to_string().contains("order"), "{error}");
    let (status, error) = save(format!("campaign_id={q11}&order=last_to_first&stops[0]=999999")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error.to_string().contains("stops"), "{error}");
    let award: i64 =
        sqlx::query_scalar("SELECT id FROM awards WHERE campaign_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(q11)
            .fetch_one(&demo.pool)
            .await
            .unwrap();
    let (status, _) = save(format!("campaign_id={q11}&order=by_award_form&stops[3]={award}")).await;
    assert_eq!(status, StatusCode::OK);
    let (_, desk) = demo
        .call("/api/ceremony_desk", &format!("campaign_id={q11}"), &admin)
        .await;
    assert_eq!(desk["order"], "ByAwardForm");
    let stops: Vec<i64> = desk["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["stop"] == true)
        .map(|l| l["award_id"].as_i64().unwrap())
        .collect();
    assert_eq!(stops, vec![award]);
    // A step number from nowhere moves nothing (and breaks nothing); closing the campaign ends
    // a ceremony that was left running.
    assert_eq!(control(&demo, &admin, q11, "start", 0, 0).await.0, StatusCode::OK);
    let (status, console) = control(&demo, &admin, q11, "move", 99_999_999_999, 1).await;
    assert_eq!((status, console["step"].as_u64()), (StatusCode::OK, Some(0)));
    let (status, body) = demo
        .call(
            "/api/change_campaign_state",
            &format!("id={q11}&to=closed"),
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, console) = demo.call(CONSOLE, &format!("campaign_id={q11}"), &admin).await;
    assert_eq!(console["mode"], "Finished");
    assert_eq!(screen(&demo, q11).await["ceremony"], Value::Null);
    // An organizer outside the campaign's scope is told it does not exist.
    let stranger = demo.organizer("Q1-NCT").await;
    let (status, _) = demo
        .call(
            "/api/save_ceremony_plan",
            &format!("campaign_id={q11}&order=last_to_first"),
            &stranger,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Quận 10 is still being scored: its checklist is open and it cannot start.
    let q10 = demo.campaign_of("Q10").await;
    let (status, error) = control(&demo, &admin, q10, "rehearse", 0, 0).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert!(error.to_string().contains("ceremony_not_ready"), "{error}");
    let (_, console) = demo.call(CONSOLE, &format!("campaign_id={q10}"), &admin).await;
    assert_eq!(console["checks"][0]["done"], false);
}
