//! "Sao chép": copies the text of the control with id `target` to the clipboard. It appears only
//! once the page's script runs (without it the text is still there to select by hand).
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn CopyButton(target: String, #[prop(into)] label: String) -> impl IntoView {
    let i18n = use_i18n();
    let ready = RwSignal::new(false);
    let copied = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let copy = move |_| {
        if copy_text_of(&target) {
            copied.set(true);
            set_timeout(move || copied.set(false), std::time::Duration::from_secs(3));
        }
    };
    view! {
        <button type="button" class="button secondary small" hidden=move || !ready.get() on:click=copy>
            {move || if copied.get() { t_string!(i18n, links.copied).to_string() } else { label.clone() }}
        </button>
    }
}

/// Selects the control's text and hands it to the clipboard; true when it was handed over.
fn copy_text_of(target: &str) -> bool {
    use leptos::wasm_bindgen::JsCast;
    let Some(element) = document().get_element_by_id(target) else {
        return false;
    };
    let text = if let Some(input) = element.dyn_ref::<leptos::web_sys::HtmlInputElement>() {
        input.select();
        input.value()
    } else if let Some(area) = element.dyn_ref::<leptos::web_sys::HtmlTextAreaElement>() {
        area.select();
        area.value()
    } else {
        return false;
    };
    let _ = window().navigator().clipboard().write_text(&text);
    true
}
