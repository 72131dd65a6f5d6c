//! Replication by unit (`/admin/replications`): which exemplary initiatives the units in the
//! admin's scope adopted, each linked to its gallery page (where records are added or removed).
use crate::api::gallery::{get_replications_by_unit, UnitReplications};
use crate::components::page_loader::page_loader;
use crate::domain::deadline::format_date;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReplicationsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || {
            format!("{} · {}", t_string!(i18n, gallery.by_unit_title), t_string!(i18n, app_name))
        } />
        <div class="page-head">
            <div>
                <h1>{t!(i18n, gallery.by_unit_title)}</h1>
                <p class="lead">{t!(i18n, gallery.by_unit_lead)}</p>
            </div>
            <a class="button secondary" href="/gallery">
                {t!(i18n, gallery.open_gallery)}
            </a>
        </div>
        {page_loader(|| (), |()| get_replications_by_unit(), |units| view! { <ByUnit units /> })}
    }
}

#[component]
fn ByUnit(units: Vec<UnitReplications>) -> impl IntoView {
    let i18n = use_i18n();
    if units.is_empty() {
        return view! { <p class="card empty-state">{t!(i18n, gallery.by_unit_empty)}</p> }.into_any();
    }
    view! {
        <section class="card">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, gallery.col_unit)}</th>
                        <th scope="col" class="num">
                            {t!(i18n, gallery.col_count)}
                        </th>
                        <th scope="col">{t!(i18n, gallery.col_adopted)}</th>
                    </tr>
                </thead>
                <tbody>
                    {units
                        .into_iter()
                        .map(|unit| {
                            view! {
                                <tr>
                                    <th scope="row" data-label=t_string!(i18n, gallery.col_unit)>
                                        {unit.unit_name.clone()}
                                    </th>
                                    <td class="num" data-label=t_string!(i18n, gallery.col_count)>
                                        {unit.adopted.len().to_string()}
                                    </td>
                                    <td data-label=t_string!(i18n, gallery.col_adopted)>
                                        <ul class="adopted-list">
                                            {unit
                                                .adopted
                                                .iter()
                                                .map(|a| {
                                                    view! {
                                                        <li>
                                                            <a href=format!(
                                                                "/gallery/{}#replications",
                                                                a.initiative_id,
                                                            )>{a.title.clone()}</a>
                                                            " "
                                                            <span class="hint">
                                                                {t_string!(
                                                                    i18n, gallery.adopted_line, unit = a.from_unit.clone(), date =
                                                                    format_date(a.adopted_on)
                                                                )}
                                                            </span>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}
