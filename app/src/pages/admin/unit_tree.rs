//! The unit tree as nested `<details>`: keyboard and screen-reader friendly without scripts.
//! The roots and their children come with the page in one call; a deeper branch loads when it is
//! first opened (an action, not a resource, so nothing nested has to hydrate). Without scripts a
//! closed branch links to the unit's page, which lists its children.
use crate::api::units::{unit_children, unit_tree_top, UnitSummary};
use crate::components::kind_label::kind_label;
use crate::components::notice::{ErrorNotice, Loading};
use crate::i18n::*;
use crate::wire::codec::page_resource;
use leptos::prelude::*;

#[component]
pub fn UnitTree() -> impl IntoView {
    let i18n = use_i18n();
    let top = page_resource(|| (), |_| unit_tree_top());
    view! {
        <section class="card tree" aria-label=move || t_string!(i18n, units.tree_label)>
            <Suspense fallback=|| {
                view! { <Loading /> }
            }>
                {move || Suspend::new(async move {
                    match top.await {
                        Ok(branches) if branches.is_empty() => {
                            view! { <p class="empty">{t!(i18n, units.empty)}</p> }.into_any()
                        }
                        Ok(branches) => {
                            view! {
                                <ul class="tree-list">
                                    {branches
                                        .into_iter()
                                        .map(|b| view! { <Node unit=b.unit preloaded=Some(b.children) /> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Branch(units: Vec<UnitSummary>) -> AnyView {
    view! {
        <ul class="tree-list">
            {units.into_iter().map(|unit| view! { <Node unit preloaded=None /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Node(unit: UnitSummary, preloaded: Option<Vec<UnitSummary>>) -> AnyView {
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
    let id = unit.id;
    let count = unit.child_count;
    let open = preloaded.is_some();
    let load = Action::new_local(move |_: &()| unit_children(Some(id)));
    let on_toggle = move |_| {
        if !open && load.value().get_untracked().is_none() && !load.pending().get_untracked() {
            load.dispatch(());
        }
    };
    let children = match preloaded {
        Some(units) => view! { <Branch units /> }.into_any(),
        None => (move || match load.value().get() {
            Some(Ok(units)) => view! { <Branch units /> }.into_any(),
            Some(Err(e)) => view! { <ErrorNotice error=e /> }.into_any(),
            None if load.pending().get() => view! { <Loading /> }.into_any(),
            None => view! {
                <a class="tree-more" href=format!("/admin/units/{id}")>
                    {t!(i18n, units.see_children)}
                </a>
            }
            .into_any(),
        })
        .into_any(),
    };
    view! {
        // The name is a link, so it sits beside the disclosure, never inside it (a control in
        // a control is lost to screen readers).
        <li class="tree-node" class:inactive=!unit.active>
            <span class="tree-label">{label}</span>
            <details open=open on:toggle=on_toggle>
                <summary>
                    <span class="count">{t_string!(i18n, units.children_count, count = count)}</span>
                </summary>
                {children}
            </details>
        </li>
    }
    .into_any()
}
