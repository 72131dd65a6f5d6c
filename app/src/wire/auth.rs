//! What the `api::auth` server functions take and return, shared by the browser and the server.

/// Where to go after signing in when no (safe) target is given.
pub const DEFAULT_AFTER_LOGIN: &str = "/admin/campaigns";
/// Where an evaluator lands instead of an admin page.
pub const EVALUATOR_HOME: &str = "/council";

/// Only same-site paths are followed after sign-in: a path that starts with one `/`, with no
/// backslash, whitespace or control character (browsers drop tabs and line breaks from an
/// address, so `/\t/evil.example` would become `//evil.example`, and a control character cannot
/// go into a `Location` header at all).
pub fn safe_next(next: &str) -> &str {
    let plain = next
        .chars()
        .all(|c| !c.is_control() && !c.is_whitespace() && c != '\\');
    if plain && next.starts_with('/') && !next.starts_with("//") {
        next
    } else {
        DEFAULT_AFTER_LOGIN
    }
}

#[cfg(test)]
mod tests {
    use super::{safe_next, DEFAULT_AFTER_LOGIN};

    #[test]
    fn only_plain_same_site_paths_are_followed() {
        assert_eq!(safe_next("/admin/units?q=1"), "/admin/units?q=1");
        for hostile in [
            "//evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\\evil.example",
            "https://evil.example",
            "/a\u{1}b",
            "/a b",
            "",
        ] {
            assert_eq!(safe_next(hostile), DEFAULT_AFTER_LOGIN, "{hostile:?}");
        }
    }
}
