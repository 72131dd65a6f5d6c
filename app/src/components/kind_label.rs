//! The Vietnamese label of a unit kind, and the kind picker.
use crate::domain::unit::UnitKind;
use crate::i18n::*;
use leptos::prelude::*;

pub fn kind_label(kind: UnitKind) -> &'static str {
    let i18n = use_i18n();
    match kind {
        UnitKind::Province => t_string!(i18n, kinds.province),
        UnitKind::District => t_string!(i18n, kinds.district),
        UnitKind::Ward => t_string!(i18n, kinds.ward),
        UnitKind::SpecialZone => t_string!(i18n, kinds.special_zone),
        UnitKind::Department => t_string!(i18n, kinds.department),
        UnitKind::MassOrganization => t_string!(i18n, kinds.mass_organization),
        UnitKind::PublicServiceUnit => t_string!(i18n, kinds.public_service_unit),
        UnitKind::PartyOrganization => t_string!(i18n, kinds.party_organization),
        UnitKind::Other => t_string!(i18n, kinds.other),
    }
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
