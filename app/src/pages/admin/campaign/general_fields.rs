//! The fields of the general section, shared by "create" and "edit". Once a campaign is open the
//! organizer, dates and minimum are shown read-only, and once it is closed everything is (the
//! server refuses such changes anyway).
use crate::api::units::OrganizerOption;
use crate::components::field::{invalid, Field};
use crate::components::text_field::TextField;
use crate::domain::campaign::general::GeneralInput;
use crate::domain::text::fold_for_search;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

/// What may no longer change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lock {
    #[default]
    Nothing,
    /// Open or later: organizer, dates and minimum; `can_extend` says whether "Gia hạn" applies.
    Schedule { can_extend: bool },
    /// Closed: everything.
    All,
}

/// An organizer as the search box matches it: name, code and parent, without diacritics.
fn searched_text(unit: &OrganizerOption) -> String {
    fold_for_search(&format!(
        "{} {} {}",
        unit.name,
        unit.code,
        unit.parent.as_deref().unwrap_or_default()
    ))
}

/// Whether `searched` (see `searched_text`) stays in view for what is typed in the search box.
fn shown(searched: &str, typed: &str) -> bool {
    typed.is_empty() || searched.contains(&fold_for_search(typed))
}

/// The organizers grouped under their parents (a province's wards under it), each with its code;
/// those that do not match `filter` are hidden, and so is a group left empty.
fn organizer_groups(
    organizers: Vec<OrganizerOption>,
    selected: &str,
    filter: ReadSignal<String>,
) -> impl IntoView {
    let mut groups: Vec<(Option<String>, Vec<OrganizerOption>)> = Vec::new();
    for unit in organizers {
        match groups.last_mut() {
            Some((parent, units)) if *parent == unit.parent => units.push(unit),
            _ => groups.push((unit.parent.clone(), vec![unit])),
        }
    }
    let option = |u: OrganizerOption| {
        let is_selected = u.code == selected;
        let label = format!("{} ({})", u.name, u.code);
        let searched = searched_text(&u);
        let hidden = move || filter.with(|typed| !shown(&searched, typed));
        view! {
            <option value=u.code selected=is_selected hidden=hidden>
                {label}
            </option>
        }
    };
    groups
        .into_iter()
        .map(|(parent, units)| {
            let searched: Vec<String> = units.iter().map(searched_text).collect();
            let options = units.into_iter().map(&option).collect_view();
            match parent {
                Some(parent) => {
                    let empty = move || filter.with(|typed| !searched.iter().any(|s| shown(s, typed)));
                    view! {
                        <optgroup label=parent hidden=empty>
                            {options}
                        </optgroup>
                    }
                    .into_any()
                }
                None => options.into_any(),
            }
        })
        .collect_view()
}

/// While something is typed in the search box the list opens in place, as tall as its matches
/// and their group headings (up to ten rows), so they can be seen and picked at once.
fn list_rows(organizers: &[OrganizerOption], filter: ReadSignal<String>) -> impl Fn() -> u32 + Send + Sync {
    let searched: Vec<(String, Option<String>)> = organizers
        .iter()
        .map(|u| (searched_text(u), u.parent.clone()))
        .collect();
    move || {
        filter.with(|typed| {
            if typed.is_empty() {
                return 1;
            }
            let matches: Vec<&Option<String>> = searched
                .iter()
                .filter(|(s, _)| shown(s, typed))
                .map(|(_, parent)| parent)
                .collect();
            let mut headings: Vec<&String> = matches.iter().filter_map(|p| p.as_ref()).collect();
            headings.dedup();
            (matches.len() + headings.len() + 1).clamp(2, 10) as u32
        })
    }
}

/// A search box that narrows the organizer list; shown once scripts run (without them the list
/// is a plain list grouped by parent).
fn organizer_filter(set_filter: WriteSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let (enhanced, set_enhanced) = signal(false);
    Effect::new(move |_| set_enhanced.set(true));
    move || {
        enhanced.get().then(|| {
            view! {
                <label class="filter-label" for="organizer_filter">
                    {t!(i18n, campaigns.f_organizer_search)}
                </label>
                <input
                    type="search"
                    id="organizer_filter"
                    class="organizer-filter"
                    autocomplete="off"
                    aria-controls="organizer_code"
                    on:input=move |ev| set_filter.set(event_target_value(&ev))
                />
            }
        })
    }
}

#[component]
pub fn GeneralFields(
    values: GeneralInput,
    organizers: Vec<OrganizerOption>,
    error: Signal<Option<AppError>>,
    #[prop(optional)] lock: Lock,
) -> impl IntoView {
    let i18n = use_i18n();
    let all_locked = lock == Lock::All;
    let schedule_locked = lock != Lock::Nothing;
    let date_hint = t_string!(i18n, campaigns.f_date_hint).to_string();
    let deadline_hint = t_string!(i18n, campaigns.f_deadline_hint).to_string();
    let fixed_hint = t_string!(i18n, campaigns.fixed_hint).to_string();
    let time_hint = match lock {
        Lock::Schedule { can_extend: true } => Some(t_string!(i18n, campaigns.locked_hint).to_string()),
        Lock::Nothing => None,
        _ => Some(fixed_hint.clone()),
    };
    let selected_organizer = values.organizer_code.clone();
    let (filter, set_filter) = signal(String::new());
    let rows = list_rows(&organizers, filter);
    let organizer_select = view! {
        <select
            id="organizer_code"
            name="organizer_code"
            aria-describedby="organizer_code-msg"
            aria-required="true"
            aria-invalid=invalid(error, "organizer_code")
            disabled=schedule_locked
            size=rows
        >
            <option value="">"—"</option>
            {organizer_groups(organizers, &selected_organizer, filter)}
        </select>
    };
    let visibility = values.visibility.clone();
    let organizer_hint = if schedule_locked {
        fixed_hint
    } else {
        t_string!(i18n, campaigns.f_organizer_hint).to_string()
    };
    view! {
        <fieldset>
            <legend>{t!(i18n, campaigns.legend_plan)}</legend>
            <TextField
                label=t_string!(i18n, campaigns.f_title)
                name="title"
                error
                value=values.title
                required=true
                readonly=all_locked
            />
            <TextField
                label=t_string!(i18n, campaigns.f_theme)
                name="theme"
                error
                value=values.theme
                hint=t_string!(i18n, campaigns.f_theme_hint)
                readonly=all_locked
            />
            <div class="field-row">
                <TextField
                    label=t_string!(i18n, campaigns.f_plan_ref)
                    name="plan_ref"
                    error
                    value=values.plan_ref
                    hint=t_string!(i18n, campaigns.f_plan_ref_hint)
                    readonly=all_locked
                />
                <TextField
                    label=t_string!(i18n, campaigns.f_plan_date)
                    name="plan_date"
                    error
                    value=values.plan_date
                    hint=date_hint.clone()
                    readonly=all_locked
                />
            </div>
            <Field
                label=t_string!(i18n, campaigns.f_organizer)
                name="organizer_code"
                hint=organizer_hint
                error
            >
                {(!schedule_locked).then(|| organizer_filter(set_filter))}
                {organizer_select}
            </Field>
            {schedule_locked
                .then(|| {
                    view! {
                        <input type="hidden" name="organizer_code" value=values.organizer_code.clone() />
                    }
                })}
        </fieldset>
        <fieldset>
            <legend>{t!(i18n, campaigns.legend_time)}</legend>
            {time_hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            <div class="field-row">
                <TextField
                    label=t_string!(i18n, campaigns.f_period_start)
                    name="period_start"
                    error
                    value=values.period_start
                    hint=date_hint.clone()
                    readonly=schedule_locked
                />
                <TextField
                    label=t_string!(i18n, campaigns.f_period_end)
                    name="period_end"
                    error
                    value=values.period_end
                    hint=date_hint
                    readonly=schedule_locked
                />
            </div>
            <div class="field-row">
                <TextField
                    label=t_string!(i18n, campaigns.f_registration)
                    name="registration_deadline"
                    error
                    value=values.registration_deadline
                    hint=deadline_hint.clone()
                    readonly=schedule_locked
                />
                <TextField
                    label=t_string!(i18n, campaigns.f_report)
                    name="report_deadline"
                    error
                    value=values.report_deadline
                    hint=deadline_hint
                    readonly=schedule_locked
                />
            </div>
        </fieldset>
        <fieldset>
            <legend>{t!(i18n, campaigns.legend_rules)}</legend>
            <TextField
                label=t_string!(i18n, campaigns.f_min)
                name="min_initiatives"
                error
                value=values.min_initiatives
                inputmode="numeric"
                readonly=schedule_locked
            />
            <TextField
                label=t_string!(i18n, campaigns.f_max)
                name="max_initiatives"
                hint=t_string!(i18n, campaigns.f_max_hint)
                error
                value=values.max_initiatives
                inputmode="numeric"
                readonly=all_locked
            />
            <Field label=t_string!(i18n, campaigns.f_visibility) name="visibility" error>
                <select
                    id="visibility"
                    name="visibility"
                    aria-describedby="visibility-msg"
                    aria-invalid=invalid(error, "visibility")
                    disabled=all_locked
                >
                    <option value="public" selected=visibility == "public">
                        {t!(i18n, campaigns.visibility_public)}
                    </option>
                    <option value="link_only" selected=visibility == "link_only">
                        {t!(i18n, campaigns.visibility_link_only)}
                    </option>
                </select>
            </Field>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_box_matches_name_code_and_parent_without_diacritics() {
        let ward = OrganizerOption {
            code: "QN-HALONG".into(),
            name: "Phường Hạ Long".into(),
            parent: Some("Tỉnh Quảng Ninh".into()),
        };
        let searched = searched_text(&ward);
        for typed in ["", "ha long", "HẠ LONG", "qn-halong", "quang ninh"] {
            assert!(shown(&searched, typed), "{typed}");
        }
        assert!(!shown(&searched, "mong cai"));
    }
}
