//! Accounts of admins and evaluators: a username is 3–32 lower-case ASCII letters, digits,
//! dots, dashes or underscores; a new password has at least 10 characters.
use super::text::required_text;
use crate::error::Problem;
use serde::{Deserialize, Serialize};

pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 128;

/// What an account may do (see `domain::access` for the scopes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages everything, across every root of the unit tree.
    SystemAdmin,
    /// Manages the subtree of its own unit: units below it, campaigns organized inside it.
    Organizer,
    /// Sits on a council; manages nothing.
    Evaluator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::SystemAdmin => "system_admin",
            Role::Organizer => "organizer",
            Role::Evaluator => "evaluator",
        }
    }

    /// A role chosen in a form.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        match raw {
            "system_admin" => Ok(Role::SystemAdmin),
            "organizer" => Ok(Role::Organizer),
            "evaluator" => Ok(Role::Evaluator),
            "" => Err(Problem::Required),
            _ => Err(Problem::UnknownRole),
        }
    }

    /// Whether the account manages units and campaigns (in its scope).
    pub fn is_admin(self) -> bool {
        matches!(self, Role::SystemAdmin | Role::Organizer)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let name = raw.trim().to_lowercase();
        if name.is_empty() {
            return Err(Problem::Required);
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_');
        if name.len() < 3 || name.len() > 32 || !name.chars().all(allowed) {
            return Err(Problem::UsernameFormat);
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A display name such as "Nguyễn Thị Lan", stored in NFC.
pub fn parse_display_name(raw: &str) -> Result<String, Problem> {
    required_text(raw, 100)
}

/// Checks a new password's length; the text itself is never stored.
pub fn check_new_password(raw: &str) -> Result<(), Problem> {
    match raw.chars().count() {
        0 => Err(Problem::Required),
        n if n < PASSWORD_MIN => Err(Problem::PasswordTooShort { min: PASSWORD_MIN }),
        n if n > PASSWORD_MAX => Err(Problem::TooLong { max: PASSWORD_MAX }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn username_is_lower_cased() {
        assert_eq!(Username::parse(" Admin ").unwrap().as_str(), "admin");
    }

    #[test]
    fn username_with_diacritics_or_spaces_is_refused() {
        assert_eq!(Username::parse("lan nguyễn"), Err(Problem::UsernameFormat));
        assert_eq!(Username::parse("ab"), Err(Problem::UsernameFormat));
    }

    #[test]
    fn short_password_is_refused() {
        assert_eq!(
            check_new_password("123456789"),
            Err(Problem::PasswordTooShort { min: 10 })
        );
        assert!(check_new_password("1234567890").is_ok());
    }
}
