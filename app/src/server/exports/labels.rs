//! The Vietnamese words the sheets write for the app's codes (outside any page, so read
//! straight from the translation file).
use crate::domain::campaign::Recipient;
use crate::domain::council::decision::Level;
use crate::domain::council::role::CouncilRole;
use crate::domain::initiative::InitiativeKind;
use crate::domain::unit::UnitKind;
use crate::i18n::Locale;
use leptos_i18n::td_string;

pub fn unit_kind(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Province => td_string!(Locale::vi, kinds.province),
        UnitKind::District => td_string!(Locale::vi, kinds.district),
        UnitKind::Ward => td_string!(Locale::vi, kinds.ward),
        UnitKind::SpecialZone => td_string!(Locale::vi, kinds.special_zone),
        UnitKind::Department => td_string!(Locale::vi, kinds.department),
        UnitKind::MassOrganization => td_string!(Locale::vi, kinds.mass_organization),
        UnitKind::PublicServiceUnit => td_string!(Locale::vi, kinds.public_service_unit),
        UnitKind::PartyOrganization => td_string!(Locale::vi, kinds.party_organization),
        UnitKind::Other => td_string!(Locale::vi, kinds.other),
    }
}

pub fn initiative_kind(kind: InitiativeKind) -> &'static str {
    match kind {
        InitiativeKind::Initiative => td_string!(Locale::vi, initiative.kind_initiative),
        InitiativeKind::Solution => td_string!(Locale::vi, initiative.kind_solution),
        InitiativeKind::Model => td_string!(Locale::vi, initiative.kind_model),
        InitiativeKind::GoodPractice => td_string!(Locale::vi, initiative.kind_good_practice),
    }
}

pub fn level(level: Level) -> &'static str {
    match level {
        Level::Excellent => td_string!(Locale::vi, chair.level_excellent),
        Level::Good => td_string!(Locale::vi, chair.level_good),
        Level::Pass => td_string!(Locale::vi, chair.level_pass),
        Level::Fail => td_string!(Locale::vi, chair.level_fail),
    }
}

pub fn recipient(recipient: Recipient) -> &'static str {
    match recipient {
        Recipient::Collective => td_string!(Locale::vi, scoring_page.collective),
        Recipient::Individual => td_string!(Locale::vi, scoring_page.individual),
    }
}

pub fn role(role: CouncilRole) -> &'static str {
    match role {
        CouncilRole::Chair => td_string!(Locale::vi, council_page.chair),
        CouncilRole::Secretary => td_string!(Locale::vi, council_page.secretary),
        CouncilRole::Member => td_string!(Locale::vi, council_page.member),
    }
}
