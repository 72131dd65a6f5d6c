//! Rows slide to their new places when the standings change (the FLIP technique: note where
//! every row is, let the new board render, then start each moved row at its old place and let it
//! glide to the new one; a unit new to the page fades in). Rows are found by `data-slide-key`, so
//! a row drawn anew still moves from where its unit was. Nothing moves when the viewer asks for
//! reduced motion.
use leptos::prelude::{document, request_animation_frame, window};
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

const GLIDE: &str = "transform 0.8s cubic-bezier(0.2, 0.8, 0.2, 1), opacity 0.8s ease";

/// Where each row was, by its key.
pub struct Places(HashMap<String, f64>);

/// `None` under reduced motion: nothing will move.
pub fn measure() -> Option<Places> {
    (!reduced_motion()).then(|| Places(rows().map(|(key, row)| (key, top_of(&row))).collect()))
}

/// Call right after the new board is set: the browser renders it before the next frame.
pub fn play(before: Places) {
    request_animation_frame(move || {
        for (key, row) in rows() {
            let style = row.style();
            let _ = style.set_property("transition", "none");
            match before.0.get(&key) {
                Some(old_top) => {
                    let offset = old_top - top_of(&row);
                    if offset.abs() < 1.0 {
                        continue;
                    }
                    let _ = style.set_property("transform", &format!("translateY({offset}px)"));
                }
                // A unit new to this page fades in where it lands.
                None => {
                    let _ = style.set_property("opacity", "0");
                }
            }
            // Reading the layout makes the start take effect before the glide begins.
            let _ = row.offset_height();
            let _ = style.set_property("transition", GLIDE);
            let _ = style.set_property("transform", "");
            let _ = style.set_property("opacity", "");
        }
    });
}

fn rows() -> impl Iterator<Item = (String, HtmlElement)> {
    let list = document().query_selector_all("[data-slide-key]").ok();
    let count = list.as_ref().map_or(0, |l| l.length());
    (0..count).filter_map(move |i| {
        let row = list.as_ref()?.item(i)?.dyn_into::<HtmlElement>().ok()?;
        Some((row.get_attribute("data-slide-key")?, row))
    })
}

fn top_of(row: &HtmlElement) -> f64 {
    row.get_bounding_client_rect().top()
}

fn reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}
