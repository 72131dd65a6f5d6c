//! The private PostgreSQL cluster used when no `DATABASE_URL` is given: created on first start
//! under the data folder, reused after, listening only on a Unix socket (so no port can be taken),
//! and stopped by the last process that uses it (each holds a shared lock on `postgres.lock` in
//! the data folder; stopping needs it alone): an upgrade's new server, started as the old one
//! stops, keeps the cluster the old one was using. A cluster left running by a killed app is
//! reused; a stale pid file is removed.
//!
//! Rules: the socket's folder is private (mode 700, owned by the user PostgreSQL runs as), so no
//! other local user can connect although the cluster trusts its socket. As root, PostgreSQL runs
//! as the `postgres` user; when that user cannot enter the data folder (a clone under `/root`, a
//! `mktemp -d` folder), the cluster's files live in `/var/lib/thidua/clusters/<hash of the data
//! folder>` and the data folder holds links to them (`pgdata`, `run`): no folder of the caller's
//! is opened to other users.
use anyhow::{bail, Context};
use sha2::{Digest, Sha256};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const DATABASE: &str = "thidua";
const PORT: u16 = 5432;
/// Where clusters go when the `postgres` user cannot enter the data folder (root only).
const SHARED_CLUSTERS: &str = "/var/lib/thidua/clusters";

pub struct EmbeddedPostgres {
    bin_dir: PathBuf,
    data_dir: PathBuf,
    socket_dir: PathBuf,
    /// Locked shared while this process uses the cluster.
    users: fs::File,
}

/// The database to use: `DATABASE_URL`, or the private cluster under `data_dir` (started if it
/// is not running; stop it with the returned handle when done).
pub fn database_of(config: &crate::config::Config) -> anyhow::Result<(String, Option<EmbeddedPostgres>)> {
    match &config.database_url {
        Some(url) => Ok((url.clone(), None)),
        None => {
            let pg = EmbeddedPostgres::start(&config.data_dir).context("starting the private PostgreSQL")?;
            Ok((pg.database_url(), Some(pg)))
        }
    }
}

impl EmbeddedPostgres {
    pub fn start(root: &Path) -> anyhow::Result<Self> {
        fs::create_dir_all(root).with_context(|| format!("creating {}", root.display()))?;
        let root = root.canonicalize()?;
        let users = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.join("postgres.lock"))
            .context("opening postgres.lock")?;
        // Waits while a last user is stopping the cluster, then starts it again below.
        users.lock_shared().context("locking postgres.lock")?;
        let home = cluster_home(&root)?;
        let pg = Self {
            bin_dir: find_bin_dir()?,
            data_dir: home.join("pgdata"),
            socket_dir: home.join("run"),
            users,
        };
        pg.init_if_new()?;
        let pg = pg.start_if_stopped()?;
        pg.create_database()?;
        Ok(pg)
    }

    /// A URL for the app's database over the cluster's Unix socket.
    pub fn database_url(&self) -> String {
        format!(
            "postgres://postgres@localhost/{DATABASE}?host={}&port={PORT}",
            self.socket_dir.display()
        )
    }

    /// The folder that really holds the cluster's files (the data folder, or a shared one).
    pub fn cluster_dir(&self) -> &Path {
        self.data_dir.parent().unwrap_or(&self.data_dir)
    }

    /// Stops the cluster unless another process (an app server, a backup) still uses it; either
    /// way this handle no longer counts as a user.
    pub fn stop(&self) {
        if self.users.try_lock().is_ok() {
            tracing::info!("stopping the private PostgreSQL");
            let _ = self
                .pg_command("pg_ctl", &["stop", "-D", &self.data_path(), "-m", "fast", "-w"])
                .status();
        } else {
            tracing::info!("leaving the private PostgreSQL running: another process uses it");
        }
        let _ = self.users.unlock();
    }

    /// Stops the cluster as a crash would (`-m immediate`: no checkpoint, recovery from the WAL
    /// at the next start) and starts it again; for the fault benchmark.
    pub fn crash_and_restart(&self) -> anyhow::Result<()> {
        let log = self.data_dir.join("server.log").display().to_string();
        let status = self
            .pg_command(
                "pg_ctl",
                &[
                    "restart",
                    "-D",
                    &self.data_path(),
                    "-m",
                    "immediate",
                    "-w",
                    "-t",
                    "60",
                    "-l",
                    &log,
                ],
            )
            .status()
            .context("running pg_ctl restart")?;
        if !status.success() {
            bail!("PostgreSQL did not come back after an immediate stop");
        }
        Ok(())
    }

    fn data_path(&self) -> String {
        self.data_dir.display().to_string()
    }

    fn init_if_new(&self) -> anyhow::Result<()> {
        if self.data_dir.join("PG_VERSION").exists() {
            return Ok(());
        }
        tracing::info!(dir = %self.data_dir.display(), "creating the private PostgreSQL cluster");
        fs::create_dir_all(&self.data_dir)?;
        self.give_to_postgres_user(&self.data_dir)?;
        self.make_private_socket_dir()?;
        let status = self
            .pg_command(
                "initdb",
                &[
                    "-D",
                    &self.data_path(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ],
            )
            .output()
            .context("running initdb")?;
        if !status.status.success() {
            bail!("initdb failed: {}", String::from_utf8_lossy(&status.stderr));
        }
        Ok(())
    }

    fn start_if_stopped(self) -> anyhow::Result<Self> {
        if self.running_pid().is_some() {
            tracing::info!("reusing the private PostgreSQL that is already running");
            return Ok(self);
        }
        let _ = fs::remove_file(self.data_dir.join("postmaster.pid"));
        self.make_private_socket_dir()?;
        let options = format!(
            "-c listen_addresses='' -k {} -p {PORT}",
            self.socket_dir.display()
        );
        let log = self.data_dir.join("server.log").display().to_string();
        let status = self
            .pg_command(
                "pg_ctl",
                &[
                    "start",
                    "-D",
                    &self.data_path(),
                    "-l",
                    &log,
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    &options,
                ],
            )
            .status()
            .context("running pg_ctl start")?;
        if !status.success() {
            bail!("PostgreSQL did not start; see {log}");
        }
        Ok(self)
    }

    /// The postmaster's pid when one is really running for this data folder.
    fn running_pid(&self) -> Option<u32> {
        let text = fs::read_to_string(self.data_dir.join("postmaster.pid")).ok()?;
        let pid: u32 = text.lines().next()?.trim().parse().ok()?;
        let comm = fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
        let socket = self.socket_dir.join(format!(".s.PGSQL.{PORT}"));
        (comm.trim() == "postgres" && socket.exists()).then_some(pid)
    }

    fn create_database(&self) -> anyhow::Result<()> {
        let socket = self.socket_dir.display().to_string();
        let port = PORT.to_string();
        let psql = |sql: &str| {
            Command::new(self.bin_dir.join("psql"))
                .args([
                    "-h", &socket, "-p", &port, "-U", "postgres", "-d", "postgres", "-tAc", sql,
                ])
                .output()
        };
        let exists = psql(&format!("SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"))?;
        if String::from_utf8_lossy(&exists.stdout).trim() != "1" {
            let created = psql(&format!("CREATE DATABASE {DATABASE}"))?;
            if !created.status.success() {
                bail!(
                    "creating the database failed: {}",
                    String::from_utf8_lossy(&created.stderr)
                );
            }
        }
        Ok(())
    }

    /// Only the cluster's own user (and root) may enter the socket's folder, so only they connect.
    fn make_private_socket_dir(&self) -> anyhow::Result<()> {
        fs::create_dir_all(&self.socket_dir)?;
        fs::set_permissions(&self.socket_dir, fs::Permissions::from_mode(0o700))?;
        self.give_to_postgres_user(&self.socket_dir)
    }

    /// PostgreSQL refuses to run as root, so as root its files belong to the `postgres` user.
    fn give_to_postgres_user(&self, dir: &Path) -> anyhow::Result<()> {
        if is_root() {
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir)
                .status()?;
            if !status.success() {
                bail!("chown of {} failed", dir.display());
            }
        }
        Ok(())
    }

    fn pg_command(&self, program: &str, args: &[&str]) -> Command {
        let binary = self.bin_dir.join(program);
        if is_root() {
            let mut cmd = Command::new("runuser");
            cmd.args(["-u", "postgres", "--"]).arg(binary).args(args);
            // The postgres user may not enter our folder (a clone in /root): every path is absolute.
            cmd.current_dir("/");
            cmd
        } else {
            let mut cmd = Command::new(binary);
            cmd.args(args);
            cmd
        }
    }
}

/// Where the cluster's files live for the data folder `root` (see the module rules).
fn cluster_home(root: &Path) -> anyhow::Result<PathBuf> {
    if !is_root() || postgres_user_can_enter(root) {
        return Ok(root.to_path_buf());
    }
    let digest = Sha256::digest(root.as_os_str().as_encoded_bytes());
    let name: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let home = Path::new(SHARED_CLUSTERS).join(name);
    fs::create_dir_all(&home).with_context(|| format!("creating {}", home.display()))?;
    for dir in [
        Path::new(SHARED_CLUSTERS).parent().unwrap_or(&home),
        Path::new(SHARED_CLUSTERS),
        &home,
    ] {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755))?;
    }
    // Tells a person looking in /var/lib/thidua which data folder a cluster belongs to.
    fs::write(home.join("data-folder"), format!("{}\n", root.display()))?;
    for part in ["pgdata", "run"] {
        let link = root.join(part);
        if fs::symlink_metadata(&link).is_err() {
            std::os::unix::fs::symlink(home.join(part), &link)
                .with_context(|| format!("linking {}", link.display()))?;
        }
    }
    tracing::info!(dir = %home.display(), "the postgres user cannot enter the data folder; the cluster lives here");
    Ok(home)
}

/// Whether the `postgres` user can reach files inside `dir` (every folder above it searchable).
fn postgres_user_can_enter(dir: &Path) -> bool {
    Command::new("runuser")
        .args(["-u", "postgres", "--", "test", "-x"])
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0\n"))
        .unwrap_or(false)
}

/// The newest PostgreSQL server installed by Debian's packages.
pub fn find_bin_dir() -> anyhow::Result<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .context("PostgreSQL is not installed (apt-get install postgresql)")?
        .filter_map(|e| e.ok())
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path().join("bin"))))
        .filter(|(_, bin)| bin.join("pg_ctl").exists())
        .collect();
    versions.sort();
    versions
        .pop()
        .map(|(_, bin)| bin)
        .context("no PostgreSQL server binaries found")
}
