//! Benchmarks, run by `./x bench` against a throwaway PostgreSQL (`DATABASE_URL`): importing a
//! file of 3,500 units (first import, the same file again, every name changed) through the real
//! import path; registrations through the real HTTP path against `pgbench`, and the weight of the
//! registration page; ranking a campaign of 3,500 units; the council's desk on a campaign of
//! 20,000 initiatives (one score to the new board, the next initiative, 30 members saving);
//! downloads of 20,000 initiatives as CSV and .xlsx (time and server memory);
//! live boards pushed to 10,000 screens over two app server processes and the memory of 5,000
//! idle screens on each; crashes under load (`faults`); a backup and restore of 20,000
//! initiatives with their files; generated hostile input (`properties`); the reveal ceremony's
//! steps reaching 1,000 screens over two servers; hostile traffic (an endless upload, password
//! guessing, slow clients); each page's weight in Chromium and the initiative form on a slow
//! phone; the size of the release WebAssembly. Figures go to the results file.
mod app_server;
mod backup_size;
mod ceremony;
mod council;
mod exports;
mod faults;
mod hostile;
mod live;
mod properties;
mod ranking;
mod registration;
mod weight;

use anyhow::Context;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::fmt::Write as _;
use std::process::Command;
use std::time::{Duration, Instant};

const UNITS: usize = 3_500;
const ROUNDS: usize = 5;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let results_path = std::env::args()
        .skip_while(|a| a != "--results")
        .nth(1)
        .unwrap_or("bench/results.md".into());
    let base_url = std::env::var("DATABASE_URL").context("DATABASE_URL must point to a throwaway server")?;
    let admin = PgPoolOptions::new().max_connections(2).connect(&base_url).await?;
    // `--live-only` runs the live-board benchmark alone and prints it (for working on it).
    if std::env::args().any(|a| a == "--live-only") {
        let (pool, url) = fresh_database(&admin, &base_url, "thidua_bench_live").await?;
        let mut out = String::new();
        write_live(&mut out, &live::run(&pool, &url).await?)?;
        show(&out);
        return Ok(());
    }

    // `--faults-only` likewise for crashes under load (its own private PostgreSQL cluster).
    if std::env::args().any(|a| a == "--faults-only") {
        let mut out = String::new();
        write_faults(&mut out, &faults::run().await?)?;
        show(&out);
        return Ok(());
    }

    // `--properties-only` likewise for generated hostile input.
    if std::env::args().any(|a| a == "--properties-only") {
        let mut out = String::new();
        write_properties(&mut out, &properties::run_in_bench()?)?;
        show(&out);
        return Ok(());
    }

    // `--backup-only` likewise for a backup and restore of a big campaign.
    if std::env::args().any(|a| a == "--backup-only") {
        let mut out = String::new();
        write_backup(&mut out, &backup_run(&admin, &base_url).await?)?;
        show(&out);
        return Ok(());
    }

    // `--weight-only` likewise for page weight in Chromium and the slow phone.
    if std::env::args().any(|a| a == "--weight-only") {
        let mut out = String::new();
        write_weight(&mut out, &weight_run(&admin, &base_url).await?)?;
        show(&out);
        return Ok(());
    }

    // `--ceremony-only` likewise for the reveal ceremony.
    if std::env::args().any(|a| a == "--ceremony-only") {
        let (_, url) = fresh_database(&admin, &base_url, "thidua_bench_ceremony").await?;
        let mut out = String::new();
        write_ceremony(&mut out, &ceremony::run(&url).await?)?;
        show(&out);
        return Ok(());
    }

    // `--hostile-only` likewise for the hostile-traffic benchmark.
    if std::env::args().any(|a| a == "--hostile-only") {
        let (pool, url) = fresh_database(&admin, &base_url, "thidua_bench_hostile").await?;
        let mut out = String::new();
        write_hostile(&mut out, &hostile::run(&pool, &url).await?)?;
        show(&out);
        return Ok(());
    }

    // `--registration-only` likewise for registrations through HTTP.
    if std::env::args().any(|a| a == "--registration-only") {
        let (pool, url) = fresh_database(&admin, &base_url, "thidua_bench_registration").await?;
        let mut out = String::new();
        write_registration(&mut out, &registration::run(pool, &url).await?)?;
        show(&out);
        return Ok(());
    }

    // `--exports-only` likewise for the downloads.
    if std::env::args().any(|a| a == "--exports-only") {
        let mut out = String::new();
        write_exports(&mut out, &exports_run(&admin, &base_url).await?)?;
        show(&out);
        return Ok(());
    }

    // `--ranking-only` likewise for the standings query and ranking.
    if std::env::args().any(|a| a == "--ranking-only") {
        let mut out = String::new();
        write_ranking(&mut out, &ranking_run(&admin, &base_url).await?)?;
        show(&out);
        return Ok(());
    }

    // `--council-only` likewise for the council's desk.
    if std::env::args().any(|a| a == "--council-only") {
        let mut out = String::new();
        write_council(&mut out, &council_run(&admin, &base_url).await?)?;
        show(&out);
        return Ok(());
    }

    let first = unit_file(UNITS, "");
    let renamed = unit_file(UNITS, " (mới)");
    let mut timings: [Vec<Duration>; 3] = Default::default();
    for round in 0..ROUNDS {
        let (pool, _) = fresh_database(&admin, &base_url, &format!("thidua_bench_{round}")).await?;
        let account = bench_account(&pool).await?;
        for (i, file) in [&first, &first, &renamed].into_iter().enumerate() {
            let started = Instant::now();
            let run = app::server::unit_import::import_bytes(&pool, account, "bench.csv", file.as_bytes())
                .await
                .map_err(|e| anyhow::anyhow!("import failed: {e:?}"))?;
            timings[i].push(started.elapsed());
            let applied: bool = sqlx::query_scalar("SELECT applied FROM unit_imports WHERE id = $1")
                .bind(run)
                .fetch_one(&pool)
                .await?;
            anyhow::ensure!(applied, "benchmark file was refused");
        }
        let count: i64 = sqlx::query_scalar("SELECT count(*) FROM units")
            .fetch_one(&pool)
            .await?;
        anyhow::ensure!(count == UNITS as i64, "expected {UNITS} units, found {count}");
        pool.close().await;
    }

    let mut out = String::new();
    writeln!(out, "# Benchmark results\n")?;
    writeln!(
        out,
        "Measured {} on {} cores by `./x bench`.\n",
        chrono::Utc::now().format("%d/%m/%Y"),
        cores()
    )?;
    writeln!(
        out,
        "## Unit import ({UNITS} units, CSV, real import path, {ROUNDS} rounds)\n"
    )?;
    writeln!(out, "| import | median | max | aim |")?;
    writeln!(out, "|---|---|---|---|")?;
    for (label, times) in [
        "first import (all new)",
        "same file again (no change)",
        "every name changed",
    ]
    .iter()
    .zip(&timings)
    {
        writeln!(
            out,
            "| {label} | {} | {} | < 2 s |",
            ms(median(times)),
            ms(*times.iter().max().unwrap_or(&Duration::ZERO))
        )?;
    }
    write_ranking(&mut out, &ranking_run(&admin, &base_url).await?)?;
    write_council(&mut out, &council_run(&admin, &base_url).await?)?;
    write_exports(&mut out, &exports_run(&admin, &base_url).await?)?;
    let (pool, url) = fresh_database(&admin, &base_url, "thidua_bench_registration").await?;
    let reg = registration::run(pool, &url).await?;
    write_registration(&mut out, &reg)?;
    let (pool, url) = fresh_database(&admin, &base_url, "thidua_bench_live").await?;
    let pushed = live::run(&pool, &url).await?;
    pool.close().await;
    write_live(&mut out, &pushed)?;
    let (pool, url) = fresh_database(&admin, &base_url, "thidua_bench_ceremony").await?;
    pool.close().await;
    write_ceremony(&mut out, &ceremony::run(&url).await?)?;
    let (pool, url) = fresh_database(&admin, &base_url, "thidua_bench_hostile").await?;
    let hostile = hostile::run(&pool, &url).await?;
    pool.close().await;
    write_hostile(&mut out, &hostile)?;
    write_faults(&mut out, &faults::run().await?)?;
    write_backup(&mut out, &backup_run(&admin, &base_url).await?)?;
    write_properties(&mut out, &properties::run_in_bench()?)?;
    write_weight(&mut out, &weight_run(&admin, &base_url).await?)?;
    writeln!(out, "\n## Release WebAssembly\n")?;
    writeln!(out, "{}", wasm_sizes())?;
    std::fs::write(&results_path, &out).with_context(|| format!("writing {results_path}"))?;
    show(&out);
    Ok(())
}

/// A fresh database `name` holding the benchmark's imported units; its pool and URL.
async fn database_with_units(admin: &PgPool, base_url: &str, name: &str) -> anyhow::Result<(PgPool, String)> {
    let (pool, url) = fresh_database(admin, base_url, name).await?;
    let account = bench_account(&pool).await?;
    app::server::unit_import::import_bytes(&pool, account, "bench.csv", unit_file(UNITS, "").as_bytes())
        .await
        .map_err(|e| anyhow::anyhow!("import failed: {e:?}"))?;
    Ok((pool, url))
}

/// Page weight on a database of its own, which the server fills with the demo.
async fn weight_run(admin: &PgPool, base_url: &str) -> anyhow::Result<weight::Figures> {
    let (pool, url) = fresh_database(admin, base_url, "thidua_bench_weight").await?;
    let figures = weight::run(&pool, &url).await?;
    pool.close().await;
    Ok(figures)
}

fn write_weight(out: &mut String, w: &weight::Figures) -> anyhow::Result<()> {
    writeln!(
        out,
        "\n## Page weight in Chromium (release build, demo data, first visit with an empty cache)\n"
    )?;
    writeln!(
        out,
        "Every byte received until the page is hydrated and the network is quiet (headers and bodies as served, compressed). A unit's pages on a 390×844 phone with its cookie; the public pages without one; an organizer's on 1920×1080.\n"
    )?;
    writeln!(
        out,
        "| page | who | received | requests | WebAssembly files (areas) | aim |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for page in &w.pages {
        writeln!(
            out,
            "| {} (`{}`) | {} | {:.1} KB | {} | {} ({}) | {} |",
            page.name,
            page.path,
            page.who,
            page.bytes as f64 / 1000.0,
            page.requests,
            page.wasm.len(),
            page.areas().join(", "),
            weight::aim(page).map_or(String::new(), |aim| format!("< {} KB", aim / 1000)),
        )?;
    }
    let leaks: Vec<_> = w.pages.iter().filter(|p| p.fetched_staff_code()).collect();
    writeln!(
        out,
        "\nCode of the admin, council and ceremony pages fetched by a unit's or a public page: {}.",
        if leaks.is_empty() {
            "none".to_owned()
        } else {
            leaks
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    )?;
    writeln!(
        out,
        "\nSlow phone (Chromium: 400 kbit/s, 400 ms round trip, CPU 4× slower), the initiative form from an empty cache:\n"
    )?;
    writeln!(out, "| figure | value | aim |\n|---|---|---|")?;
    writeln!(
        out,
        "| typed into and sent without scripts (HTML and stylesheet in) | {:.1} s | < 3 s |",
        w.usable_ms as f64 / 1000.0
    )?;
    writeln!(
        out,
        "| fully interactive (hydrated: drafts, outbox) | {:.1} s | < 8 s |",
        w.interactive_ms as f64 / 1000.0
    )?;
    Ok(())
}

async fn backup_run(admin: &PgPool, base_url: &str) -> anyhow::Result<backup_size::Figures> {
    let (pool, url) = database_with_units(admin, base_url, "thidua_bench_backup").await?;
    let (restored, restore_url) = fresh_database(admin, base_url, "thidua_bench_restored").await?;
    // The restore wants an empty database: the migrations just run there are dropped.
    sqlx::raw_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        .execute(&restored)
        .await?;
    restored.close().await;
    let figures = backup_size::run(&pool, &url, &restore_url).await?;
    pool.close().await;
    Ok(figures)
}

fn write_backup(out: &mut String, b: &backup_size::Figures) -> anyhow::Result<()> {
    writeln!(
        out,
        "\n## Backup and restore of a big campaign ({} initiatives, {} attached files of {} KB)\n",
        b.initiatives,
        b.files,
        backup_size::FILE_BYTES / 1024
    )?;
    writeln!(
        out,
        "`./x backup`'s code (`pg_dump`, custom format) on the benchmark's PostgreSQL, then `./x restore`'s into an empty database. The files are random bytes: photos and PDFs do not compress either.\n"
    )?;
    writeln!(out, "| figure | value |\n|---|---|")?;
    writeln!(out, "| database size | {:.0} MB |", b.database_bytes as f64 / 1e6)?;
    writeln!(out, "| backup took | {:.1} s |", b.backup_took.as_secs_f64())?;
    writeln!(out, "| backup file | {:.0} MB |", b.backup_bytes as f64 / 1e6)?;
    writeln!(out, "| restore took | {:.1} s |", b.restore_took.as_secs_f64())?;
    Ok(())
}

fn write_properties(out: &mut String, targets: &[properties::Target]) -> anyhow::Result<()> {
    writeln!(out, "\n## Generated hostile input (proptest)\n")?;
    writeln!(
        out,
        "Each target's generator mixes valid input with hostile text (separators, quotes, formula starts, control characters, combining marks, long runs) and damaged files; a case passes when nothing panics and the target keeps its promise (`bench/src/properties.rs`). The HTTP handlers get the same kind of input in `./x test` (`server/tests/generated_input.rs`).\n"
    )?;
    writeln!(
        out,
        "| target | cases | panics or broken promises | took |\n|---|---|---|---|"
    )?;
    for t in targets {
        writeln!(
            out,
            "| {} | {} | 0 | {:.1} s |",
            t.name,
            t.cases,
            t.took.as_secs_f64()
        )?;
    }
    Ok(())
}

fn write_faults(out: &mut String, f: &faults::Figures) -> anyhow::Result<()> {
    writeln!(
        out,
        "\n## Faults under load (two app server processes, a private PostgreSQL cluster with fsync on)\n"
    )?;
    writeln!(
        out,
        "{} registrations from {} clients (one every {} ms each) to two app servers; clients send each one until they hold its receipt, with the same submit key, to the other server after a failure. Meanwhile a council member saves a draft sheet every 1.5 s, the ceremony's console moves one step every 2 s, and {} screens (half on each server) follow the board, reconnecting a second after their stream ends. Faults, from the first registration:\n",
        f.sent,
        faults::CLIENTS,
        faults::PACE.as_millis(),
        faults::SCREENS
    )?;
    for (fault, at) in &f.faults {
        writeln!(out, "- {:.1} s: {fault}", at.as_secs_f64())?;
    }
    writeln!(out, "\n| figure | value | aim |\n|---|---|---|")?;
    writeln!(
        out,
        "| registrations sent / acknowledged | {} / {} | all |",
        f.sent, f.acknowledged
    )?;
    writeln!(
        out,
        "| receipts found in the database | {} of {} | all (0 lost) |",
        f.receipts_found, f.acknowledged
    )?;
    writeln!(out, "| registrations stored | {} | = sent |", f.stored)?;
    writeln!(out, "| stored twice | {} | 0 |", f.duplicates)?;
    writeln!(
        out,
        "| failed attempts seen by clients (then retried) | {} | |",
        f.client_errors
    )?;
    writeln!(
        out,
        "| longest wait for one receipt (first send to receipt) | {:.1} s | |",
        f.longest_wait.as_secs_f64()
    )?;
    writeln!(
        out,
        "| longest time with no receipt to any client | {:.1} s | |",
        f.longest_silence.as_secs_f64()
    )?;
    writeln!(out, "| whole run | {:.1} s | |", f.run_time.as_secs_f64())?;
    writeln!(
        out,
        "| score sheets acknowledged / stored as sent | {} / {} | equal |",
        f.sheets_acknowledged, f.sheets_found
    )?;
    writeln!(
        out,
        "| ceremony steps acknowledged; the last one stored | {}; {} | yes |",
        f.steps_acknowledged,
        if f.last_step_found { "yes" } else { "no" }
    )?;
    writeln!(
        out,
        "| screen reconnection attempts (one a second while a server was down) | {} | |",
        f.screens_reconnected
    )?;
    writeln!(
        out,
        "| every screen shows the final count, after the last receipt | {} | |",
        ms(f.screens_caught_up)
    )?;
    Ok(())
}

/// The council's benchmark on a database of its own holding the imported units.
async fn council_run(admin: &PgPool, base_url: &str) -> anyhow::Result<council::Figures> {
    let (pool, url) = database_with_units(admin, base_url, "thidua_bench_council").await?;
    let figures = council::run(&pool, &url).await?;
    pool.close().await;
    Ok(figures)
}

/// The downloads' benchmark on a database of its own holding the imported units.
async fn ranking_run(admin: &PgPool, base_url: &str) -> anyhow::Result<ranking::Figures> {
    let (pool, _) = database_with_units(admin, base_url, "thidua_bench_ranking").await?;
    let figures = ranking::run(&pool).await?;
    pool.close().await;
    Ok(figures)
}

fn write_ranking(out: &mut String, ranked: &ranking::Figures) -> anyhow::Result<()> {
    writeln!(
        out,
        "\n## Ranking a campaign ({} units, {} initiatives, {} replications counted; standings query and ranking, 30 runs)\n",
        ranked.units,
        ranking::INITIATIVES,
        ranked.replications
    )?;
    writeln!(out, "| figure | value | aim |")?;
    writeln!(out, "|---|---|---|")?;
    writeln!(out, "| median | {} | < 20 ms |", ms(ranked.median))?;
    writeln!(out, "| max | {} | |", ms(ranked.max))?;
    Ok(())
}

async fn exports_run(admin: &PgPool, base_url: &str) -> anyhow::Result<exports::Figures> {
    let (pool, url) = database_with_units(admin, base_url, "thidua_bench_exports").await?;
    let figures = exports::run(&pool, &url).await?;
    pool.close().await;
    Ok(figures)
}

fn write_exports(out: &mut String, e: &exports::Figures) -> anyhow::Result<()> {
    writeln!(
        out,
        "\n## Downloads ({} initiatives with their texts, release server process, {} runs each)\n",
        ranking::INITIATIVES,
        exports::RUNS
    )?;
    writeln!(
        out,
        "The initiatives table (14 columns; a title and three texts of about 300 characters each) \
         downloaded by an admin over HTTP, uncompressed. First byte: the header line, sent once the \
         caller is checked; first row: the first rows read from the database. Extra memory: the \
         server's peak resident memory during the download minus its resident memory before.\n"
    )?;
    writeln!(out, "| figure | CSV | .xlsx | aim |")?;
    writeln!(out, "|---|---|---|---|")?;
    let max = |times: &[std::time::Duration]| times.iter().max().copied().unwrap_or_default();
    writeln!(
        out,
        "| first byte, median / max | {} / {} | {} / {} | CSV < 200 ms |",
        ms(median(&e.csv.first_byte)),
        ms(max(&e.csv.first_byte)),
        ms(median(&e.xlsx.first_byte)),
        ms(max(&e.xlsx.first_byte))
    )?;
    writeln!(
        out,
        "| first row, median / max | {} / {} | (sent whole) | |",
        ms(median(&e.csv.first_row)),
        ms(max(&e.csv.first_row))
    )?;
    writeln!(
        out,
        "| whole file, median / max | {} / {} | {} / {} | < 2 s |",
        ms(median(&e.csv.total)),
        ms(max(&e.csv.total)),
        ms(median(&e.xlsx.total)),
        ms(max(&e.xlsx.total))
    )?;
    let mb = |kb: &[u64]| kb.iter().max().copied().unwrap_or_default() as f64 / 1024.0;
    writeln!(
        out,
        "| extra server memory, max | {:.1} MB | {:.1} MB | < 50 MB |",
        mb(&e.csv.extra_kb),
        mb(&e.xlsx.extra_kb)
    )?;
    writeln!(
        out,
        "| file size | {:.1} MB | {:.1} MB | |",
        e.csv.bytes as f64 / 1_048_576.0,
        e.xlsx.bytes as f64 / 1_048_576.0
    )?;
    Ok(())
}

fn write_council(out: &mut String, c: &council::Figures) -> anyhow::Result<()> {
    writeln!(
        out,
        "\n## The council's desk ({} initiatives, 9 members, {} submitted sheets)\n",
        ranking::INITIATIVES,
        c.sheets
    )?;
    writeln!(
        out,
        "One score changed to the new board: the sheet saved, the initiative's final score recomputed and \
         stored in the same transaction, then the standings query and the ranking the live board runs on \
         the notification. Desk figures go through the real HTTP path (session, access, the server \
         function): one member's \"Lưu & tiếp\" and opening the initiative it gives; {} members \
         pressing it at the same instant, {} times with a pause between (after one untimed round that \
         opens the connections a running server already has); then the same members saving \
         with no pause at all for 10 s (a load no council makes: it shows the throughput).\n",
        council::SAVERS,
        council::BURSTS
    )?;
    writeln!(out, "| figure | value | aim |")?;
    writeln!(out, "|---|---|---|")?;
    writeln!(
        out,
        "| every final score recomputed (once, at the move to the council) | {} | |",
        ms(c.full_refresh)
    )?;
    writeln!(
        out,
        "| one score changed to the new board, median | {} | |",
        ms(c.to_board_median)
    )?;
    writeln!(
        out,
        "| one score changed to the new board, max | {} | < 100 ms |",
        ms(c.to_board_max)
    )?;
    writeln!(
        out,
        "| \"Lưu & tiếp\" (one member), p50 / p99 | {} / {} | |",
        ms(c.save_p50),
        ms(c.save_p99)
    )?;
    writeln!(
        out,
        "| opening the next initiative, p50 / p99 | {} / {} | p99 < 50 ms |",
        ms(c.next_p50),
        ms(c.next_p99)
    )?;
    writeln!(
        out,
        "| {} members saving at once, p50 / p99 | {} / {} | p99 < 50 ms |",
        council::SAVERS,
        ms(c.burst_p50),
        ms(c.burst_p99)
    )?;
    writeln!(
        out,
        "| {} members saving without pause, p50 / p99 (saves a second) | {} / {} ({}) | |",
        council::SAVERS,
        ms(c.concurrent_p50),
        ms(c.concurrent_p99),
        c.concurrent_per_second
    )?;
    writeln!(
        out,
        "| saves acknowledged = sheets stored | {} = {} | equal |",
        c.saves,
        if c.stored_equals_acknowledged {
            c.saves.to_string()
        } else {
            "different".into()
        }
    )?;
    Ok(())
}

fn write_registration(out: &mut String, r: &registration::Figures) -> anyhow::Result<()> {
    let clients = registration::CLIENTS;
    let ratio = r.per_second / r.pgbench_tps * 100.0;
    writeln!(
        out,
        "\n## Registrations through HTTP ({clients} concurrent clients, 10 s after 2 s warm-up)\n"
    )?;
    writeln!(
        out,
        "Each request: the signed unit cookie, `submit_initiative` (multipart), validation, then the registration \
         queue: submits that arrive together are written by one statement (link live, campaign row \
         share-locked, field and date checked, submit key checked, INSERT, draft removed) and each is \
         answered after its commit. \
         `pgbench` runs one comparable single-row INSERT per transaction with {clients} clients on the same \
         PostgreSQL right after.\n"
    )?;
    writeln!(out, "| figure | value | aim |")?;
    writeln!(out, "|---|---|---|")?;
    writeln!(
        out,
        "| registrations committed per second | {:.0} | |",
        r.per_second
    )?;
    writeln!(
        out,
        "| pgbench single-row INSERT, transactions per second | {:.0} | |",
        r.pgbench_tps
    )?;
    writeln!(out, "| ratio | {ratio:.0} % | ≥ 40 % |")?;
    writeln!(out, "| latency p50 | {} | |", ms(r.p50))?;
    writeln!(out, "| latency p99 | {} | < 50 ms |", ms(r.p99))?;
    writeln!(
        out,
        "| pgbench latency average | {:.1} ms | |",
        r.pgbench_latency_ms
    )?;
    writeln!(
        out,
        "| acknowledged = stored | {} = {} | equal |",
        r.committed, r.committed
    )?;
    let p = &r.page;
    writeln!(
        out,
        "\n## Registration page weight (new initiative form, brotli -q 11)\n"
    )?;
    writeln!(out, "| part | size | note |")?;
    writeln!(out, "|---|---|---|")?;
    writeln!(
        out,
        "| HTML of the first load | {} B ({} B raw) | complete form |",
        p.html_brotli, p.html_raw
    )?;
    writeln!(out, "| CSS | {} B | |", p.css_brotli)?;
    writeln!(
        out,
        "| first load, HTML + CSS | {} B | usable before any script |",
        p.html_brotli + p.css_brotli
    )?;
    writeln!(
        out,
        "| JS loader | {} B | drafts on the phone, outbox |",
        p.js_brotli
    )?;
    writeln!(out, "| WebAssembly | {} B | |", p.wasm_brotli)?;
    writeln!(
        out,
        "| form posts without WebAssembly | {} | yes |",
        if p.form_works_without_wasm { "yes" } else { "NO" }
    )?;
    Ok(())
}

fn write_ceremony(out: &mut String, f: &ceremony::Figures) -> anyhow::Result<()> {
    writeln!(
        out,
        "\n## The reveal ceremony (two app server processes, the demo's Quận 11 2022 ceremony)\n"
    )?;
    writeln!(
        out,
        "{} screens (Server-Sent Events) split over the two servers; the console's request \
         (`control_ceremony`, signed in) moves the live ceremony one step a second for {} steps; \
         latency from the request's start to that step's `stage` event on each screen.\n",
        ceremony::SCREENS,
        ceremony::STEPS
    )?;
    writeln!(out, "| figure | value | aim |")?;
    writeln!(out, "|---|---|---|")?;
    writeln!(out, "| console to screen, p50 | {} | |", ms(f.p50))?;
    writeln!(out, "| console to screen, p99 | {} | < 100 ms |", ms(f.p99))?;
    writeln!(out, "| console to screen, max | {} | |", ms(f.max))?;
    writeln!(
        out,
        "| steps seen on screens / expected | {} / {} | equal |",
        f.received, f.expected
    )?;
    Ok(())
}

fn write_live(out: &mut String, f: &live::Figures) -> anyhow::Result<()> {
    writeln!(
        out,
        "\n## Live boards (two app server processes on one PostgreSQL, a campaign of {} units)\n",
        live::UNITS
    )?;
    writeln!(
        out,
        "{} screens (Server-Sent Events) split over the two servers; {} registrations committed one \
         every {} ms; latency from the commit's acknowledgement to the first board on a screen that \
         lists it. Memory: two fresh servers' resident memory with 10 screens open on each, then {} \
         on each. Client and servers share the machine's cores; the benchmark's file limit is raised \
         to its hard limit.\n",
        live::SCREENS,
        live::REGISTRATIONS,
        live::EVERY.as_millis(),
        live::IDLE_SCREENS
    )?;
    writeln!(out, "| figure | value | aim |")?;
    writeln!(out, "|---|---|---|")?;
    writeln!(out, "| commit to screen, p50 | {} | |", ms(f.p50))?;
    writeln!(out, "| commit to screen, p99 | {} | < 100 ms |", ms(f.p99))?;
    writeln!(out, "| commit to screen, max | {} | |", ms(f.max))?;
    writeln!(
        out,
        "| registrations seen on screens / expected | {} / {} | equal |",
        f.received, f.expected
    )?;
    writeln!(
        out,
        "| memory per idle screen | {:.1} KB | < 10 KB |",
        f.kb_per_idle_screen()
    )?;
    writeln!(
        out,
        "| both servers' memory, 10 / {} screens each | {:.1} MB / {:.1} MB | |",
        live::IDLE_SCREENS,
        f.rss_baseline_kb as f64 / 1024.0,
        f.rss_loaded_kb as f64 / 1024.0
    )?;
    Ok(())
}

fn write_hostile(out: &mut String, f: &hostile::Figures) -> anyhow::Result<()> {
    writeln!(out, "\n## Hostile traffic (one app server process, demo data)\n")?;
    writeln!(
        out,
        "A client streams a {} MB multipart body to `submit_initiative` as fast as the server takes it; \
         the server's resident memory is sampled every 5 ms. \"Sent\" includes what the kernel's \
         socket buffers held when the answer came.\n",
        hostile::UPLOAD_BYTES >> 20
    )?;
    writeln!(
        out,
        "| streaming client | answer | sent before the answer | peak memory growth | aim |"
    )?;
    writeln!(out, "|---|---|---|---|---|")?;
    for u in &f.uploads {
        writeln!(
            out,
            "| {} | {} | {:.1} MB | {:.1} MB | < 32 MB, answered before 17 MB |",
            u.who, u.status, u.sent_mb, u.rss_growth_mb
        )?;
    }
    writeln!(
        out,
        "\n{} sign-ins of the demo admin from 127.0.0.1, one after another, while {} clients from \
         127.0.0.2 guess the same account's password without pause ({} guesses answered meanwhile).\n",
        hostile::SIGN_INS,
        hostile::GUESSERS,
        f.guesses
    )?;
    writeln!(out, "| figure | value | aim |")?;
    writeln!(out, "|---|---|---|")?;
    writeln!(
        out,
        "| sign-ins that succeeded | {} of {} | all |",
        f.sign_ins_ok,
        hostile::SIGN_INS
    )?;
    writeln!(out, "| slowest sign-in | {} | < 2 s |", ms(f.slowest_sign_in))?;
    writeln!(
        out,
        "\n{} page loads of `/login` from 127.0.0.1 while {} connections from 127.0.0.2–127.0.0.9 \
         trickle request heads a byte a second and reconnect when closed ({} open when measuring; \
         production caps).\n",
        hostile::PAGE_LOADS,
        hostile::SLOW_CONNECTIONS,
        f.slow_open
    )?;
    writeln!(out, "| figure | value | aim |")?;
    writeln!(out, "|---|---|---|")?;
    writeln!(out, "| page p50 | {} | |", ms(f.page_p50))?;
    writeln!(out, "| page p99 | {} | < 100 ms |", ms(f.page_p99))?;
    writeln!(out, "| page max | {} | |", ms(f.page_max))?;
    Ok(())
}

#[expect(clippy::print_stdout, reason = "a benchmark reports on standard output")]
fn show(text: &str) {
    print!("{text}");
}

/// A tree like a province: districts, each with departments and wards; parents listed after children.
fn unit_file(total: usize, suffix: &str) -> String {
    let mut lines = vec!["code,name,kind,parent code".to_owned()];
    let districts = 50;
    let per_district = (total - 1) / districts;
    for d in 1..=districts {
        for w in 1..per_district {
            let (kind, name) = if w <= 12 {
                ("phòng ban", format!("Phòng {w} Quận {d}"))
            } else {
                ("phường", format!("Phường {w} Quận {d}"))
            };
            lines.push(format!("D{d}-U{w},{name}{suffix},{kind},D{d}"));
        }
        lines.push(format!("D{d},Quận {d}{suffix},quận,TINH"));
    }
    while lines.len() < total {
        let n = lines.len();
        lines.push(format!("X{n},Đơn vị sự nghiệp {n}{suffix},đơn vị sự nghiệp,TINH"));
    }
    lines.push(format!("TINH,Tỉnh Thử Nghiệm{suffix},tỉnh,"));
    lines.join("\n")
}

/// A new, migrated database `name` on the benchmark server; its pool and URL.
async fn fresh_database(admin: &PgPool, base_url: &str, name: &str) -> anyhow::Result<(PgPool, String)> {
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
        .execute(admin)
        .await?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(admin)
        .await?;
    let url = match base_url.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{name}"),
        None => anyhow::bail!("DATABASE_URL has no database name"),
    };
    let pool = PgPoolOptions::new().max_connections(4).connect(&url).await?;
    app::server::MIGRATOR.run(&pool).await?;
    Ok((pool, url))
}

async fn bench_account(pool: &PgPool) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO accounts (username, display_name, password_hash, role) VALUES ('bench', 'Bench', 'x', 'system_admin') RETURNING id",
    )
    .fetch_one(pool)
    .await?)
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{} ms", d.as_millis())
}

fn cores() -> String {
    std::thread::available_parallelism()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// The release build's main file with extension `ext` (`thidua.wasm`, or `thidua.<hash>.wasm`).
pub fn built_file(ext: &str) -> Option<std::path::PathBuf> {
    std::fs::read_dir("target/site/pkg")
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.starts_with("thidua.") && name.ends_with(&format!(".{ext}"))
        })
}

fn wasm_sizes() -> String {
    let Some(path) = built_file("wasm") else {
        return "(target/site/pkg/thidua.wasm not built)".into();
    };
    let Ok(bytes) = std::fs::read(&path) else {
        return format!("({} not readable)", path.display());
    };
    let compressed = |program: &str, args: &[&str]| -> String {
        Command::new(program)
            .args(args)
            .arg(&path)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| o.stdout.len().to_string())
            .unwrap_or_else(|| "?".into())
    };
    format!(
        "| file | raw | gzip -9 | brotli -q 11 |\n|---|---|---|---|\n| thidua.wasm | {} B | {} B | {} B |",
        bytes.len(),
        compressed("gzip", &["-9", "-c"]),
        compressed("brotli", &["-q", "11", "-c"]),
    )
}
