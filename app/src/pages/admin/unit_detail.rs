//! One unit: where it sits, its children, and the forms to rename, move and deactivate it.
//! Deactivation asks for confirmation on a second screen, which works without scripts.
use crate::api::units::{get_unit_detail, MoveUnit, SetUnitActive, UnitDetail, UpdateUnit};
use crate::components::field::{Field, FormAlert};
use crate::components::form_error::form_error_of;
use crate::components::id_param::id_param;
use crate::components::kind_label::{kind_label, KindOptions};
use crate::components::notice::{ErrorNotice, Loading, SavedNotice};
use crate::components::text_field::TextField;
use crate::i18n::*;
use crate::wire::codec::page_resource;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn UnitDetailPage() -> impl IntoView {
    let id = id_param();
    let update = ServerAction::<UpdateUnit>::new();
    let move_to = ServerAction::<MoveUnit>::new();
    let set_active = ServerAction::<SetUnitActive>::new();
    let detail = page_resource(
        move || {
            (
                id(),
                update.version().get(),
                move_to.version().get(),
                set_active.version().get(),
            )
        },
        |(id, ..)| get_unit_detail(id),
    );
    view! {
        <Suspense fallback=|| {
            view! { <Loading /> }
        }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <UnitView detail update move_to set_active /> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn UnitView(
    detail: UnitDetail,
    update: ServerAction<UpdateUnit>,
    move_to: ServerAction<MoveUnit>,
    set_active: ServerAction<SetUnitActive>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let unit = detail.unit.clone();
    let saved = move || {
        query.read().get("saved").and_then(|s| match s.as_str() {
            "created" => Some(t_string!(i18n, units.saved_created)),
            "updated" => Some(t_string!(i18n, units.saved_updated)),
            "moved" => Some(t_string!(i18n, units.saved_moved)),
            "deactivated" => Some(t_string!(i18n, units.saved_deactivated)),
            "reactivated" => Some(t_string!(i18n, units.saved_reactivated)),
            _ => None,
        })
    };
    let parent_code = detail
        .ancestors
        .last()
        .map(|a| a.code.clone())
        .unwrap_or_default();
    let title = unit.name.clone();
    view! {
        <Title text=move || format!("{} · {}", title, t_string!(i18n, app_name)) />
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, units.breadcrumb)>
            <a href="/admin/units">{t!(i18n, units.title)}</a>
            {detail
                .ancestors
                .iter()
                .map(|a| {
                    view! {
                        <span aria-hidden="true">" › "</span>
                        <a href=format!("/admin/units/{}", a.id)>{a.name.clone()}</a>
                    }
                })
                .collect_view()}
        </nav>
        <div class="page-head">
            <div>
                <h1>{unit.name.clone()}</h1>
                <p class="meta">
                    <span class="code">{unit.code.clone()}</span>
                    <span class="kind">{kind_label(unit.kind)}</span>
                    {if unit.active {
                        view! { <span class="badge ok">{t!(i18n, units.active)}</span> }.into_any()
                    } else {
                        view! { <span class="badge">{t!(i18n, units.inactive)}</span> }.into_any()
                    }}
                </p>
            </div>
        </div>
        {move || saved().map(|text| view! { <SavedNotice text /> })}
        <div class="grid">
            <Children detail=detail.clone() />
            {if detail.manageable {
                view! {
                    <EditForm
                        unit_id=unit.id
                        name=unit.name.clone()
                        kind=unit.kind.as_str().to_owned()
                        action=update
                    />
                    <MoveForm unit_id=unit.id parent_code action=move_to />
                    <ActiveForm
                        unit_id=unit.id
                        active=unit.active
                        active_children=detail.children.iter().filter(|c| c.active).count()
                        action=set_active
                    />
                }
                    .into_any()
            } else {
                view! {
                    <section class="card">
                        <p class="empty">{t!(i18n, units.own_unit)}</p>
                    </section>
                }
                    .into_any()
            }}
        </div>
    }
}

#[component]
fn Children(detail: UnitDetail) -> impl IntoView {
    let i18n = use_i18n();
    let code = detail.unit.code.clone();
    view! {
        <section class="card">
            <h2>{t!(i18n, units.children_title)} " (" {detail.children.len()} ")"</h2>
            {if detail.children.is_empty() {
                view! { <p class="empty">{t!(i18n, units.no_children)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {detail
                            .children
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <li class:inactive=!c.active>
                                        <a href=format!("/admin/units/{}", c.id)>{c.name}</a>
                                        <span class="kind">{kind_label(c.kind)}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <a class="button secondary" href=format!("/admin/units/new?parent={code}")>
                {t!(i18n, units.add_child)}
            </a>
        </section>
    }
}

#[component]
fn EditForm(unit_id: i64, name: String, kind: String, action: ServerAction<UpdateUnit>) -> impl IntoView {
    let i18n = use_i18n();
    // Without scripts the rename and the move come back to one page: each shows only its own.
    let error = form_error_of(move || action.value().get().and_then(Result::err), "name");
    view! {
        <section class="card">
            <h2>{t!(i18n, units.edit_title)}</h2>
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="id" value=unit_id />
                <TextField label=t_string!(i18n, units.name) name="name" error value=name required=true />
                <Field label=t_string!(i18n, units.kind) name="kind" error>
                    <select id="kind" name="kind" aria-describedby="kind-msg">
                        <KindOptions selected=kind />
                    </select>
                </Field>
                <button type="submit" class="button" disabled=action.pending()>
                    {t!(i18n, common.save)}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn MoveForm(unit_id: i64, parent_code: String, action: ServerAction<MoveUnit>) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error_of(move || action.value().get().and_then(Result::err), "parent_code");
    view! {
        <section class="card">
            <h2>{t!(i18n, units.move_title)}</h2>
            <ActionForm action>
                <input type="hidden" name="id" value=unit_id />
                <TextField
                    label=t_string!(i18n, units.parent_code)
                    name="parent_code"
                    hint=t_string!(i18n, units.parent_hint)
                    error
                    value=parent_code
                    autocapitalize="characters"
                />
                <button type="submit" class="button" disabled=action.pending()>
                    {t!(i18n, units.move_submit)}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ActiveForm(
    unit_id: i64,
    active: bool,
    active_children: usize,
    action: ServerAction<SetUnitActive>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let confirming = move || query.read().get("confirm").as_deref() == Some("deactivate");
    view! {
        <section class="card" id="status">
            <h2>{t!(i18n, units.status)}</h2>
            {move || {
                if !active {
                    view! {
                        <ActionForm action>
                            <input type="hidden" name="id" value=unit_id />
                            <input type="hidden" name="active" value="true" />
                            <button type="submit" class="button">
                                {t!(i18n, units.reactivate)}
                            </button>
                        </ActionForm>
                    }
                        .into_any()
                } else if confirming() {
                    view! {
                        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                            <p id="confirm-text">{t!(i18n, units.deactivate_confirm)}</p>
                            {(active_children > 0)
                                .then(|| {
                                    view! {
                                        <p class="notice warn">
                                            {t!(i18n, units.deactivate_children, count = active_children)}
                                        </p>
                                    }
                                })}
                            <ActionForm action>
                                <input type="hidden" name="id" value=unit_id />
                                <input type="hidden" name="active" value="false" />
                                <button type="submit" class="button danger">
                                    {t!(i18n, units.deactivate_submit)}
                                </button>
                                <a class="button secondary" href=format!("/admin/units/{unit_id}")>
                                    {t!(i18n, common.cancel)}
                                </a>
                            </ActionForm>
                        </div>
                    }
                        .into_any()
                } else {
                    view! {
                        <a
                            class="button secondary"
                            href=format!("/admin/units/{unit_id}?confirm=deactivate#status")
                        >
                            {t!(i18n, units.deactivate)}
                        </a>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
