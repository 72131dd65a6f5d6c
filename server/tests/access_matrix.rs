//! The access matrix. Its endpoints come from the code: every server function in `server_fn`'s
//! registry, every page in Leptos's route list and every route of the router's own hand-added
//! list. Each is called with well-formed arguments by nine kinds of caller; the status must be
//! the one its rule gives, and a refused call must leave the database exactly as it was. An
//! endpoint added without a row here fails `every_registered_endpoint_has_a_row`.
mod common;

use app::domain::account::Role;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use common::unit_fixture::{first_field, initiative_fields, key, receipt, PNG};
use common::{multipart, post, post_multipart, sign_in, unit_id, BOUNDARY, FORM};
use http_body_util::BodyExt;
use sqlx::PgPool;
use std::collections::BTreeSet;
use tower::ServiceExt;

const PASSWORD: &str = "mat-khau-chung-2026";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Nobody,
    UnitOfAnotherCampaign,
    AnotherUnitOfTheCampaign,
    TheUnit,
    RevokedLink,
    /// A member of the campaign's council, of Quận 11 itself (never conflicted).
    Evaluator,
    /// A member of the campaign's council from Phường 1, the unit of the target initiative.
    ConflictedEvaluator,
    OrganizerElsewhere,
    Organizer,
    SystemAdmin,
}

impl Caller {
    fn username(self) -> Option<&'static str> {
        match self {
            Caller::Evaluator => Some("giamkhao"),
            Caller::ConflictedEvaluator => Some("phuong1"),
            Caller::OrganizerElsewhere => Some("nct"),
            Caller::Organizer => Some("quan11"),
            Caller::SystemAdmin => Some("quantri"),
            _ => None,
        }
    }
}

/// Rows whose call ends the caller's session.
const SESSION_ROWS: [&str; 3] = ["/api/login", "/api/logout", "/api/change_password"];

const CALLERS: [Caller; 10] = [
    Caller::Nobody,
    Caller::UnitOfAnotherCampaign,
    Caller::AnotherUnitOfTheCampaign,
    Caller::TheUnit,
    Caller::RevokedLink,
    Caller::Evaluator,
    Caller::ConflictedEvaluator,
    Caller::OrganizerElsewhere,
    Caller::Organizer,
    Caller::SystemAdmin,
];

/// Who an endpoint serves. The target of every row (campaign, unit, initiative, file, account,
/// import) belongs to the organizer's scope (Quận 11) and to the unit (Phường 1).
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// Anyone, signed in or not (sign-in, the public board, health).
    Anyone,
    /// Any account, whatever its role.
    Account,
    /// System admins and organizers; lists are cut to the scope, so both scopes get an answer.
    AnyAdmin,
    /// The admins whose scope holds the target; another scope is told it does not exist.
    ScopedAdmin,
    /// Any unit bound to the campaign through a live link (it acts on its own rows).
    UnitOfCampaign,
    /// Only the unit that owns the target; another unit is told it does not exist.
    OwningUnit,
    /// A file: the unit that sent it and the admins whose scope holds it; 404 for all others.
    File,
    /// A form that names a unit by its code (new account, unit, campaign): a code outside the
    /// scope is refused at its field as unknown.
    ScopedByCode,
    /// A unit import: rows outside the scope are refused in the run's report, which is kept;
    /// no unit changes.
    ImportBelowScope,
    /// A unit link: it binds the browser and sends it on, or asks first when the browser acts
    /// for another unit of the campaign.
    UnitLink,
    /// An address that only sends the browser on.
    Redirect,
    /// The campaign's council members; to anyone else signed in the desk does not exist.
    CouncilMember,
    /// A council member who may score the target initiative; to a conflicted member, and to
    /// anyone else signed in, it does not exist.
    CouncilScorer,
    /// A score sheet saved while the campaign is open: a scorer passes access and is told
    /// scoring has not started; everyone else is refused as by `CouncilScorer`.
    CouncilScorerBeforeScoring,
    /// A pair given or spread while everyone scores everything: an admin of the campaign passes
    /// access and is told the campaign does not spread; everyone else is refused as by `ScopedAdmin`.
    ScopedAdminNotSpreading,
    /// A step on results or awards of a campaign that has none yet (the world's is open): an
    /// admin of the campaign passes access and is told the step is not allowed yet; others as by
    /// `ScopedAdmin`.
    ScopedAdminNotPublished,
    /// The ceremony's console: the campaign's admins or its council's chair (the world's council
    /// has none); to anyone else signed in it does not exist.
    CeremonyDriver,
    /// A ceremony started before results are published: a driver passes access and is told the
    /// checklist is not complete; others as by `CeremonyDriver`.
    CeremonyDriverNotPublished,
    /// A ceremony's photo before its card was reached (the world has no ceremony): to everyone
    /// it does not exist.
    NotYetShown,
    /// The council's scores per member: the campaign's admins and its chair (the world's council
    /// has none, so its members are forbidden); to anyone else signed in it does not exist.
    AdminOrChair,
    /// A campaign's results: its admins and its council's members (provisional while it is
    /// open); the public sees nothing before release, so to everyone else it does not exist.
    ResultsReader,
    /// A document drafted from what the world's open campaign lacks (awards): an admin of the
    /// campaign passes access and is told there is none; others as by `ScopedAdmin`.
    ScopedAdminNothingToDraft,
    /// A unit's replication of an initiative not in the gallery (the world has none): a unit
    /// with a live link passes access and is told the initiative does not exist; others as by
    /// `UnitOfCampaign`.
    UnitNothingToAdopt,
    /// Deleting a draft: the world's campaign is open, so its admins pass access and are told it
    /// is no draft; others as by `ScopedAdmin`.
    ScopedAdminDraftOnly,
    /// The chair's desk: its chair and secretary (the world's council has neither, so its
    /// members are forbidden); to anyone else signed in it does not exist.
    CouncilOfficer,
}

fn expected(rule: Rule, caller: Caller) -> StatusCode {
    use Caller::*;
    let unauthorized = StatusCode::UNAUTHORIZED;
    let ok = StatusCode::OK;
    let unit_caller = matches!(
        caller,
        UnitOfAnotherCampaign | AnotherUnitOfTheCampaign | TheUnit | RevokedLink
    );
    match rule {
        Rule::Anyone => ok,
        Rule::Account if caller == Nobody || unit_caller => unauthorized,
        Rule::Account => ok,
        Rule::AnyAdmin | Rule::ScopedAdmin if caller == Nobody || unit_caller => unauthorized,
        Rule::AnyAdmin | Rule::ScopedAdmin if matches!(caller, Evaluator | ConflictedEvaluator) => {
            StatusCode::FORBIDDEN
        }
        Rule::ScopedAdmin if caller == OrganizerElsewhere => StatusCode::NOT_FOUND,
        Rule::AnyAdmin | Rule::ScopedAdmin => ok,
        Rule::ScopedAdminNotSpreading | Rule::ScopedAdminNotPublished | Rule::ScopedAdminDraftOnly => {
            match expected(Rule::ScopedAdmin, caller) {
                StatusCode::OK => StatusCode::UNPROCESSABLE_ENTITY,
                refused => refused,
            }
        }
        Rule::NotYetShown => StatusCode::NOT_FOUND,
        Rule::UnitNothingToAdopt => match expected(Rule::UnitOfCampaign, caller) {
            StatusCode::OK => StatusCode::NOT_FOUND,
            refused => refused,
        },
        Rule::ScopedAdminNothingToDraft => match expected(Rule::ScopedAdmin, caller) {
            StatusCode::OK => StatusCode::NOT_FOUND,
            refused => refused,
        },
        Rule::AdminOrChair => match caller {
            Evaluator | ConflictedEvaluator => StatusCode::FORBIDDEN,
            _ => expected(Rule::ScopedAdmin, caller),
        },
        Rule::ResultsReader => match caller {
            Organizer | SystemAdmin | Evaluator | ConflictedEvaluator => ok,
            _ => StatusCode::NOT_FOUND,
        },
        Rule::CeremonyDriver => match caller {
            Organizer | SystemAdmin => ok,
            Evaluator | ConflictedEvaluator | OrganizerElsewhere => StatusCode::NOT_FOUND,
            _ => unauthorized,
        },
        Rule::CeremonyDriverNotPublished => match expected(Rule::CeremonyDriver, caller) {
            StatusCode::OK => StatusCode::UNPROCESSABLE_ENTITY,
            refused => refused,
        },
        Rule::UnitOfCampaign | Rule::OwningUnit => match caller {
            TheUnit => ok,
            AnotherUnitOfTheCampaign if matches!(rule, Rule::UnitOfCampaign) => ok,
            AnotherUnitOfTheCampaign | RevokedLink => StatusCode::NOT_FOUND,
            _ => unauthorized,
        },
        Rule::File => match caller {
            TheUnit | Organizer | SystemAdmin | Evaluator => ok,
            _ => StatusCode::NOT_FOUND,
        },
        Rule::ScopedByCode | Rule::ImportBelowScope if caller == OrganizerElsewhere => {
            if matches!(rule, Rule::ScopedByCode) {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                ok
            }
        }
        Rule::ScopedByCode | Rule::ImportBelowScope => expected(Rule::ScopedAdmin, caller),
        Rule::UnitLink if caller == AnotherUnitOfTheCampaign => ok,
        Rule::UnitLink | Rule::Redirect => StatusCode::FOUND,
        Rule::CouncilMember
        | Rule::CouncilScorer
        | Rule::CouncilScorerBeforeScoring
        | Rule::CouncilOfficer
            if caller == Nobody || unit_caller =>
        {
            unauthorized
        }
        Rule::CouncilMember if matches!(caller, Evaluator | ConflictedEvaluator) => ok,
        Rule::CouncilOfficer if matches!(caller, Evaluator | ConflictedEvaluator) => StatusCode::FORBIDDEN,
        Rule::CouncilScorer if caller == Evaluator => ok,
        Rule::CouncilScorerBeforeScoring if caller == Evaluator => StatusCode::UNPROCESSABLE_ENTITY,
        Rule::CouncilMember
        | Rule::CouncilScorer
        | Rule::CouncilScorerBeforeScoring
        | Rule::CouncilOfficer => StatusCode::NOT_FOUND,
    }
}

enum Send {
    Get,
    Form(String),
    Multipart(Vec<u8>),
}

/// One row: the registered path it covers, the address called, how, and its rule.
struct Row {
    registered: &'static str,
    address: String,
    send: Send,
    rule: Rule,
}

fn row(registered: &'static str, address: impl Into<String>, send: Send, rule: Rule) -> Row {
    Row {
        registered,
        address: address.into(),
        send,
        rule,
    }
}

/// A server function called with a form body.
fn call(path: &'static str, body: impl Into<String>, rule: Rule) -> Row {
    row(path, path, Send::Form(body.into()), rule)
}

/// A page or route, read with GET.
fn page(registered: &'static str, address: impl Into<String>, rule: Rule) -> Row {
    row(registered, address, Send::Get, rule)
}

/// Ids of what the rows name.
struct World {
    app: Router,
    pool: PgPool,
    /// Quận 11's open campaign, with Phường 1, 2 and 3 taking part.
    campaign: i64,
    /// Quận 11's campaign being set up.
    draft: i64,
    unit: i64,
    initiative: i64,
    file: i64,
    evaluator: i64,
    /// The evaluator of Quận 11 in the open campaign's council (`evaluator`, of Phường 2, is not).
    member: i64,
    import: i64,
    field: i64,
    /// The open campaign's first award form.
    award_form: i64,
    token: String,
    cookies: Vec<(Caller, Option<String>)>,
}

fn rows(w: &World) -> Vec<Row> {
    use Rule::*;
    let (c, d) = (w.campaign, w.draft);
    let general = String::from(
        "title=Thi%20%C4%91ua%202030&theme=&plan_ref=&plan_date=&organizer_code=Q11\
         &period_start=01/01/2030&period_end=31/12/2030&registration_deadline=30/11/2030\
         &report_deadline=15/12/2030&min_initiatives=1&max_initiatives=50&visibility=public",
    );
    let mut fields = initiative_fields(c, Some(w.field), "K-MATRIX");
    fields[1].1 = w.initiative.to_string();
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let initiative = multipart(&pairs, &[]);
    let report = multipart(
        &[("campaign_id", &c.to_string()), ("body", "Báo cáo kết quả.")],
        &[],
    );
    let import = multipart(
        &[],
        &[(
            "file",
            "don-vi.csv",
            "code,name,kind,parent code\nQ11-P9,Phường 9,phường,Q11\n".as_bytes(),
        )],
    );
    let photo = multipart(&[("campaign_id", &c.to_string()), ("award_id", "1")], &[]);
    let replication = multipart(
        &[
            ("campaign_id", &c.to_string()),
            ("initiative_id", &w.initiative.to_string()),
            ("adopted_on", "01/02/2026"),
            ("note", "Áp dụng tại bộ phận một cửa."),
        ],
        &[],
    );
    let (u, i, a, m, f) = (w.unit, w.initiative, w.evaluator, w.member, w.award_form);
    vec![
        // Server functions: signing in and out.
        call("/api/login", format!("username=quan11&password={PASSWORD}&next=/admin"), Anyone),
        call("/api/logout", "", Anyone),
        call("/api/whoami", "", Anyone),
        call(
            "/api/change_password",
            format!("current_password={PASSWORD}&new_password=mat-khau-moi-2026&confirm_password=mat-khau-moi-2026"),
            Account,
        ),
        // Accounts.
        call("/api/list_accounts", "", AnyAdmin),
        call(
            "/api/create_account",
            "username=moi&display_name=M%E1%BB%9Bi&password=mat-khau-du-dai&role=evaluator&unit_code=Q11-P2",
            ScopedByCode,
        ),
        call("/api/get_account", format!("id={a}"), ScopedAdmin),
        call(
            "/api/reset_account_password",
            format!("id={a}&new_password=mat-khau-moi-2026&confirm_password=mat-khau-moi-2026"),
            ScopedAdmin,
        ),
        call("/api/set_account_disabled", format!("id={a}&change=disable&confirm=yes"), ScopedAdmin),
        // Units and their import.
        call("/api/unit_children", "", AnyAdmin),
        call("/api/unit_tree_top", "", AnyAdmin),
        call("/api/get_unit_detail", format!("id={u}"), ScopedAdmin),
        call("/api/search_units", "query=phuong", AnyAdmin),
        call("/api/create_unit", "code=Q11-P8&name=Ph%C6%B0%E1%BB%9Dng%208&kind=ward&parent_code=Q11", ScopedByCode),
        call("/api/update_unit", format!("id={u}&name=Ph%C6%B0%E1%BB%9Dng%20M%E1%BB%99t&kind=ward"), ScopedAdmin),
        call("/api/move_unit", format!("id={u}&parent_code=Q11"), ScopedAdmin),
        call("/api/set_unit_active", format!("id={u}&active=false"), ScopedAdmin),
        row("/api/import_units", "/api/import_units", Send::Multipart(import), ImportBelowScope),
        call("/api/get_import_report", format!("id={}", w.import), ScopedAdmin),
        // Campaigns: list, setup, lifecycle, links, participation, audit.
        call("/api/list_campaigns", "", AnyAdmin),
        call("/api/organizer_options", "", AnyAdmin),
        call("/api/get_campaign", format!("id={c}"), ScopedAdmin),
        call("/api/create_campaign", general.clone(), ScopedByCode),
        call("/api/save_campaign_general", format!("id={c}&{general}"), ScopedAdmin),
        call("/api/copy_campaign", format!("id={c}&title=B%E1%BA%A3n%20sao&shift_years=1"), ScopedAdmin),
        call("/api/campaign_unit_picker", format!("id={c}"), ScopedAdmin),
        call("/api/set_campaign_units", format!("id={d}&unit_id={u}&branch=false&include=true"), ScopedAdmin),
        call("/api/save_campaign_fields", format!("id={d}&fields=A"), ScopedAdmin),
        call(
            "/api/save_campaign_criteria",
            format!("id={d}&criteria[0][name]=A&criteria[0][max_points]=10&excellent_min=9&good_min=7&pass_min=5"),
            ScopedAdmin,
        ),
        call(
            "/api/save_campaign_scoring",
            format!("id={c}&points_commitment=1&points_minimum=1&points_report=1&evaluation_mode=sum&evaluation_weight=1&final_combine=mean&quorum=two_thirds&disagreement_percent=30"),
            ScopedAdmin,
        ),
        call("/api/change_campaign_state", format!("id={c}&to=evaluating"), ScopedAdmin),
        call("/api/release_campaign_results", format!("id={c}"), ScopedAdminNotPublished),
        call("/api/delete_draft_campaign", format!("id={c}"), ScopedAdminDraftOnly),
        // Awards: rules may be set before publication; recipients and decisions wait for it.
        call("/api/awards_desk", format!("campaign_id={c}"), ScopedAdmin),
        call("/api/set_award_rule", format!("campaign_id={c}&form_id={f}&rule=none"), ScopedAdmin),
        call("/api/add_award", format!("campaign_id={c}&form_id={f}&candidate=u{u}&reason=x"), ScopedAdminNotPublished),
        call("/api/add_proposed_awards", format!("campaign_id={c}&form_id={f}"), ScopedAdminNotPublished),
        call("/api/remove_award", format!("campaign_id={c}&form_id={f}&award_id=1&removal_reason=x"), ScopedAdminNotPublished),
        call(
            "/api/record_award_decision",
            format!("campaign_id={c}&form_id={f}&decision_number=1&decision_date=01/01/2030&decision_signer=A"),
            ScopedAdminNotPublished,
        ),
        // The reveal ceremony: prepared by the admins, driven by them or the council's chair.
        call("/api/ceremony_desk", format!("campaign_id={c}"), ScopedAdmin),
        call("/api/save_ceremony_plan", format!("campaign_id={c}&order=last_to_first"), ScopedAdmin),
        call("/api/ceremony_console", format!("campaign_id={c}"), CeremonyDriver),
        call("/api/control_ceremony", format!("campaign_id={c}&action=rehearse"), CeremonyDriverNotPublished),
        row(
            "/api/upload_ceremony_photo",
            "/api/upload_ceremony_photo",
            Send::Multipart(photo),
            ScopedAdminNotPublished,
        ),
        call("/api/remove_ceremony_photo", format!("campaign_id={c}&award_id=1"), ScopedAdmin),
        call(
            "/api/extend_campaign_deadline",
            format!("id={c}&deadline=registration&new_date=10/12/2030&reason=L%C3%BD%20do"),
            ScopedAdmin,
        ),
        call("/api/campaign_links", format!("id={c}"), ScopedAdmin),
        call("/api/issue_unit_links", format!("id={c}"), ScopedAdmin),
        call("/api/revoke_unit_link", format!("id={c}&unit_id={u}&reissue=true"), ScopedAdmin),
        call("/api/campaign_participation", format!("id={c}"), ScopedAdmin),
        call("/api/lookup_receipt", format!("id={c}&code=K7QP-3MXD"), ScopedAdmin),
        call("/api/get_unit_registration", format!("id={c}&unit_id={u}"), ScopedAdmin),
        call("/api/campaign_audit", format!("id={c}&kind="), ScopedAdmin),
        call("/api/board_links", format!("campaign_id={c}"), ScopedAdmin),
        // The council.
        call("/api/campaign_council", format!("id={c}"), ScopedAdmin),
        call("/api/add_council_member", format!("id={c}&account_id={a}"), ScopedAdmin),
        call(
            "/api/save_council_member",
            format!("id={c}&account_id={m}&role=chair&fields[0]={}", w.field),
            ScopedAdmin,
        ),
        call("/api/remove_council_member", format!("id={c}&account_id={m}"), ScopedAdmin),
        call("/api/council_assignment", format!("id={c}"), ScopedAdmin),
        call(
            "/api/save_assignment_mode",
            format!("id={c}&mode=spread&per_initiative=2"),
            ScopedAdmin,
        ),
        call("/api/spread_assignment", format!("id={c}&afresh=true"), ScopedAdminNotSpreading),
        call(
            "/api/set_assignment",
            format!("id={c}&initiative_id={i}&account_id={m}&assigned=true"),
            ScopedAdminNotSpreading,
        ),
        // The chair's desk.
        call("/api/chair_matrix", format!("campaign_id={c}"), CouncilOfficer),
        call(
            "/api/reopen_score",
            format!("campaign_id={c}&initiative_id={i}&account_id={m}&reason=L%C3%BD%20do"),
            CouncilOfficer,
        ),
        call(
            "/api/override_result",
            format!("campaign_id={c}&initiative_id={i}&override_level=good&reason=L%C3%BD%20do"),
            CouncilOfficer,
        ),
        call("/api/set_exemplary", format!("campaign_id={c}&initiative_id={i}&exemplary=true"), CouncilOfficer),
        call("/api/publish_results", format!("campaign_id={c}"), CouncilOfficer),
        call("/api/council_meeting", format!("campaign_id={c}"), CouncilOfficer),
        call(
            "/api/record_council_vote",
            format!("campaign_id={c}&held_on=01/12/2026&present[0]={m}&initiatives[0]={i}&agreed[0]=1"),
            CouncilOfficer,
        ),
        // The council's desk.
        call("/api/council_seats", "", Account),
        call("/api/council_queue", format!("campaign_id={c}"), CouncilMember),
        call("/api/council_initiative", format!("campaign_id={c}&initiative_id={i}"), CouncilScorer),
        call(
            "/api/save_score_sheet",
            format!("campaign_id={c}&initiative_id={i}&action=draft&version=0&points[0]=5"),
            CouncilScorerBeforeScoring,
        ),
        call(
            "/api/declare_conflict",
            format!("campaign_id={c}&initiative_id={i}&conflict_reason=Ng%C6%B0%E1%BB%9Di%20th%C3%A2n"),
            CouncilScorerBeforeScoring,
        ),
        // The public board.
        call("/api/live_board", format!("campaign_id={c}"), Anyone),
        call("/api/live_screen", format!("campaign_id={c}"), Anyone),
        call("/api/campaign_results", format!("campaign_id={c}"), Anyone),
        call("/api/campaign_summary", format!("campaign_id={c}"), Anyone),
        call("/api/document_draft", format!("campaign_id={c}&document=award-decision"), ScopedAdminNothingToDraft),
        // The unit's pages.
        call("/api/open_unit_link", format!("token={}", w.token), Anyone),
        call("/api/switch_unit_link", format!("token={}", w.token), Anyone),
        call("/api/get_unit_home", format!("campaign_id={c}"), UnitOfCampaign),
        call("/api/get_unit_campaign", format!("campaign_id={c}"), UnitOfCampaign),
        call(
            "/api/sign_commitment",
            format!("campaign_id={c}&head_name=Nguy%E1%BB%85n%20V%C4%83n%20A&head_position=Ch%E1%BB%A7%20t%E1%BB%8Bch&confirm=yes"),
            UnitOfCampaign,
        ),
        call("/api/get_initiative_form", format!("campaign_id={c}&initiative_id={i}"), OwningUnit),
        call(
            "/api/save_initiative_draft",
            format!("campaign_id={c}&form={i}&draft=%7B%22submit_key%22%3A%22x%22%2C%22input%22%3A%7B%7D%7D"),
            OwningUnit,
        ),
        call("/api/discard_initiative_draft", format!("campaign_id={c}&form={i}"), OwningUnit),
        call("/api/get_unit_initiative", format!("campaign_id={c}&id={i}"), OwningUnit),
        row("/api/submit_initiative", "/api/submit_initiative", Send::Multipart(initiative), OwningUnit),
        call("/api/get_report_page", format!("campaign_id={c}"), UnitOfCampaign),
        row("/api/submit_report", "/api/submit_report", Send::Multipart(report), UnitOfCampaign),
        // The exemplary gallery and replication.
        call("/api/gallery", "query=q%3Dmot%20cua", Anyone),
        call("/api/exemplary_initiative", format!("initiative_id={i}"), NotYetShown),
        row("/api/record_replication", "/api/record_replication", Send::Multipart(replication), UnitNothingToAdopt),
        call(
            "/api/record_replication_for_unit",
            format!("initiative_id={i}&unit_id={u}&adopted_on=01/02/2026&note=%C3%81p%20d%E1%BB%A5ng"),
            ScopedAdminNothingToDraft,
        ),
        call("/api/remove_replication", "replication_id=1", ScopedAdminNothingToDraft),
        call("/api/replications_by_unit", "", AnyAdmin),
        call("/api/set_file_public", format!("file_id={}&public=true", w.file), ScopedAdmin),
        call("/api/set_gallery_listed", format!("campaign_id={c}&listed=true"), ScopedAdmin),
        // Pages.
        page("/", "/", Anyone),
        page("/login", "/login", Anyone),
        page("/council", "/council", Account),
        page("/council/password", "/council/password", Account),
        page("/council/{campaign}", format!("/council/{c}"), CouncilMember),
        page("/council/{campaign}/chair", format!("/council/{c}/chair"), CouncilOfficer),
        page("/council/{campaign}/meeting", format!("/council/{c}/meeting"), CouncilOfficer),
        page(
            "/council/{campaign}/initiatives/{id}",
            format!("/council/{c}/initiatives/{i}"),
            CouncilScorer,
        ),
        page("/l/{token}", format!("/l/{}", w.token), UnitLink),
        page("/live/{campaign}", format!("/live/{c}"), Anyone),
        page("/live/{campaign}/screen", format!("/live/{c}/screen"), Anyone),
        page("/results/{campaign}", format!("/results/{c}"), Anyone),
        page("/results/{campaign}/summary", format!("/results/{c}/summary"), Anyone),
        page("/gallery", "/gallery", Anyone),
        page("/gallery/{id}", format!("/gallery/{i}"), NotYetShown),
        page("/ceremony/{campaign}", format!("/ceremony/{c}"), CeremonyDriver),
        page("/unit/{campaign}", format!("/unit/{c}"), UnitOfCampaign),
        page("/unit/{campaign}/commitment", format!("/unit/{c}/commitment"), UnitOfCampaign),
        page("/unit/{campaign}/report", format!("/unit/{c}/report"), UnitOfCampaign),
        page("/unit/{campaign}/initiatives/new", format!("/unit/{c}/initiatives/new"), UnitOfCampaign),
        page("/unit/{campaign}/initiatives/{id}", format!("/unit/{c}/initiatives/{i}"), OwningUnit),
        page("/unit/{campaign}/initiatives/{id}/edit", format!("/unit/{c}/initiatives/{i}/edit"), OwningUnit),
        page("/admin", "/admin", Redirect),
        page("/admin/campaigns", "/admin/campaigns", AnyAdmin),
        page("/admin/campaigns/new", "/admin/campaigns/new", AnyAdmin),
        page("/admin/campaigns/{id}", format!("/admin/campaigns/{c}"), ScopedAdmin),
        page("/admin/campaigns/{id}/general", format!("/admin/campaigns/{c}/general"), ScopedAdmin),
        page("/admin/campaigns/{id}/units", format!("/admin/campaigns/{c}/units"), ScopedAdmin),
        page("/admin/campaigns/{id}/links", format!("/admin/campaigns/{c}/links"), ScopedAdmin),
        page("/admin/campaigns/{id}/participation", format!("/admin/campaigns/{c}/participation"), ScopedAdmin),
        page(
            "/admin/campaigns/{id}/participation/{unit}",
            format!("/admin/campaigns/{c}/participation/{u}"),
            ScopedAdmin,
        ),
        page("/admin/campaigns/{id}/links/print", format!("/admin/campaigns/{c}/links/print"), ScopedAdmin),
        page("/admin/campaigns/{id}/fields", format!("/admin/campaigns/{c}/fields"), ScopedAdmin),
        page("/admin/campaigns/{id}/criteria", format!("/admin/campaigns/{c}/criteria"), ScopedAdmin),
        page("/admin/campaigns/{id}/scoring", format!("/admin/campaigns/{c}/scoring"), ScopedAdmin),
        page("/admin/campaigns/{id}/state", format!("/admin/campaigns/{c}/state"), ScopedAdmin),
        page("/admin/campaigns/{id}/extend", format!("/admin/campaigns/{c}/extend"), ScopedAdmin),
        page("/admin/campaigns/{id}/copy", format!("/admin/campaigns/{c}/copy"), ScopedAdmin),
        page("/admin/campaigns/{id}/audit", format!("/admin/campaigns/{c}/audit"), ScopedAdmin),
        page(
            "/admin/campaigns/{id}/documents/{document}",
            format!("/admin/campaigns/{c}/documents/council-minutes"),
            ScopedAdminNothingToDraft,
        ),
        page("/admin/campaigns/{id}/awards", format!("/admin/campaigns/{c}/awards"), ScopedAdmin),
        page("/admin/campaigns/{id}/ceremony", format!("/admin/campaigns/{c}/ceremony"), ScopedAdmin),
        page("/admin/campaigns/{id}/council", format!("/admin/campaigns/{c}/council"), ScopedAdmin),
        page(
            "/admin/campaigns/{id}/council/assignment",
            format!("/admin/campaigns/{c}/council/assignment"),
            ScopedAdmin,
        ),
        page("/admin/units", "/admin/units", AnyAdmin),
        page("/admin/units/new", "/admin/units/new", AnyAdmin),
        page("/admin/units/import", "/admin/units/import", AnyAdmin),
        page("/admin/units/import/{id}", format!("/admin/units/import/{}", w.import), ScopedAdmin),
        page("/admin/units/{id}", format!("/admin/units/{u}"), ScopedAdmin),
        page("/admin/accounts", "/admin/accounts", AnyAdmin),
        page("/admin/accounts/{id}", format!("/admin/accounts/{a}"), ScopedAdmin),
        page("/admin/password", "/admin/password", Account),
        page("/admin/replications", "/admin/replications", AnyAdmin),
        // Hand-added routes.
        page("/healthz", "/healthz", Anyone),
        page("/files/{id}", format!("/files/{}", w.file), File),
        page("/live/{campaign}/events", format!("/live/{c}/events"), Anyone),
        page("/live/{campaign}/photos/{award}", format!("/live/{c}/photos/1"), NotYetShown),
        page(
            "/documents/{file}",
            format!("/documents/award-decision.docx?campaign={c}"),
            ScopedAdminNothingToDraft,
        ),
        page("/exports/{file}", "/exports/units.csv", AnyAdmin),
        page("/exports/{file}", format!("/exports/participation.xlsx?campaign={c}"), ScopedAdmin),
        page("/exports/{file}", format!("/exports/initiatives.csv?campaign={c}"), ScopedAdmin),
        page("/exports/{file}", format!("/exports/member-scores.csv?campaign={c}"), AdminOrChair),
        page("/exports/{file}", format!("/exports/unit-results.xlsx?campaign={c}"), ResultsReader),
        page("/exports/{file}", format!("/exports/initiative-results.csv?campaign={c}"), ResultsReader),
        page("/exports/{file}", format!("/exports/awards.csv?campaign={c}"), ResultsReader),
    ]
}

/// Every path the code registers: server functions, pages and the hand-added routes.
fn registered_paths() -> BTreeSet<String> {
    let functions = leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path.to_owned());
    let pages = server::router::route_list()
        .into_iter()
        .map(|r| r.path().to_owned());
    let hand = server::router::hand_routes()
        .into_iter()
        .map(|r| r.path.to_owned());
    functions.chain(pages).chain(hand).collect()
}

/// The public tables (sessions live in their own schema; sign-in attempts are counted for
/// everyone by design) as one text, to compare before and after a call.
const SKIPPED_TABLES: [&str; 2] = ["_sqlx_migrations", "login_throttle"];

async fn tables(pool: &PgPool) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL($1) ORDER BY 1",
    )
    .bind(SKIPPED_TABLES.map(String::from).to_vec())
    .fetch_all(pool)
    .await
    .unwrap()
}

async fn fingerprint(pool: &PgPool, tables: &[String]) -> Vec<String> {
    let parts: Vec<String> = tables
        .iter()
        .map(|t| format!("(SELECT coalesce(string_agg(t::text, '|' ORDER BY t::text), '') FROM {t} t)"))
        .collect();
    sqlx::query_scalar(&format!("SELECT ARRAY[{}]", parts.join(", ")))
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Copies every table into the `snapshot` schema.
async fn take_snapshot(pool: &PgPool, tables: &[String]) {
    let mut sql = String::from("CREATE SCHEMA snapshot;");
    for t in tables {
        sql += &format!("CREATE TABLE snapshot.{t} AS TABLE public.{t};");
    }
    sqlx::raw_sql(&sql).execute(pool).await.unwrap();
}

/// Puts every table back as the snapshot holds it (foreign keys unchecked while it does).
async fn restore(pool: &PgPool, tables: &[String]) {
    let mut sql = format!(
        "BEGIN; SET LOCAL session_replication_role = replica; TRUNCATE {};",
        tables.join(", ")
    );
    for t in tables {
        sql += &format!("INSERT INTO public.{t} SELECT * FROM snapshot.{t};");
    }
    sql += "COMMIT;";
    sqlx::raw_sql(&sql).execute(pool).await.unwrap();
}

async fn send(app: &Router, row: &Row, cookie: Option<&str>) -> (StatusCode, String) {
    let request = match &row.send {
        Send::Get => Request::get(&row.address)
            .header(header::ACCEPT, "text/html")
            .body(Body::empty()),
        Send::Form(body) => Request::post(&row.address)
            .header(header::CONTENT_TYPE, FORM)
            .body(Body::from(body.clone())),
        Send::Multipart(body) => Request::post(&row.address)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(Body::from(body.clone())),
    };
    let mut request = request.unwrap();
    if let Some(cookie) = cookie {
        request
            .headers_mut()
            .insert(header::COOKIE, cookie.parse().unwrap());
    }
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    if row.registered.ends_with("/events") {
        // An event stream never ends; its status is what counts.
        return (status, String::new());
    }
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8_lossy(&bytes);
    (status, text.chars().take(300).collect())
}

async fn units_and_accounts(pool: &PgPool) -> i64 {
    sqlx::raw_sql(
        "INSERT INTO units (code, name, search_key, kind) VALUES ('HCM', 'Thành phố Hồ Chí Minh', 'thanh pho ho chi minh', 'province');
         INSERT INTO units (code, name, search_key, kind, parent_id)
             SELECT c, n, n, 'district', (SELECT id FROM units WHERE code = 'HCM')
             FROM (VALUES ('Q11', 'Quận 11'), ('Q1', 'Quận 1')) v(c, n);
         INSERT INTO units (code, name, search_key, kind, parent_id)
             SELECT c, n, n, 'ward', (SELECT id FROM units WHERE code = p)
             FROM (VALUES ('Q11-P1', 'Phường 1', 'Q11'), ('Q11-P2', 'Phường 2', 'Q11'), ('Q11-P3', 'Phường 3', 'Q11'),
                          ('Q1-NCT', 'Phường Nguyễn Cư Trinh', 'Q1'), ('Q1-BN', 'Phường Bến Nghé', 'Q1')) v(c, n, p);",
    )
    .execute(pool)
    .await
    .unwrap();
    let hash = app::server::auth::hash_password(PASSWORD.to_owned())
        .await
        .unwrap();
    let mut evaluator = 0;
    for (username, role, unit) in [
        ("quantri", Role::SystemAdmin, None),
        ("quan11", Role::Organizer, Some("Q11")),
        ("nct", Role::Organizer, Some("Q1-NCT")),
        ("giamkhao", Role::Evaluator, Some("Q11")),
        ("phuong1", Role::Evaluator, Some("Q11-P1")),
        ("thanhvien", Role::Evaluator, Some("Q11-P2")),
    ] {
        let unit_id: Option<i64> = match unit {
            Some(code) => Some(unit_id(pool, code).await),
            None => None,
        };
        let username = app::domain::account::Username::parse(username).unwrap();
        let id = app::server::db::accounts::insert(pool, &username, "Người thử", &hash, role, unit_id)
            .await
            .unwrap();
        if username.as_str() == "thanhvien" {
            evaluator = id;
        }
    }
    evaluator
}

async fn ok(app: &Router, path: &str, body: &str, cookie: &str) -> String {
    let (status, text, _) = post(app, path, body, Some(cookie)).await;
    assert_eq!(status, StatusCode::OK, "{path}: {text}");
    text
}

/// A draft campaign of `organizer` with the wards below it, made by the system admin; its id.
async fn new_campaign(app: &Router, pool: &PgPool, admin: &str, organizer: &str) -> i64 {
    let general = format!(
        "title=Thi%20%C4%91ua&theme=&plan_ref=&plan_date=&organizer_code={organizer}\
         &period_start=01/01/2030&period_end=31/12/2030&registration_deadline=30/11/2030\
         &report_deadline=15/12/2030&min_initiatives=1&max_initiatives=50&visibility=public"
    );
    ok(app, "/api/create_campaign", &general, admin).await;
    let id: i64 = sqlx::query_scalar("SELECT max(id) FROM campaigns")
        .fetch_one(pool)
        .await
        .unwrap();
    let top = unit_id(pool, organizer).await;
    ok(
        app,
        "/api/set_campaign_units",
        &format!("id={id}&unit_id={top}&branch=true&include=true"),
        admin,
    )
    .await;
    id
}

/// An open campaign of `organizer` with the wards below it; its id.
async fn open_campaign(app: &Router, pool: &PgPool, admin: &str, organizer: &str) -> i64 {
    let id = new_campaign(app, pool, admin, organizer).await;
    ok(
        app,
        "/api/change_campaign_state",
        &format!("id={id}&to=open"),
        admin,
    )
    .await;
    id
}

/// Opens the live link of `unit` in `campaign`; the unit cookie it sets, and the link's token.
async fn open_link(app: &Router, pool: &PgPool, campaign: i64, unit: &str) -> (String, String) {
    let (link, nonce): (i64, Vec<u8>) = sqlx::query_as(
        "SELECT l.id, l.nonce FROM unit_links l JOIN units u ON u.id = l.unit_id
         WHERE l.campaign_id = $1 AND u.code = $2 AND l.revoked_at IS NULL",
    )
    .bind(campaign)
    .bind(unit)
    .fetch_one(pool)
    .await
    .unwrap();
    let token = app::server::unit_link::token(&key(), link, &nonce);
    let (status, _, headers) = common::get(app, &format!("/l/{token}"), None).await;
    assert!(status.is_redirection(), "{status}");
    (common::set_cookie(&headers).expect("a unit cookie"), token)
}

async fn world(pool: PgPool) -> World {
    let app = common::router(&pool).await;
    let evaluator = units_and_accounts(&pool).await;
    let admin = sign_in(&app, "quantri", PASSWORD).await;
    let campaign = open_campaign(&app, &pool, &admin, "Q11").await;
    let other_campaign = open_campaign(&app, &pool, &admin, "Q1").await;
    let draft = new_campaign(&app, &pool, &admin, "Q11").await;
    let (the_unit, token) = open_link(&app, &pool, campaign, "Q11-P1").await;
    let (another_unit, _) = open_link(&app, &pool, campaign, "Q11-P2").await;
    let (revoked, _) = open_link(&app, &pool, campaign, "Q11-P3").await;
    let (elsewhere, _) = open_link(&app, &pool, other_campaign, "Q1-NCT").await;
    let p3 = unit_id(&pool, "Q11-P3").await;
    ok(
        &app,
        "/api/revoke_unit_link",
        &format!("id={campaign}&unit_id={p3}&reissue=false"),
        &admin,
    )
    .await;
    let organizer = sign_in(&app, "quan11", PASSWORD).await;
    let field = first_field(&pool, campaign).await;
    let award_form: i64 = sqlx::query_scalar(
        "SELECT id FROM campaign_award_forms WHERE campaign_id = $1 ORDER BY position LIMIT 1",
    )
    .bind(campaign)
    .fetch_one(&pool)
    .await
    .unwrap();
    // The unit's initiative with a photo, and an import by the organizer.
    let fields = initiative_fields(campaign, Some(field), "K-WORLD");
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, body) = post_multipart(
        &app,
        "/api/submit_initiative",
        multipart(&pairs, &[("attachments", "anh.png", PNG)]),
        Some(&the_unit),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (initiative, _) = receipt(&body);
    let file: i64 = sqlx::query_scalar("SELECT id FROM attachments WHERE initiative_id = $1")
        .bind(initiative)
        .fetch_one(&pool)
        .await
        .unwrap();
    let csv = "code,name,kind,parent code\nQ11-P4,Phường 4,phường,Q11\n".as_bytes();
    let (status, body) = post_multipart(
        &app,
        "/api/import_units",
        multipart(&[], &[("file", "don-vi.csv", csv)]),
        Some(&organizer),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let import: i64 = body.trim().parse().unwrap_or_else(|_| panic!("{body}"));
    sqlx::query(
        "INSERT INTO council_members (campaign_id, account_id)
         SELECT $1, id FROM accounts WHERE username IN ('giamkhao', 'phuong1')",
    )
    .bind(campaign)
    .execute(&pool)
    .await
    .unwrap();
    let member: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE username = 'giamkhao'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let cookies = vec![
        (Caller::Nobody, None),
        (Caller::UnitOfAnotherCampaign, Some(elsewhere)),
        (Caller::AnotherUnitOfTheCampaign, Some(another_unit)),
        (Caller::TheUnit, Some(the_unit)),
        (Caller::RevokedLink, Some(revoked)),
        (Caller::Evaluator, Some(sign_in(&app, "giamkhao", PASSWORD).await)),
        (
            Caller::ConflictedEvaluator,
            Some(sign_in(&app, "phuong1", PASSWORD).await),
        ),
        (
            Caller::OrganizerElsewhere,
            Some(sign_in(&app, "nct", PASSWORD).await),
        ),
        (Caller::Organizer, Some(organizer)),
        (Caller::SystemAdmin, Some(admin)),
    ];
    World {
        app,
        unit: unit_id(&pool, "Q11-P1").await,
        pool,
        campaign,
        draft,
        initiative,
        file,
        evaluator,
        member,
        import,
        field,
        award_form,
        token,
        cookies,
    }
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn every_registered_endpoint_has_a_row(pool: PgPool) {
    let w = world(pool).await;
    let covered: BTreeSet<String> = rows(&w).iter().map(|r| r.registered.to_owned()).collect();
    let registered = registered_paths();
    let missing: Vec<_> = registered.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "endpoints without a row in the access matrix: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "rows for endpoints the code no longer has: {stale:?}"
    );
}

#[sqlx::test(migrator = "app::server::MIGRATOR")]
async fn every_endpoint_answers_each_caller_by_its_rule_and_refusals_change_nothing(pool: PgPool) {
    let mut w = world(pool).await;
    let tables = tables(&w.pool).await;
    take_snapshot(&w.pool, &tables).await;
    let clean = fingerprint(&w.pool, &tables).await;
    let mut failures = Vec::new();
    let mut checked = 0;
    for row in rows(&w) {
        for n in 0..w.cookies.len() {
            let (caller, cookie) = (w.cookies[n].0, w.cookies[n].1.clone());
            let want = expected(row.rule, caller);
            let (status, text) = send(&w.app, &row, cookie.as_deref()).await;
            checked += 1;
            if status != want {
                failures.push(format!(
                    "{} as {caller:?}: {status}, want {want} ({text})",
                    row.address
                ));
            }
            let now = fingerprint(&w.pool, &tables).await;
            if now != clean {
                let changed: Vec<&str> = (0..tables.len())
                    .filter(|&t| now[t] != clean[t])
                    .map(|t| tables[t].as_str())
                    .collect();
                // An import outside the scope keeps its report of refused rows, and only that.
                let report_only =
                    matches!(row.rule, Rule::ImportBelowScope) && caller == Caller::OrganizerElsewhere;
                if !want.is_success() || (report_only && changed != ["unit_imports"]) {
                    failures.push(format!(
                        "{} as {caller:?}: refused but changed {changed:?}",
                        row.address
                    ));
                }
                restore(&w.pool, &tables).await;
                assert_eq!(fingerprint(&w.pool, &tables).await, clean, "the restore is exact");
            }
            if let (true, Some(username)) = (SESSION_ROWS.contains(&row.registered), caller.username()) {
                // Signing in, out or changing the password ends the session the call came with.
                w.cookies[n].1 = Some(sign_in(&w.app, username, PASSWORD).await);
            }
        }
    }
    // The count is the test's report (the README quotes it).
    #[allow(clippy::print_stdout)]
    {
        println!(
            "access matrix: {} endpoints × {} callers = {checked} calls checked",
            rows(&w).len(),
            CALLERS.len()
        );
    }
    assert!(
        failures.is_empty(),
        "{} wrong answers:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
