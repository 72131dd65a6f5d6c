//! Picking the participating units from the organizer's part of the tree: one unit, or a whole
//! branch in one click; the count is always shown. Each button is a small form, so picking works
//! without scripts (the page comes back at the same row).
use crate::api::campaign_setup::{campaign_unit_picker, PickerRow, SetCampaignUnits, UnitPicker};
use crate::api::campaigns::{get_campaign, CampaignDetail};
use crate::components::campaign_tabs::CampaignHead;
use crate::components::field::FormAlert;
use crate::components::form_error::{form_error, successes};
use crate::components::id_param::id_param;
use crate::components::kind_label::kind_label;
use crate::components::notice::{ErrorNotice, Loading};
use crate::i18n::*;
use crate::wire::codec::page_resource;
use leptos::prelude::*;

#[component]
pub fn CampaignUnitsPage() -> impl IntoView {
    let id = id_param();
    let action = ServerAction::<SetCampaignUnits>::new();
    let saves = successes(
        move || action.value().with(|v| matches!(v, Some(Ok(_)))),
        move || action.version().get(),
    );
    let data = page_resource(
        move || (id(), saves.get()),
        |(id, _)| async move { (get_campaign(id).await, campaign_unit_picker(id).await) },
    );
    // A transition keeps the list on screen (and the scroll position) while it reloads.
    view! {
        <Transition fallback=|| {
            view! { <Loading /> }
        }>
            {move || Suspend::new(async move {
                match data.await {
                    (Ok(c), Ok(picker)) => view! { <PickerView c picker action /> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => view! { <ErrorNotice error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn PickerView(
    c: CampaignDetail,
    picker: UnitPicker,
    action: ServerAction<SetCampaignUnits>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let editable = c.state.setup_is_editable();
    let organizer = c.organizer.name.clone();
    let total = picker.rows.len();
    let body = if picker.rows.is_empty() {
        view! { <p class="empty">{t_string!(i18n, picker.empty, organizer = organizer.clone())}</p> }
            .into_any()
    } else {
        let rows = picker
            .rows
            .into_iter()
            .map(|row| view! { <PickerLine campaign_id=c.id row editable action /> })
            .collect_view();
        view! { <ul class="picker">{rows}</ul> }.into_any()
    };
    view! {
        <CampaignHead id=c.id title=c.title.clone() state=c.state active="units" />
        <section class="card">
            <p class="lead">
                {if editable {
                    t_string!(i18n, picker.lead, organizer = organizer)
                } else {
                    t_string!(i18n, picker.lead_locked, organizer = organizer)
                }}
            </p>
            <p class="picker-count" role="status">
                {t_string!(i18n, picker.count, count = picker.selected_count)}
            </p>
            {(!editable).then(|| view! { <p class="alert alert-info">{t!(i18n, picker.locked)}</p> })}
            <FormAlert error />
            {(editable && total > 0)
                .then(|| {
                    view! {
                        <WholeTree
                            campaign_id=c.id
                            organizer_id=c.organizer.id
                            total
                            selected=picker.selected_count
                            action
                        />
                    }
                })}
            {body}
        </section>
    }
}

/// "Everything below the organizer" in one click, either way.
#[component]
fn WholeTree(
    campaign_id: i64,
    organizer_id: i64,
    total: usize,
    selected: usize,
    action: ServerAction<SetCampaignUnits>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = move |include: bool, text: String| {
        let class = if include {
            "button small"
        } else {
            "button small secondary"
        };
        view! {
            <ActionForm action>
                <input type="hidden" name="id" value=campaign_id />
                <input type="hidden" name="unit_id" value=organizer_id />
                <input type="hidden" name="branch" value="true" />
                <input type="hidden" name="include" value=include.to_string() />
                <button type="submit" class=class>
                    {text}
                </button>
            </ActionForm>
        }
    };
    // Dropping every choice at once asks first: picking them again unit by unit is long work.
    let remove_all = (selected > 0).then(|| {
        view! {
            <details class="confirm">
                <summary class="button small secondary">{t!(i18n, picker.remove_all)}</summary>
                <p>{t!(i18n, picker.remove_all_confirm, count = selected)}</p>
                {form(false, t_string!(i18n, picker.remove_all_button).to_string())}
            </details>
        }
    });
    view! {
        <div class="picker-all">
            {(selected < total).then(|| form(true, t_string!(i18n, picker.add_all, count = total)))}
            {remove_all}
        </div>
    }
}

#[component]
fn PickerLine(
    campaign_id: i64,
    row: PickerRow,
    editable: bool,
    action: ServerAction<SetCampaignUnits>,
) -> impl IntoView {
    let i18n = use_i18n();
    let has_branch = row.branch_size > 1;
    let for_buttons = row.clone();
    let button = move |branch: bool, include: bool| {
        let row = for_buttons.clone();
        let (text, aria) = match (branch, include) {
            (false, true) => (
                t_string!(i18n, picker.add).to_string(),
                t_string!(i18n, picker.add_aria, name = row.name.clone()),
            ),
            (false, false) => (
                t_string!(i18n, picker.remove).to_string(),
                t_string!(i18n, picker.remove_aria, name = row.name.clone()),
            ),
            (true, true) => (
                t_string!(i18n, picker.add_branch, count = row.branch_size),
                t_string!(i18n, picker.add_branch_aria, name = row.name.clone()),
            ),
            (true, false) => (
                t_string!(i18n, picker.remove_branch).to_string(),
                t_string!(i18n, picker.remove_branch_aria, name = row.name.clone()),
            ),
        };
        let class = if include {
            "button small"
        } else {
            "button small secondary"
        };
        view! {
            <ActionForm action>
                <input type="hidden" name="id" value=campaign_id />
                <input type="hidden" name="unit_id" value=row.id />
                <input type="hidden" name="branch" value=branch.to_string() />
                <input type="hidden" name="include" value=include.to_string() />
                <button type="submit" class=class aria-label=aria>
                    {text}
                </button>
            </ActionForm>
        }
    };
    let buttons = editable.then(|| {
        let single = if row.selected {
            button(false, false)
        } else {
            button(false, true)
        };
        let branch = has_branch.then(|| {
            if row.branch_selected < row.branch_size {
                button(true, true)
            } else {
                button(true, false)
            }
        });
        view! {
            {single}
            {branch}
        }
    });
    let branch_count = has_branch.then(|| {
        t_string!(
            i18n,
            picker.branch_count,
            selected = row.branch_selected,
            size = row.branch_size
        )
    });
    view! {
        <li
            id=format!("unit-{}", row.id)
            class="picker-row"
            class:selected=row.selected
            style=format!("--depth: {}", row.depth)
        >
            <span class="picker-name">
                <span class="strong">{row.name.clone()}</span>
                <span class="kind">{kind_label(row.kind)}</span>
                {row.selected.then(|| view! { <span class="badge ok">{t!(i18n, picker.taking_part)}</span> })}
                {(!row.active).then(|| view! { <span class="badge">{t!(i18n, picker.inactive)}</span> })}
                {branch_count.map(|text| view! { <span class="count">{text}</span> })}
            </span>
            <span class="picker-actions">{buttons}</span>
        </li>
    }
}
