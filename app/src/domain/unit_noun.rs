//! What to call a campaign's units on a board: "12/16 phường đã đăng ký" reads better than
//! "12/16 đơn vị" when every unit is a ward. The noun is the first word all unit names share,
//! only when it is one of the administrative nouns below (so "Trường A, Trường B" stays generic
//! rather than guessing); otherwise there is none and the board says "đơn vị".

/// Nouns that name a kind of unit at the start of its name, as written in names.
const NOUNS: [&str; 13] = [
    "Phường",
    "Xã",
    "Đặc khu",
    "Thị trấn",
    "Quận",
    "Huyện",
    "Thị xã",
    "Thành phố",
    "Sở",
    "Phòng",
    "Ban",
    "Trường",
    "Trung tâm",
];

/// The lower-case noun all `names` start with, if any.
pub fn shared_noun<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut names = names.into_iter().peekable();
    names.peek()?;
    let mut candidates: Vec<&str> = NOUNS.to_vec();
    for name in names {
        candidates.retain(|noun| starts_with_word(name.trim(), noun));
        if candidates.is_empty() {
            return None;
        }
    }
    // "Thị xã" and "Thị trấn" cannot both match one name, nor can any two nouns here.
    candidates.first().map(|noun| noun.to_lowercase())
}

fn starts_with_word(name: &str, noun: &str) -> bool {
    name.strip_prefix(noun).is_some_and(|rest| rest.starts_with(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wards_are_called_wards() {
        assert_eq!(
            shared_noun(["Phường 1", "Phường Bến Thành", " Phường 10"]),
            Some("phường".into())
        );
        assert_eq!(
            shared_noun(["Thị trấn Củ Chi", "Thị trấn Tân Túc"]),
            Some("thị trấn".into())
        );
        assert_eq!(
            shared_noun(["Phòng Tư pháp", "Phòng Nội vụ"]),
            Some("phòng".into())
        );
    }

    #[test]
    fn mixed_or_unknown_kinds_have_no_noun() {
        assert_eq!(shared_noun(["Phường 1", "Xã Bình Hưng"]), None);
        assert_eq!(shared_noun(["Công an quận", "Công an phường"]), None);
        assert_eq!(shared_noun(["Phường", "Phường 2"]), None);
        assert_eq!(shared_noun(["Phườngxyz", "Phường 2"]), None);
        assert_eq!(shared_noun(Vec::<&str>::new()), None);
    }
}
