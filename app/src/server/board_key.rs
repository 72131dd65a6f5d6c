//! The secret key of a link-only campaign's leaderboard: `/live/{campaign}?k={key}`. It is derived
//! with HMAC-SHA256 from the server's link key and the campaign id, so every app server of one
//! database gives the same key and nothing is stored. 12 characters of base32 (60 bits): short
//! enough to type from a conference screen, far too many to guess over HTTP. Compared in
//! constant time; letters may be typed in either case.
use super::state::LinkKey;
use super::unit_link::keyed_mac;
use data_encoding::BASE32_NOPAD;
use hmac::Mac;
use subtle::ConstantTimeEq;

const KEY_CHARS: usize = 12;

pub fn board_key(key: &LinkKey, campaign_id: i64) -> String {
    let mut mac = keyed_mac(key, b"thidua board\0");
    mac.update(&campaign_id.to_be_bytes());
    let mut encoded = BASE32_NOPAD.encode(&mac.finalize().into_bytes());
    encoded.truncate(KEY_CHARS);
    encoded
}

/// True when `typed` is this campaign's board key.
pub fn key_matches(key: &LinkKey, campaign_id: i64, typed: &str) -> bool {
    let typed = typed.trim().to_ascii_uppercase();
    board_key(key, campaign_id)
        .as_bytes()
        .ct_eq(typed.as_bytes())
        .into()
}

/// `/live/{campaign}{page}` (`page` "" for the board, "/screen" for the conference screen),
/// with the key when the campaign is link-only.
pub fn board_path(key: &LinkKey, campaign_id: i64, link_only: bool, page: &str) -> String {
    if link_only {
        format!("/live/{campaign_id}{page}?k={}", board_key(key, campaign_id))
    } else {
        format!("/live/{campaign_id}{page}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn key(byte: u8) -> LinkKey {
        LinkKey(Arc::from(vec![byte; 32]))
    }

    #[test]
    fn keys_are_twelve_base32_characters_per_server_key_and_campaign() {
        let k = board_key(&key(1), 5);
        assert_eq!(k.len(), 12);
        assert!(k
            .chars()
            .all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c)));
        assert_eq!(k, board_key(&key(1), 5));
        assert_ne!(k, board_key(&key(2), 5));
        assert_ne!(k, board_key(&key(1), 6));
    }

    #[test]
    fn a_key_matches_in_either_case_and_nothing_else_does() {
        let k = board_key(&key(1), 5);
        assert!(key_matches(&key(1), 5, &k));
        assert!(key_matches(&key(1), 5, &format!(" {} ", k.to_lowercase())));
        assert!(!key_matches(&key(1), 6, &k));
        assert!(!key_matches(&key(2), 5, &k));
        assert!(!key_matches(&key(1), 5, &k[..11]));
        assert!(!key_matches(&key(1), 5, ""));
    }

    #[test]
    fn only_link_only_boards_carry_their_key() {
        assert_eq!(board_path(&key(1), 5, false, ""), "/live/5");
        assert_eq!(board_path(&key(1), 5, false, "/screen"), "/live/5/screen");
        let k = board_key(&key(1), 5);
        assert_eq!(board_path(&key(1), 5, true, ""), format!("/live/5?k={k}"));
        assert_eq!(
            board_path(&key(1), 5, true, "/screen"),
            format!("/live/5/screen?k={k}")
        );
    }
}
