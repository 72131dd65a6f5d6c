//! A campaign's configuration and its rules, checked the same way whatever page sent it. Each
//! section parses typed text into a value or a list of problems at named fields; nothing is half
//! accepted. Dates are typed `dd/mm/yyyy`; a deadline is the end of its day in Vietnam.
pub mod general;
pub mod lists;
pub mod numbers;
pub mod readiness;
pub mod scoring;

use serde::{Deserialize, Serialize};

/// Who may see the public pages of a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Public,
    LinkOnly,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::LinkOnly => "link_only",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Visibility::Public, Visibility::LinkOnly]
            .into_iter()
            .find(|v| v.as_str() == raw)
    }
}

/// How a unit's initiatives make up the evaluation part of its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationMode {
    Best,
    Mean,
    Sum,
}

impl EvaluationMode {
    pub const ALL: [EvaluationMode; 3] = [EvaluationMode::Best, EvaluationMode::Mean, EvaluationMode::Sum];

    pub fn as_str(self) -> &'static str {
        match self {
            EvaluationMode::Best => "best",
            EvaluationMode::Mean => "mean",
            EvaluationMode::Sum => "sum",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == raw)
    }
}

/// Whom an award form goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    Collective,
    Individual,
}

impl Recipient {
    pub fn as_str(self) -> &'static str {
        match self {
            Recipient::Collective => "collective",
            Recipient::Individual => "individual",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Recipient::Collective, Recipient::Individual]
            .into_iter()
            .find(|r| r.as_str() == raw)
    }
}

/// One scoring criterion and its maximum points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub name: String,
    pub max_points: i32,
}

/// One form of award, e.g. "Giấy khen của Chủ tịch UBND quận" to a collective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardForm {
    pub name: String,
    pub recipient: Recipient,
}

/// Minimum total score of each rating level; below `pass` is "không hoàn thành".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    pub excellent: i32,
    pub good: i32,
    pub pass: i32,
}

/// The lĩnh vực a new campaign starts with (DESIGN.md's list), editable per campaign.
pub const DEFAULT_FIELDS: [&str; 6] = [
    "Dịch vụ công trực tuyến",
    "Giải quyết hồ sơ đúng hạn",
    "Đơn giản hóa thủ tục hành chính",
    "Ứng dụng công nghệ thông tin",
    "Dân vận khéo",
    "Cải cách tổ chức bộ máy",
];

/// The criteria a new campaign starts with, out of 100 points in all.
pub fn default_criteria() -> Vec<Criterion> {
    [
        ("Tính mới", 20),
        ("Tính khả thi", 20),
        ("Lần đầu áp dụng tại đơn vị", 15),
        ("Hiệu quả, lợi ích", 30),
        ("Khả năng nhân rộng", 15),
    ]
    .into_iter()
    .map(|(name, max_points)| Criterion {
        name: name.to_owned(),
        max_points,
    })
    .collect()
}

pub const DEFAULT_THRESHOLDS: Thresholds = Thresholds {
    excellent: 90,
    good: 70,
    pass: 50,
};

pub fn default_award_forms() -> Vec<AwardForm> {
    [
        ("Giấy khen của Chủ tịch UBND", Recipient::Collective),
        ("Giấy khen của Chủ tịch UBND", Recipient::Individual),
        ("Bằng khen của Chủ tịch UBND Thành phố", Recipient::Collective),
        ("Bằng khen của Chủ tịch UBND Thành phố", Recipient::Individual),
    ]
    .into_iter()
    .map(|(name, recipient)| AwardForm {
        name: name.to_owned(),
        recipient,
    })
    .collect()
}

/// A title with its years moved: "Phong trào thi đua năm 2021" → "… năm 2022" for a copy.
pub fn shift_years_in_text(text: &str, years: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let run: String = chars[i..].iter().take_while(|c| c.is_ascii_digit()).collect();
        if run.is_empty() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let is_year = run.len() == 4 && run.parse::<i32>().is_ok_and(|y| (1990..=2100).contains(&y));
        match run.parse::<i32>() {
            Ok(year) if is_year => out.push_str(&(year + years).to_string()),
            _ => out.push_str(&run),
        }
        i += run.chars().count();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::shift_years_in_text;

    #[test]
    fn years_in_a_title_move_but_other_numbers_stay() {
        assert_eq!(
            shift_years_in_text("Phong trào thi đua CCHC năm 2021 (đợt 2)", 1),
            "Phong trào thi đua CCHC năm 2022 (đợt 2)"
        );
        assert_eq!(
            shift_years_in_text("Kế hoạch 4776/KH-UBND", 1),
            "Kế hoạch 4776/KH-UBND"
        );
        assert_eq!(shift_years_in_text("Quận 11 2022", 2), "Quận 11 2024");
    }
}
