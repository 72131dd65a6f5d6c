//! The page's scripts, written after the page: a small script that preloads the WebAssembly the
//! page needs, then the module that hydrates it. A browser with scripts off runs neither, so it
//! fetches none of the WebAssembly (a `<link rel=preload>` in the head or a `Link` header would be
//! fetched all the same). Rules: the main piece and the pieces of every area the page rendered
//! are preloaded; these scripts come after the page, so they are rendered once the page's areas
//! are known and hydration (which starts at the body's first child) never walks them.
use leptos::prelude::*;

#[component]
pub fn PageScripts() -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    // `inner_html`, as raw text with no hydration markers; the preloads are read when written.
    view! {
        <script nonce=nonce.clone() inner_html=preload_script></script>
        <script type="module" nonce=nonce inner_html=hydration_script()></script>
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

#[cfg(feature = "ssr")]
fn preload_script() -> String {
    use crate::server::static_files::{area_pieces, main_piece, NamedAreas};
    let main = main_piece();
    let mut files = vec![(main.script.clone(), true), (main.wasm.clone(), false)];
    let areas = use_context::<NamedAreas>()
        .map(|named| named.all())
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
    let main = crate::server::static_files::main_piece();
    hydration_text(&main.script, &main.wasm)
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
}
