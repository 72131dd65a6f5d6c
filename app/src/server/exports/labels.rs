//! The Vietnamese words the sheets write for the app's codes (outside any page, so read
//! straight from the translation file).
use crate::domain::campaign::Recipient;
use crate::domain::council::decision::Level;
use crate::domain::council::role::CouncilRole;
use crate::i18n::Locale;
use leptos_i18n::td_string;

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
