//! The HTTP surface: pages and server functions (Leptos), static files, `GET /healthz`,
//! sessions in PostgreSQL, request spans, compression, the request guard (origin, content type,
//! body limits: `request_guard`) and the security headers of every answer.
use crate::config::Config;
use app::server::live_hub::LiveHub;
use app::server::registration_queue::RegistrationQueue;
use app::server::unit_cookie::UnitCookieKey;
use app::server::AppState;
use app::{shell, App};
use axum::extract::State;
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{get, MethodRouter};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use sqlx::PgPool;
use std::sync::LazyLock;
use tower::ServiceBuilder;
use tower_http::compression::predicate::{DefaultPredicate, Predicate, SizeAbove};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_http::CompressionLevel;
use tower_sessions::cookie::time::Duration;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;

/// Answers without a policy of their own (pages set theirs, with a nonce, in the shell; files
/// allow framing by the app): nothing inline, no framing.
const DEFAULT_CSP: &str = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
/// Same-origin requests keep the full address (the no-JavaScript form round trip reads it);
/// other sites never see one, so board keys stay out of their logs.
const REFERRER_POLICY: &str = "same-origin";
/// Behind TLS (`COOKIE_SECURE=1`): browsers come back over https only, for a year.
const HSTS: &str = "max-age=31536000";

/// Pages and answers are compressed as they are sent, at brotli/gzip level 4: the default
/// (brotli 11) costs seconds of CPU per large response. The WebAssembly, JS and CSS are
/// compressed once at build time (`./x`) and served as they are.
const DYNAMIC_COMPRESSION_LEVEL: i32 = 4;
/// Smaller answers gain less than compressing them costs.
const COMPRESS_ABOVE_BYTES: u16 = 1024;

/// The page routes, made once per process. Generating them renders the app with Leptos's
/// process-wide "suppress resource loads" flag set, and a page that another thread renders
/// meanwhile waits for its resources for ever (leptos#4773): that was the Rust tests' hang, each
/// test building its own router while others rendered pages.
static ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(App));

/// The page routes (made on first use, see [`ROUTES`]).
pub fn route_list() -> Vec<AxumRouteListing> {
    ROUTES.clone()
}

/// Where a hand-added route sits: behind sessions and compression with the pages, or before
/// them (board streams stay open for hours; a session or a compression body per stream costs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    WithPages,
    BeforeSessions,
}

/// A route the router adds by hand beside Leptos's pages and server functions.
pub struct HandRoute {
    pub path: &'static str,
    pub layer: Layer,
    pub handler: MethodRouter<AppState>,
}

/// Every hand-added route; the router is built from this list and the access matrix test reads
/// it, so a route added here without a row in the matrix fails that test.
pub fn hand_routes() -> Vec<HandRoute> {
    vec![
        HandRoute {
            path: "/healthz",
            layer: Layer::WithPages,
            handler: get(healthz),
        },
        HandRoute {
            path: "/files/{id}",
            layer: Layer::WithPages,
            handler: get(app::server::attachment_download::download),
        },
        HandRoute {
            path: "/documents/{file}",
            layer: Layer::WithPages,
            handler: get(app::server::documents::document),
        },
        HandRoute {
            path: "/exports/{file}",
            layer: Layer::WithPages,
            handler: get(app::server::exports::route::export),
        },
        HandRoute {
            path: "/live/{campaign}/photos/{award}",
            layer: Layer::BeforeSessions,
            handler: get(app::server::ceremony_photo::photo),
        },
        HandRoute {
            path: "/live/{campaign}/events",
            layer: Layer::BeforeSessions,
            handler: get(app::server::live_events::events),
        },
    ]
}

/// The app's router; `live` is the server's live-board hub (its owner stops it at shutdown).
pub async fn build(pool: PgPool, config: &Config, live: LiveHub) -> anyhow::Result<Router> {
    let store = PostgresStore::new(pool.clone());
    store.migrate().await?;
    tokio::spawn(
        tower_sessions::session_store::ExpiredDeletion::continuously_delete_expired(
            store.clone(),
            tokio::time::Duration::from_secs(3600),
        ),
    );
    let sessions = SessionManagerLayer::new(store)
        .with_name("thidua_session")
        .with_secure(config.cookie_secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_expiry(Expiry::OnInactivity(Duration::hours(8)));

    let mut leptos_options = get_configuration(None)?.leptos_options;
    leptos_options.site_addr = config.address;
    app::server::static_files::init(&mut leptos_options);
    let hashed_files = leptos_options.hash_files;
    let link_key = crate::link_key::load(config)?;
    let state = AppState {
        leptos_options,
        pool: pool.clone(),
        public_url: config.public_url.as_deref().map(Into::into),
        registrations: RegistrationQueue::start(pool.clone()),
        unit_cookie_key: UnitCookieKey::new(&link_key, config.cookie_secure),
        live,
        link_key,
        trusted_proxies: config.trusted_proxies.clone().into(),
        login_policy: config.login_policy,
        max_streams_per_address: config.max_streams_per_address,
    };
    let routes = route_list();
    let context_state = state.clone();
    let (with_pages, before_sessions): (Vec<_>, Vec<_>) = hand_routes()
        .into_iter()
        .partition(|r| r.layer == Layer::WithPages);
    let router = with_pages
        .into_iter()
        .fold(Router::new(), |router, r| router.route(r.path, r.handler))
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(context_state.clone());
                provide_context(app::server::static_files::PageNeeds::default());
            },
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state.clone());
    // One stack around the pages, not one per route (`Router::layer` wraps each of ≈ 50).
    let pages = ServiceBuilder::new()
        .layer(
            CompressionLayer::new()
                .quality(CompressionLevel::Precise(DYNAMIC_COMPRESSION_LEVEL))
                .compress_when(DefaultPredicate::new().and(SizeAbove::new(COMPRESS_ABOVE_BYTES))),
        )
        .layer(sessions)
        .layer(crate::page_arena::PageArenaLayer)
        .service(router);
    // Board streams stay open for hours on every screen: they skip sessions and compression
    // (a boxed compression body is ≈ 6 KB per open stream; events are never compressed).
    let app = before_sessions
        .into_iter()
        .fold(Router::new(), |router, r| router.route(r.path, r.handler))
        .with_state(state)
        .fallback_service(pages)
        .layer(axum::middleware::from_fn(note_page_without_policy))
        .layer(axum::middleware::from_fn_with_state(hashed_files, static_cache))
        .layer(axum::middleware::from_fn_with_state(
            config.guard_settings,
            crate::request_guard::guard,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DEFAULT_CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static(REFERRER_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            config.cookie_secure.then(|| HeaderValue::from_static(HSTS)),
        ))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
            tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
        }));
    Ok(app)
}

/// Static files get their caching rule (`static_files`); a handler's own header stays.
async fn static_cache(
    State(hashed): State<bool>,
    request: Request<axum::body::Body>,
    next: Next,
) -> Response {
    let rule = app::server::static_files::cache_control(request.uri().path(), hashed);
    let mut response = next.run(request).await;
    let served = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    if let Some(rule) = rule.filter(|_| served) {
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(rule);
    }
    response
}

/// 200 only when the database answers.
async fn healthz(State(pool): State<PgPool>) -> (StatusCode, &'static str) {
    match sqlx::query("SELECT 1").execute(&pool).await {
        Ok(_) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// A page that leaves without its own policy gets the default one, which blocks its inline
/// scripts: it then never comes alive. Logged with its path, since nothing else would show it.
async fn note_page_without_policy(request: Request<axum::body::Body>, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html && !response.headers().contains_key(header::CONTENT_SECURITY_POLICY) {
        tracing::warn!(%path, status = %response.status(), "page answered without its nonce policy");
    }
    response
}
