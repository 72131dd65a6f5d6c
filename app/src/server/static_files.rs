//! The site's built files (`/pkg`): the release build names them by a hash of their content
//! (cargo-leptos `hash-files`, which writes the hashes to a file beside the server binary).
//!
//! The WebAssembly is split by area (`crate::lazy_pages`); the build lists, per area, the pieces
//! it needs (`__wasm_split_manifest.json`), read here once so a page's scripts can preload them
//! (`components::page_scripts`).
//!
//! Rules: a build with that file is served with hashed names, and those are cached for a year as
//! immutable (a new build has new names, so a returning phone fetches only what changed); a build
//! without it (tests, `cargo run`) keeps the plain names, which browsers must revalidate. Other
//! files of `public/` may be kept a day.
use axum::http::HeaderValue;
use leptos::config::LeptosOptions;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
const PUBLIC_FILE: &str = "public, max-age=86400";

static STYLESHEET: OnceLock<String> = OnceLock::new();
static MAIN: OnceLock<MainPiece> = OnceLock::new();
/// Per group of islands (`crate::lazy_pages`), its build of the islands bundle.
static ISLANDS: OnceLock<HashMap<String, MainPiece>> = OnceLock::new();
static SPLIT: OnceLock<SplitPieces> = OnceLock::new();

/// The addresses of a script and the WebAssembly it starts: the whole app's main piece, or a
/// build of the islands bundle.
#[derive(Clone, Debug)]
pub struct MainPiece {
    pub script: String,
    pub wasm: String,
}

/// Where the split build put each area's pieces.
#[derive(Debug, Default)]
struct SplitPieces {
    /// The loader script's address.
    loader: String,
    /// Per area, the addresses of the WebAssembly files it needs.
    areas: HashMap<String, Vec<String>>,
}

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
    let built = |name: &str, hash_kind: &str, ext: &str| {
        let hash = hashes.as_deref().and_then(|text| hash_of(text, hash_kind));
        let pkg = &options.site_pkg_dir;
        hash.map_or_else(
            || format!("/{pkg}/{name}.{ext}"),
            |hash| format!("/{pkg}/{name}.{hash}.{ext}"),
        )
    };
    let name = &options.output_name;
    let _ = MAIN.set(MainPiece {
        script: built(name, "js", "js"),
        wasm: built(name, "wasm", "wasm"),
    });
    // `x` builds the islands bundle beside the main piece and adds its hashes to the same file.
    let groups = island_groups(hashes.as_deref().unwrap_or_default());
    let islands = groups.map(|group| {
        let stem = format!("{name}_islands_{group}");
        let piece = MainPiece {
            script: built(&stem, &format!("islands_js_{group}"), "js"),
            wasm: built(&stem, &format!("islands_wasm_{group}"), "wasm"),
        };
        (group.to_owned(), piece)
    });
    let _ = ISLANDS.set(islands.collect());
    let pkg = Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let _ = SPLIT.set(split_pieces(&pkg, &options.site_pkg_dir, hashes.as_deref()));
}

/// The split build's pieces as its manifest lists them (none when the build was not split).
fn split_pieces(pkg: &Path, pkg_dir: &str, hashes: Option<&str>) -> SplitPieces {
    let hashed = |kind, plain: &str, stem: &str, ext: &str| {
        hashes
            .and_then(|text| hash_of(text, kind))
            .map_or_else(|| plain.to_owned(), |hash| format!("{stem}.{hash}.{ext}"))
    };
    let manifest = hashed(
        "manifest",
        "__wasm_split_manifest.json",
        "__wasm_split_manifest",
        "json",
    );
    let loader = hashed(
        "split",
        "__wasm_split.______________________.js",
        "__wasm_split",
        "js",
    );
    let areas: HashMap<String, Vec<String>> = std::fs::read_to_string(pkg.join(manifest))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    SplitPieces {
        loader: format!("/{pkg_dir}/{loader}"),
        areas: areas
            .into_iter()
            .map(|(area, files)| {
                let files = files.iter().map(|f| format!("/{pkg_dir}/{f}.wasm")).collect();
                (area, files)
            })
            .collect(),
    }
}

/// How a page is served (`crate::lazy_pages`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Serve {
    /// Hydrated whole by the app's main piece and its areas' pieces.
    #[default]
    WholeApp,
    /// Server HTML with its islands hydrated by the islands bundle built for the group named.
    Islands(&'static str),
    /// Server HTML with no script.
    ServerHtml,
}

/// What a page being rendered needs from its scripts (one per request, provided by the server):
/// how it is served and, served whole, the areas it used, so they are preloaded
/// (`components::page_scripts`).
#[derive(Clone, Debug, Default)]
pub struct PageNeeds(Arc<Mutex<Needs>>);

#[derive(Debug, Default)]
struct Needs {
    areas: HashSet<String>,
    serve: Serve,
}

impl PageNeeds {
    pub fn note_area(&self, area: &str) {
        if let Ok(mut needs) = self.0.lock() {
            needs.areas.insert(area.to_owned());
        }
    }

    pub fn serve(&self, serve: Serve) {
        if let Ok(mut needs) = self.0.lock() {
            needs.serve = serve;
        }
    }

    /// The areas named so far, sorted.
    pub fn areas(&self) -> Vec<String> {
        let mut areas: Vec<String> = self
            .0
            .lock()
            .map(|needs| needs.areas.iter().cloned().collect())
            .unwrap_or_default();
        areas.sort();
        areas
    }

    pub fn served(&self) -> Serve {
        self.0.lock().map(|needs| needs.serve).unwrap_or_default()
    }
}

/// The islands bundle built for `group` (plain names until `init` has run, or when the build
/// wrote no hashes).
pub fn islands_piece(group: &str) -> MainPiece {
    if let Some(piece) = ISLANDS.get().and_then(|groups| groups.get(group)) {
        return piece.clone();
    }
    MainPiece {
        script: format!("/pkg/thidua_islands_{group}.js"),
        wasm: format!("/pkg/thidua_islands_{group}.wasm"),
    }
}

/// The groups of islands whose builds a hash file's text names (`islands_js_<group>`).
fn island_groups(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter_map(|line| line.split_once(':')?.0.trim().strip_prefix("islands_js_"))
}

/// The main piece's addresses (plain names until `init` has run).
pub fn main_piece() -> &'static MainPiece {
    MAIN.get_or_init(|| MainPiece {
        script: "/pkg/thidua.js".to_owned(),
        wasm: "/pkg/thidua.wasm".to_owned(),
    })
}

/// The loader script and the WebAssembly files a page of `area` needs, if the build was split.
pub fn area_pieces(area: &str) -> Option<(&'static str, &'static [String])> {
    let split = SPLIT.get()?;
    let files = split.areas.get(area)?;
    Some((split.loader.as_str(), files.as_slice()))
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
    fn each_group_of_islands_has_its_own_build() {
        let text = "islands_js_boards: J1\nislands_wasm_boards: B2\nwasm: W3\nislands_js_forms: F4\n";
        assert_eq!(island_groups(text).collect::<Vec<_>>(), ["boards", "forms"]);
    }

    #[test]
    fn split_pieces_are_read_from_the_hashed_manifest() {
        let pkg = std::env::temp_dir().join(format!("thidua-split-{}", std::process::id()));
        std::fs::create_dir_all(&pkg).unwrap();
        let manifest = r#"{"unit_pages": ["chunk_3.Ab", "split_unit_pages.Cd"]}"#;
        std::fs::write(pkg.join("__wasm_split_manifest.Mf.json"), manifest).unwrap();
        let pieces = split_pieces(&pkg, "pkg", Some("js: a\nmanifest: Mf\nsplit: Sp\n"));
        assert_eq!(pieces.loader, "/pkg/__wasm_split.Sp.js");
        assert_eq!(
            pieces.areas["unit_pages"],
            ["/pkg/chunk_3.Ab.wasm", "/pkg/split_unit_pages.Cd.wasm"]
        );
        assert!(split_pieces(&pkg, "pkg", None).areas.is_empty());
        std::fs::remove_dir_all(pkg).unwrap();
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
