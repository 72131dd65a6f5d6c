//! The organizer's participation table: each unit's commitment, initiatives against the minimum
//! and report, with totals; sortable (column links), filterable (a GET form that works without
//! scripts) and refreshed every few seconds while open. Also: look up a receipt code.
use crate::api::participation::{campaign_participation, lookup_receipt, Participation};
use crate::components::campaign_tabs::CampaignHead;
use crate::components::export_links::ExportLinks;
use crate::components::id_param::id_param;
use crate::components::page_loader::page_loader;
use crate::components::problem_text::{error_text, problem_text};
use crate::domain::participation::{arrange, totals, ParticipationRow, Show, SortBy};
use crate::i18n::*;
use crate::pages::unit::parts::{kind_label, moment_text};
use crate::wire::codec::page_resource;
use crate::wire::exports::ExportTable;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::time::Duration;

/// How often an open table asks for fresh figures.
const REFRESH: Duration = Duration::from_secs(10);

#[component]
pub fn CampaignParticipationPage() -> impl IntoView {
    let id = id_param();
    page_loader(id, campaign_participation, |p| view! { <Table initial=p /> })
}

fn query(name: &str) -> String {
    use_query_map().read_untracked().get(name).unwrap_or_default()
}

#[component]
fn Table(initial: Participation) -> impl IntoView {
    let i18n = use_i18n();
    let id = initial.id;
    let data = RwSignal::new(initial.clone());
    let refreshed = RwSignal::new(None::<String>);
    // Scripts on: fresh figures every few seconds, without reloading the page.
    Effect::new(move |_| {
        let refresh = move || {
            leptos::task::spawn_local(async move {
                // A failed refresh keeps the figures shown; the next one tries again.
                if let Ok(fresh) = campaign_participation(id).await {
                    refreshed.try_set(Some(moment_text(fresh.loaded_at)));
                    data.try_set(fresh);
                }
            })
        };
        if let Ok(handle) = set_interval_with_handle(refresh, REFRESH) {
            on_cleanup(move || handle.clear());
        }
    });
    let query_map = use_query_map();
    let sort = move || SortBy::parse(&query_map.read().get("sort").unwrap_or_default());
    let reversed = move || query_map.read().get("dir").as_deref() == Some("desc");
    let show = Show::parse(&query("show"));
    let search = query("q");
    let search_for_rows = search.clone();
    let rows = move || {
        let d = data.get();
        arrange(
            &d.rows,
            d.min_initiatives,
            show,
            &search_for_rows,
            (sort(), reversed()),
        )
    };
    // A heading sorts by its column; the current one's link turns the order round.
    let sort_head = move |by: SortBy, label: String, class: &'static str| {
        let href = move || {
            let mut href = format!("?sort={}", by.as_str());
            if sort() == by && !reversed() {
                href.push_str("&dir=desc");
            }
            if show != Show::All {
                href.push_str(&format!("&show={}", show.as_str()));
            }
            href
        };
        let current = move || (sort() == by).then_some("true");
        let aria_sort = move || match (sort() == by, reversed()) {
            (false, _) => None,
            (true, false) => Some("ascending"),
            (true, true) => Some("descending"),
        };
        view! {
            <th scope="col" class=class aria-sort=aria_sort>
                <a href=href aria-current=current data-desc=move || reversed().then_some("true")>
                    {label}
                </a>
            </th>
        }
    };
    let show_options = Show::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.as_str() selected=s == show>
                    {show_label(s)}
                </option>
            }
        })
        .collect_view();
    view! {
        <CampaignHead id title=initial.title.clone() state=initial.state active="participation" />
        <section class="card">
            <h2>{t!(i18n, participation.title)}</h2>
            <Summary data />
            <ExportLinks
                table=ExportTable::Participation
                campaign=id
                label=t_string!(i18n, export.participation_link)
            />
            <ExportLinks
                table=ExportTable::Initiatives
                campaign=id
                label=t_string!(i18n, export.initiatives_link)
            />
            <form method="get" class="filter participation-filter">
                <input type="hidden" name="sort" value=move || sort().as_str() />
                <input type="hidden" name="dir" value=move || if reversed() { "desc" } else { "" } />
                <label for="show">{t!(i18n, participation.show)}</label>
                <select id="show" name="show">
                    {show_options}
                </select>
                <label for="q">{t!(i18n, participation.search)}</label>
                <input type="search" id="q" name="q" value=search.clone() />
                <button type="submit" class="button secondary small">
                    {t!(i18n, participation.apply)}
                </button>
            </form>
            <div class="table-wrap">
                <table class="participation">
                    <thead>
                        <tr>
                            {sort_head(SortBy::Name, t_string!(i18n, participation.col_unit).to_string(), "")}
                            {sort_head(
                                SortBy::Commitment,
                                t_string!(i18n, participation.col_commitment).to_string(),
                                "",
                            )}
                            {sort_head(
                                SortBy::Initiatives,
                                t_string!(i18n, participation.col_initiatives, min = initial.min_initiatives),
                                "num",
                            )}
                            {sort_head(
                                SortBy::Report,
                                t_string!(i18n, participation.col_report).to_string(),
                                "",
                            )}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let (minimum, report_due_soon) = data
                                .with(|d| {
                                    (
                                        d.min_initiatives,
                                        d.report_deadline.is_none_or(|due| due.due_soon(d.loaded_at)),
                                    )
                                });
                            let list = rows();
                            if list.is_empty() {
                                return view! {
                                    <tr>
                                        <td colspan="4" class="empty">
                                            {t!(i18n, participation.none)}
                                        </td>
                                    </tr>
                                }
                                    .into_any();
                            }
                            list.into_iter()
                                .map(|r| view! { <Row campaign=id row=r minimum report_due_soon /> })
                                .collect_view()
                                .into_any()
                        }}
                    </tbody>
                </table>
            </div>
            <p class="hint" aria-live="polite">
                {move || refreshed.get().map(|at| t_string!(i18n, participation.refreshed, at = at))}
            </p>
        </section>
        <ReceiptLookup id />
    }
}

fn show_label(show: Show) -> String {
    let i18n = use_i18n();
    match show {
        Show::All => t_string!(i18n, participation.show_all),
        Show::NotCommitted => t_string!(i18n, participation.show_not_committed),
        Show::BelowMinimum => t_string!(i18n, participation.show_below_minimum),
        Show::NoReport => t_string!(i18n, participation.show_no_report),
    }
    .to_string()
}

#[component]
fn Summary(data: RwSignal<Participation>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let d = data.get();
        let t = totals(&d.rows, d.min_initiatives);
        view! {
            <dl class="stats">
                <div>
                    <dt>{t!(i18n, participation.total_committed)}</dt>
                    <dd>{format!("{}/{}", t.committed, t.units)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, participation.total_registered)}</dt>
                    <dd>{format!("{}/{}", t.registered, t.units)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, participation.total_minimum, min = d.min_initiatives)}</dt>
                    <dd>{format!("{}/{}", t.meeting_minimum, t.units)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, participation.total_initiatives)}</dt>
                    <dd>{t.initiatives}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, participation.total_reports)}</dt>
                    <dd>{format!("{}/{}", t.reports, t.units)}</dd>
                </div>
            </dl>
        }
    }
}

#[component]
fn Row(campaign: i64, row: ParticipationRow, minimum: i32, report_due_soon: bool) -> impl IntoView {
    let i18n = use_i18n();
    let enough = row.meets_minimum(minimum);
    let commitment = match row.committed_at {
        Some(at) => {
            view! { <span class="ok-text">{t!(i18n, participation.signed_at, at = moment_text(at))}</span> }
                .into_any()
        }
        None => view! { <span class="due-text">{t!(i18n, participation.not_signed)}</span> }.into_any(),
    };
    let report = match row.report_on_time {
        None if report_due_soon => {
            view! { <span class="due-text">{t!(i18n, participation.no_report)}</span> }.into_any()
        }
        None => view! { <span class="muted-text">{t!(i18n, participation.no_report)}</span> }.into_any(),
        Some(true) => view! { <span class="ok-text">{t!(i18n, participation.on_time)}</span> }.into_any(),
        Some(false) => view! { <span class="late-text">{t!(i18n, participation.late)}</span> }.into_any(),
    };
    view! {
        <tr>
            <th scope="row">
                <a href=format!(
                    "/admin/campaigns/{campaign}/participation/{}",
                    row.unit_id,
                )>{row.unit_name.clone()}</a>
            </th>
            <td>{commitment}</td>
            <td class="num" class:ok-text=enough class:due-text=!enough>
                {row.initiatives}
            </td>
            <td>{report}</td>
        </tr>
    }
}

#[component]
fn ReceiptLookup(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let typed = query("receipt");
    let code = typed.clone();
    let shown_code = typed.clone();
    let found = page_resource(
        move || code.clone(),
        move |code| async move {
            if code.trim().is_empty() {
                Ok(None)
            } else {
                lookup_receipt(id, code).await
            }
        },
    );
    view! {
        <section class="card receipt-lookup" id="tra-cuu">
            <h2>{t!(i18n, participation.lookup_title)}</h2>
            <form method="get" action="#tra-cuu" class="search-row">
                <label for="receipt" class="sr-only">
                    {t!(i18n, participation.lookup_label)}
                </label>
                <input
                    type="search"
                    id="receipt"
                    name="receipt"
                    value=typed
                    placeholder="K7QP-3MXD"
                    autocapitalize="characters"
                />
                <button type="submit" class="button">
                    {t!(i18n, participation.lookup)}
                </button>
            </form>
            <Suspense>
                {move || {
                    let shown_code = shown_code.clone();
                    Suspend::new(async move {
                        match found.await {
                            Ok(None) if shown_code.trim().is_empty() => None,
                            Ok(None) => {
                                let text = t_string!(
                                    i18n, participation.not_found, code = shown_code.clone()
                                );
                                Some(
                                    view! {
                                        <p class="alert alert-info" role="status">
                                            {text}
                                        </p>
                                    }
                                        .into_any(),
                                )
                            }
                            Ok(Some(m)) => {
                                Some(
                                    view! {
                                        <div class="alert alert-success" role="status">
                                            <p>
                                                <strong class="receipt-code">{m.receipt_code.clone()}</strong>
                                                " — "
                                                <a href=format!(
                                                    "/admin/campaigns/{id}/participation/{}",
                                                    m.unit_id,
                                                )>{m.unit_name.clone()}</a>
                                            </p>
                                            <p>
                                                {kind_label(m.kind)} " · " {m.field_name.clone()} ": "
                                                <strong>{m.title.clone()}</strong>
                                            </p>
                                            <p>
                                                {t!(
                                                    i18n, participation.sent_at, at = moment_text(m.submitted_at)
                                                )}
                                            </p>
                                        </div>
                                    }
                                        .into_any(),
                                )
                            }
                            Err(e) => {
                                let text = e
                                    .problems_at("code")
                                    .first()
                                    .map(problem_text)
                                    .unwrap_or_else(|| error_text(&e));
                                Some(
                                    view! {
                                        <p class="alert alert-error" role="alert">
                                            {text}
                                        </p>
                                    }
                                        .into_any(),
                                )
                            }
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}
