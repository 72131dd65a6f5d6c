//! Receipt codes (mã biên nhận): eight characters in two groups, "K7QP-3MXD", from an alphabet
//! without look-alikes (no 0/O, 1/I/L, 5/S, 8/B), so a code read out over the phone is not
//! mistaken. Looking one up forgives case, spaces and a missing dash.

const ALPHABET: &[u8] = b"234679ACDEFGHJKMNPQRTUVWXYZ";
pub const LENGTH: usize = 8;

/// The code for eight random bytes.
pub fn from_random(bytes: [u8; LENGTH]) -> String {
    let chars: String = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// A typed code in its stored form, or `None` if it cannot be one.
pub fn normalize(typed: &str) -> Option<String> {
    let chars: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let valid = chars.len() == LENGTH && chars.bytes().all(|b| ALPHABET.contains(&b));
    valid.then(|| format!("{}-{}", &chars[..4], &chars[4..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_two_groups_of_four_unambiguous_characters() {
        let code = from_random([0, 1, 2, 3, 26, 27, 255, 100]);
        assert_eq!(code.len(), 9);
        assert_eq!(&code[4..5], "-");
        assert!(!code.contains(['0', 'O', '1', 'I', 'L', '5', 'S', '8', 'B']));
    }

    #[test]
    fn lookups_forgive_case_spaces_and_dashes() {
        let code = from_random([9, 8, 7, 6, 5, 4, 3, 2]);
        assert_eq!(normalize(&code.to_lowercase()), Some(code.clone()));
        assert_eq!(normalize(&code.replace('-', " ")), Some(code.clone()));
        assert_eq!(normalize("K7QP3MX"), None);
        assert_eq!(normalize("K7QP-3MX0"), None);
    }
}
