//! The unit tree as nested `<details>`: keyboard and screen-reader friendly without scripts.
//! The first two levels come with the page; deeper levels load when a branch is opened.
use crate::api::units::{unit_children, UnitSummary};
use crate::components::kind_label::kind_label;
use crate::components::notice::{ErrorNotice, Loading};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn UnitTree() -> impl IntoView {
    let i18n = use_i18n();
    let roots = Resource::new(|| (), |_| unit_children(None));
    view! {
        <section class="card tree" aria-label=move || t_string!(i18n, units.tree_label)>
            <Suspense fallback=|| {
                view! { <Loading /> }
            }>
                {move || Suspend::new(async move {
                    match roots.await {
                        Ok(units) if units.is_empty() => {
                            view! { <p class="empty">{t!(i18n, units.empty)}</p> }.into_any()
                        }
                        Ok(units) => view! { <Branch units open=true /> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Branch(units: Vec<UnitSummary>, open: bool) -> AnyView {
    view! {
        <ul class="tree-list">{units.into_iter().map(|unit| view! { <Node unit open /> }).collect_view()}</ul>
    }
    .into_any()
}

#[component]
fn Node(unit: UnitSummary, open: bool) -> AnyView {
    let i18n = use_i18n();
    let label = view! {
        <a href=format!("/admin/units/{}", unit.id)>{unit.name.clone()}</a>
        <span class="kind">{kind_label(unit.kind)}</span>
        {(!unit.active).then(|| view! { <span class="badge">{t!(i18n, units.inactive)}</span> })}
    };
    if unit.child_count == 0 {
        let leaf = view! {
            <li class="tree-leaf" class:inactive=!unit.active>
                {label}
            </li>
        };
        return leaf.into_any();
    }
    let (opened, set_opened) = signal(open);
    let id = unit.id;
    let children = Resource::new(
        move || opened.get(),
        move |opened| async move {
            if opened {
                unit_children(Some(id)).await.map(Some)
            } else {
                Ok(None)
            }
        },
    );
    let count = unit.child_count;
    view! {
        <li class="tree-node" class:inactive=!unit.active>
            <details open=open on:toggle=move |_| set_opened.set(true)>
                <summary>
                    {label} <span class="count">{t_string!(i18n, units.children_count, count = count)}</span>
                </summary>
                <Suspense fallback=|| {
                    view! { <Loading /> }
                }>
                    {move || Suspend::new(async move {
                        match children.await {
                            Ok(Some(units)) => view! { <Branch units open=false /> }.into_any(),
                            Ok(None) => {
                                // Not loaded yet (or scripts off): the unit's own page lists its children.
                                view! {
                                    <a class="tree-more" href=format!("/admin/units/{id}")>
                                        {t!(i18n, units.see_children)}
                                    </a>
                                }
                                    .into_any()
                            }
                            Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                        }
                    })}
                </Suspense>
            </details>
        </li>
    }
    .into_any()
}
