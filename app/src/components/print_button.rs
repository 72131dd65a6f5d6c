//! The button that opens the browser's print dialog (scripts on; the pages say Ctrl+P beside it).
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn PrintButton() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="button" on:click=|_| print()>
            {t!(i18n, summary.print)}
        </button>
    }
}

fn print() {
    if let Err(e) = window().print() {
        leptos::logging::warn!("print failed: {e:?}");
    }
}
