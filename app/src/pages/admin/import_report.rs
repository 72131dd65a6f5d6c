//! The report of one import run: counts when it was applied, or every problem by row.
use crate::api::unit_import::{get_import_report, ImportReport};
use crate::components::id_param::id_param;
use crate::components::notice::{ErrorNotice, Loading};
use crate::components::problem_text::problem_text;
use crate::domain::unit_import::ImportColumn;
use crate::i18n::*;
use crate::wire::codec::page_resource;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ImportReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param();
    let report = page_resource(id, get_import_report);
    view! {
        <Title text=move || {
            format!("{} · {}", t_string!(i18n, import.report_title), t_string!(i18n, app_name))
        } />
        <nav class="breadcrumb">
            <a href="/admin/units">{t!(i18n, units.title)}</a>
            <span aria-hidden="true">" › "</span>
            <a href="/admin/units/import">{t!(i18n, import.title)}</a>
        </nav>
        <h1>{t!(i18n, import.report_title)}</h1>
        <Suspense fallback=|| {
            view! { <Loading /> }
        }>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(report) => view! { <Report report /> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Report(report: ImportReport) -> impl IntoView {
    let i18n = use_i18n();
    let file = report.file_name.clone();
    let body = if report.applied {
        view! {
            <div class="alert alert-success" role="status">
                {t_string!(i18n, import.applied, file = file.clone())}
            </div>
            <dl class="stats">
                <div>
                    <dt>{t!(i18n, import.created)}</dt>
                    <dd data-testid="created">{report.created}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, import.updated)}</dt>
                    <dd data-testid="updated">{report.updated}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, import.unchanged)}</dt>
                    <dd data-testid="unchanged">{report.unchanged}</dd>
                </div>
            </dl>
        }
        .into_any()
    } else {
        let count = report.problems.len();
        let table = view! {
            <div class="alert alert-error" role="alert">
                {t_string!(i18n, import.rejected, file = file.clone(), count = count)}
            </div>
            <table class="problems">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, import.row)}</th>
                        <th scope="col">{t!(i18n, import.column)}</th>
                        <th scope="col">{t!(i18n, import.problem)}</th>
                    </tr>
                </thead>
                <tbody>
                    {report
                        .problems
                        .iter()
                        .map(|p| {
                            let row = if p.row == 0 {
                                t_string!(i18n, import.whole_file).to_owned()
                            } else {
                                p.row.to_string()
                            };
                            view! {
                                <tr>
                                    <td>{row}</td>
                                    <td>{p.column.map(column_name)}</td>
                                    <td>{problem_text(&p.problem)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        };
        table.into_any()
    };
    view! {
        <section class="card report">
            {body} <p class="hint">{t_string!(i18n, import.elapsed, ms = report.elapsed_ms)}</p>
            <div class="actions">
                <a class="button" href="/admin/units/import">
                    {t!(i18n, import.again)}
                </a>
                <a class="button secondary" href="/admin/units">
                    {t!(i18n, import.to_tree)}
                </a>
            </div>
        </section>
    }
}

fn column_name(column: ImportColumn) -> &'static str {
    let i18n = use_i18n();
    match column {
        ImportColumn::Code => t_string!(i18n, import.column_code),
        ImportColumn::Name => t_string!(i18n, import.column_name),
        ImportColumn::Kind => t_string!(i18n, import.column_kind),
        ImportColumn::Parent => t_string!(i18n, import.column_parent),
    }
}
