//! A campaign's results (`/results/{campaign}`, `?k=` for a link-only campaign): the units by
//! place (đồng hạng shown and explained) and the initiatives with their final scores, both
//! filtered and sorted by the address's query, so links and the filter form work without
//! scripts. What a reader may not see arrives hidden from the server and is said to be so.
use crate::api::results::{
    get_campaign_results, Arrangement, CampaignResults, InitiativeResult, Reader, Sort, Table, UnitResult,
};
use crate::components::campaign_labels::{level_label, recipient_label};
use crate::components::export_links::ExportLinks;
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::domain::council::decision::Level;
use crate::domain::deadline::format_date;
use crate::domain::ranking::score_text;
use crate::i18n::*;
use crate::pages::council::points;
use crate::pages::live::key_param;
use crate::pages::live::standings::tie_text;
use crate::pages::unit::parts::{kind_label, moment_text};
use crate::wire::awards::AwardList;
use crate::wire::exports::ExportTable;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ResultsPage() -> impl IntoView {
    let campaign = number_param("campaign");
    let key = key_param();
    let key_of_page = key.clone();
    let query = use_query_map();
    // The server arranges and pages the rows: only what the address asks for travels.
    let arranged = move || {
        query
            .with(|q| Arrangement::parse(|k| q.get(k)))
            .query_string(None)
            .trim_start_matches('?')
            .to_owned()
    };
    view! {
        <main id="main" class="page results-page">
            {page_loader(
                move || (campaign(), key(), arranged()),
                |(id, key, query)| get_campaign_results(id, key, query),
                move |results| view! { <Results results key=key_of_page() /> },
            )}
        </main>
    }
}

#[component]
fn Results(results: CampaignResults, key: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let arrangement = query.with_untracked(|q| Arrangement::parse(|k| q.get(k)));
    let title = results.title.clone();
    let back = match results.reader {
        Reader::Organizer => (
            format!("/admin/campaigns/{}", results.campaign_id),
            t_string!(i18n, results.back_organizer),
        ),
        Reader::Council => (
            format!("/council/{}", results.campaign_id),
            t_string!(i18n, results.back_council),
        ),
        Reader::Public => (
            board_address(results.campaign_id, key.as_deref()),
            t_string!(i18n, results.back_board),
        ),
    };
    let body = if results.pending {
        view! {
            <section class="card">
                <h2>{t!(i18n, results.pending_title)}</h2>
                <p>{t!(i18n, results.pending_lead)}</p>
                <p>
                    <a class="button" href=back.0.clone()>
                        {t!(i18n, results.back_board)}
                    </a>
                </p>
            </section>
        }
        .into_any()
    } else {
        let final_results = results.final_results;
        let base = format!("/results/{}", results.campaign_id);
        let a = arrangement.clone();
        let table = match a.table {
            Table::Units => view! {
                <UnitsTable
                    rows=results.units.clone()
                    arrangement=a.clone()
                    key=key.clone()
                    base=base.clone()
                    final_results
                />
            }
            .into_any(),
            Table::Initiatives => view! {
                <InitiativesTable
                    rows=results.initiatives.clone()
                    matching=results.matching
                    arrangement=a.clone()
                    key=key.clone()
                    base=base.clone()
                />
            }
            .into_any(),
        };
        let page_query = a.query_string(key.as_deref());
        let (rows_table, rows_label) = match a.table {
            Table::Units => (
                ExportTable::UnitResults,
                t_string!(i18n, export.unit_results_link),
            ),
            Table::Initiatives => (
                ExportTable::InitiativeResults,
                t_string!(i18n, export.initiative_results_link),
            ),
        };
        let campaign = results.campaign_id;
        let award_links = (!results.awards.is_empty()).then(|| {
            view! {
                <ExportLinks
                    table=ExportTable::Awards
                    campaign
                    query=key.as_ref().map(|k| format!("k={k}")).unwrap_or_default()
                    label=t_string!(i18n, export.awards_link)
                />
            }
        });
        let summary = match &key {
            Some(k) => format!("/results/{campaign}/summary?k={k}"),
            None => format!("/results/{campaign}/summary"),
        };
        view! {
            <p class="summary-link">
                <a class="button secondary" href=summary>
                    {t!(i18n, summary.link)}
                </a>
            </p>
            <AwardsSection awards=results.awards.clone() />
            {award_links}
            <TableTabs arrangement=a.clone() key=key.clone() base=base.clone() />
            <Filters a=a.clone() fields=results.fields.clone() key=key.clone() />
            <ExportLinks table=rows_table campaign query=page_query label=rows_label />
            {table}
            <Pager arrangement=a pages=results.pages key=key.clone() base />
        }
        .into_any()
    };
    view! {
        <Title text=format!("{} · {}", t_string!(i18n, results.title), title) />
        <nav class="breadcrumb">
            <a href=back.0>{back.1}</a>
        </nav>
        <header class="results-head">
            <p class="live-kicker">{t!(i18n, results.title)}</p>
            <h1>{results.title.clone()}</h1>
            <StatusNote results=results.clone() />
        </header>
        {body}
    }
}

fn board_address(campaign_id: i64, key: Option<&str>) -> String {
    match key {
        Some(key) => format!("/live/{campaign_id}?k={key}"),
        None => format!("/live/{campaign_id}"),
    }
}

/// What kind of results these are: provisional, held for the conference, partly hidden.
#[component]
fn StatusNote(results: CampaignResults) -> impl IntoView {
    let i18n = use_i18n();
    let mut notes = Vec::new();
    if results.pending {
        return None;
    }
    if !results.final_results {
        notes.push(t_string!(i18n, results.provisional).to_string());
    } else if results.held {
        notes.push(t_string!(i18n, results.held).to_string());
    }
    if results.some_hidden {
        notes.push(t_string!(i18n, results.some_hidden).to_string());
    }
    notes.push(t_string!(i18n, results.as_of, at = moment_text(results.loaded_at)).to_string());
    Some(
        notes
            .into_iter()
            .map(|text| view! { <p class="hint">{text}</p> })
            .collect_view(),
    )
}

#[component]
fn TableTabs(arrangement: Arrangement, key: Option<String>, base: String) -> impl IntoView {
    let i18n = use_i18n();
    let tab = move |table: Table, label: String| {
        let query = Arrangement {
            table,
            ..Arrangement::default()
        }
        .query_string(key.as_deref());
        let href = format!("{base}{query}");
        let current = (arrangement.table == table).then_some("page");
        view! {
            <a class="tab" href=href aria-current=current>
                {label}
            </a>
        }
    };
    view! {
        <nav class="tabs" aria-label=move || t_string!(i18n, results.tables)>
            {tab(Table::Units, t_string!(i18n, results.by_unit).to_string())}
            {tab(Table::Initiatives, t_string!(i18n, results.by_initiative).to_string())}
        </nav>
    }
}

/// A GET form: the search, and for initiatives the field, the level and the marks.
#[component]
fn Filters(a: Arrangement, fields: Vec<String>, key: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let initiatives = a.table == Table::Initiatives;
    let field_options = fields
        .into_iter()
        .map(|f| {
            let selected = a.field.as_deref() == Some(f.as_str());
            view! {
                <option value=f.clone() selected=selected>
                    {f.clone()}
                </option>
            }
        })
        .collect_view();
    let level_options = [Level::Excellent, Level::Good, Level::Pass, Level::Fail]
        .into_iter()
        .map(|l| {
            view! {
                <option value=l.as_str() selected=a.level == Some(l)>
                    {level_label(l)}
                </option>
            }
        })
        .collect_view();
    let only = if a.only_exemplary {
        "exemplary"
    } else if a.only_recognised {
        "recognised"
    } else {
        ""
    };
    let initiative_filters = initiatives.then(|| {
        view! {
            <div class="field">
                <label for="filter-field">{t!(i18n, results.filter_field)}</label>
                <select id="filter-field" name="field">
                    <option value="">{t!(i18n, results.all)}</option>
                    {field_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-level">{t!(i18n, results.filter_level)}</label>
                <select id="filter-level" name="level">
                    <option value="">{t!(i18n, results.all)}</option>
                    {level_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-only">{t!(i18n, results.filter_only)}</label>
                <select id="filter-only" name="only">
                    <option value="" selected=only.is_empty()>
                        {t!(i18n, results.all)}
                    </option>
                    <option value="recognised" selected=only == "recognised">
                        {t!(i18n, results.only_recognised)}
                    </option>
                    <option value="exemplary" selected=only == "exemplary">
                        {t!(i18n, results.only_exemplary)}
                    </option>
                </select>
            </div>
            <input type="hidden" name="table" value="initiatives" />
        }
    });
    view! {
        <form class="filters card" method="get" role="search">
            <div class="field">
                <label for="filter-q">{t!(i18n, results.search)}</label>
                <input id="filter-q" name="q" type="search" value=a.query.clone() />
            </div>
            {initiative_filters}
            {key.map(|k| view! { <input type="hidden" name="k" value=k /> })}
            <button type="submit" class="button secondary">
                {t!(i18n, results.apply)}
            </button>
        </form>
    }
}

/// A column heading that sorts by `sort` (`aria-sort` says which one does).
fn sort_heading(
    base: &str,
    label: String,
    sort: Sort,
    arrangement: &Arrangement,
    key: Option<&str>,
    class: &'static str,
) -> impl IntoView {
    let current = arrangement.sort == sort;
    let href = Arrangement {
        sort,
        page: 1,
        ..arrangement.clone()
    }
    .query_string(key);
    let href = format!("{base}{href}");
    view! {
        <th scope="col" class=class aria-sort=if current { "descending" } else { "none" }>
            <a href=href>{label}</a>
        </th>
    }
}

#[component]
fn UnitsTable(
    rows: Vec<UnitResult>,
    arrangement: Arrangement,
    key: Option<String>,
    base: String,
    final_results: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! { <p class="empty card">{t!(i18n, results.no_units)}</p> }.into_any();
    }
    let body = rows
        .into_iter()
        .map(|row| view! { <UnitRow row podium=final_results /> })
        .collect_view();
    let key = key.as_deref();
    view! {
        <div class="card table-card">
            <table class="results-table">
                <thead>
                    <tr>
                        {sort_heading(
                            &base,
                            t_string!(i18n, live.col_place).to_string(),
                            Sort::Score,
                            &arrangement,
                            key,
                            "place",
                        )}
                        {sort_heading(
                            &base,
                            t_string!(i18n, live.col_unit).to_string(),
                            Sort::Name,
                            &arrangement,
                            key,
                            "",
                        )} <th scope="col" class="num">
                            {t!(i18n, results.col_total)}
                        </th> <th scope="col" class="num">
                            {t!(i18n, live.col_initiatives)}
                        </th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
            <p class="hint tie-note">{t!(i18n, live.tie_note)}</p>
        </div>
    }
    .into_any()
}

#[component]
fn UnitRow(row: UnitResult, podium: bool) -> impl IntoView {
    let i18n = use_i18n();
    if row.hidden {
        return view! {
            <tr>
                <td class="place">"—"</td>
                <th scope="row">{row.unit_name} <small>{t!(i18n, results.hidden_unit)}</small></th>
                <td class="num">"—"</td>
                <td class="num">{row.initiatives.to_string()}</td>
            </tr>
        }
        .into_any();
    }
    let s = &row.standing;
    let tie = tie_text(s.place, s.shared, s.ahead_by);
    let parts = t_string!(
        i18n,
        results.parts,
        participation = s.participation_points.to_string(),
        evaluation = points(s.evaluation_points)
    )
    .to_string();
    view! {
        <tr class:podium=podium && s.place <= 3 class:shared=s.shared>
            <td class="place">{s.place.to_string()}</td>
            <th scope="row">
                {row.unit_name} <small>{parts}</small>
                {tie.map(|text| view! { <small class="tie">{text}</small> })}
            </th>
            <td class="num score">{score_text(s.score_hundredths)}</td>
            <td class="num">{row.initiatives.to_string()}</td>
        </tr>
    }
    .into_any()
}

#[component]
fn InitiativesTable(
    rows: Vec<InitiativeResult>,
    matching: usize,
    arrangement: Arrangement,
    key: Option<String>,
    base: String,
) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! { <p class="empty card">{t!(i18n, results.no_initiatives)}</p> }.into_any();
    }
    let count = t_string!(i18n, results.count, count = matching.to_string()).to_string();
    let body = rows
        .into_iter()
        .map(|row| view! { <InitiativeRow row /> })
        .collect_view();
    let key = key.as_deref();
    view! {
        <div class="card table-card">
            <p class="hint">{count}</p>
            <table class="results-table initiatives">
                <thead>
                    <tr>
                        {sort_heading(
                            &base,
                            t_string!(i18n, results.col_initiative).to_string(),
                            Sort::Title,
                            &arrangement,
                            key,
                            "",
                        )}
                        {sort_heading(
                            &base,
                            t_string!(i18n, live.col_score).to_string(),
                            Sort::Score,
                            &arrangement,
                            key,
                            "num",
                        )}
                        {sort_heading(
                            &base,
                            t_string!(i18n, results.col_coverage).to_string(),
                            Sort::Coverage,
                            &arrangement,
                            key,
                            "num",
                        )} <th scope="col">{t!(i18n, results.col_level)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn InitiativeRow(row: InitiativeResult) -> impl IntoView {
    let i18n = use_i18n();
    let authors = if row.authors.is_empty() {
        t_string!(i18n, results.collective, unit = row.unit_name.clone()).to_string()
    } else {
        row.authors.join(", ")
    };
    let about = format!("{} · {} · {}", row.unit_name, kind_label(row.kind), row.field);
    let (score, level) = if row.hidden {
        ("—".to_owned(), t_string!(i18n, results.hidden).to_string())
    } else {
        (
            points(row.score),
            row.level.map(level_label).unwrap_or_else(|| "—".into()),
        )
    };
    let marks = view! {
        {(row.recognised == Some(true))
            .then(|| view! { <span class="badge">{t!(i18n, results.recognised)}</span> })}
        {row.exemplary.then(|| view! { <span class="badge ok">{t!(i18n, results.exemplary)}</span> })}
    };
    view! {
        <tr>
            <th scope="row">
                <span class="results-title">{row.title}</span>
                <small>{about}</small>
                <small>{t!(i18n, results.authors, authors = authors)}</small>
            </th>
            <td class="num score" data-label=t_string!(i18n, live.col_score)>
                {score}
            </td>
            <td class="num" data-label=t_string!(i18n, results.col_coverage)>
                {format!("{}/{}", row.scored, row.expected)}
            </td>
            <td class="level">{level} {marks}</td>
        </tr>
    }
}

/// The award lists, form by form, with their decisions (the results page and a public board).
#[component]
pub fn AwardsSection(awards: Vec<AwardList>) -> impl IntoView {
    let i18n = use_i18n();
    if awards.is_empty() {
        return None;
    }
    let forms = awards
        .into_iter()
        .map(|list| {
            let decision = list.decision.is_recorded().then(|| {
                let date = list.decision.date.map(format_date).unwrap_or_default();
                view! {
                    <p class="hint">
                        {t!(
                            i18n, awards.decision_recorded, number = list.decision.number.clone(), date = date, signer = list.decision.signer.clone()
                        )}
                    </p>
                }
            });
            let names = list
                .recipients
                .into_iter()
                .map(|name| view! { <li>{name}</li> })
                .collect_view();
            view! {
                <section class="award-result">
                    <h3>{list.name} " " <span class="badge">{recipient_label(list.recipient)}</span></h3>
                    {decision}
                    <ol>{names}</ol>
                </section>
            }
        })
        .collect_view();
    Some(view! {
        <section class="card awards-results" aria-labelledby="awards-title">
            <h2 id="awards-title">{t!(i18n, results.awards_title)}</h2>
            {forms}
        </section>
    })
}

/// The results' pages, each address keeping the table, filters and sort.
#[component]
fn Pager(arrangement: Arrangement, pages: usize, key: Option<String>, base: String) -> impl IntoView {
    let i18n = use_i18n();
    let page = arrangement.page;
    let link = move |to: usize| {
        let query = Arrangement {
            page: to,
            ..arrangement.clone()
        }
        .query_string(key.as_deref());
        format!("{base}{query}")
    };
    view! { <crate::components::pager::Pager page pages link label=t_string!(i18n, results.pages) /> }
}
