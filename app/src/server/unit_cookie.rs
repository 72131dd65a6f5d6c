//! The unit cookie: which link this browser opened, per campaign. It is signed with a key derived
//! from the link key (nobody can write or alter one) and `HttpOnly` (no script reads it). It
//! grants nothing alone: every use checks that its link is still live, so revoking a link ends
//! access at once. Reading it costs no database round trip, unlike a session.
use super::state::LinkKey;
use std::collections::BTreeMap;
use tower_cookies::cookie::time::Duration;
use tower_cookies::cookie::SameSite;
use tower_cookies::{Cookie, Cookies, Key};

pub const NAME: &str = "thidua_unit";
/// The longest that browsers keep a cookie.
const LIFETIME_DAYS: i64 = 400;
/// Campaigns remembered per browser; the oldest ids go first (a ward runs a few a year).
const MAX_CAMPAIGNS: usize = 32;

/// How unit cookies are signed and sent; the same on every app server of one database.
#[derive(Clone)]
pub struct UnitCookieKey {
    key: Key,
    secure: bool,
}

impl UnitCookieKey {
    pub fn new(link_key: &LinkKey, secure: bool) -> Self {
        Self {
            key: Key::derive_from(&link_key.0),
            secure,
        }
    }
}

/// campaign id → link id, from a cookie whose signature is good; anything else reads as empty.
pub fn bound_links(cookies: &Cookies, key: &UnitCookieKey) -> BTreeMap<i64, i64> {
    cookies
        .signed(&key.key)
        .get(NAME)
        .map(|cookie| decode(cookie.value()))
        .unwrap_or_default()
}

/// Remembers that this browser opened `link_id` for `campaign_id`, keeping its other campaigns.
pub fn bind(cookies: &Cookies, key: &UnitCookieKey, campaign_id: i64, link_id: i64) {
    let mut links = bound_links(cookies, key);
    links.insert(campaign_id, link_id);
    while links.len() > MAX_CAMPAIGNS {
        links.pop_first();
    }
    let cookie = Cookie::build((NAME, encode(&links)))
        .path("/")
        .http_only(true)
        .secure(key.secure)
        .same_site(SameSite::Lax)
        .max_age(Duration::days(LIFETIME_DAYS))
        .build();
    cookies.signed(&key.key).add(cookie);
}

/// `12-345_13-400`: only characters that a cookie value may hold without quoting.
fn encode(links: &BTreeMap<i64, i64>) -> String {
    links
        .iter()
        .map(|(campaign, link)| format!("{campaign}-{link}"))
        .collect::<Vec<_>>()
        .join("_")
}

fn decode(value: &str) -> BTreeMap<i64, i64> {
    value
        .split('_')
        .filter_map(|pair| {
            let (campaign, link) = pair.split_once('-')?;
            Some((campaign.parse().ok()?, link.parse().ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn key() -> UnitCookieKey {
        UnitCookieKey::new(
            &LinkKey(Arc::from(&b"a-test-link-key-of-32-characters"[..])),
            true,
        )
    }

    #[test]
    fn links_round_trip_through_the_value() {
        let links = BTreeMap::from([(12, 345), (13, 400)]);
        assert_eq!(encode(&links), "12-345_13-400");
        assert_eq!(decode(&encode(&links)), links);
        assert!(decode("").is_empty());
        assert_eq!(decode("12-x_13-400_junk"), BTreeMap::from([(13, 400)]));
    }

    #[test]
    fn a_bound_link_is_read_back_and_an_unsigned_one_is_not() {
        let cookies = Cookies::default();
        bind(&cookies, &key(), 7, 70);
        bind(&cookies, &key(), 8, 80);
        bind(&cookies, &key(), 7, 71);
        assert_eq!(bound_links(&cookies, &key()), BTreeMap::from([(7, 71), (8, 80)]));
        let sent = cookies.get(NAME).expect("the signed cookie");
        assert!(sent.http_only().unwrap_or(false) && sent.secure().unwrap_or(false));
        assert_ne!(sent.value(), "7-71_8-80", "the value carries its signature");

        let forged = Cookies::default();
        forged.add(Cookie::new(NAME, "7-71"));
        assert!(bound_links(&forged, &key()).is_empty());
        let other_key = UnitCookieKey::new(
            &LinkKey(Arc::from(&b"another-link-key-of-32-characters"[..])),
            true,
        );
        assert!(bound_links(&cookies, &other_key).is_empty());
    }

    #[test]
    fn only_the_newest_campaigns_are_kept() {
        let cookies = Cookies::default();
        for campaign in 1..=(MAX_CAMPAIGNS as i64 + 3) {
            bind(&cookies, &key(), campaign, campaign * 10);
        }
        let links = bound_links(&cookies, &key());
        assert_eq!(links.len(), MAX_CAMPAIGNS);
        assert_eq!(links.first_key_value(), Some((&4, &40)));
    }
}
