//! Account control through the real router: changing one's password, an admin setting another's,
//! disabling and enabling; each ends the sessions it must end at their next request.
mod common;

use app::domain::account::Role;
use axum::http::StatusCode;
use axum::Router;
use common::{account, post, router, sign_in};
use sqlx::PgPool;

/// Whether `cookie` is still a signed-in admin (the accounts list answers only to one).
async fn signed_in(app: &Router, cookie: &str) -> bool {
    let (status, body, _) = post(app, "/api/list_accounts", "", Some(cookie)).await;
    match status {
        StatusCode::OK => true,
        StatusCode::UNAUTHORIZED => false,
        other => panic!("{other}: {body}"),
    }
}

async fn sign_in_status(app: &Router, username: &str, password: &str) -> (StatusCode, String) {
    let body = format!("username={username}&password={password}&next=/admin");
    let (status, body, _) = post(app, "/api/login", &body, None).await;
    (status, body)
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_new_password_needs_the_current_one_and_signs_out_the_other_browsers(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "lan", "mat-khau-cu-1", Role::SystemAdmin).await;
    let here = sign_in(&app, "lan", "mat-khau-cu-1").await;
    let elsewhere = sign_in(&app, "lan", "mat-khau-cu-1").await;
    let change = |current: &str, new: &str, again: &str| {
        format!("current_password={current}&new_password={new}&confirm_password={again}")
    };
    let (status, body, _) = post(
        &app,
        "/api/change_password",
        &change("doan-sai-mat-khau", "mat-khau-moi-2", "mat-khau-moi-2"),
        Some(&here),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("wrong_password"), "{body}");
    let (status, body, _) = post(
        &app,
        "/api/change_password",
        &change("mat-khau-cu-1", "mat-khau-moi-2", "mat-khau-moi-3"),
        Some(&here),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("password_mismatch"), "{body}");
    assert!(signed_in(&app, &elsewhere).await, "refusals change nothing");

    let (status, body, headers) = post(
        &app,
        "/api/change_password",
        &change("mat-khau-cu-1", "mat-khau-moi-2", "mat-khau-moi-2"),
        Some(&here),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let here = common::set_cookie(&headers).unwrap_or(here);
    assert!(
        signed_in(&app, &here).await,
        "the browser that changed it stays in"
    );
    assert!(
        !signed_in(&app, &elsewhere).await,
        "another browser is signed out"
    );
    assert!(sign_in_status(&app, "lan", "mat-khau-cu-1").await.0 != StatusCode::OK);
    assert_eq!(
        sign_in_status(&app, "lan", "mat-khau-moi-2").await.0,
        StatusCode::OK
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_disabled_account_is_signed_out_at_once_and_told_why_only_with_its_password(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "admin", "mat-khau-admin", Role::SystemAdmin).await;
    let minh = account(&pool, "minh", "mat-khau-minh", Role::SystemAdmin).await;
    let admin = sign_in(&app, "admin", "mat-khau-admin").await;
    let minh_cookie = sign_in(&app, "minh", "mat-khau-minh").await;
    let disable = format!("id={minh}&change=disable");
    let (status, body, _) = post(&app, "/api/set_account_disabled", &disable, Some(&admin)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("confirm"), "unconfirmed: {body}");
    assert!(signed_in(&app, &minh_cookie).await);

    let confirmed = format!("{disable}&confirm=on");
    let (status, body, _) = post(&app, "/api/set_account_disabled", &confirmed, Some(&admin)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        !signed_in(&app, &minh_cookie).await,
        "signed out at the next request"
    );
    let (status, body) = sign_in_status(&app, "minh", "mat-khau-minh").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("account_disabled"), "{body}");
    let (_, body) = sign_in_status(&app, "minh", "doan-sai-mat-khau").await;
    assert!(
        body.contains("bad_credentials") && !body.contains("account_disabled"),
        "a guesser learns nothing: {body}"
    );

    let admin_id: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE username = 'admin'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let own = format!("id={admin_id}&change=disable&confirm=on");
    let (status, body, _) = post(&app, "/api/set_account_disabled", &own, Some(&admin)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("disable_self"), "{body}");

    let enable = format!("id={minh}&change=enable");
    let (status, body, _) = post(&app, "/api/set_account_disabled", &enable, Some(&admin)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        sign_in_status(&app, "minh", "mat-khau-minh").await.0,
        StatusCode::OK
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn an_admin_sets_a_forgotten_password_and_an_evaluator_cannot(pool: PgPool) {
    let app = router(&pool).await;
    account(&pool, "admin", "mat-khau-admin", Role::SystemAdmin).await;
    let hoa = account(&pool, "hoa", "mat-khau-hoa-1", Role::Evaluator).await;
    let admin = sign_in(&app, "admin", "mat-khau-admin").await;
    let hoa_cookie = sign_in(&app, "hoa", "mat-khau-hoa-1").await;
    let reset = format!("id={hoa}&new_password=mat-khau-hoa-2&confirm_password=mat-khau-hoa-2");
    let (status, _, _) = post(&app, "/api/reset_account_password", &reset, Some(&hoa_cookie)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "an evaluator sets no password");
    let disable = format!("id={hoa}&change=disable&confirm=on");
    let (status, _, _) = post(&app, "/api/set_account_disabled", &disable, Some(&hoa_cookie)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = post(&app, "/api/set_account_disabled", &disable, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let admin_id: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE username = 'admin'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let own = format!("id={admin_id}&new_password=mat-khau-moi-9&confirm_password=mat-khau-moi-9");
    let (status, body, _) = post(&app, "/api/reset_account_password", &own, Some(&admin)).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a stolen admin session cannot set its password"
    );
    assert!(body.contains("own_password_elsewhere"), "{body}");
    let short = format!("id={hoa}&new_password=ngan&confirm_password=ngan");
    let (status, body, _) = post(&app, "/api/reset_account_password", &short, Some(&admin)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("password_too_short"), "{body}");
    let (status, body, _) = post(&app, "/api/reset_account_password", &reset, Some(&admin)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        sign_in_status(&app, "hoa", "mat-khau-hoa-2").await.0,
        StatusCode::OK
    );
    assert!(sign_in_status(&app, "hoa", "mat-khau-hoa-1").await.0 != StatusCode::OK);
    let (status, body, _) = post(&app, "/api/whoami", "", Some(&hoa_cookie)).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::OK, "null"),
        "her old session ended"
    );
}
