//! The words for the app's codes in a given language, read from the translation files: pages
//! pass their own locale, documents made outside any page (sheets, Word) pass `Locale::vi`.
use crate::domain::initiative::InitiativeKind;
use crate::domain::unit::UnitKind;
use crate::i18n::Locale;
use leptos_i18n::td_string;

pub fn unit_kind(locale: Locale, kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Province => td_string!(locale, kinds.province),
        UnitKind::District => td_string!(locale, kinds.district),
        UnitKind::Ward => td_string!(locale, kinds.ward),
        UnitKind::SpecialZone => td_string!(locale, kinds.special_zone),
        UnitKind::Department => td_string!(locale, kinds.department),
        UnitKind::MassOrganization => td_string!(locale, kinds.mass_organization),
        UnitKind::PublicServiceUnit => td_string!(locale, kinds.public_service_unit),
        UnitKind::PartyOrganization => td_string!(locale, kinds.party_organization),
        UnitKind::Other => td_string!(locale, kinds.other),
    }
}

pub fn initiative_kind(locale: Locale, kind: InitiativeKind) -> &'static str {
    match kind {
        InitiativeKind::Initiative => td_string!(locale, initiative.kind_initiative),
        InitiativeKind::Solution => td_string!(locale, initiative.kind_solution),
        InitiativeKind::Model => td_string!(locale, initiative.kind_model),
        InitiativeKind::GoodPractice => td_string!(locale, initiative.kind_good_practice),
    }
}
