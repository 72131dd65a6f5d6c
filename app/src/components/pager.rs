//! "Trang 2/5" with plain links to the previous and next pages (they work without scripts),
//! shown only when there is more than one page.
use crate::i18n::*;
use leptos::prelude::*;

/// `link` makes the address of a page; `label` names the list the pages belong to.
#[component]
pub fn Pager(
    page: usize,
    pages: usize,
    link: impl Fn(usize) -> String + 'static,
    #[prop(into)] label: String,
) -> impl IntoView {
    let i18n = use_i18n();
    if pages <= 1 {
        return None;
    }
    let page = page.clamp(1, pages);
    let previous = (page > 1).then(|| {
        view! {
            <a class="button secondary" href=link(page - 1) rel="prev">
                {t!(i18n, results.previous)}
            </a>
        }
    });
    let next = (page < pages).then(|| {
        view! {
            <a class="button secondary" href=link(page + 1) rel="next">
                {t!(i18n, results.next)}
            </a>
        }
    });
    Some(view! {
        <nav class="pager" aria-label=label>
            {previous}
            <span>{t!(i18n, results.page_of, page = page.to_string(), pages = pages.to_string())}</span>
            {next}
        </nav>
    })
}
