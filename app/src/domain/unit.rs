//! Units of the tree: a unit code is unique, upper-case, without spaces; a unit name is
//! normalized Vietnamese text of at most 200 characters; a kind is one of a fixed list.
use super::text::{char_len, fold_for_search, normalize_text, required_text};
use crate::error::Problem;
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 200;
pub const CODE_MAX: usize = 40;

/// A unit's code, as typed in the tree and in import files.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UnitCode(String);

impl UnitCode {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let code = normalize_text(raw).to_uppercase();
        if code.is_empty() {
            return Err(Problem::Required);
        }
        if char_len(&code) > CODE_MAX {
            return Err(Problem::TooLong { max: CODE_MAX });
        }
        if !code
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        {
            return Err(Problem::CodeCharacters);
        }
        Ok(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A unit's display name, stored in NFC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitName(String);

impl UnitName {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        required_text(raw, NAME_MAX).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn search_key(&self) -> String {
        fold_for_search(&self.0)
    }
}

/// What sort of body a unit is; stored by its identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Province,
    District,
    Ward,
    /// Đặc khu: an island special zone, at the level of a xã or phường since 1 July 2025.
    SpecialZone,
    Department,
    MassOrganization,
    PublicServiceUnit,
    PartyOrganization,
    Other,
}

impl UnitKind {
    pub const ALL: [UnitKind; 9] = [
        UnitKind::Province,
        UnitKind::District,
        UnitKind::Ward,
        UnitKind::SpecialZone,
        UnitKind::Department,
        UnitKind::MassOrganization,
        UnitKind::PublicServiceUnit,
        UnitKind::PartyOrganization,
        UnitKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Province => "province",
            UnitKind::District => "district",
            UnitKind::Ward => "ward",
            UnitKind::SpecialZone => "special_zone",
            UnitKind::Department => "department",
            UnitKind::MassOrganization => "mass_organization",
            UnitKind::PublicServiceUnit => "public_service_unit",
            UnitKind::PartyOrganization => "party_organization",
            UnitKind::Other => "other",
        }
    }

    /// Accepts the identifier or any wording of the official lists (before and after the
    /// two-tier reform of 1 July 2025), with or without diacritics, abbreviated "TP." or not.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let spaced = fold_for_search(raw).replace(['_', '-', '/', '.', ','], " ");
        // "TP." and "TW" are the lists' abbreviations of "thành phố" and "trung ương".
        let folded = spaced
            .split_whitespace()
            .map(|word| match word {
                "tp" => "thanh pho",
                "tw" => "trung uong",
                word => word,
            })
            .collect::<Vec<_>>()
            .join(" ");
        if folded.is_empty() {
            return Err(Problem::Required);
        }
        let by_words: &[(&[&str], UnitKind)] = &[
            (
                &[
                    "province",
                    "city",
                    "tinh",
                    "thanh pho",
                    "tinh thanh pho",
                    "thanh pho truc thuoc trung uong",
                    "thanh pho trung uong",
                    "thanh pho thuoc trung uong",
                    "tinh thanh",
                ],
                UnitKind::Province,
            ),
            (
                &[
                    "district",
                    "quan",
                    "huyen",
                    "thi xa",
                    "quan huyen",
                    "thanh pho thuoc tinh",
                ],
                UnitKind::District,
            ),
            (
                &[
                    "ward",
                    "commune",
                    "phuong",
                    "xa",
                    "thi tran",
                    "phuong xa",
                    "xa phuong",
                    "xa phuong thi tran",
                ],
                UnitKind::Ward,
            ),
            (&["special zone", "dac khu"], UnitKind::SpecialZone),
            (
                &["department", "phong ban", "phong", "ban", "co quan chuyen mon"],
                UnitKind::Department,
            ),
            (
                &["mass organization", "doan the", "to chuc chinh tri xa hoi", "hoi"],
                UnitKind::MassOrganization,
            ),
            (
                &["public service unit", "don vi su nghiep", "su nghiep"],
                UnitKind::PublicServiceUnit,
            ),
            (
                &[
                    "party organization",
                    "to chuc co so dang",
                    "dang uy",
                    "chi bo",
                    "co so dang",
                ],
                UnitKind::PartyOrganization,
            ),
            (&["other", "khac"], UnitKind::Other),
        ];
        by_words
            .iter()
            .find(|(words, _)| words.contains(&folded.as_str()))
            .map(|(_, kind)| *kind)
            .ok_or(Problem::UnknownKind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_is_trimmed_and_upper_cased() {
        assert_eq!(UnitCode::parse("  gv-p1 ").unwrap().as_str(), "GV-P1");
    }

    #[test]
    fn code_with_inner_space_is_refused() {
        assert_eq!(UnitCode::parse("GV P1"), Err(Problem::CodeCharacters));
    }

    #[test]
    fn empty_name_is_refused() {
        assert_eq!(UnitName::parse("   "), Err(Problem::Required));
    }

    #[test]
    fn overlong_name_is_refused() {
        let name = "ệ".repeat(NAME_MAX + 1);
        assert_eq!(UnitName::parse(&name), Err(Problem::TooLong { max: NAME_MAX }));
        assert!(UnitName::parse(&"ệ".repeat(NAME_MAX)).is_ok());
    }

    #[test]
    fn kind_accepts_vietnamese_words_with_or_without_diacritics() {
        assert_eq!(UnitKind::parse("Phường"), Ok(UnitKind::Ward));
        assert_eq!(UnitKind::parse("xa"), Ok(UnitKind::Ward));
        assert_eq!(UnitKind::parse("Phòng ban"), Ok(UnitKind::Department));
        assert_eq!(UnitKind::parse("ĐOÀN THỂ"), Ok(UnitKind::MassOrganization));
        assert_eq!(
            UnitKind::parse("public_service_unit"),
            Ok(UnitKind::PublicServiceUnit)
        );
        assert_eq!(
            UnitKind::parse("Tổ chức cơ sở Đảng"),
            Ok(UnitKind::PartyOrganization)
        );
    }

    #[test]
    fn kind_accepts_every_wording_of_the_two_tier_lists() {
        for wording in [
            "Thành phố trung ương",
            "Thành phố trực thuộc trung ương",
            "thành phố  trực thuộc Trung ương",
            "TP. trực thuộc TW",
            "Tỉnh",
        ] {
            assert_eq!(UnitKind::parse(wording), Ok(UnitKind::Province), "{wording}");
        }
        assert_eq!(UnitKind::parse("TP trung ương"), Ok(UnitKind::Province));
        assert_eq!(UnitKind::parse("Đặc khu"), Ok(UnitKind::SpecialZone));
        assert_eq!(UnitKind::parse("dac khu"), Ok(UnitKind::SpecialZone));
        assert_eq!(UnitKind::parse("Xã"), Ok(UnitKind::Ward));
        assert_eq!(UnitKind::parse("Xã, phường, thị trấn"), Ok(UnitKind::Ward));
    }

    #[test]
    fn unknown_kind_is_refused() {
        assert_eq!(UnitKind::parse("hợp tác xã"), Err(Problem::UnknownKind));
    }

    #[test]
    fn every_kind_round_trips_through_its_identifier() {
        for kind in UnitKind::ALL {
            assert_eq!(UnitKind::parse(kind.as_str()), Ok(kind));
        }
    }
}
