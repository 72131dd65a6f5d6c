//! The page's scripts, written after the page: a small script that preloads the WebAssembly the
//! page needs, then the module that hydrates it. A browser with scripts off runs neither, so it
//! fetches none of the WebAssembly (a `<link rel=preload>` in the head or a `Link` header would be
//! fetched all the same). Rules: the main piece and the pieces of every area the page rendered
//! are preloaded; these scripts come after the page, so they are rendered once the page's areas
//! are known and hydration (which starts at the body's first child) never walks them. A page
//! served as islands (`lazy_pages`) loads the islands bundle built for its group instead, or
//! nothing at all when it is served as plain server HTML. Either way the body is marked
//! `data-hydrated` once its scripts are ready.
use leptos::prelude::*;

#[component]
pub fn PageScripts() -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    // `inner_html`, as raw text with no hydration markers; both are read when written, once the
    // page before them has said what it needs.
    view! {
        <script nonce=nonce.clone() inner_html=preload_script></script>
        <script type="module" nonce=nonce inner_html=hydration_script></script>
    }
}

/// Adds a preload for each file: `(address, is a module script)`.
#[cfg(feature = "ssr")]
fn preload_text(files: &[(String, bool)]) -> String {
    let files = serde_json::to_string(files).unwrap_or_else(|_| "[]".to_owned());
    format!(
        "for(const[href,module]of {files}){{const l=document.createElement('link');\
         if(module){{l.rel='modulepreload'}}else{{l.rel='preload';l.as='fetch';\
         l.type='application/wasm'}}l.crossOrigin='';l.href=href;document.head.append(l)}}"
    )
}

#[cfg(feature = "ssr")]
fn hydration_text(script: &str, wasm: &str) -> String {
    let (script, wasm) = (serde_json::json!(script), serde_json::json!(wasm));
    format!("import({script}).then(m=>m.default({{module_or_path:{wasm}}}).then(()=>m.hydrate()))")
}

/// Hydrates each island the page drew, in order, then marks the body (the tests wait for it).
#[cfg(feature = "ssr")]
fn islands_text(script: &str, wasm: &str) -> String {
    let (script, wasm) = (serde_json::json!(script), serde_json::json!(wasm));
    format!(
        "import({script}).then(m=>m.default({{module_or_path:{wasm}}}).then(async()=>{{m.hydrate();\
         for(const e of document.querySelectorAll('leptos-island'))await m[e.dataset.component](e);\
         document.body.dataset.hydrated='true'}}))"
    )
}

/// A page served as plain server HTML: nothing to load.
#[cfg(feature = "ssr")]
const NOTHING_TO_HYDRATE: &str = "document.body.dataset.hydrated='true'";

#[cfg(feature = "ssr")]
fn served() -> crate::server::static_files::Serve {
    use_context::<crate::server::static_files::PageNeeds>()
        .map(|needs| needs.served())
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn preload_script() -> String {
    use crate::server::static_files::{area_pieces, islands_piece, main_piece, PageNeeds, Serve};
    match served() {
        Serve::Islands(group) => {
            let islands = islands_piece(group);
            return preload_text(&[(islands.script, true), (islands.wasm, false)]);
        }
        Serve::ServerHtml => return String::new(),
        Serve::WholeApp => {}
    }
    let main = main_piece();
    let mut files = vec![(main.script.clone(), true), (main.wasm.clone(), false)];
    let areas = use_context::<PageNeeds>()
        .map(|needs| needs.areas())
        .unwrap_or_default();
    for (loader, pieces) in areas.iter().filter_map(|area| area_pieces(area)) {
        files.extend(pieces.iter().map(|piece| (piece.clone(), false)));
        if !files.iter().any(|(file, _)| file == loader) {
            files.push((loader.to_owned(), true));
        }
    }
    preload_text(&files)
}

#[cfg(feature = "ssr")]
fn hydration_script() -> String {
    use crate::server::static_files::{islands_piece, main_piece, Serve};
    match served() {
        Serve::Islands(group) => {
            let islands = islands_piece(group);
            islands_text(&islands.script, &islands.wasm)
        }
        Serve::ServerHtml => NOTHING_TO_HYDRATE.to_owned(),
        Serve::WholeApp => hydration_text(&main_piece().script, &main_piece().wasm),
    }
}

// The shell is rendered on the server only.
#[cfg(not(feature = "ssr"))]
fn preload_script() -> String {
    String::new()
}

#[cfg(not(feature = "ssr"))]
fn hydration_script() -> String {
    String::new()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn preloads_name_each_file_with_its_kind() {
        let text = preload_text(&[("/pkg/a.js".into(), true), ("/pkg/b.wasm".into(), false)]);
        assert!(
            text.contains(r#"[["/pkg/a.js",true],["/pkg/b.wasm",false]]"#),
            "{text}"
        );
        assert!(!text.contains("</"), "nothing can close the script early");
    }

    #[test]
    fn hydration_imports_the_script_with_its_webassembly() {
        let text = hydration_text("/pkg/thidua.H1.js", "/pkg/thidua.H2.wasm");
        assert_eq!(
            text,
            r#"import("/pkg/thidua.H1.js").then(m=>m.default({module_or_path:"/pkg/thidua.H2.wasm"}).then(()=>m.hydrate()))"#
        );
    }

    #[test]
    fn islands_are_hydrated_one_by_one_after_the_bundle_starts() {
        let text = islands_text(
            "/pkg/thidua_islands_forms.H1.js",
            "/pkg/thidua_islands_forms.H2.wasm",
        );
        assert!(
            text.starts_with(r#"import("/pkg/thidua_islands_forms.H1.js")"#),
            "{text}"
        );
        assert!(text.contains(r#"module_or_path:"/pkg/thidua_islands_forms.H2.wasm""#));
        assert!(text.contains("m.hydrate();for(const e of document.querySelectorAll('leptos-island'))"));
        assert!(text.ends_with("document.body.dataset.hydrated='true'}))"));
    }
}
