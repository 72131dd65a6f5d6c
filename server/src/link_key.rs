//! The unit-link key: `THIDUA_LINK_KEY` when given, otherwise `link.key` in the data folder,
//! made once with 256 random bits and readable only by its owner.
use crate::config::Config;
use anyhow::Context;
use app::server::state::LinkKey;
use rand::RngCore;
use std::fs;
use std::io::Write;
use std::sync::Arc;

const MIN_KEY_CHARS: usize = 32;

pub fn load(config: &Config) -> anyhow::Result<LinkKey> {
    if let Some(key) = &config.link_key {
        anyhow::ensure!(
            key.len() >= MIN_KEY_CHARS,
            "THIDUA_LINK_KEY must have at least {MIN_KEY_CHARS} characters"
        );
        return Ok(LinkKey(Arc::from(key.as_bytes())));
    }
    let path = config.data_dir.join("link.key");
    if !path.exists() {
        fs::create_dir_all(&config.data_dir).context("creating the data folder")?;
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        match write_private(&path, &data_encoding::HEXLOWER.encode(&bytes)) {
            Ok(()) => tracing::info!(path = %path.display(), "created the unit-link key"),
            // Another server starting beside this one wrote it first: use theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e).with_context(|| format!("writing {}", path.display())),
        }
    }
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let key = text.trim();
    anyhow::ensure!(key.len() >= MIN_KEY_CHARS, "{} is too short", path.display());
    Ok(LinkKey(Arc::from(key.as_bytes())))
}

fn write_private(path: &std::path::Path, key: &str) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(key.as_bytes())
}
