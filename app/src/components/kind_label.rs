//! The Vietnamese label of a unit kind, and the kind picker.
use crate::domain::unit::UnitKind;
use crate::i18n::use_i18n;
use leptos::prelude::*;

pub fn kind_label(kind: UnitKind) -> &'static str {
    crate::words::unit_kind(use_i18n().get_locale(), kind)
}

/// Options for a `<select name="kind">`, with `selected` preselected.
#[component]
pub fn KindOptions(#[prop(into)] selected: String) -> impl IntoView {
    UnitKind::ALL
        .into_iter()
        .map(|kind| {
            let is_selected = kind.as_str() == selected;
            view! {
                <option value=kind.as_str() selected=is_selected>
                    {kind_label(kind)}
                </option>
            }
        })
        .collect_view()
}
