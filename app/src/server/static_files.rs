//! The site's built files (`/pkg`): the release build names them by a hash of their content
//! (cargo-leptos `hash-files`, which writes the hashes to a file beside the server binary).
//!
//! Rules: a build with that file is served with hashed names, and those are cached for a year as
//! immutable (a new build has new names, so a returning phone fetches only what changed); a build
//! without it (tests, `cargo run`) keeps the plain names, which browsers must revalidate. Other
//! files of `public/` may be kept a day.
use axum::http::HeaderValue;
use leptos::config::LeptosOptions;
use std::path::PathBuf;
use std::sync::OnceLock;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
const PUBLIC_FILE: &str = "public, max-age=86400";

static STYLESHEET: OnceLock<String> = OnceLock::new();

/// Where the build wrote its hashes: beside the running binary, as leptos reads it.
fn hash_file(options: &LeptosOptions) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?.canonicalize().ok()?;
    Some(exe.parent()?.join(options.hash_file.as_ref()))
}

/// Switches hashed names on when this binary's build wrote them, and notes the stylesheet's
/// address for pages made outside Leptos (refusals).
pub fn init(options: &mut LeptosOptions) {
    let hashes = hash_file(options).and_then(|path| std::fs::read_to_string(path).ok());
    options.hash_files = hashes.is_some();
    let css = hashes
        .as_deref()
        .and_then(|text| hash_of(text, "css"))
        .map_or_else(String::new, |hash| format!(".{hash}"));
    let href = format!("/{}/{}{css}.css", options.site_pkg_dir, options.output_name);
    let _ = STYLESHEET.set(href);
}

/// The `hash` written for `kind` ("css", "js", "wasm") in a hash file's text.
fn hash_of<'a>(text: &'a str, kind: &str) -> Option<&'a str> {
    text.lines().find_map(|line| {
        let (name, hash) = line.split_once(':')?;
        (name.trim() == kind).then(|| hash.trim())
    })
}

/// The stylesheet's address (plain until `init` has run).
pub fn stylesheet_href() -> &'static str {
    STYLESHEET.get().map_or("/pkg/thidua.css", String::as_str)
}

/// The `Cache-Control` of a static file at `path` (none for anything else).
pub fn cache_control(path: &str, hashed: bool) -> Option<HeaderValue> {
    let value = if path.starts_with("/pkg/") {
        if hashed {
            IMMUTABLE
        } else {
            REVALIDATE
        }
    } else if is_public_file(path) {
        PUBLIC_FILE
    } else {
        return None;
    };
    Some(HeaderValue::from_static(value))
}

/// `public/`'s files sit at the root with an extension; no page address has one.
fn is_public_file(path: &str) -> bool {
    let name = path.strip_prefix('/').unwrap_or(path);
    !name.contains('/')
        && [".ico", ".csv", ".png", ".svg", ".txt"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_read_by_kind() {
        let text = "js: abc\nwasm: def\ncss: Gh-1_x\n";
        assert_eq!(hash_of(text, "css"), Some("Gh-1_x"));
        assert_eq!(hash_of(text, "wasm"), Some("def"));
        assert_eq!(hash_of(text, "manifest"), None);
    }

    #[test]
    fn only_hashed_builds_are_cached_for_a_year() {
        assert_eq!(cache_control("/pkg/thidua.Gh1x.wasm", true).unwrap(), IMMUTABLE);
        assert_eq!(cache_control("/pkg/thidua.wasm", false).unwrap(), REVALIDATE);
        assert_eq!(cache_control("/favicon.ico", true).unwrap(), PUBLIC_FILE);
        assert_eq!(
            cache_control("/mau-danh-sach-don-vi.csv", true).unwrap(),
            PUBLIC_FILE
        );
        assert_eq!(cache_control("/unit/5/report", true), None);
        assert_eq!(cache_control("/files/12", true), None);
    }
}
