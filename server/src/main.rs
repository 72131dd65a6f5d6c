//! Starts Thi đua CCHC: configuration, telemetry, the database (a private cluster when no
//! `DATABASE_URL` is given), migrations, first admin and demo data, then the web server.
use anyhow::Context;
use server::{backup, bootstrap, config::Config, embedded_postgres::database_of, router, telemetry};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    telemetry::init();
    let config = Config::from_env()?;
    let args: Vec<String> = std::env::args().collect();
    if let Some(task) = backup::Task::from_args(&args)? {
        return backup::run(task, &config).await;
    }
    let (database_url, embedded) = database_of(&config)?;
    let result = run(&config, &database_url).await;
    if let Some(pg) = embedded {
        pg.stop();
    }
    result
}

async fn run(config: &Config, database_url: &str) -> anyhow::Result<()> {
    let pool = config
        .pool_options()
        .connect(database_url)
        .await
        .context("connecting to PostgreSQL")?;
    app::server::MIGRATOR
        .run(&pool)
        .await
        .context("running migrations")?;
    bootstrap::prepare(&pool, config).await?;
    let live = app::server::live_hub::LiveHub::new(pool.clone());
    let app = router::build(pool, config, live.clone()).await?;
    let listener = tokio::net::TcpListener::bind(config.address)
        .await
        .with_context(|| {
            format!(
                "listening on {}: is another server (the previous version?) still running there? \
                 Stop it, or set PORT",
                config.address
            )
        })?;
    tracing::info!(address = %config.address, "Thi đua CCHC đang chạy tại http://{}", config.address);
    server::serve::serve(listener, app, config.connection_limits(), async move {
        shutdown_signal().await;
        // Open board streams end, so the graceful stop does not wait on them.
        live.stop();
    })
    .await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
