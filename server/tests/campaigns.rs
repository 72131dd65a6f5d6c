//! Campaign setup, lifecycle, deadlines, copy and audit through the real HTTP path, as an admin,
//! each test against its own database. Refusals must change nothing.
use app::domain::account::Role;
use axum::http::StatusCode;
use axum::Router;
use sqlx::PgPool;

mod common;
use common::{account, post, router, sign_in, unit_id};

struct Admin {
    app: Router,
    cookie: String,
}

impl Admin {
    async fn new(pool: &PgPool) -> Self {
        let app = router(pool).await;
        account(pool, "quantri", "mat-khau-quan-tri", Role::SystemAdmin).await;
        let cookie = sign_in(&app, "quantri", "mat-khau-quan-tri").await;
        Self { app, cookie }
    }

    /// Adds (`include`) or removes unit `unit` (with `branch`, everything below it too).
    async fn pick(&self, campaign: i64, unit: i64, branch: bool, include: bool) -> (StatusCode, String) {
        let body = format!("id={campaign}&unit_id={unit}&branch={branch}&include={include}");
        self.post("/api/set_campaign_units", &body).await
    }

    async fn post(&self, path: &str, body: &str) -> (StatusCode, String) {
        let (status, text, _) = post(&self.app, path, body, Some(&self.cookie)).await;
        (status, text)
    }
}

/// Gò Vấp with three wards (one of them with a sub-unit) and, elsewhere, Quận 1.
async fn units(pool: &PgPool) {
    sqlx::raw_sql(
        "INSERT INTO units (code, name, search_key, kind) VALUES
             ('GV', 'Quận Gò Vấp', 'quan go vap', 'district'), ('Q1', 'Quận 1', 'quan 1', 'district');
         INSERT INTO units (code, name, search_key, kind, parent_id)
             SELECT c, n, n, 'ward', (SELECT id FROM units WHERE code = 'GV')
             FROM (VALUES ('GV-P1', 'Phường 1'), ('GV-P3', 'Phường 3'), ('GV-P4', 'Phường 4')) v(c, n);
         INSERT INTO units (code, name, search_key, kind, parent_id)
             SELECT 'GV-P1-KP1', 'Khu phố 1', 'khu pho 1', 'other', id FROM units WHERE code = 'GV-P1';
         INSERT INTO units (code, name, search_key, kind, parent_id)
             SELECT 'Q1-NCT', 'Phường Nguyễn Cư Trinh', 'phuong nguyen cu trinh', 'ward', id FROM units WHERE code = 'Q1';",
    )
    .execute(pool)
    .await
    .unwrap();
}

fn general(title: &str, registration: &str, report: &str) -> String {
    format!(
        "title={title}&theme=&plan_ref=K%E1%BA%BF%20ho%E1%BA%A1ch%204776&plan_date=23/10/2030&organizer_code=GV\
         &period_start=23/10/2030&period_end=31/01/2031&registration_deadline={registration}\
         &report_deadline={report}&min_initiatives=1&max_initiatives=50&visibility=public"
    )
}

async fn state(pool: &PgPool, id: i64) -> String {
    sqlx::query_scalar("SELECT state FROM campaigns WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn audit_kinds(pool: &PgPool, id: i64) -> Vec<String> {
    sqlx::query_scalar("SELECT kind FROM audit_log WHERE campaign_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(pool)
        .await
        .unwrap()
}

/// Creates a complete draft of Gò Vấp and returns its id.
async fn draft(admin: &Admin, pool: &PgPool) -> i64 {
    let (status, body) = admin
        .post(
            "/api/create_campaign",
            &general("Cao%20%C4%91i%E1%BB%83m", "03/11/2030", "27/01/2031"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    sqlx::query_scalar("SELECT max(id) FROM campaigns")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_refused_campaign_names_each_bad_field_and_creates_nothing(pool: PgPool) {
    units(&pool).await;
    let admin = Admin::new(&pool).await;
    let bad = general("", "03/11/2030", "02/11/2030").replace("organizer_code=GV", "organizer_code=KHONG-CO");
    let (status, body) = admin.post("/api/create_campaign", &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains(r#""field":"title""#), "{body}");
    assert!(body.contains(r#""report_not_after_registration""#), "{body}");
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM campaigns")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(count, 0);

    let unknown =
        general("A", "03/11/2030", "27/01/2031").replace("organizer_code=GV", "organizer_code=KHONG-CO");
    let (status, body) = admin.post("/api/create_campaign", &unknown).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains(r#""field":"organizer_code""#), "{body}");
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_new_campaign_starts_with_the_default_lists_and_is_audited(pool: PgPool) {
    units(&pool).await;
    let admin = Admin::new(&pool).await;
    let id = draft(&admin, &pool).await;
    let (fields, criteria, total): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM campaign_fields WHERE campaign_id = $1),
                (SELECT count(*) FROM campaign_criteria WHERE campaign_id = $1),
                (SELECT sum(max_points) FROM campaign_criteria WHERE campaign_id = $1)",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((fields, criteria, total), (6, 5, 100));
    // The deadline typed as 03/11/2030 is the end of that day in Vietnam.
    let deadline: String = sqlx::query_scalar(
        "SELECT to_char(registration_deadline AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI:SS') FROM campaigns WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(deadline, "03/11/2030 23:59:59");
    assert_eq!(audit_kinds(&pool, id).await, ["created"]);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn units_are_picked_one_by_one_or_by_branch_only_below_the_organizer(pool: PgPool) {
    units(&pool).await;
    let admin = Admin::new(&pool).await;
    let id = draft(&admin, &pool).await;
    let p1 = unit_id(&pool, "GV-P1").await;
    let (status, body) = admin.pick(id, p1, true, true).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let p3 = unit_id(&pool, "GV-P3").await;
    admin.pick(id, p3, false, true).await;
    let count = |pool: PgPool| async move {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM campaign_units WHERE campaign_id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap()
    };
    assert_eq!(count(pool.clone()).await, 3);
    let outside = unit_id(&pool, "Q1-NCT").await;
    let (status, body) = admin.pick(id, outside, false, true).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("not_under_organizer"), "{body}");
    assert_eq!(count(pool.clone()).await, 3);
    admin.pick(id, p1, true, false).await;
    assert_eq!(count(pool.clone()).await, 1);
    assert_eq!(
        audit_kinds(&pool, id).await,
        ["created", "units", "units", "units"]
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn bad_thresholds_change_nothing(pool: PgPool) {
    units(&pool).await;
    let admin = Admin::new(&pool).await;
    let id = draft(&admin, &pool).await;
    let body = format!(
        "id={id}&criteria[0][name]=T%C3%ADnh%20m%E1%BB%9Bi&criteria[0][max_points]=50&excellent_min=60&good_min=70&pass_min=10"
    );
    let (status, text) = admin.post("/api/save_campaign_criteria", &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        text.contains(r#""field":"excellent_min""#) && text.contains(r#""field":"good_min""#),
        "{text}"
    );
    let total: i64 =
        sqlx::query_scalar("SELECT sum(max_points) FROM campaign_criteria WHERE campaign_id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(total, 100);
    let good = format!("id={id}&criteria[0][name]=T%C3%ADnh%20m%E1%BB%9Bi&criteria[0][max_points]=50&criteria[1][name]=&criteria[1][max_points]=&excellent_min=45&good_min=35&pass_min=25");
    let (status, text) = admin.post("/api/save_campaign_criteria", &good).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert_eq!(audit_kinds(&pool, id).await, ["created", "criteria"]);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_lifecycle_allows_only_its_steps_and_opening_needs_a_complete_setup(pool: PgPool) {
    units(&pool).await;
    let admin = Admin::new(&pool).await;
    let id = draft(&admin, &pool).await;
    let step = |to: &'static str| format!("id={id}&to={to}");
    // No participating unit yet: opening lists what is missing.
    let (status, body) = admin.post("/api/change_campaign_state", &step("open")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains(r#""item":"units""#), "{body}");
    assert_eq!(state(&pool, id).await, "draft");
    let p3 = unit_id(&pool, "GV-P3").await;
    admin.pick(id, p3, false, true).await;
    let order = ["draft", "open", "evaluating", "published", "closed"];
    for (i, current) in order.iter().enumerate() {
        // Every other target is refused and changes nothing.
        for target in order.iter().filter(|t| order.get(i + 1) != Some(t)) {
            let (status, body) = admin.post("/api/change_campaign_state", &step(target)).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{current} → {target}: {body}"
            );
            assert_eq!(&state(&pool, id).await, current);
        }
        if let Some(next) = order.get(i + 1) {
            let (status, body) = admin.post("/api/change_campaign_state", &step(next)).await;
            assert_eq!(status, StatusCode::OK, "{current} → {next}: {body}");
            assert_eq!(&state(&pool, id).await, next);
        }
    }
    let states: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE campaign_id = $1 AND kind = 'state'")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    // Four steps, and the results made public as the organizer publishes them.
    assert_eq!(states, 5);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_draft_never_opened_can_be_deleted_and_its_audit_trail_stays(pool: PgPool) {
    units(&pool).await;
    let admin = Admin::new(&pool).await;
    let p3 = unit_id(&pool, "GV-P3").await;
    let opened = draft(&admin, &pool).await;
    admin.pick(opened, p3, false, true).await;
    let (status, _) = admin
        .post("/api/change_campaign_state", &format!("id={opened}&to=open"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let id = draft(&admin, &pool).await;
    admin.pick(id, p3, false, true).await;
    // A campaign once opened is refused and stays as it was.
    let (status, body) = admin
        .post("/api/delete_draft_campaign", &format!("id={opened}"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("not_a_draft"), "{body}");
    assert_eq!(state(&pool, opened).await, "open");
    // The draft goes with its list of units; its audit trail stays and ends with the deletion.
    let (status, body) = admin
        .post("/api/delete_draft_campaign", &format!("id={id}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let left: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM campaigns WHERE id = $1),
                (SELECT count(*) FROM campaign_units WHERE campaign_id = $1)",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(left, (0, 0));
    let kinds = audit_kinds(&pool, id).await;
    assert_eq!(
        (
            kinds.first().map(String::as_str),
            kinds.last().map(String::as_str)
        ),
        (Some("created"), Some("state"))
    );
    let last: serde_json::Value = sqlx::query_scalar(
        "SELECT jsonb_build_object('before', before, 'after', after) FROM audit_log
         WHERE campaign_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(last["after"]["state"], "deleted");
    assert_eq!(last["before"]["state"], "draft");
    // Gone: a second try finds nothing.
    let (status, _) = admin
        .post("/api/delete_draft_campaign", &format!("id={id}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn an_open_campaign_keeps_its_setup_and_moves_deadlines_only_by_extension(pool: PgPool) {
    units(&pool).await;
    let admin = Admin::new(&pool).await;
    let id = draft(&admin, &pool).await;
    let p3 = unit_id(&pool, "GV-P3").await;
    admin.pick(id, p3, false, true).await;
    let (status, _) = admin
        .post("/api/change_campaign_state", &format!("id={id}&to=open"))
        .await;
    assert_eq!(status, StatusCode::OK);

    let (status, body) = admin
        .post(
            "/api/save_campaign_fields",
            &format!("id={id}&fields=M%E1%BB%9Bi"),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("locked"), "{body}");
    let moved = general("Cao%20%C4%91i%E1%BB%83m", "10/11/2030", "27/01/2031");
    let (status, body) = admin
        .post("/api/save_campaign_general", &format!("id={id}&{moved}"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains(r#""field":"registration_deadline""#), "{body}");
    // The title can still be corrected.
    let renamed = general("T%C3%AAn%20m%E1%BB%9Bi", "03/11/2030", "27/01/2031");
    let (status, body) = admin
        .post("/api/save_campaign_general", &format!("id={id}&{renamed}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let extend =
        |date: &str, reason: &str| format!("id={id}&deadline=registration&new_date={date}&reason={reason}");
    for (date, reason, problem) in [
        ("01/11/2030", "L%C3%BD%20do", "not_later"),
        ("01/02/2031", "L%C3%BD%20do", "outside_period"),
        ("27/01/2031", "L%C3%BD%20do", "registration_not_before_report"),
        ("10/11/2030", "", "required"),
    ] {
        let (status, body) = admin
            .post("/api/extend_campaign_deadline", &extend(date, reason))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{date}");
        assert!(body.contains(problem), "{date}: {body}");
    }
    let (status, body) = admin
        .post(
            "/api/extend_campaign_deadline",
            &extend("10/11/2030", "Theo%20%C4%91%E1%BB%81%20ngh%E1%BB%8B"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (deadline, reason): (String, String) = sqlx::query_as(
        "SELECT to_char(c.registration_deadline AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI'), l.reason
         FROM campaigns c JOIN audit_log l ON l.campaign_id = c.id AND l.kind = 'deadline' WHERE c.id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (deadline.as_str(), reason.as_str()),
        ("10/11/2030 23:59", "Theo đề nghị")
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_copy_is_a_draft_with_all_configuration_and_dates_a_year_later(pool: PgPool) {
    units(&pool).await;
    let admin = Admin::new(&pool).await;
    let id = draft(&admin, &pool).await;
    let p1 = unit_id(&pool, "GV-P1").await;
    admin.pick(id, p1, true, true).await;
    admin
        .post("/api/change_campaign_state", &format!("id={id}&to=open"))
        .await;
    let (status, body) = admin
        .post(
            "/api/copy_campaign",
            &format!("id={id}&title=N%C4%83m%202031&shift_years=1"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (copy, state, start, registration, units, criteria, from): (
        i64,
        String,
        String,
        String,
        i64,
        i64,
        i64,
    ) = sqlx::query_as(
        "SELECT c.id, c.state, to_char(c.period_start, 'DD/MM/YYYY'),
                    to_char(c.registration_deadline AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI'),
                    (SELECT count(*) FROM campaign_units WHERE campaign_id = c.id),
                    (SELECT count(*) FROM campaign_criteria WHERE campaign_id = c.id),
                    c.copied_from
             FROM campaigns c WHERE c.title = 'Năm 2031'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (
            state.as_str(),
            start.as_str(),
            registration.as_str(),
            units,
            criteria,
            from
        ),
        ("draft", "23/10/2031", "03/11/2031 23:59", 2, 5, id)
    );
    assert_eq!(audit_kinds(&pool, copy).await, ["created"]);
    let (status, _) = admin
        .post("/api/copy_campaign", &format!("id={id}&title=&shift_years=11"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_demo_campaigns_load_once_in_sensible_states_even_when_two_servers_start(pool: PgPool) {
    let config = server::config::Config {
        demo: true,
        ..common::config()
    };
    let (a, b) = tokio::join!(
        server::bootstrap::prepare(&pool, &config),
        server::bootstrap::prepare(&pool, &config)
    );
    a.unwrap();
    b.unwrap();
    server::bootstrap::prepare(&pool, &config).await.unwrap();
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT o.code, c.state, (SELECT count(*) FROM campaign_units cu WHERE cu.campaign_id = c.id)
         FROM campaigns c JOIN units o ON o.id = c.organizer_id ORDER BY c.id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let got: Vec<(&str, &str, i64)> = rows
        .iter()
        .map(|(o, s, n)| (o.as_str(), s.as_str(), *n))
        .collect();
    assert_eq!(
        got,
        [
            ("GV", "closed", 16),
            ("Q1-NCT", "closed", 13),
            ("Q11", "published", 28),
            ("Q10", "evaluating", 14),
            ("MC", "open", 29),
            ("Q11", "draft", 28),
            ("QN", "open", 54)
        ]
    );
    // The open campaign can be registered for now.
    let open_in_future: bool =
        sqlx::query_scalar("SELECT registration_deadline > now() FROM campaigns WHERE state = 'open'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(open_in_future);
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn a_missing_campaign_page_answers_not_found_in_vietnamese(pool: PgPool) {
    use axum::body::Body;
    use axum::http::{header, Request};
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let admin = Admin::new(&pool).await;
    let request = Request::get("/admin/campaigns/999")
        .header(header::COOKIE, &admin.cookie)
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap();
    let response = admin.app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert!(String::from_utf8_lossy(&body).contains("Không tìm thấy nội dung yêu cầu."));
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn the_councils_rules_are_fixed_once_scoring_starts(pool: PgPool) {
    units(&pool).await;
    let admin = Admin::new(&pool).await;
    let id = draft(&admin, &pool).await;
    let scoring = |combine: &str, percent: &str, weight: &str| {
        format!(
            "id={id}&points_commitment=10&points_minimum=10&points_report=10&evaluation_mode=best\
             &evaluation_weight={weight}&final_combine={combine}&quorum=half&disagreement_percent={percent}"
        )
    };
    let (status, body) = admin
        .post("/api/save_campaign_scoring", &scoring("median", "40", "1"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = admin
        .post("/api/save_campaign_scoring", &scoring("median", "0", "1"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains(r#""field":"disagreement_percent""#), "{body}");

    sqlx::query("UPDATE campaigns SET state = 'evaluating' WHERE id = $1")
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    let (status, body) = admin
        .post("/api/save_campaign_scoring", &scoring("mean", "40", "1"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("locked"), "{body}");
    // The unit formula may still change while the council scores.
    let (status, body) = admin
        .post("/api/save_campaign_scoring", &scoring("median", "40", "2"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let stored: (String, String, i32, f64) = sqlx::query_as(
        "SELECT final_combine, quorum, disagreement_percent, evaluation_weight FROM campaigns WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(stored, ("median".into(), "half".into(), 40, 2.0));
}
