//! The links to a drafted document: its Word file (a download, so an external link) and its
//! printable page, with what the văn thư should know.
use crate::i18n::*;
use crate::wire::documents::{document_address, print_address, OfficialDocument};
use leptos::prelude::*;

/// One line per document: "<label> (Word)" and "Xem bản in", then the hint.
#[component]
pub fn DocumentLinks(
    campaign: i64,
    /// Each document with its link text.
    documents: Vec<(OfficialDocument, String)>,
    #[prop(into)] hint: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="document-link">
            {documents
                .into_iter()
                .map(|(document, label)| {
                    view! {
                        <p class="document-pair">
                            <a
                                class="button secondary"
                                href=document_address(document, campaign)
                                rel="external"
                            >
                                {label}
                            </a>
                            <a class="print-link" href=print_address(document, campaign)>
                                {t!(i18n, documents.print_link)}
                            </a>
                        </p>
                    }
                })
                .collect_view()} <p class="hint">{hint}</p>
        </div>
    }
}
