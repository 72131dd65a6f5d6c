//! "Tải bảng này: Excel (.xlsx) · CSV" beside a table: plain links (they work without scripts),
//! marked external so the router lets the browser download them.
use crate::i18n::*;
use crate::wire::exports::{export_address, ExportFormat, ExportTable};
use leptos::prelude::*;

/// `label`: what the links download, shown before them and read with each ("Tải danh sách đơn
/// vị"). `query`: the page's own address query (filters, sort, a board key), kept in the file.
#[component]
pub fn ExportLinks(
    table: ExportTable,
    #[prop(optional)] campaign: Option<i64>,
    #[prop(into, optional)] query: String,
    #[prop(into)] label: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let xlsx = export_address(table, ExportFormat::Xlsx, campaign, &query);
    let csv = export_address(table, ExportFormat::Csv, campaign, &query);
    let read_with = format!(" — {label}");
    view! {
        <p class="export-links">
            <span class="export-label">{label}":"</span>
            <a class="button secondary" href=xlsx rel="external">
                {t!(i18n, export.xlsx)}
                <span class="sr-only">{read_with.clone()}</span>
            </a>
            <a class="button secondary" href=csv rel="external">
                {t!(i18n, export.csv)}
                <span class="sr-only">{read_with}</span>
            </a>
        </p>
    }
}
